import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, Role } from '@cpss/domain';
import { fixedClock } from '@cpss/server-kit';
import { capturingLogger, errorCodes } from '@cpss/testkit';
import { seedDemoTraining } from '../src/services/demo-seed';
import { as, fieldsOf, gql, useTrainingDatabase } from './harness';
import { trainer } from './session-fixtures';

const t = useTrainingDatabase();
const TODAY = '2026-11-23';
const CATALOG = `query($kind: CourseKind, $county: String, $virtual: Boolean, $from: LocalDate, $to: LocalDate, $first: Int) {
  trainingCatalog(kind: $kind, county: $county, virtual: $virtual, from: $from, to: $to, first: $first) {
    totalCount edges { node { id courseTitle courseKind courseHours delivery county firstDay seatsLeft days { date hours } } }
  }
}`;
type Catalog = { totalCount: number; edges: { node: { id: string; courseTitle: string; courseKind: string; delivery: string; county: string | null; firstDay: string; seatsLeft: number; days: unknown[] } }[] };

beforeAll(async () => {
  const { logger } = capturingLogger('training');
  await seedDemoTraining(t.ds, logger, fixedClock(TODAY));
  await seedDemoTraining(t.ds, logger, fixedClock(TODAY));
});

describe('demo seed', () => {
  it('seeds courses, each demo trainer’s sessions and registrations once', async () => {
    expect([await t.count('course'), await t.count('training_session'), await t.count('enrollment')]).toEqual([4, 4, 7]);
    const SESSIONS = `{ trainingSessions { totalCount edges { node { firstDay course { title } roster { personId } } } } }`;
    const res = await gql(await t.appOn(TODAY), SESSIONS, {}, await trainer(DEMO_PEOPLE[1]!.id));
    const conn = res.body.data!['trainingSessions'] as { totalCount: number; edges: { node: { firstDay: string; roster: unknown[] } }[] };
    expect(conn.totalCount).toBe(3);
    expect(conn.edges.map((e) => e.node.roster.length).sort()).toEqual([1, 2, 3]);
    // The one held already waits for its attendance.
    expect(conn.edges.filter((e) => e.node.firstDay < TODAY).map((e) => e.node.roster.length)).toEqual([3]);
    const second = await gql(await t.appOn(TODAY), SESSIONS, {}, await trainer(DEMO_PEOPLE[5]!.id));
    expect((second.body.data!['trainingSessions'] as { edges: { node: { course: { title: string } } }[] }).edges.map((e) => e.node.course.title)).toEqual(['Wellness Recovery Action Planning for Peers']);
  });
});

describe('courses a trainer teaches', () => {
  it('lists each trainer’s own courses only; others may not ask', async () => {
    const TAUGHT = `{ coursesITeach { title status } }`;
    const app = await t.appOn(TODAY);
    const ben = await gql(app, TAUGHT, {}, await trainer(DEMO_PEOPLE[1]!.id));
    expect(ben.body.data!['coursesITeach']).toEqual([
      { title: 'Ethics and Peer Support Boundaries', status: 'APPROVED' },
      { title: 'NC Peer Support Specialist Training', status: 'APPROVED' },
    ]);
    const frank = await gql(app, TAUGHT, {}, await trainer(DEMO_PEOPLE[5]!.id));
    expect(frank.body.data!['coursesITeach']).toEqual([{ title: 'Wellness Recovery Action Planning for Peers', status: 'APPROVED' }]);
    expect(errorCodes(await gql(app, TAUGHT, {}, await as([Role.Applicant], DEMO_PEOPLE[0]!.id)))).toEqual(['FORBIDDEN']);
  });
});

describe('public catalog', () => {
  it('lists upcoming sessions without sign-in, with seats left', async () => {
    const res = await gql(await t.appOn(TODAY), CATALOG, {});
    expect(errorCodes(res), t.logLines().join('\n')).toEqual([]);
    const c = res.body.data!['trainingCatalog'] as Catalog;
    expect(c.totalCount).toBe(3);
    const core = c.edges.find((e) => e.node.courseKind === 'CORE_PSS')!.node;
    expect(core).toMatchObject({ delivery: 'IN_PERSON', county: 'Durham', seatsLeft: 18 });
    expect(core.days.length).toBe(5);
  });

  it('filters by kind, county, virtual and dates', async () => {
    const app = await t.appOn(TODAY);
    const count = async (vars: Record<string, unknown>) => ((await gql(app, CATALOG, vars)).body.data!['trainingCatalog'] as Catalog).totalCount;
    expect(await count({ kind: 'ETHICS_AND_BOUNDARIES' })).toBe(1);
    expect(await count({ kind: 'SUPERVISOR' })).toBe(0);
    expect(await count({ county: 'Durham' })).toBe(1);
    expect(await count({ virtual: true })).toBe(1);
    expect(await count({ county: 'Guilford', kind: 'ELECTIVE' })).toBe(1);
    // The Wake session was held last week: no longer open to find.
    expect(await count({ virtual: false, county: 'Wake' })).toBe(0);
    const all = ((await gql(app, CATALOG, {})).body.data!['trainingCatalog'] as Catalog).edges.map((e) => e.node.firstDay).sort();
    expect(await count({ from: all[1] })).toBe(2);
    expect(await count({ to: all[0] })).toBe(1);
  });

  it('leaves out sessions already started, or of courses whose term ends before the session', async () => {
    const later = await gql(await t.appOn('2027-06-01'), CATALOG, {});
    expect((later.body.data!['trainingCatalog'] as Catalog).totalCount).toBe(0);
    await t.ds.query(`update course set expires_on = '2026-12-01' where kind = 'CORE_PSS'`);
    const res = await gql(await t.appOn(TODAY), CATALOG, {});
    expect((res.body.data!['trainingCatalog'] as Catalog).edges.map((e) => e.node.courseKind).sort()).toEqual(['ELECTIVE', 'ETHICS_AND_BOUNDARIES']);
    await t.ds.query(`update course set expires_on = '2030-10-23' where kind = 'CORE_PSS'`);
  });

  it('rejects a page size over 100', async () => {
    const res = await gql(await t.appOn(TODAY), CATALOG, { first: 101 });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(res)).toEqual(['first']);
  });

  it('still refuses rosters to anyone but the trainer and staff', async () => {
    const res = await gql(await t.appOn(TODAY), `{ trainingSessions { totalCount } }`, {}, await as([Role.Applicant], DEMO_PEOPLE[0]!.id));
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
  });
});
