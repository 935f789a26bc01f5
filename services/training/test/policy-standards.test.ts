import { describe, expect, it } from 'vitest';
import { Role } from '@cpss/domain';
import { errorCodes } from '@cpss/testkit';
import { NC_TRAINING_POLICY } from '../src/policy/training-policy';
import { as, fieldsOf, gql, useTrainingDatabase } from './harness';

const t = useTrainingDatabase();

const IN_FORCE = `query($on: LocalDate) { trainingPolicyInForce(on: $on) { effectiveFrom values } }`;
const ADD = `mutation($input: AddTrainingPolicyVersionInput!) { addTrainingPolicyVersion(input: $input) { id effectiveFrom values } }`;

describe('training policy', () => {
  it('is seeded with the North Carolina values, with the 2019 and 2024 pauses', async () => {
    const app = await t.appOn('2026-11-23');
    const token = await as([Role.CurriculumDeveloper]);
    const today = await gql(app, IN_FORCE, {}, token);
    const values = (today.body.data!['trainingPolicyInForce'] as { values: typeof NC_TRAINING_POLICY }).values;
    expect(values.submissionFeeUsd).toBe(800);
    expect(values.submissionWindows).toEqual([
      { from: { month: 4, day: 1 }, to: { month: 4, day: 7 } },
      { from: { month: 10, day: 1 }, to: { month: 10, day: 7 } },
    ]);
    expect(values.reviewTargetBusinessDays).toEqual({ min: 60, max: 90 });
    expect(values.coreCourseHours).toEqual({ faceToFace: 40, preWork: 10 });
    expect([values.courseRecertificationYears, values.defaultClassCapacity, values.submissionsPaused]).toEqual([5, 20, false]);
    for (const [on, paused] of [['2019-04-03', true], ['2020-04-03', false], ['2024-10-02', true], ['2025-04-02', false]] as const) {
      const res = await gql(app, IN_FORCE, { on }, token);
      expect((res.body.data!['trainingPolicyInForce'] as { values: { submissionsPaused: boolean } }).values.submissionsPaused, on).toBe(paused);
    }
  });

  it('lets an admin add a version, in force from its date', async () => {
    const app = await t.appOn('2026-11-23');
    const input = { effectiveFrom: '2027-01-01', values: { ...NC_TRAINING_POLICY, submissionFeeUsd: 900 }, note: 'Fee change' };
    const added = await gql(app, ADD, { input }, await as([Role.Admin]));
    expect(errorCodes(added)).toEqual([]);
    const token = await as([Role.TrainingReviewer]);
    const before = await gql(app, IN_FORCE, { on: '2026-12-31' }, token);
    const after = await gql(app, IN_FORCE, { on: '2027-01-01' }, token);
    expect((before.body.data!['trainingPolicyInForce'] as { values: { submissionFeeUsd: number } }).values.submissionFeeUsd).toBe(800);
    expect((after.body.data!['trainingPolicyInForce'] as { values: { submissionFeeUsd: number } }).values.submissionFeeUsd).toBe(900);
    const list = await gql(app, `{ trainingPolicyVersions { effectiveFrom } }`, {}, token);
    expect((list.body.data!['trainingPolicyVersions'] as { effectiveFrom: string }[])[0]!.effectiveFrom).toBe('2027-01-01');
  });

  it('rejects bad values naming each field, and writes nothing', async () => {
    const app = await t.appOn('2026-11-23');
    const before = await t.count('policy_version');
    const values = { ...NC_TRAINING_POLICY, defaultClassCapacity: 0, reviewTargetBusinessDays: { min: 90, max: 60 } };
    const res = await gql(app, ADD, { input: { effectiveFrom: '2028-01-01', values, note: 'bad' } }, await as([Role.Admin]));
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(res)).toEqual(expect.arrayContaining(['input.values.defaultClassCapacity', 'input.values.reviewTargetBusinessDays.max']));
    expect(await t.count('policy_version')).toBe(before);
  });

  it('takes a version from today on, never one that starts in the past', async () => {
    const app = await t.appOn('2026-11-23');
    const yesterday = await gql(app, ADD, { input: { effectiveFrom: '2026-11-22', values: NC_TRAINING_POLICY, note: 'backdated' } }, await as([Role.Admin]));
    expect(fieldsOf(yesterday)).toEqual(['input.effectiveFrom']);
    const today = await gql(app, ADD, { input: { effectiveFrom: '2026-11-23', values: { ...NC_TRAINING_POLICY, submissionsPaused: true }, note: 'Pause from today' } }, await as([Role.Admin]));
    expect(errorCodes(today)).toEqual([]);
    const inForce = await gql(app, IN_FORCE, {}, await as([Role.Admin]));
    expect((inForce.body.data!['trainingPolicyInForce'] as { values: { submissionsPaused: boolean } }).values.submissionsPaused).toBe(true);
  });

  it('refuses a version from anyone but an admin', async () => {
    const app = await t.appOn('2026-11-23');
    const input = { effectiveFrom: '2029-01-01', values: NC_TRAINING_POLICY, note: 'x' };
    const res = await gql(app, ADD, { input }, await as([Role.TrainingReviewer]));
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
  });
});

describe('training standards', () => {
  it('has the 9 domains with their core concepts', async () => {
    const app = await t.appOn('2026-11-23');
    const res = await gql(app, `{ trainingStandards { version domains { number name coreConcepts { id code statement } } } }`, {}, await as([Role.CurriculumDeveloper]));
    const s = res.body.data!['trainingStandards'] as { version: string; domains: { number: number; name: string; coreConcepts: { code: string }[] }[] };
    expect(s.version).toBe('2012');
    expect(s.domains.map((d) => d.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(s.domains[4]!.name).toBe('Ethics and Boundaries');
    expect(s.domains[8]!.name).toBe('Cultural Competencies and Awareness');
    for (const d of s.domains) {
      expect(d.coreConcepts.length).toBeGreaterThan(0);
      expect(d.coreConcepts.every((c) => c.code.startsWith(`${d.number}.`))).toBe(true);
    }
  });

  const ADD_STANDARDS = `mutation($input: AddTrainingStandardsVersionInput!) { addTrainingStandardsVersion(input: $input) { version effectiveFrom domains { number name coreConcepts { code statement } } } }`;
  const domains = (n: number) => Array.from({ length: n }, (_, i) => ({ number: i + 1, name: `Domain ${i + 1}`, concepts: [`Concept ${i + 1}a`, `Concept ${i + 1}b`] }));

  it('lets an admin adopt a new version from a future date; today keeps the version in force', async () => {
    const app = await t.appOn('2026-11-23');
    const res = await gql(app, ADD_STANDARDS, { input: { version: '2027', effectiveFrom: '2027-07-01', note: 'Revised by the program office', domains: domains(10) } }, await as([Role.Admin]));
    expect(errorCodes(res)).toEqual([]);
    const added = res.body.data!['addTrainingStandardsVersion'] as { domains: { number: number; coreConcepts: { code: string; statement: string }[] }[] };
    expect(added.domains).toHaveLength(10);
    expect(added.domains[9]!.coreConcepts).toEqual([{ code: '10.1', statement: 'Concept 10a' }, { code: '10.2', statement: 'Concept 10b' }]);
    const token = await as([Role.CurriculumDeveloper]);
    const today = await gql(app, `{ trainingStandards { version } }`, {}, token);
    expect(today.body.data!['trainingStandards']).toEqual({ version: '2012' });
    const later = await gql(await t.appOn('2027-07-01'), `{ trainingStandards { version } trainingStandardsVersions { version } }`, {}, token);
    expect(later.body.data).toEqual({ trainingStandards: { version: '2027' }, trainingStandardsVersions: [{ version: '2027' }, { version: '2012' }] });
    expect(await t.count(`status_change where subject_type = 'TrainingStandards' and to_status = 'ADOPTED'`)).toBe(1);
  });

  it('rejects a version in force today, gaps in the numbering or a repeated name, writing nothing; admins only', async () => {
    const app = await t.appOn('2026-11-23');
    const admin = await as([Role.Admin]);
    const before = [await t.count('standards_version'), await t.count('standards_domain'), await t.count('core_concept')];
    const today = await gql(app, ADD_STANDARDS, { input: { version: 'x', effectiveFrom: '2026-11-23', domains: domains(2) } }, admin);
    expect(fieldsOf(today)).toEqual(['input.effectiveFrom']);
    const gap = await gql(app, ADD_STANDARDS, { input: { version: 'x', effectiveFrom: '2028-01-01', domains: [...domains(2), { number: 4, name: 'Four', concepts: ['c'] }] } }, admin);
    expect(fieldsOf(gap)).toEqual(['input.domains']);
    const repeated = await gql(app, ADD_STANDARDS, { input: { version: '2012', effectiveFrom: '2028-01-01', domains: domains(2) } }, admin);
    expect(fieldsOf(repeated)).toEqual(['input.version']);
    const empty = await gql(app, ADD_STANDARDS, { input: { version: 'y', effectiveFrom: '2028-01-01', domains: [{ number: 1, name: 'One', concepts: [] }] } }, admin);
    expect(fieldsOf(empty)).toEqual(['input.domains.0.concepts']);
    expect([await t.count('standards_version'), await t.count('standards_domain'), await t.count('core_concept')]).toEqual(before);
    const reviewer = await gql(app, ADD_STANDARDS, { input: { version: 'z', effectiveFrom: '2028-01-01', domains: domains(1) } }, await as([Role.TrainingReviewer]));
    expect(errorCodes(reviewer)).toEqual(['FORBIDDEN']);
  });

  it('answers NOT_FOUND for an unknown version', async () => {
    const app = await t.appOn('2026-11-23');
    const res = await gql(app, `{ trainingStandards(version: "1999") { version } }`, {}, await as([Role.Admin]));
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
  });
});
