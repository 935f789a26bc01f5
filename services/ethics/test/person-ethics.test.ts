import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sqlStatementsOf } from '@cpss/testkit/vitest';
import { DEMO_ACKNOWLEDGMENTS, DEMO_PEOPLE, Role } from '@cpss/domain';
import { initializeAndMigrate } from '@cpss/server-kit';
import { capturingLogger, createThrowawayDatabase, errorCodes, gql, TEST_SUBGRAPH_SECRET, testVerifier, tokenFor, type ThrowawayDatabase } from '@cpss/testkit';
import type { DataSource } from 'typeorm';
import { createEthicsDataSource } from '../src/data-source';
import { buildEthicsSchema } from '../src/schema';
import { createServer } from '../src/server';
import { seedDemoAcknowledgments } from '../src/services/acknowledgment.service';

let db: ThrowawayDatabase;
let ds: DataSource;
let app: Awaited<ReturnType<typeof createServer>>['app'];
const { logger } = capturingLogger('ethics');

beforeAll(async () => {
  db = await createThrowawayDatabase(inject('pgAdminUrl'));
  ds = await initializeAndMigrate(createEthicsDataSource(db.url));
  await seedDemoAcknowledgments(ds, logger);
  ({ app } = await createServer({ dataSource: ds, logger, verifier: testVerifier(), gatewaySecret: TEST_SUBGRAPH_SECRET }));
});

afterAll(async () => {
  await ds?.destroy();
  await db?.drop();
});

const ENTITIES = `query($r: [_Any!]!) {
  _entities(representations: $r) { ... on Person { id ethicsAcknowledgments { codeVersion signedOn } } }
}`;
const reps = (ids: string[]) => ({ r: ids.map((id) => ({ __typename: 'Person', id })) });
const expectedVersions = (personId: string) =>
  DEMO_ACKNOWLEDGMENTS.filter((a) => a.personId === personId)
    .sort((a, b) => (a.signedOn < b.signedOn ? 1 : -1))
    .map((a) => a.codeVersion);

describe("ethics' fields on Person", () => {
  it('gives staff every person’s acknowledgments, newest first', async () => {
    const ids = DEMO_PEOPLE.map((p) => p.id);
    const res = await gql(app, ENTITIES, reps(ids), { token: await tokenFor([Role.EthicsStaff]) });
    const people = res.body.data!['_entities'] as { id: string; ethicsAcknowledgments: { codeVersion: string }[] }[];
    expect(people.map((p) => p.ethicsAcknowledgments.map((a) => a.codeVersion))).toEqual(ids.map(expectedVersions));
  });

  it('reads the acknowledgments of many people in one SQL statement', async () => {
    const token = await tokenFor([Role.Admin]);
    const { statements: forTwo } = await sqlStatementsOf(() => gql(app, ENTITIES, reps(DEMO_PEOPLE.slice(0, 2).map((p) => p.id)), { token }));
    const { statements: forAll } = await sqlStatementsOf(() => gql(app, ENTITIES, reps(DEMO_PEOPLE.map((p) => p.id)), { token }));
    expect(forTwo).toBe(1);
    expect(forAll).toBe(forTwo);
  });

  it('lets a person read their own record but not someone else’s', async () => {
    const [me, other] = DEMO_PEOPLE;
    const token = await tokenFor([Role.Applicant], me!.id);
    const own = await gql(app, `query($id: ID!) { ethicsAcknowledgments(personId: $id) { codeVersion } }`, { id: me!.id }, { token });
    expect((own.body.data!['ethicsAcknowledgments'] as unknown[]).length).toBeGreaterThan(0);
    const theirs = await gql(app, ENTITIES, reps([other!.id]), { token });
    expect(errorCodes(theirs)).toContain('FORBIDDEN');
  });

  it('refuses a caller without a token', async () => {
    const res = await gql(app, ENTITIES, reps([DEMO_PEOPLE[0]!.id]));
    expect(errorCodes(res)).toContain('UNAUTHENTICATED');
    expect(res.body.data?.['_entities'] ?? null).toBeNull();
  });

  it('has a committed schema.graphql that matches the code', async () => {
    const { sdl } = await buildEthicsSchema();
    expect(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'), 'services/ethics/schema.graphql is stale: run `npm run compose`').toBe(sdl);
  });
});
