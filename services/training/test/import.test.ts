// CSV imports into training (COURSES, TRAINERS, TRAINING_COMPLETIONS), through the subgraph's
// GraphQL operations: realistic files and copies with deliberate errors (a bad date, an unknown
// kind, a duplicate course code, hours against the training policy, a trainer whose person is
// missing...). Certification's answer about who holds a certification number is a port, given here
// the way other tests give the trainer standing (the real one, through the gateway, is in
// test/e2e/import-cli.test.ts's platform).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { Role } from '@cpss/domain';
import { fixedClock } from '@cpss/server-kit';
import { capturingLogger, errorCodes, TEST_SUBGRAPH_SECRET, testVerifier, tokenFor } from '@cpss/testkit';
import { Course } from '../src/entities/course';
import { CourseTrainer } from '../src/entities/session';
import { TrainingCompletion } from '../src/entities/training-completion';
import { createServer } from '../src/server';
import type { CertificationHolders } from '../src/services/certification-holders';
import { gql, useTrainingDatabase } from './harness';

const t = useTrainingDatabase();
const TODAY = '2026-12-07';
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

/** Certification's holders, as the fake port knows them (NC-CPSS-299999: nobody). */
const PEOPLE: Record<string, string> = {
  'NC-CPSS-200001': '0f6c1c7e-6a43-4d7e-9b1a-0c2d3e4f5a01',
  'NC-CPSS-200002': '0f6c1c7e-6a43-4d7e-9b1a-0c2d3e4f5a02',
  'NC-CPSS-200003': '0f6c1c7e-6a43-4d7e-9b1a-0c2d3e4f5a03',
};
const asked: string[][] = [];
const holders: CertificationHolders = {
  async personIdsOf(numbers) {
    asked.push([...numbers]);
    return new Map(numbers.filter((n) => PEOPLE[n]).map((n) => [n, PEOPLE[n]!]));
  },
};

const START = `mutation($input: StartTrainingImportInput!) {
  startTrainingImport(input: $input) { id status kind mode fileName dryRun startedBy }
}`;
const RUN = `query($id: ID!) {
  trainingImportRun(id: $id) {
    id kind status rowsTotal rowsProcessed rowsValid rowsInvalid created updated unchanged
    problemCount problems { line column reason } errorFileCsv startedBy finishedAt
  }
}`;

interface Run {
  id: string;
  kind: string;
  status: string;
  rowsTotal: number;
  rowsValid: number;
  rowsInvalid: number;
  created: number;
  updated: number;
  unchanged: number;
  problemCount: number;
  problems: { line: number; column: string | null; reason: string }[];
  errorFileCsv: string | null;
  finishedAt: string | null;
}

let server: Awaited<ReturnType<typeof createServer>> | null = null;
async function serverOn() {
  server ??= await createServer({ dataSource: t.ds, logger: capturingLogger('training').logger, verifier: testVerifier(), gatewaySecret: TEST_SUBGRAPH_SECRET, clock: fixedClock(TODAY), certificationHolders: holders });
  return server;
}

async function runImport(kind: string, csv: string, mode: 'ALL_OR_NOTHING' | 'VALID_ROWS_ONLY', dryRun = false): Promise<Run> {
  const s = await serverOn();
  const token = await tokenFor([Role.Admin], null, 'admin-1');
  const started = await gql(s.app, START, { input: { kind, mode, fileName: `${kind.toLowerCase()}.csv`, contentBase64: Buffer.from(csv).toString('base64'), dryRun } }, { token });
  expect(started.body.errors).toBeUndefined();
  expect(started.body.data!['startTrainingImport']).toMatchObject({ status: 'RUNNING', kind, startedBy: 'admin-1', dryRun });
  await s.services.imports.settle();
  const res = await gql(s.app, RUN, { id: (started.body.data!['startTrainingImport'] as { id: string }).id }, { token });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!['trainingImportRun'] as Run;
}

/** What the imports write (the import_run rows and their own audit entries aside). */
async function counts() {
  const [row] = (await t.ds.query(`select
      (select count(*)::int from course) as course,
      (select count(*)::int from course_trainer) as course_trainer,
      (select count(*)::int from training_completion) as training_completion,
      (select count(*)::int from status_change) as status_change,
      (select count(*)::int from audit_entry where subject_type <> 'import_run') as audit_entry`)) as Record<string, number>[];
  return row!;
}

const KINDS = 'CORE_PSS, ETHICS_AND_BOUNDARIES, ELECTIVE, DESIGNATION, TRAINING_OF_TRAINERS, SUPERVISOR';

describe('training imports', () => {
  it('only admins import, and the input is checked before a run is recorded', async () => {
    const s = await serverOn();
    const input = { kind: 'COURSES', mode: 'ALL_OR_NOTHING', fileName: 'courses.csv', contentBase64: Buffer.from(fixture('courses.csv')).toString('base64') };
    for (const role of [Role.TrainingReviewer, Role.CurriculumDeveloper]) {
      const res = await gql(s.app, START, { input }, { token: await tokenFor([role], null, 'someone') });
      expect(errorCodes(res)).toEqual(['FORBIDDEN']);
      const list = await gql(s.app, `{ trainingImportRuns { id } }`, {}, { token: await tokenFor([role], null, 'someone') });
      expect(errorCodes(list)).toEqual(['FORBIDDEN']);
    }
    const admin = await tokenFor([Role.Admin], null, 'admin-1');
    const bad = await gql(s.app, START, { input: { ...input, contentBase64: 'not base64!' } }, { token: admin });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(await t.count('import_run')).toBe(0);
  });

  it('courses: every error on its line, all or nothing writes nothing; the good file is imported once; valid rows only returns the rest', async () => {
    const before = await counts();
    const rejected = await runImport('COURSES', fixture('courses-errors.csv'), 'ALL_OR_NOTHING');
    expect(rejected).toMatchObject({ status: 'REJECTED', rowsTotal: 7, rowsValid: 2, rowsInvalid: 5, created: 0, updated: 0, unchanged: 0 });
    expect(rejected.problems).toEqual([
      { line: 3, column: 'approved_on', reason: 'must be a date as YYYY-MM-DD' },
      { line: 4, column: 'kind', reason: `is not a course kind (${KINDS})` },
      { line: 5, column: 'course_code', reason: 'repeats the course_code of line 2' },
      { line: 6, column: 'pre_work_hours', reason: 'must be 10 for a core PSS course' },
      { line: 7, column: 'owner_account_id', reason: "must be the curriculum developer's account id (a uuid)" },
    ]);
    expect(await counts()).toEqual(before);

    const first = await runImport('COURSES', fixture('courses.csv'), 'ALL_OR_NOTHING');
    expect(first).toMatchObject({ status: 'DONE', rowsTotal: 5, rowsValid: 5, created: 5, updated: 0, unchanged: 0, problemCount: 0, errorFileCsv: null });
    const courses = await t.ds.getRepository(Course).find({ order: { code: 'ASC' } });
    expect(courses.map((c) => [c.code, c.kind, c.status, c.faceToFaceHours, c.preWorkHours, c.childAndFamily, c.approvedOn, c.expiresOn])).toEqual([
      ['NCPSS-CORE-01', 'CORE_PSS', 'APPROVED', 40, 10, false, '2023-02-01', '2028-01-31'],
      ['NCPSS-DES-03', 'DESIGNATION', 'APPROVED', 12, 0, false, '2025-03-03', '2030-03-02'],
      ['NCPSS-EL-07', 'ELECTIVE', 'EXPIRED', 6, 0, true, '2020-01-15', '2025-01-14'],
      ['NCPSS-ETH-01', 'ETHICS_AND_BOUNDARIES', 'APPROVED', 3, 0, false, '2022-05-10', '2027-05-09'],
      ['NCPSS-TOT-02', 'TRAINING_OF_TRAINERS', 'APPROVED', 16, 2.5, false, '2024-08-19', '2029-08-18'],
    ]);
    expect(courses.find((c) => c.code === 'NCPSS-ETH-01')).toMatchObject({ title: 'Ethics and Boundaries, Level 1', ownerId: '5b0e7c52-3f1d-4c2a-9a7e-1d2f3a4b5c6d', version: 1 });
    const written = await counts();
    expect(written.course).toBe(before.course + 5);
    expect(written.status_change).toBe(before.status_change + 5); // each course's first status, on its timeline

    const again = await runImport('COURSES', fixture('courses.csv'), 'ALL_OR_NOTHING');
    expect(again).toMatchObject({ status: 'DONE', created: 0, updated: 0, unchanged: 5 });
    expect(await counts()).toEqual(written);

    // A changed term: the course is updated (a new version), its status follows the dates.
    const renewed = fixture('courses.csv').replace('NCPSS-EL-07,Supporting Families of Youth in Recovery,Elective,6,,yes,c7a1e9d4-88b2-4f0e-b6a3-2e9d7c1f0a58,2020-01-15,2025-01-14', 'NCPSS-EL-07,Supporting Families of Youth in Recovery,Elective,6,,yes,c7a1e9d4-88b2-4f0e-b6a3-2e9d7c1f0a58,2025-01-15,2030-01-14');
    expect(await runImport('COURSES', renewed, 'ALL_OR_NOTHING', true)).toMatchObject({ status: 'DONE', created: 0, updated: 1, unchanged: 4 });
    expect(await counts()).toEqual(written); // a dry run writes nothing

    const valid = await runImport('COURSES', fixture('courses-errors.csv'), 'VALID_ROWS_ONLY');
    expect(valid).toMatchObject({ status: 'DONE', rowsValid: 2, rowsInvalid: 5, created: 1, updated: 0, unchanged: 1, problemCount: 5 });
    const errorFile = parse(valid.errorFileCsv!, { columns: true }) as Record<string, string>[];
    expect(errorFile.map((r) => [r['course_code'], r['error']])).toEqual([
      ['NCPSS-EL-11', 'approved_on: must be a date as YYYY-MM-DD'],
      ['NCPSS-EL-12', `kind: is not a course kind (${KINDS})`],
      ['ncpss-core-01', 'course_code: repeats the course_code of line 2'],
      ['NCPSS-CORE-02', 'pre_work_hours: must be 10 for a core PSS course'],
      ['NCPSS-EL-13', "owner_account_id: must be the curriculum developer's account id (a uuid)"],
    ]);
    expect(await t.ds.getRepository(Course).findOneByOrFail({ code: 'NCPSS-SUP-01' })).toMatchObject({ kind: 'SUPERVISOR', status: 'APPROVED' });
    expect((await counts()).course).toBe(written.course + 1);
  });

  it('trainers: a trainer whose person is missing is refused on its line; the registrations are stored once', async () => {
    const before = await counts();
    const rejected = await runImport('TRAINERS', fixture('trainers-errors.csv'), 'ALL_OR_NOTHING');
    expect(rejected).toMatchObject({ status: 'REJECTED', rowsTotal: 5, rowsInvalid: 4 });
    expect(rejected.problems).toEqual([
      { line: 3, column: 'certification_number', reason: 'names NC-CPSS-299999: no person in the platform holds that certification number' },
      { line: 4, column: 'course_code', reason: 'names NCPSS-NOPE-99: no course in the platform has that code (import the courses first)' },
      { line: 5, column: 'certification_number', reason: 'repeats the certification_number, course_code of line 2' },
      { line: 6, column: 'registered_on', reason: 'must be a date as YYYY-MM-DD' },
    ]);
    expect(await counts()).toEqual(before);

    const first = await runImport('TRAINERS', fixture('trainers.csv'), 'ALL_OR_NOTHING');
    expect(first).toMatchObject({ status: 'DONE', created: 3, updated: 0, unchanged: 0 });
    expect(asked.at(-1)!.sort()).toEqual(['NC-CPSS-200001', 'NC-CPSS-200002']); // each number asked once, upper-cased
    const core = await t.ds.getRepository(Course).findOneByOrFail({ code: 'NCPSS-CORE-01' });
    const trainers = await t.ds.getRepository(CourseTrainer).find({ where: { courseId: core.id }, order: { registeredOn: 'ASC' } });
    expect(trainers.map((r) => [r.personId, r.registeredOn, r.registeredBy, r.status])).toEqual([
      [PEOPLE['NC-CPSS-200001'], '2024-03-01', 'admin-1', 'ACTIVE'],
      [PEOPLE['NC-CPSS-200002'], '2025-06-15', 'admin-1', 'ACTIVE'],
    ]);
    const written = await counts();
    expect(written.course_trainer).toBe(before.course_trainer + 3);
    expect(await runImport('TRAINERS', fixture('trainers.csv'), 'ALL_OR_NOTHING')).toMatchObject({ status: 'DONE', created: 0, updated: 0, unchanged: 3 });
    expect(await counts()).toEqual(written);
  });

  it('training completions: per-line errors, nothing written when rejected; hours default to the course, a second run changes nothing', async () => {
    const before = await counts();
    const rejected = await runImport('TRAINING_COMPLETIONS', fixture('training-completions-errors.csv'), 'ALL_OR_NOTHING');
    expect(rejected).toMatchObject({ status: 'REJECTED', rowsTotal: 6, rowsValid: 1, rowsInvalid: 5 });
    expect(rejected.problems).toEqual([
      { line: 3, column: 'hours', reason: "must be at most the course's 50 hours" },
      { line: 4, column: 'completed_on', reason: 'must not be before the course was approved (2024-08-19)' },
      { line: 5, column: 'certification_number', reason: 'names NC-CPSS-299999: no person in the platform holds that certification number' },
      { line: 6, column: 'certification_number', reason: 'repeats the certification_number, course_code, completed_on of line 2' },
      { line: 7, column: 'completed_on', reason: 'must be a date as YYYY-MM-DD' },
    ]);
    expect(await counts()).toEqual(before);

    const first = await runImport('TRAINING_COMPLETIONS', fixture('training-completions.csv'), 'ALL_OR_NOTHING');
    expect(first).toMatchObject({ status: 'DONE', created: 5, updated: 0, unchanged: 0 });
    const mine = await t.ds.getRepository(TrainingCompletion).find({ where: { personId: PEOPLE['NC-CPSS-200001'] } });
    expect(mine.map((c) => [c.courseTitle, c.kind, c.hours, c.completedOn, c.source, c.childAndFamily, c.enteredBy])).toEqual([
      ['NC Peer Support Specialist Training', 'CORE_PSS', 50, '2023-03-10', 'LEGACY', false, 'admin-1'],
    ]);
    const written = await counts();
    expect(written.training_completion).toBe(before.training_completion + 5);
    expect(await runImport('TRAINING_COMPLETIONS', fixture('training-completions.csv'), 'ALL_OR_NOTHING')).toMatchObject({ status: 'DONE', created: 0, updated: 0, unchanged: 5 });
    expect(await counts()).toEqual(written);

    const runs = await gql((await serverOn()).app, `{ trainingImportRuns(first: 3) { kind status } }`, {}, { token: await tokenFor([Role.Admin], null, 'admin-1') });
    expect(runs.body.data!['trainingImportRuns']).toEqual([
      { kind: 'TRAINING_COMPLETIONS', status: 'DONE' },
      { kind: 'TRAINING_COMPLETIONS', status: 'DONE' },
      { kind: 'TRAINING_COMPLETIONS', status: 'REJECTED' },
    ]);
  });
});
