// The export route's engine (routes/export.ts) over a small GraphQL schema executed by graphql-js
// in place of the gateway (the real lists through the real gateway and subgraphs are in
// test/e2e/exports.test.ts): paging with the cursor until the last page, the row cap, a failure
// after the file started (the download is cut, not ended as if complete), columns a role may not
// read never asked, the audit entry in the identity schema (real PostgreSQL); and the cells.
import express from 'express';
import { buildSchema, graphql, GraphQLError } from 'graphql';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { Role } from '@cpss/domain';
import { initializeAndMigrate, readAuditTrail } from '@cpss/server-kit';
import { capturingLogger, createThrowawayDatabase, testVerifier, tokenFor, type ThrowawayDatabase } from '@cpss/testkit';
import type { DataSource } from 'typeorm';
import { createIdentityDataSource } from '../src/data-source';
import { auditFilters, cell, columnsFor, EXPORTS, REDISCLOSURE_NOTICE, selectionOf, type ExportList } from '../src/exports';
import { exportRoutes, type ExecuteAs } from '../src/routes/export';

const schema = buildSchema(`
  type Widget { n: Int!  label: String  secret: String }
  type PageInfo { hasNextPage: Boolean!  endCursor: String }
  type WidgetEdge { node: Widget! }
  type WidgetConnection { totalCount: Int!  pageInfo: PageInfo!  edges: [WidgetEdge!]! }
  type Query { widgets(first: Int!, after: String, min: Int): WidgetConnection! }
`);
const WIDGETS = Array.from({ length: 30 }, (_, i) => ({ n: i + 1, label: i === 4 ? '=HYPERLINK("http://x")' : `widget, no. ${i + 1}` }));
let pagesAsked: (string | null)[] = [];
let secretsRead = 0;
let failAfter: string | null = null;
const root = {
  widgets: ({ first, after, min }: { first: number; after?: string | null; min?: number | null }) => {
    pagesAsked.push(after ?? null);
    if (after && after === failAfter) throw new GraphQLError('training is not answering', { extensions: { code: 'SERVICE_UNAVAILABLE', service: 'training' } });
    const all = WIDGETS.filter((w) => w.n >= (min ?? 0));
    const start = after ? all.findIndex((w) => String(w.n) === after) + 1 : 0;
    const page = all.slice(start, start + first);
    return {
      totalCount: all.length,
      pageInfo: { hasNextPage: start + first < all.length, endCursor: page.length ? String(page[page.length - 1]!.n) : null },
      edges: page.map((w) => ({ node: { ...w, secret: () => (secretsRead++, `s${w.n}`) } })),
    };
  },
};
const execute: ExecuteAs = async ({ query, variables }) => {
  const result = await graphql({ schema, source: query, rootValue: root, variableValues: variables });
  return { data: result.data as Record<string, unknown> | null, errors: result.errors?.map((e) => e.toJSON()) };
};

const widgets: ExportList<{ min?: number }> = {
  title: 'widgets',
  params: z.object({ min: z.coerce.number().int().min(1).optional() }).strict(),
  document: (rows) =>
    `query W($first: Int!, $after: String, $min: Int) { list: widgets(first: $first, after: $after, min: $min) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${rows} } } } }`,
  variables: (p) => ({ min: p.min ?? null }),
  paged: true,
  columns: [
    { header: 'Number', path: 'n' },
    { header: 'Label', path: 'label' },
    { header: 'Secret', path: 'secret', roles: [Role.Admin] },
  ],
  notice: true,
};

let db: ThrowawayDatabase;
let ds: DataSource;
let app: express.Express;
const { logger } = capturingLogger('gateway');

beforeAll(async () => {
  db = await createThrowawayDatabase(inject('pgAdminUrl'));
  ds = await initializeAndMigrate(createIdentityDataSource(db.url));
  app = express();
  app.use('/export', exportRoutes({ execute, verifier: testVerifier(), dataSource: ds, logger, lists: { widgets }, pageSize: 7, maxRows: 29 }));
});
afterAll(async () => {
  await ds?.destroy();
  await db?.drop();
});

const csvLines = (text: string) => text.split('\r\n').filter(Boolean);

describe('the export route', () => {
  it('asks page after page with the cursor and streams every row, the notice first', async () => {
    pagesAsked = [];
    const token = await tokenFor([Role.Admin], null, 'exporting-admin');
    const res = await request(app).get('/export/widgets.csv?min=3').set('authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(pagesAsked).toEqual([null, '9', '16', '23']);
    const lines = csvLines(res.text);
    expect(lines[0]).toBe(`# NOTICE: ${REDISCLOSURE_NOTICE}`);
    expect(res.headers['x-redisclosure-notice']).toBe(REDISCLOSURE_NOTICE);
    expect(lines[1]).toBe('Number,Label,Secret');
    expect(lines.slice(2).map((l) => Number(l.split(',')[0]))).toEqual(WIDGETS.filter((w) => w.n >= 3).map((w) => w.n));
    expect(lines[2]).toBe('3,"widget, no. 3",s3');
    // A value a spreadsheet would run as a formula is kept as text.
    expect(lines[4]).toBe(`5,"'=HYPERLINK(""http://x"")",s5`);

    const page = await readAuditTrail(ds, { action: 'export', actor: 'exporting-admin' }, 10);
    expect(page.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ subjectType: 'widgets', subjectId: 'min=3', fields: ['Number', 'Label', 'Secret'], operation: 'export:widgets', actorRoles: [Role.Admin] }),
    ]);
  });

  it('never asks for a column the role may not read', async () => {
    secretsRead = 0;
    const token = await tokenFor([Role.TrainingReviewer]);
    const res = await request(app).get('/export/widgets.csv?min=25').set('authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(csvLines(res.text)[1]).toBe('Number,Label');
    expect(csvLines(res.text)).toHaveLength(2 + 6);
    expect(secretsRead).toBe(0);
  });

  it('refuses a list larger than the cap before writing anything, and bad filters naming the field', async () => {
    const token = await tokenFor([Role.Admin], null, 'capped-admin');
    const big = await request(app).get('/export/widgets.csv').set('authorization', `Bearer ${token}`);
    expect(big.status).toBe(413);
    expect(big.body.error).toMatchObject({ code: 'EXPORT_TOO_LARGE', totalCount: 30, maxRows: 29 });
    const bad = await request(app).get('/export/widgets.csv?min=0').set('authorization', `Bearer ${token}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'min' }] });
    expect((await readAuditTrail(ds, { action: 'export', actor: 'capped-admin' }, 10)).edges).toEqual([]);
    expect((await request(app).get('/export/widgets.csv?min=3')).status).toBe(401);
  });

  it('answers a failure on the first page with its code, and cuts the download short on a later one', async () => {
    const token = await tokenFor([Role.Admin]);
    failAfter = null;
    try {
      failAfter = '16';
      const cut = await request(app)
        .get('/export/widgets.csv?min=3')
        .set('authorization', `Bearer ${token}`)
        .then(
          (r) => ({ ok: true, text: r.text }),
          (err: Error) => ({ ok: false, text: err.message }),
        );
      expect(cut.ok).toBe(false);
    } finally {
      failAfter = null;
    }
  });
});

describe('cells, columns and the audit filters', () => {
  it('writes empty for null, lists joined, yes/no, and neutralises formulas', () => {
    expect([null, undefined, ['A', 'B'], true, false, 3.5, '-1+2', '@SUM(A1)', '+x', '2026-01-01'].map(cell)).toEqual([
      '', '', 'A; B', 'yes', 'no', '3.5', "'-1+2", "'@SUM(A1)", "'+x", '2026-01-01',
    ]);
  });

  it('asks nested fields for dotted paths, and only the columns the roles may read', () => {
    const people = EXPORTS['people']!;
    expect(selectionOf(columnsFor(people, [Role.CertificationReviewer]))).toContain('applications { id }');
    expect(selectionOf(columnsFor(people, [Role.CertificationReviewer]))).not.toContain('complaints');
    expect(columnsFor(people, [Role.EthicsStaff]).map((c) => c.header)).toEqual(expect.arrayContaining(['Complaints', 'Sanctions']));
    expect(selectionOf(columnsFor(EXPORTS['applications']!, [Role.Admin]))).toContain('person { legalName }');
  });

  it('records filters without personal values', () => {
    expect(auditFilters(EXPORTS['people']!, { search: 'Alicia Moore', county: 'Wake' })).toBe('county=Wake&search=(given)');
    expect(auditFilters(EXPORTS['applications']!, { statuses: ['SUBMITTED', 'IN_REVIEW'], channel: undefined })).toBe('statuses=SUBMITTED,IN_REVIEW');
  });

  it('has a notice on the lists about people in recovery, and not on the public or aggregate ones', () => {
    const withNotice = Object.entries(EXPORTS)
      .filter(([, l]) => l.notice)
      .map(([n]) => n)
      .sort();
    expect(withNotice).toEqual(['applications', 'complaints', 'completions', 'people', 'queue-applications', 'queue-complaints', 'queue-renewals']);
  });
});
