import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { sqlStatementsOf } from '@cpss/testkit/vitest';
import { errorCodes } from '@cpss/testkit';
import { approvedCourse, createCourse, dev, reviewer } from './course-fixtures';
import { fieldsOf, gql, unmetRules, useTrainingDatabase, type App } from './harness';
import { participant, plan, REGISTER, registerTrainer, schedule, SCHEDULE, TODAY, totTrainedPerson, trainer, WEEK, WITHDRAW } from './session-fixtures';

const t = useTrainingDatabase();
let app: App;
let courseId: string;
let trainerId: string;

beforeAll(async () => {
  app = await t.appOn(TODAY);
  courseId = await approvedCourse(await t.appOn('2026-04-02'));
  trainerId = await totTrainedPerson(t.ds);
  await registerTrainer(app, courseId, trainerId);
});

const ROSTER = `query($id: ID!) { trainingSession(id: $id) { id enrolledCount waitlistCount roster { personId status waitlistPosition } timeline { toStatus reason facts } } }`;
type Roster = { enrolledCount: number; waitlistCount: number; roster: { personId: string; status: string; waitlistPosition: number | null }[]; timeline: { toStatus: string; facts: Record<string, unknown> }[] };

describe('trainers', () => {
  it('are registered by the course owner only after training-of-trainers', async () => {
    const untrained = randomUUID();
    const res = await gql(app, `mutation($input: RegisterCourseTrainerInput!) { registerCourseTrainer(input: $input) { id } }`, { input: { courseId, personId: untrained } }, await dev());
    expect(unmetRules(res)).toEqual(['trainingOfTrainers']);
    const notOwner = await gql(app, `mutation($input: RegisterCourseTrainerInput!) { registerCourseTrainer(input: $input) { id } }`, { input: { courseId, personId: trainerId } }, await dev('dev-other'));
    expect(errorCodes(notOwner)).toEqual(['FORBIDDEN']);
    const course = await gql(app, `query($id: ID!) { course(id: $id) { trainers { personId } } }`, { id: courseId }, await dev());
    expect(course.body.data!['course']).toEqual({ trainers: [{ personId: trainerId }] });
  });
});

describe('scheduling a session', () => {
  it('a registered trainer schedules an approved course, with the policy class size by default', async () => {
    const s = await schedule(app, trainerId, plan(courseId));
    expect(s).toMatchObject({ capacity: 20, firstDay: '2027-01-11', lastDay: '2027-01-15' });
  });

  it('is rejected for an expired course', async () => {
    // Approved 2026-04-02 for 5 years: expired on 2031-05-01.
    const later = await t.appOn('2031-05-01');
    const before = await t.count('training_session');
    const res = await gql(later, SCHEDULE, { input: plan(courseId, { registrationOpensOn: '2031-05-01', registrationClosesOn: '2031-05-31', days: WEEK(9, '2031-06') }) }, await trainer(trainerId));
    expect(errorCodes(res)).toEqual(['FAILED_PRECONDITION']);
    expect(unmetRules(res)).toEqual(['courseExpired']);
    // Before expiry, a session running past the expiry date is rejected as well.
    const running = await gql(await t.appOn('2031-03-01'), SCHEDULE, { input: plan(courseId, { registrationOpensOn: '2031-03-01', registrationClosesOn: '2031-03-31', days: [...WEEK(1, '2031-04').slice(0, 4), { date: '2031-04-07', hours: 8 }] }) }, await trainer(trainerId));
    expect(unmetRules(running)).toEqual(['courseExpired']);
    expect(await t.count('training_session')).toBe(before);
  });

  it('is rejected for a course not approved, or a trainer not registered for it', async () => {
    const draft = await createCourse(app, await dev(), { title: 'Draft course', kind: 'ELECTIVE', faceToFaceHours: 40, preWorkHours: 0 });
    const res = await gql(app, SCHEDULE, { input: plan(draft.id) }, await trainer(trainerId));
    expect(unmetRules(res)).toEqual(['courseApproved', 'trainerRegistered']);
    const stranger = await gql(app, SCHEDULE, { input: plan(courseId) }, await trainer(randomUUID()));
    expect(unmetRules(stranger)).toEqual(['trainerRegistered']);
  });

  it('asks the trainer standing (certification active, no barring sanction)', async () => {
    const strict = await t.appWith(TODAY, { trainerStanding: { standingOf: async () => ({ unmet: [{ rule: 'activeCertification', reason: 'certification lapsed' }], facts: null }) } });
    const res = await gql(strict, SCHEDULE, { input: plan(courseId) }, await trainer(trainerId));
    expect(unmetRules(res)).toEqual(['activeCertification']);
  });

  it('rejects bad input naming each field, writing nothing', async () => {
    const before = [await t.count('training_session'), await t.count('session_day')];
    const res = await gql(app, SCHEDULE, { input: plan(courseId, { county: 'Narnia', days: WEEK(11).slice(1), registrationClosesOn: '2027-01-20' }) }, await trainer(trainerId));
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(res)).toEqual(['input.county', 'input.days', 'input.registrationClosesOn']);
    expect([await t.count('training_session'), await t.count('session_day')]).toEqual(before);
  });
});

describe('who sees sessions', () => {
  it('a trainer sees only their own sessions and rosters', async () => {
    const other = await totTrainedPerson(t.ds);
    await registerTrainer(app, courseId, other);
    const theirs = await schedule(app, other, plan(courseId, { days: WEEK(18) }));
    const mine = await schedule(app, trainerId, plan(courseId, { days: WEEK(25) }));
    const list = await gql(app, `{ trainingSessions(first: 100) { totalCount edges { node { id trainerPersonId } } } }`, {}, await trainer(trainerId));
    const nodes = (list.body.data!['trainingSessions'] as { edges: { node: { id: string; trainerPersonId: string } }[] }).edges.map((e) => e.node);
    expect(nodes.map((n) => n.id)).toContain(mine.id);
    expect(nodes.every((n) => n.trainerPersonId === trainerId)).toBe(true);
    expect(errorCodes(await gql(app, ROSTER, { id: theirs.id }, await trainer(trainerId)))).toEqual(['FORBIDDEN']);
    const staff = await gql(app, ROSTER, { id: theirs.id }, await reviewer());
    expect(errorCodes(staff)).toEqual([]);
    expect(errorCodes(await gql(app, ROSTER, { id: mine.id }, await participant(randomUUID())))).toEqual(['FORBIDDEN']);
  });
});

describe('enrollment', () => {
  it('takes 50 concurrent registrations for 20 seats: 20 enrolled, 30 waitlisted in arrival order; a withdrawal promotes the first', async () => {
    const session = await schedule(app, trainerId, plan(courseId, { days: WEEK(1, '2027-02') , registrationClosesOn: '2027-01-29' }));
    const people = Array.from({ length: 50 }, () => randomUUID());
    const tokens = await Promise.all(people.map(participant));
    const results = await Promise.all(people.map((_, i) => gql(app, REGISTER, { input: { sessionId: session.id } }, tokens[i])));
    expect(results.flatMap(errorCodes)).toEqual([]);

    const rows = (await t.ds.query(`select person_id, status, arrival from enrollment where session_id = $1 order by arrival`, [session.id])) as { person_id: string; status: string }[];
    expect(rows.length).toBe(50);
    // The first 20 through the lock hold the seats; the other 30 wait in the order they arrived.
    expect(rows.slice(0, 20).every((r) => r.status === 'ENROLLED')).toBe(true);
    expect(rows.slice(20).every((r) => r.status === 'WAITLISTED')).toBe(true);

    const roster = (await gql(app, ROSTER, { id: session.id }, await trainer(trainerId))).body.data!['trainingSession'] as Roster;
    expect([roster.enrolledCount, roster.waitlistCount]).toEqual([20, 30]);
    const waitlisted = roster.roster.filter((r) => r.status === 'WAITLISTED');
    expect(waitlisted.map((r) => r.waitlistPosition)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(waitlisted.map((r) => r.personId)).toEqual(rows.slice(20).map((r) => r.person_id));

    const leaving = rows[3]!.person_id;
    const enrollmentId = ((await t.ds.query(`select id from enrollment where session_id = $1 and person_id = $2`, [session.id, leaving])) as { id: string }[])[0]!.id;
    const withdrawn = await gql(app, WITHDRAW, { input: { enrollmentId, reason: 'schedule conflict' } }, await participant(leaving));
    expect(withdrawn.body.data!['withdrawFromTrainingSession']).toMatchObject({ status: 'WITHDRAWN' });
    const after = (await gql(app, ROSTER, { id: session.id }, await trainer(trainerId))).body.data!['trainingSession'] as Roster;
    const firstWaiting = rows[20]!.person_id;
    expect(after.roster.find((r) => r.personId === firstWaiting)).toMatchObject({ status: 'ENROLLED', waitlistPosition: null });
    expect(after.roster.find((r) => r.personId === rows[21]!.person_id)).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    expect([after.enrolledCount, after.waitlistCount]).toEqual([20, 29]);
    const notices = (await t.ds.query(`select person_id from training_notice where person_id = $1`, [firstWaiting])) as unknown[];
    expect(notices.length).toBe(1);
  });

  it('refuses double booking: the same session twice, or another session on the same days', async () => {
    const a = await schedule(app, trainerId, plan(courseId, { days: WEEK(8, '2027-03'), registrationClosesOn: '2027-03-01' }));
    const other = await totTrainedPerson(t.ds);
    await registerTrainer(app, courseId, other);
    const b = await schedule(app, other, plan(courseId, { days: WEEK(10, '2027-03'), registrationClosesOn: '2027-03-01' }));
    const person = randomUUID();
    const token = await participant(person);
    expect(errorCodes(await gql(app, REGISTER, { input: { sessionId: a.id } }, token))).toEqual([]);
    const count = await t.count('enrollment');
    expect(unmetRules(await gql(app, REGISTER, { input: { sessionId: a.id } }, token))).toEqual(['alreadyRegistered']);
    expect(unmetRules(await gql(app, REGISTER, { input: { sessionId: b.id } }, token))).toEqual(['doubleBooked']);
    expect(await t.count('enrollment')).toBe(count);
  });

  it('takes registrations only while registration is open, and for oneself', async () => {
    const s = await schedule(app, trainerId, plan(courseId, { days: WEEK(5, '2027-04'), registrationOpensOn: '2026-12-01', registrationClosesOn: '2027-03-31' }));
    expect(unmetRules(await gql(app, REGISTER, { input: { sessionId: s.id } }, await participant(randomUUID())))).toEqual(['registrationOpen']);
    const someoneElse = await gql(app, REGISTER, { input: { sessionId: s.id, personId: randomUUID() } }, await participant(randomUUID()));
    expect(errorCodes(someoneElse)).toEqual(['FORBIDDEN']);
  });

  it('cancelling or moving a session notifies everyone registered', async () => {
    const s = await schedule(app, trainerId, plan(courseId, { days: WEEK(10, '2027-05'), registrationClosesOn: '2027-05-01' }));
    const people = [randomUUID(), randomUUID()];
    for (const p of people) await gql(app, REGISTER, { input: { sessionId: s.id } }, await participant(p));
    const moved = await gql(app, `mutation($input: RescheduleTrainingSessionInput!) { rescheduleTrainingSession(input: $input) { firstDay version } }`, {
      input: { sessionId: s.id, expectedVersion: s.version, days: WEEK(17, '2027-05'), registrationOpensOn: '2026-11-01', registrationClosesOn: '2027-05-01', reason: 'venue flooded' },
    }, await trainer(trainerId));
    expect(moved.body.data!['rescheduleTrainingSession']).toMatchObject({ firstDay: '2027-05-17', version: s.version + 1 });
    const stale = await gql(app, `mutation($input: CancelTrainingSessionInput!) { cancelTrainingSession(input: $input) { status } }`, { input: { sessionId: s.id, expectedVersion: s.version, reason: 'x' } }, await trainer(trainerId));
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    const cancelled = await gql(app, `mutation($input: CancelTrainingSessionInput!) { cancelTrainingSession(input: $input) { status } }`, { input: { sessionId: s.id, expectedVersion: s.version + 1, reason: 'trainer ill' } }, await trainer(trainerId));
    expect(cancelled.body.data!['cancelTrainingSession']).toEqual({ status: 'CANCELLED' });
    const notices = (await t.ds.query(`select person_id, message from training_notice where subject_id = $1 order by created_at`, [s.id])) as { message: string }[];
    expect(notices.length).toBe(4);
    expect(notices.at(-1)!.message).toContain('trainer ill');
    const timeline = ((await gql(app, ROSTER, { id: s.id }, await trainer(trainerId))).body.data!['trainingSession'] as Roster).timeline;
    expect(timeline.map((e) => e.toStatus)).toEqual(['SCHEDULED', 'SCHEDULED', 'CANCELLED']);
    expect(timeline[2]!.facts).toEqual({ notified: 2 });

    // Each participant reads their notices and their registration, but not the course's review history.
    const me = await participant(people[0]!);
    const mine = await gql(app, `{ myTrainingNotices { subjectId message } myTrainingEnrollments { status session { status course { title } } } }`, {}, me);
    expect((mine.body.data!['myTrainingNotices'] as { message: string }[]).map((n) => n.message.includes('trainer ill'))).toEqual([true, false]);
    expect(mine.body.data!['myTrainingEnrollments']).toEqual([{ status: 'ENROLLED', session: { status: 'CANCELLED', course: { title: 'Peer Support Specialist Training' } } }]);
    const history = await gql(app, `{ myTrainingEnrollments { session { course { timeline { toStatus } } } } }`, {}, me);
    expect(errorCodes(history)).toEqual(['FORBIDDEN']);
  });
});

describe('batching', () => {
  it('reads a page of sessions with their course, days, counts and rosters in the same number of statements for 1 or many (all with rosters)', async () => {
    const query = `query($first: Int) { trainingSessions(first: $first, from: "2027-02-01") { edges { node { id course { title trainers { personId } } days { date } enrolledCount waitlistCount roster { status waitlistPosition attendedHours certificate { hours } } } } } }`;
    const token = await reviewer();
    const { result: one, statements: forOne } = await sqlStatementsOf(() => gql(app, query, { first: 1 }, token));
    const { result: many, statements: forMany } = await sqlStatementsOf(() => gql(app, query, { first: 100 }, token));
    expect(errorCodes(one)).toEqual([]);
    expect((many.body.data!['trainingSessions'] as { edges: unknown[] }).edges.length).toBeGreaterThan(3);
    expect(forMany).toBe(forOne);
  });
});
