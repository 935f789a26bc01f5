import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sqlStatementsOf } from '@cpss/testkit/vitest';
import { DEMO_COMPLETIONS, DEMO_PEOPLE, Role } from '@cpss/domain';
import { initializeAndMigrate } from '@cpss/server-kit';
import { capturingLogger, createThrowawayDatabase, errorCodes, gql, TEST_SUBGRAPH_SECRET, testVerifier, tokenFor, type ThrowawayDatabase } from '@cpss/testkit';
import type { DataSource } from 'typeorm';
import { createTrainingDataSource } from '../src/data-source';
import { buildTrainingSchema } from '../src/schema';
import { createServer } from '../src/server';
import { seedDemoCompletions } from '../src/services/training-record.service';

let db: ThrowawayDatabase;
let ds: DataSource;
let app: Awaited<ReturnType<typeof createServer>>['app'];
const { logger } = capturingLogger('training');

beforeAll(async () => {
  db = await createThrowawayDatabase(inject('pgAdminUrl'));
  ds = await initializeAndMigrate(createTrainingDataSource(db.url));
  await seedDemoCompletions(ds, logger);
  ({ app } = await createServer({ dataSource: ds, logger, verifier: testVerifier(), gatewaySecret: TEST_SUBGRAPH_SECRET }));
});

afterAll(async () => {
  await ds?.destroy();
  await db?.drop();
});

const ENTITIES = `query($r: [_Any!]!) {
  _entities(representations: $r) { ... on Person { id trainingHours trainingCompletions { courseTitle kind hours completedOn } } }
}`;
const reps = (ids: string[]) => ({ r: ids.map((id) => ({ __typename: 'Person', id })) });
const expectedHours = (personId: string) => DEMO_COMPLETIONS.filter((c) => c.personId === personId).reduce((s, c) => s + c.hours, 0);

describe("training's fields on Person", () => {
  it('gives staff every person’s hours and completions, newest first', async () => {
    const ids = DEMO_PEOPLE.map((p) => p.id);
    const res = await gql(app, ENTITIES, reps(ids), { token: await tokenFor([Role.Admin]) });
    const people = res.body.data!['_entities'] as { id: string; trainingHours: number; trainingCompletions: { completedOn: string }[] }[];
    expect(people.map((p) => p.trainingHours)).toEqual(ids.map(expectedHours));
    const alicia = people[0]!.trainingCompletions.map((c) => c.completedOn);
    expect(alicia).toEqual([...alicia].sort().reverse());
    expect(alicia.length).toBe(DEMO_COMPLETIONS.filter((c) => c.personId === ids[0]).length);
  });

  it('reads the completions of many people in one SQL statement, and their hour totals in one more', async () => {
    const token = await tokenFor([Role.Admin]);
    const HOURS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { trainingHours trainingHoursByKind { kind hours } childAndFamilyTrainingHours } } }`;
    const COMPLETIONS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { trainingCompletions { courseTitle } } } }`;
    const two = reps(DEMO_PEOPLE.slice(0, 2).map((p) => p.id));
    const all = reps(DEMO_PEOPLE.map((p) => p.id));
    for (const [query, statements] of [[HOURS, 1], [COMPLETIONS, 1], [ENTITIES, 2]] as const) {
      const { statements: forTwo } = await sqlStatementsOf(() => gql(app, query, two, { token }));
      const { statements: forAll } = await sqlStatementsOf(() => gql(app, query, all, { token }));
      expect(forTwo).toBe(statements);
      expect(forAll).toBe(forTwo);
    }
  });

  it('lets a person read their own record but not someone else’s', async () => {
    const [me, other] = DEMO_PEOPLE;
    const token = await tokenFor([Role.Applicant], me!.id);
    const own = await gql(app, `query($id: ID!) { trainingCompletions(personId: $id) { courseTitle } }`, { id: me!.id }, { token });
    expect((own.body.data!['trainingCompletions'] as unknown[]).length).toBeGreaterThan(0);
    const theirs = await gql(app, ENTITIES, reps([other!.id]), { token });
    expect(errorCodes(theirs)).toContain('FORBIDDEN');
  });

  it('refuses a caller without a token', async () => {
    const res = await gql(app, ENTITIES, reps([DEMO_PEOPLE[0]!.id]));
    expect(errorCodes(res)).toContain('UNAUTHENTICATED');
    expect(res.body.data?.['_entities'] ?? null).toBeNull();
  });

  it('has a committed schema.graphql that matches the code', async () => {
    const { sdl } = await buildTrainingSchema();
    expect(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'), 'services/training/schema.graphql is stale: run `npm run compose`').toBe(sdl);
  });
});
