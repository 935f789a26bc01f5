import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PEOPLE, Role } from '@cpss/domain';
import { initializeAndMigrate } from '@cpss/server-kit';
import { capturingLogger, createThrowawayDatabase, errorCodes, gql, TEST_SUBGRAPH_SECRET, testVerifier, tokenFor, type ThrowawayDatabase } from '@cpss/testkit';
import type { DataSource } from 'typeorm';
import { createCertificationDataSource } from '../src/data-source';
import { buildCertificationSchema } from '../src/schema';
import { createServer } from '../src/server';
import { seedDemoPeople } from '../src/services/person.service';

let db: ThrowawayDatabase;
let ds: DataSource;
let app: Awaited<ReturnType<typeof createServer>>['app'];
const { logger, lines } = capturingLogger('certification');

beforeAll(async () => {
  db = await createThrowawayDatabase(inject('pgAdminUrl'));
  ds = await initializeAndMigrate(createCertificationDataSource(db.url));
  await seedDemoPeople(ds, logger);
  ({ app } = await createServer({ dataSource: ds, logger, verifier: testVerifier(), gatewaySecret: TEST_SUBGRAPH_SECRET }));
});

afterAll(async () => {
  await ds?.destroy();
  await db?.drop();
});

const PEOPLE = `query($first: Int, $after: String, $search: String) {
  people(first: $first, after: $after, search: $search) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id legalName dateOfBirth } }
  }
}`;

describe('people', () => {
  it('refuses a caller without a token', async () => {
    const res = await gql(app, PEOPLE);
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.body.data ?? null).toBeNull();
  });

  it('refuses a token that was not signed with the platform key', async () => {
    const forged = (await tokenFor([Role.Admin])).slice(0, -4) + 'AAAA';
    const res = await gql(app, PEOPLE, {}, { token: forged });
    expect(res.status).toBe(401);
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses the list to an applicant', async () => {
    const res = await gql(app, PEOPLE, {}, { token: await tokenFor([Role.Applicant], DEMO_PEOPLE[0]!.id) });
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
  });

  it('pages staff through everyone by legal name, without repeats', async () => {
    const token = await tokenFor([Role.CertificationReviewer]);
    const first = await gql(app, PEOPLE, { first: 3 }, { token });
    const page1 = first.body.data!['people'] as { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { legalName: string; id: string; dateOfBirth: string } }[] };
    expect(page1.totalCount).toBe(DEMO_PEOPLE.length);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await gql(app, PEOPLE, { first: 100, after: page1.pageInfo.endCursor }, { token });
    const page2 = second.body.data!['people'] as typeof page1;
    const names = [...page1.edges, ...page2.edges].map((e) => e.node.legalName);
    expect(names).toEqual([...DEMO_PEOPLE.map((p) => p.legalName)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const alicia = DEMO_PEOPLE[0]!;
    expect([...page1.edges, ...page2.edges].find((e) => e.node.id === alicia.id)?.node.dateOfBirth).toBe(alicia.dateOfBirth);
  });

  it('filters by part of a name', async () => {
    const res = await gql(app, PEOPLE, { search: 'okaf' }, { token: await tokenFor([Role.Admin]) });
    const conn = res.body.data!['people'] as { totalCount: number; edges: { node: { legalName: string } }[] };
    expect(conn.totalCount).toBe(1);
    expect(conn.edges[0]!.node.legalName).toBe('Benjamin Okafor');
  });

  it('rejects a page size over 100, naming the field', async () => {
    const res = await gql(app, PEOPLE, { first: 500 }, { token: await tokenFor([Role.Admin]) });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    const fields = res.body.errors![0]!.extensions!['fields'] as { field: string }[];
    expect(fields.map((f) => f.field)).toEqual(['first']);
  });

  it('rejects a cursor it did not give out', async () => {
    const res = await gql(app, PEOPLE, { after: 'bogus' }, { token: await tokenFor([Role.Admin]) });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('a person reading their own record', () => {
  const alicia = DEMO_PEOPLE[0]!;
  const ME = `query($id: ID!) { person(id: $id) { legalName email } }`;

  it('sees their own email but not another person', async () => {
    const token = await tokenFor([Role.Applicant], alicia.id);
    const own = await gql(app, ME, { id: alicia.id }, { token });
    expect(own.body.data!['person']).toEqual({ legalName: alicia.legalName, email: alicia.email });
    const other = await gql(app, ME, { id: DEMO_PEOPLE[1]!.id }, { token });
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);
  });

  it('does not see their date of birth (staff only)', async () => {
    const token = await tokenFor([Role.Applicant], alicia.id);
    const res = await gql(app, `{ me { legalName dateOfBirth } }`, {}, { token });
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expect(res.body.errors![0]!.path).toEqual(['me', 'dateOfBirth']);
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    const res = await gql(app, ME, { id: '00000000-0000-4000-8000-000000000000' }, { token: await tokenFor([Role.Admin]) });
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
  });
});

describe('federation', () => {
  const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { legalName } } }`;
  const reps = { r: [{ __typename: 'Person', id: DEMO_PEOPLE[2]!.id }] };

  it('resolves a Person reference for a signed-in caller', async () => {
    const res = await gql(app, ENTITIES, reps, { token: await tokenFor([Role.Admin]) });
    expect(res.body.data!['_entities']).toEqual([{ legalName: DEMO_PEOPLE[2]!.legalName }]);
  });

  it('refuses a Person reference without a token', async () => {
    const res = await gql(app, ENTITIES, reps);
    expect(errorCodes(res)).toContain('UNAUTHENTICATED');
    expect(JSON.stringify(res.body.data ?? {})).not.toContain(DEMO_PEOPLE[2]!.legalName);
  });

  it('answers _entities and _service only to the gateway, and no caller without a token that goes around it', async () => {
    // gql() signs as the gateway does; `gateway: false` is a caller reaching the subgraph directly.
    const service = await gql(app, ENTITIES, reps, { token: await tokenFor([Role.Service]), gateway: false });
    expect(service.status).toBe(403);
    expect(errorCodes(service)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(service.body)).not.toContain(DEMO_PEOPLE[2]!.legalName);
    const sdl = await gql(app, '{ _service { sdl } }', {}, { token: await tokenFor([Role.Admin]), gateway: false });
    expect(errorCodes(sdl)).toEqual(['FORBIDDEN']);
    const anonymous = await gql(app, `{ registryLookup(certificationNumber: "NC-CPSS-000001") { name } }`, {}, { gateway: false });
    expect(anonymous.status).toBe(401);
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const admin = await gql(app, `query($id: ID!) { person(id: $id) { legalName } }`, { id: DEMO_PEOPLE[2]!.id }, { token: await tokenFor([Role.Admin]), gateway: false });
    expect(admin.body).toEqual({ data: { person: { legalName: DEMO_PEOPLE[2]!.legalName } } });
    const signed = await gql(app, ENTITIES, reps, { token: await tokenFor([Role.Service]) });
    expect(signed.body.data!['_entities']).toEqual([{ legalName: DEMO_PEOPLE[2]!.legalName }]);
  });

  it('has a committed schema.graphql that matches the code', async () => {
    const file = join(__dirname, '..', 'schema.graphql');
    const { sdl } = await buildCertificationSchema();
    expect(readFileSync(file, 'utf8'), 'services/certification/schema.graphql is stale: run `npm run compose`').toBe(sdl);
  });
});

describe('health', () => {
  it('is ready when the database answers', async () => {
    const { default: request } = await import('supertest');
    const res = await request(app).get('/health/ready');
    expect(res.status).toBe(200);
    expect(lines().join('\n')).not.toContain('authorization');
  });
});
