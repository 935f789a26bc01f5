import { Client } from 'pg';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '@cpss/server-kit';
import { capturingLogger } from '@cpss/testkit';
import { startTrainingBackground } from '../src/background';
import { errorCodes } from '@cpss/testkit';
import { trainingPolicyStore } from '../src/policy/training-policy';
import { expireCourses, noticeCourseRecertifications } from '../src/services/course-expiry.service';
import { approvedCourse, dev, readyDraft, reviewer, SUBMIT } from './course-fixtures';
import { gql, unmetRules, useTrainingDatabase } from './harness';
import { plan, registerTrainer, SCHEDULE, totTrainedPerson, trainer, WEEK } from './session-fixtures';

const t = useTrainingDatabase();

describe('course expiry run', () => {
  it('expires approved courses the day after their date, once, on the timeline', async () => {
    const courseId = await approvedCourse(await t.appOn('2026-04-02')); // expires 2031-04-02
    expect(await expireCourses(t.ds, fixedClock('2031-04-02'))).toEqual([]);
    expect(await expireCourses(t.ds, fixedClock('2031-04-03'))).toEqual([courseId]);
    expect(await expireCourses(t.ds, fixedClock('2031-04-04'))).toEqual([]);
    const app = await t.appOn('2031-04-03');
    const res = await gql(app, `query($id: ID!) { course(id: $id) { status timeline { toStatus actor reason } } }`, { id: courseId }, await reviewer());
    const course = res.body.data!['course'] as { status: string; timeline: { toStatus: string; actor: string }[] };
    expect(course.status).toBe('EXPIRED');
    expect(course.timeline.at(-1)).toMatchObject({ toStatus: 'EXPIRED', actor: 'system' });
    const trainerId = await totTrainedPerson(t.ds);
    await registerTrainer(app, courseId, trainerId);
    const session = await gql(app, SCHEDULE, { input: plan(courseId, { registrationOpensOn: '2031-04-03', registrationClosesOn: '2031-04-30', days: WEEK(10, '2031-05') }) }, await trainer(trainerId));
    expect(unmetRules(session)).toEqual(['courseExpired']);
  });

  it('lists approved courses due to recertify by a date, for the notice', async () => {
    const app = await t.appOn('2026-06-01');
    const courseId = await approvedCourse(await t.appOn('2026-04-02')); // expires 2031-04-02
    const due = async (expiresBy: string) => ((await gql(app, `query($d: LocalDate) { courses(expiresBy: $d, first: 100) { edges { node { id } } } }`, { d: expiresBy }, await reviewer())).body.data!['courses'] as { edges: { node: { id: string } }[] }).edges.map((e) => e.node.id);
    expect(await due('2031-04-01')).not.toContain(courseId);
    expect(await due('2031-04-02')).toContain(courseId);
  });

  it('tells the owner once per term, from the notice period (policy) before the end, in their notices', async () => {
    const courseId = await approvedCourse(await t.appOn('2026-04-02'), 'owner-notice'); // expires 2031-04-02, 6-month notice
    const policy = trainingPolicyStore(t.ds);
    expect(await noticeCourseRecertifications(t.ds, policy, fixedClock('2030-10-01'))).not.toContain(courseId);
    expect(await noticeCourseRecertifications(t.ds, policy, fixedClock('2030-10-02'))).toContain(courseId);
    expect(await noticeCourseRecertifications(t.ds, policy, fixedClock('2030-10-03'))).not.toContain(courseId);
    const NOTICES = `{ myTrainingNotices { subjectType subjectId message } }`;
    const owner = await gql(await t.appOn('2030-10-03'), NOTICES, {}, await dev('owner-notice'));
    expect(owner.body.data!['myTrainingNotices']).toEqual([{ subjectType: 'Course', subjectId: courseId, message: expect.stringContaining('ends on 2031-04-02') }]);
    const someoneElse = await gql(await t.appOn('2030-10-03'), NOTICES, {}, await dev('another-owner'));
    expect(someoneElse.body.data!['myTrainingNotices']).toEqual([]);
  });

  it('sends no notice while a recertification is submitted', async () => {
    const courseId = await approvedCourse(await t.appOn('2026-04-02'), 'owner-busy');
    const app = await t.appOn('2030-09-01');
    const draft = await readyDraft(app, await dev('owner-busy'), courseId, 'RECERTIFICATION');
    expect(errorCodes(await gql(app, SUBMIT, { input: { submissionId: draft.id, expectedVersion: draft.version } }, await dev('owner-busy')))).toEqual([]);
    expect(await noticeCourseRecertifications(t.ds, trainingPolicyStore(t.ds), fixedClock('2030-10-02'))).not.toContain(courseId);
  });

  it('is scheduled on the job queue and stops cleanly', async () => {
    const { logger } = capturingLogger('training');
    const url = (t.ds.options as { url: string }).url;
    const stop = await startTrainingBackground({ dataSource: t.ds, logger, databaseUrl: url });
    // pg-boss's schema is the owner's (pg-boss migrates it): read as the owner, not as the service role.
    const owner = new Client({ connectionString: t.url });
    await owner.connect();
    const schedules = (await owner.query(`select name, cron, timezone from training_jobs.schedule`).finally(() => owner.end())).rows as { name: string; cron: string; timezone: string }[];
    await stop();
    expect(schedules).toEqual([{ name: 'course-expiry', cron: '10 0 * * *', timezone: 'America/New_York' }]);
  });
});
