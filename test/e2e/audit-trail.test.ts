// The audit trail of every domain on the running platform: each write a mutation makes is recorded
// with who, which roles, what, which record, when, the request and the mutation; sign-ins are
// recorded by the gateway; admins read it (GraphQL per domain, /auth/audit for sign-ins); the
// services' database role can add to it but never change, delete or empty it, and the owner cannot
// change it either.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PEOPLE } from '@cpss/domain';
import { codes, graphql, signIn } from '../support/client';

const gatewayUrl = inject('gatewayUrl');
const gateway = `${gatewayUrl}/graphql`;
const SCHEMAS = ['certification', 'training', 'ethics', 'identity'] as const;
const accountOf = (email: string) => DEMO_ACCOUNTS.find((a) => a.email === email)!;

interface Entry {
  actor: string;
  actorRoles: string[];
  action: string;
  subjectType: string;
  subjectId: string;
  fields: string[];
  requestId: string | null;
  operation: string | null;
  at: string;
}
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: Entry }[];
}
const ENTRY = 'actor actorRoles action subjectType subjectId fields requestId operation at';

/** A GraphQL request through the gateway with our own request id (the gateway passes it on). */
async function send(query: string, variables: Record<string, unknown>, token: string | undefined, requestId: string) {
  const res = await fetch(gateway, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
}

let admin: string;
const trail = async (domain: string, filter: Record<string, unknown>, first = 50, after?: string) => {
  const res = await graphql<Record<string, Page>>(
    gateway,
    `query($f: AuditTrailFilterInput, $first: Int, $after: String) { t: ${domain}AuditTrail(filter: $f, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${ENTRY} } } } }`,
    { f: filter, first, after },
    admin,
  );
  expect(res.errors).toBeUndefined();
  return res.data!['t']!;
};

let db: Client;
beforeAll(async () => {
  admin = await signIn(gatewayUrl, 'admin@demo.cpss');
  db = new Client({ connectionString: inject('databaseUrl') });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
});

describe('every write is in its domain audit trail', () => {
  it('records a profile change with who, roles, what changed (names only), the request and the mutation', async () => {
    const email = 'applicant@demo.cpss';
    const token = await signIn(gatewayUrl, email);
    const personId = DEMO_PEOPLE[0]!.id;
    const read = await graphql<{ person: { version: number } }>(gateway, 'query($id: ID!) { person(id: $id) { version } }', { id: personId }, token);
    const requestId = `audit-${randomUUID()}`;
    const phone = `919-555-${String(Math.floor(Math.random() * 9000) + 1000)}`;
    const changed = await send(
      'mutation($i: UpdatePersonProfileInput!) { updatePersonProfile(input: $i) { version } }',
      { i: { personId, expectedVersion: read.data!.person.version, phone } },
      token,
      requestId,
    );
    expect(changed.errors).toBeUndefined();

    const page = await trail('certification', { requestId });
    const update = page.edges.map((e) => e.node).find((n) => n.subjectType === 'person' && n.action === 'update');
    expect(update).toMatchObject({ actor: accountOf(email).id, actorRoles: accountOf(email).roles, subjectId: personId, requestId, operation: 'updatePersonProfile' });
    expect(update!.fields).toEqual(expect.arrayContaining(['phone', 'version']));
    expect(Date.now() - Date.parse(update!.at)).toBeLessThan(10 * 60_000);
    // Names of what changed, never the values.
    const stored = await db.query(`select e::text as row from certification.audit_entry e where request_id = $1`, [requestId]);
    expect(stored.rows.length).toBeGreaterThan(0);
    for (const r of stored.rows as { row: string }[]) expect(r.row).not.toContain(phone);
  });

  it('records writes in training (a curriculum developer creating a course) and ethics (an anonymous complaint)', async () => {
    const developer = accountOf('developer@demo.cpss');
    const courseRequest = `audit-${randomUUID()}`;
    const course = await send(
      'mutation($i: CreateCourseInput!) { createCourse(input: $i) { id } }',
      { i: { title: `Audited course ${courseRequest}`, kind: 'CORE_PSS', faceToFaceHours: 40, preWorkHours: 10 } },
      await signIn(gatewayUrl, developer.email),
      courseRequest,
    );
    expect(course.errors).toBeUndefined();
    const courseId = (course.data!['createCourse'] as { id: string }).id;
    const training = (await trail('training', { requestId: courseRequest })).edges.map((e) => e.node);
    expect(training).toContainEqual(expect.objectContaining({ action: 'create', subjectType: 'course', subjectId: courseId, actor: developer.id, operation: 'createCourse' }));

    const complaintRequest = `audit-${randomUUID()}`;
    const filed = await send(
      'mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { referenceNumber } }',
      { i: { subjectKind: 'CPSS', respondentDescription: 'A specialist', incidentOn: '2026-10-01', summary: 'PLANTED-AUDIT-SUMMARY', complainant: { name: 'Pat', email: 'pat@example.org' } } },
      undefined,
      complaintRequest,
    );
    expect(filed.errors).toBeUndefined();
    const ethics = (await trail('ethics', { requestId: complaintRequest })).edges.map((e) => e.node);
    expect(ethics).toContainEqual(expect.objectContaining({ action: 'create', subjectType: 'complaint', actor: 'anonymous', actorRoles: [], operation: 'fileComplaint' }));
    const stored = await db.query(`select e::text as row from ethics.audit_entry e where request_id = $1`, [complaintRequest]);
    for (const r of stored.rows as { row: string }[]) expect(r.row).not.toContain('PLANTED-AUDIT-SUMMARY');
  });

  it('records nothing for a mutation that is refused', async () => {
    const requestId = `audit-${randomUUID()}`;
    const refused = await send(
      'mutation($i: UpdatePersonProfileInput!) { updatePersonProfile(input: $i) { version } }',
      { i: { personId: DEMO_PEOPLE[0]!.id, expectedVersion: 99_999, phone: '919-555-0000' } },
      await signIn(gatewayUrl, 'applicant@demo.cpss'),
      requestId,
    );
    expect(refused.errors?.length).toBeGreaterThan(0);
    expect((await trail('certification', { requestId })).totalCount).toBe(0);
  });

  it('names what wrote without a request: the demo seed', async () => {
    const seeded = await trail('certification', { actor: 'system', operation: 'demo-seed', subjectType: 'person', action: 'create' }, 1);
    expect(seeded.totalCount).toBeGreaterThan(0);
    expect(seeded.edges[0]!.node).toMatchObject({ requestId: null, actorRoles: [] });
  });

  it('pages newest first without overlap, and is for admins only', async () => {
    const first = await trail('certification', {}, 3);
    expect(first.edges).toHaveLength(3);
    const second = await trail('certification', {}, 3, first.pageInfo.endCursor!);
    const times = [...first.edges, ...second.edges].map((e) => Date.parse(e.node.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const cursors = new Set([...first.edges, ...second.edges].map((e) => e.cursor));
    expect(cursors.size).toBe(first.edges.length + second.edges.length);
    // Page by page through entries that no longer change (the demo seed's, many to a transaction,
    // so many share their time): every one exactly once.
    const seen: string[] = [];
    let page = await trail('certification', { operation: 'demo-seed' }, 7);
    const total = page.totalCount;
    for (;;) {
      seen.push(...page.edges.map((e) => `${e.node.subjectType}/${e.node.subjectId}/${e.node.action}/${e.node.fields.join(',')}/${e.cursor}`));
      if (!page.pageInfo.hasNextPage) break;
      page = await trail('certification', { operation: 'demo-seed' }, 7, page.pageInfo.endCursor!);
    }
    expect(total).toBeGreaterThan(14);
    expect(new Set(seen).size).toBe(total);
    for (const email of ['reviewer@demo.cpss', 'ethics@demo.cpss', 'applicant@demo.cpss']) {
      const res = await graphql(gateway, '{ certificationAuditTrail(first: 1) { totalCount } ethicsAuditTrail(first: 1) { totalCount } }', {}, await signIn(gatewayUrl, email));
      expect(codes(res).every((c) => c === 'FORBIDDEN')).toBe(true);
      expect(codes(res)).toHaveLength(2);
    }
  });
});

describe('sign-ins are in the identity audit trail', () => {
  it('records a sign-in and a refused one, readable by admins only at /auth/audit', async () => {
    const account = accountOf('trainer@demo.cpss');
    const wrong = await fetch(`${gatewayUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: account.email, password: 'not-the-password' }) });
    expect(wrong.status).toBe(401);
    const token = await signIn(gatewayUrl, account.email);
    const read = async (query: string, bearer = admin) => fetch(`${gatewayUrl}/auth/audit?${query}`, { headers: { authorization: `Bearer ${bearer}` } });
    const signIns = (await (await read(`subjectId=${account.id}&first=20`)).json()) as { edges: { node: Entry }[] };
    const actions = signIns.edges.map((e) => e.node);
    expect(actions).toContainEqual(expect.objectContaining({ action: 'sign-in', actor: account.id, operation: 'sign-in' }));
    expect(actions).toContainEqual(expect.objectContaining({ action: 'sign-in-refused', actor: 'anonymous', operation: 'wrong-password' }));
    // The failure count the refusal moved is a write to the account, recorded too.
    expect(actions).toContainEqual(expect.objectContaining({ action: 'update', subjectType: 'account', fields: expect.arrayContaining(['failed_sign_ins']) }));
    expect((await read('first=1', token)).status).toBe(403);
    const bad = await read('first=500');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string; fields: { field: string }[] } }).error).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'first' }] });
  });
});

describe("the services' database role", () => {
  it('puts the write trigger on every table of every domain', async () => {
    const missing = await db.query(
      `select n.nspname || '.' || c.relname as t from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = any($1) and c.relkind in ('r', 'p') and c.relname not in ('audit_entry', 'migrations')
          and not exists (select 1 from pg_trigger g where g.tgrelid = c.oid and g.tgname = 'audit_write')`,
      [SCHEMAS],
    );
    expect(missing.rows).toEqual([]);
    const tables = await db.query(`select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = any($1) and c.relkind = 'r'`, [SCHEMAS]);
    expect((tables.rows[0] as { n: number }).n).toBeGreaterThan(20);
  });

  it.each(SCHEMAS)('%s: adds to the audit trail but cannot change, delete or empty it', async (schema) => {
    // Exactly how the service connects (server-kit createDataSource): its schema, its role.
    const service = new Client({ connectionString: inject('databaseUrl'), options: `-c search_path=${schema} -c role=${schema}_service` } as never);
    await service.connect();
    try {
      const [{ who }] = (await service.query('select current_user as who')).rows as { who: string }[];
      expect(who).toBe(`${schema}_service`);
      await service.query(`insert into audit_entry (actor, action, subject_type, subject_id) values ('audit-test', 'read', 'test', '1')`);
      for (const sql of [`update audit_entry set actor = 'someone else'`, `delete from audit_entry`, `truncate audit_entry`]) {
        await expect(service.query(sql), sql).rejects.toMatchObject({ code: '42501' });
      }
      await expect(service.query('drop trigger audit_entry_no_change on audit_entry')).rejects.toMatchObject({ code: '42501' });
    } finally {
      await service.end();
    }
    // The owner is refused by the table itself.
    await expect(db.query(`update ${schema}.audit_entry set actor = 'someone else' where actor = 'audit-test'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`delete from ${schema}.audit_entry where actor = 'audit-test'`)).rejects.toThrow(/append-only/);
    expect((await db.query(`select count(*)::int as n from ${schema}.audit_entry where actor = 'audit-test'`)).rows[0]).toEqual({ n: 1 });
  });
});
