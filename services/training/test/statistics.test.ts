import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Role } from '@cpss/domain';
import { fixedClock } from '@cpss/server-kit';
import { errorCodes } from '@cpss/testkit';
import { sqlStatementsOf } from '@cpss/testkit/vitest';
import { createTrainingServices } from '../src/training-services';
import { as, fieldsOf, gql, useTrainingDatabase } from './harness';

const t = useTrainingDatabase();
const STATS = `query($from: LocalDate, $to: LocalDate) { trainingStatistics(from: $from, to: $to) { from to byKind { kind completions hours } perMonth { month completions } } }`;
type Stats = { from: string; to: string; byKind: { kind: string; completions: number; hours: number }[]; perMonth: { month: string; completions: number }[] };

describe('training statistics', () => {
  it('counts completions and hours by kind and per month in the period, leaving out those outside their course’s term', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const [{ id: expired }] = (await t.ds.query(
      `insert into course (owner_id, title, kind, face_to_face_hours, pre_work_hours, child_and_family, status, approved_on, expires_on, version)
       values ('dev-1', 'Old elective', 'ELECTIVE', 6, 0, false, 'EXPIRED', '2020-01-01', '2026-03-31', 1) returning id`,
    )) as { id: string }[];
    await t.ds.query(
      `insert into training_completion (person_id, course_title, kind, hours, completed_on, course_id) values
         ($1, 'Core', 'CORE_PSS', 40, '2026-02-10', null), ($2, 'Core', 'CORE_PSS', 40, '2026-02-20', null),
         ($1, 'Ethics', 'ETHICS_AND_BOUNDARIES', 3, '2026-04-01', null),
         ($1, 'Old elective', 'ELECTIVE', 6, '2026-03-31', $3), ($2, 'Old elective', 'ELECTIVE', 6, '2026-04-01', $3),
         ($2, 'Before the period', 'ELECTIVE', 6, '2025-12-31', null)`,
      [a, b, expired],
    );
    const res = await gql(await t.appOn('2026-11-23'), STATS, { from: '2026-01-01', to: '2026-04-30' }, await as([Role.Admin]));
    expect(errorCodes(res)).toEqual([]);
    const s = res.body.data!['trainingStatistics'] as Stats;
    expect(s.byKind).toEqual([
      { kind: 'CORE_PSS', completions: 2, hours: 80 },
      { kind: 'ELECTIVE', completions: 1, hours: 6 },
      { kind: 'ETHICS_AND_BOUNDARIES', completions: 1, hours: 3 },
    ]);
    expect(s.perMonth).toEqual([
      { month: '2026-01', completions: 0 },
      { month: '2026-02', completions: 2 },
      { month: '2026-03', completions: 1 },
      { month: '2026-04', completions: 1 },
    ]);
  });

  it('defaults to the 12 months up to today; refuses a period that ends before it starts, and non-staff', async () => {
    const app = await t.appOn('2026-11-23');
    const res = await gql(app, STATS, {}, await as([Role.TrainingReviewer]));
    const s = res.body.data!['trainingStatistics'] as Stats;
    expect([s.from, s.to, s.perMonth.length]).toEqual(['2025-11-24', '2026-11-23', 13]);
    expect(fieldsOf(await gql(app, STATS, { from: '2026-05-01', to: '2026-04-30' }, await as([Role.Admin])))).toEqual(['from']);
    expect(errorCodes(await gql(app, STATS, {}, await as([Role.CurriculumDeveloper])))).toEqual(['FORBIDDEN']);
  });

  it('counts both from one statement, and serves the default period again until a write is committed', async () => {
    const app = await t.appOn('2026-11-23');
    const admin = await as([Role.Admin]);
    const asked = await sqlStatementsOf(() => gql(app, STATS, { from: '2026-01-01', to: '2026-04-30' }, admin));
    expect(errorCodes(asked.result)).toEqual([]);
    expect(asked.statements).toBe(1);

    const { statistics } = createTrainingServices({ dataSource: t.ds, clock: fixedClock('2026-11-23'), statistics: { maxAgeMs: 60_000 } });
    const year = statistics.period('2026-11-23');
    const first = await sqlStatementsOf(() => Promise.all([statistics.counts(year), statistics.counts(year)]));
    expect(first.statements).toBe(1);
    expect((await sqlStatementsOf(() => statistics.counts(year))).statements).toBe(0);
    // Another period is counted every time.
    const spring = statistics.period('2026-11-23', '2026-01-01', '2026-04-30');
    expect((await sqlStatementsOf(() => statistics.counts(spring))).statements).toBe(1);
    expect((await sqlStatementsOf(() => statistics.counts(spring))).statements).toBe(1);

    const before = first.result[0].perMonth.find((m) => m.month === '2026-10')!.completions;
    await t.ds.transaction((tx) =>
      tx.query(`insert into training_completion (person_id, course_title, kind, hours, completed_on, course_id) values ($1, 'Peer ethics', 'ETHICS_AND_BOUNDARIES', 3, '2026-10-05', null)`, [randomUUID()]),
    );
    const fresh = await sqlStatementsOf(() => statistics.counts(year));
    expect(fresh.statements).toBe(1);
    expect(fresh.result.perMonth.find((m) => m.month === '2026-10')!.completions).toBe(before + 1);
  });
});
