import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@cpss/domain';
import { errorCodes } from '@cpss/testkit';
import { approvedCourse, dev } from './course-fixtures';
import { as, fieldsOf, gql, unmetRules, useTrainingDatabase, type App } from './harness';
import { participant, plan, REGISTER, registerTrainer, schedule, SCHEDULE, TODAY, totTrainedPerson, trainer, WEEK } from './session-fixtures';

const t = useTrainingDatabase();
let app: App;
let courseId: string;
let otherCourseId: string;

const APPLY = `mutation($input: CrossDomainCommandInput!) { applyTrainingCommand(input: $input) { idempotencyKey appliedNow outcome } }`;
const ethicsService = () => as([Role.Service], null, 'service:ethics');
const removeTrainer = (personId: string, over: Record<string, unknown> = {}) => ({
  idempotencyKey: `sanction:${randomUUID()}:REMOVE_TRAINER`,
  type: 'REMOVE_TRAINER',
  sourceDomain: 'ethics',
  payload: { personId, sanctionId: randomUUID(), effectiveFrom: TODAY, effectiveUntil: null },
  ...over,
});
const TRAINERS = `query($id: ID!) { course(id: $id) { trainers { personId status removedOn } } }`;
const WRITTEN = ['inbound_command', 'course_trainer', 'training_session', 'training_notice', 'status_change'];

beforeAll(async () => {
  app = await t.appOn(TODAY);
  const inWindow = await t.appOn('2026-04-02');
  courseId = await approvedCourse(inWindow);
  otherCourseId = await approvedCourse(inWindow, 'dev-2', { title: 'Advanced Peer Support' });
});

/** A trainer of both courses with two upcoming sessions (one with two participants) and one cancelled earlier. */
async function busyTrainer() {
  const personId = await totTrainedPerson(t.ds);
  await registerTrainer(app, courseId, personId);
  await registerTrainer(app, otherCourseId, personId, 'dev-2');
  const full = await schedule(app, personId, plan(courseId));
  const empty = await schedule(app, personId, plan(otherCourseId, { days: WEEK(1, '2027-02'), registrationClosesOn: '2027-01-29' }));
  const early = await schedule(app, personId, plan(courseId, { days: WEEK(8, '2027-03'), registrationClosesOn: '2027-03-01' }));
  const cancel = await gql(app, `mutation($input: CancelTrainingSessionInput!) { cancelTrainingSession(input: $input) { status } }`, { input: { sessionId: early.id, expectedVersion: early.version, reason: 'venue lost' } }, await trainer(personId));
  expect(errorCodes(cancel)).toEqual([]);
  const people = [randomUUID(), randomUUID()];
  for (const p of people) expect(errorCodes(await gql(app, REGISTER, { input: { sessionId: full.id } }, await participant(p)))).toEqual([]);
  return { personId, full, empty, early, people };
}

const statusOf = async (sessionId: string) => ((await t.ds.query(`select status from training_session where id = $1`, [sessionId])) as { status: string }[])[0]!.status;

describe('REMOVE_TRAINER from ethics', () => {
  it("removes every registration of the person and cancels their upcoming sessions through the cancel path, participants notified", async () => {
    const { personId, full, empty, early, people } = await busyTrainer();
    const bystander = await totTrainedPerson(t.ds);
    await registerTrainer(app, courseId, bystander);

    const res = await gql(app, APPLY, { input: removeTrainer(personId) }, await ethicsService());
    expect(errorCodes(res)).toEqual([]);
    expect(res.body.data!['applyTrainingCommand']).toMatchObject({ appliedNow: true, outcome: 'removed 2 trainer registration(s) (2 on record) and cancelled 2 upcoming session(s)' });

    const trainers = (await gql(app, TRAINERS, { id: courseId }, await dev())).body.data!['course'] as { trainers: { personId: string; status: string; removedOn: string | null }[] };
    expect(trainers.trainers.find((x) => x.personId === personId)).toEqual({ personId, status: 'REMOVED', removedOn: TODAY });
    expect(trainers.trainers.find((x) => x.personId === bystander)).toEqual({ personId: bystander, status: 'ACTIVE', removedOn: null });
    expect(((await gql(app, TRAINERS, { id: otherCourseId }, await dev('dev-2'))).body.data!['course'] as { trainers: { status: string }[] }).trainers.map((x) => x.status)).toEqual(['REMOVED']);

    expect([await statusOf(full.id), await statusOf(empty.id), await statusOf(early.id)]).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED']);
    for (const p of people) {
      const notices = (await gql(app, `{ myTrainingNotices { subjectId message } }`, {}, await participant(p))).body.data!['myTrainingNotices'] as { subjectId: string; message: string }[];
      expect(notices).toEqual([{ subjectId: full.id, message: 'The session of Peer Support Specialist Training starting 2027-01-11 was cancelled: the trainer was removed as a trainer by the program' }]);
    }
    const timeline = (await t.ds.query(`select actor, reason, facts from status_change where subject_id = $1 and to_status = 'CANCELLED'`, [full.id])) as { actor: string; reason: string; facts: Record<string, unknown> }[];
    expect(timeline).toEqual([{ actor: 'service:ethics', reason: 'the trainer was removed as a trainer by the program', facts: expect.objectContaining({ notified: 2, sourceDomain: 'ethics' }) }]);

    // The removed trainer can no longer schedule, be registered again, or see courses to teach.
    const before = await t.count('training_session');
    const refused = await gql(app, SCHEDULE, { input: plan(courseId, { days: WEEK(5, '2027-04'), registrationClosesOn: '2027-04-01' }) }, await trainer(personId));
    expect(errorCodes(refused)).toEqual(['FAILED_PRECONDITION']);
    expect(unmetRules(refused)).toEqual(['TRAINER_REMOVED']);
    expect(await t.count('training_session')).toBe(before);
    const third = await approvedCourse(await t.appOn('2026-04-02'), 'dev-3', { title: 'Peer Support in Schools' });
    const again = await gql(app, `mutation($input: RegisterCourseTrainerInput!) { registerCourseTrainer(input: $input) { id } }`, { input: { courseId: third, personId } }, await dev('dev-3'));
    expect(unmetRules(again)).toEqual(['TRAINER_REMOVED']);
    expect((await gql(app, `{ coursesITeach { id } }`, {}, await trainer(personId))).body.data!['coursesITeach']).toEqual([]);
  });

  it('leaves a session already under way to staff (only sessions not yet started are cancelled)', async () => {
    const personId = await totTrainedPerson(t.ds);
    await registerTrainer(app, courseId, personId);
    const running = await schedule(app, personId, plan(courseId, { days: WEEK(4, '2027-10'), registrationClosesOn: '2027-09-30' }));
    const later = await schedule(app, personId, plan(courseId, { days: WEEK(8, '2027-11'), registrationClosesOn: '2027-11-01' }));
    const res = await gql(await t.appOn('2027-10-05'), APPLY, { input: removeTrainer(personId) }, await ethicsService());
    expect(res.body.data!['applyTrainingCommand']).toMatchObject({ appliedNow: true, outcome: 'removed 1 trainer registration(s) (1 on record) and cancelled 1 upcoming session(s)' });
    expect([await statusOf(running.id), await statusOf(later.id)]).toEqual(['SCHEDULED', 'CANCELLED']);
  });

  it('takes effect once when delivered twice: the second receipt says it was applied before', async () => {
    const { personId, full } = await busyTrainer();
    const input = removeTrainer(personId);
    const first = await gql(app, APPLY, { input }, await ethicsService());
    expect(first.body.data!['applyTrainingCommand']).toMatchObject({ idempotencyKey: input.idempotencyKey, appliedNow: true });
    const snapshot = await t.snapshot(...WRITTEN);
    const second = await gql(app, APPLY, { input }, await ethicsService());
    expect(errorCodes(second)).toEqual([]);
    expect(second.body.data!['applyTrainingCommand']).toEqual({ ...(first.body.data!['applyTrainingCommand'] as object), appliedNow: false });
    expect(await t.snapshot(...WRITTEN)).toBe(snapshot);
    const notices = (await t.ds.query(`select count(*)::int as n from training_notice where subject_id = $1`, [full.id])) as { n: number }[];
    expect(notices[0]!.n).toBe(2);
  });

  it('delivered concurrently, still takes effect once', async () => {
    const { personId } = await busyTrainer();
    const input = removeTrainer(personId);
    const token = await ethicsService();
    const results = await Promise.all([1, 2, 3].map(() => gql(app, APPLY, { input }, token)));
    expect(results.flatMap(errorCodes)).toEqual([]);
    expect(results.map((r) => (r.body.data!['applyTrainingCommand'] as { appliedNow: boolean }).appliedNow).sort()).toEqual([false, false, true]);
    const rows = (await t.ds.query(`select count(*)::int as n from status_change where subject_type = 'CourseTrainer' and subject_id in (select id from course_trainer where person_id = $1)`, [personId])) as { n: number }[];
    expect(rows[0]!.n).toBe(2);
  });

  it('is for the SERVICE role only: an admin is FORBIDDEN and nothing is written', async () => {
    const { personId } = await busyTrainer();
    const snapshot = await t.snapshot(...WRITTEN);
    for (const roles of [[Role.Admin], [Role.EthicsStaff], [Role.Trainer]]) {
      const res = await gql(app, APPLY, { input: removeTrainer(personId) }, await as(roles));
      expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    }
    expect(errorCodes(await gql(app, APPLY, { input: removeTrainer(personId) }))).toEqual(['UNAUTHENTICATED']);
    expect(await t.snapshot(...WRITTEN)).toBe(snapshot);
  });

  it('refuses an unknown command or a payload without its ids as BAD_USER_INPUT, writing nothing', async () => {
    const { personId } = await busyTrainer();
    const snapshot = await t.snapshot(...WRITTEN);
    const unknown = await gql(app, APPLY, { input: removeTrainer(personId, { type: 'SUSPEND_CERTIFICATION' }) }, await ethicsService());
    expect(errorCodes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(unknown)).toEqual(['input.type']);
    const missing = await gql(app, APPLY, { input: removeTrainer(personId, { payload: { personId: 'not-an-id', effectiveFrom: '2026-02-30' } }) }, await ethicsService());
    expect(errorCodes(missing)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(missing)).toEqual(['input.payload.personId', 'input.payload.sanctionId', 'input.payload.effectiveFrom']);
    expect(await t.snapshot(...WRITTEN)).toBe(snapshot);
    // The same key, once well formed, is applied: the refusals did not claim it.
    const input = removeTrainer(personId);
    expect(errorCodes(await gql(app, APPLY, { input: { ...input, payload: {} } }, await ethicsService()))).toEqual(['BAD_USER_INPUT']);
    expect((await gql(app, APPLY, { input }, await ethicsService())).body.data!['applyTrainingCommand']).toMatchObject({ appliedNow: true });
  });
});
