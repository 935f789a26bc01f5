// Every mutation of the subgraph (read from the built schema: a new one is covered without editing
// this file) gets random input from callers allowed to call it (the demo course owners, trainers and
// applicants among them): never INTERNAL_SERVER_ERROR, and a refused call writes nothing. Some
// random inputs succeed; their writes are fine.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PEOPLE, Role } from '@cpss/domain';
import { capturingLogger, errorCodes } from '@cpss/testkit';
import { fixedClock } from '@cpss/server-kit';
import { randomInputToEveryMutation, type Caller } from '@cpss/testkit/vitest/arbitrary-input';
import { buildTrainingSchema } from '../src/schema';
import { seedDemoTraining } from '../src/services/demo-seed';
import { as, fieldsOf, gql, useTrainingDatabase } from './harness';

const t = useTrainingDatabase();
const TODAY = '2026-11-23';
const { schema } = await buildTrainingSchema();

const CALLERS: Record<string, Caller> = {
  staff: { roles: [Role.Admin, Role.TrainingReviewer], personId: null, subject: 'staff-account' },
  reviewer: { roles: [Role.TrainingReviewer], personId: null, subject: 'reviewer-account' },
  service: { roles: [Role.Service], personId: null, subject: 'ethics' },
  ...Object.fromEntries(DEMO_ACCOUNTS.map((a) => [a.email, { roles: a.roles, personId: a.personId, subject: a.id }])),
};

beforeAll(async () => {
  await seedDemoTraining(t.ds, capturingLogger().logger, fixedClock(TODAY));
});

describe('random input to every mutation', () => {
  // An import started by one call goes on after it returns: the database is read once none is running.
  const settled = { query: async (sql: string) => (await (await t.serverOn(TODAY)).services.imports.settle(), t.ds.query(sql)) };
  randomInputToEveryMutation({ schema, app: () => t.appOn(TODAY), ds: () => settled, callers: CALLERS, extraIds: { person: DEMO_PEOPLE.map((p) => p.id) } });
});

describe('found by the random inputs', () => {
  it('a NUL character in any string is BAD_USER_INPUT naming the field (PostgreSQL text cannot hold it), and writes nothing', async () => {
    const before = await t.count('course');
    const res = await gql(
      await t.appOn(TODAY),
      `mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }`,
      { input: { title: 'Boundaries\u0000 and ethics', kind: 'ELECTIVE', faceToFaceHours: 3 } },
      await as([Role.CurriculumDeveloper], null, 'developer-nul'),
    );
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(res)).toEqual(['input.title']);
    expect(await t.count('course')).toBe(before);
  });

  it('a registration for a person id that is no uuid is BAD_USER_INPUT naming input.personId, and writes nothing', async () => {
    const [{ id: sessionId }] = (await t.ds.query(`select id from training_session limit 1`)) as { id: string }[];
    const before = [await t.count('enrollment'), await t.count('status_change')];
    const res = await gql(
      await t.appOn(TODAY),
      `mutation($input: RegisterForTrainingSessionInput!) { registerForTrainingSession(input: $input) { id } }`,
      { input: { sessionId, personId: '1' } },
      await as([Role.Admin, Role.TrainingReviewer]),
    );
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(res)).toEqual(['input.personId']);
    expect([await t.count('enrollment'), await t.count('status_change')]).toEqual(before);
  });
});
