import { describe, expect, it } from 'vitest';
import { errorCodes } from '@cpss/testkit';
import { approvedCourse, CORE_AGENDA, CREATE_SUBMISSION, createCourse, crosswalkFor, DECIDE, dev, readyDraft, RESUBMIT, reviewer, SUBMIT, throughReview } from './course-fixtures';
import { gql, unmetRules, useTrainingDatabase, type App } from './harness';
import { plan, registerTrainer, SCHEDULE, totTrainedPerson, trainer, WEEK } from './session-fixtures';

const t = useTrainingDatabase();
const COURSE = `query($id: ID!) { course(id: $id) { status approvedOn expiresOn timeline { fromStatus toStatus facts } } }`;

/** A recertification draft with every material, created on `app`'s date (outside any window). */
async function recertDraft(app: App, courseId: string) {
  const token = await dev();
  const s = await readyDraft(app, token, courseId, 'RECERTIFICATION');
  const submitted = await gql(app, SUBMIT, { input: { submissionId: s.id, expectedVersion: s.version } }, token);
  expect(errorCodes(submitted)).toEqual([]);
  return { id: s.id, version: s.version + 1 };
}

describe('course recertification', () => {
  it('renews an approved course for another term, outside the new-course windows', async () => {
    const courseId = await approvedCourse(await t.appOn('2026-04-02'));
    const app = await t.appOn('2030-11-12');
    const s = await recertDraft(app, courseId);
    const v = await throughReview(app, s.id, s.version);
    const decided = await gql(app, DECIDE, { input: { submissionId: s.id, expectedVersion: v, reason: 'Meets the standards' } }, await reviewer());
    expect(decided.body.data!['decideCourseSubmission']).toMatchObject({ status: 'APPROVED', course: { status: 'APPROVED', approvedOn: '2026-04-02', expiresOn: '2036-04-02' } });
  });

  it('after failing twice, the course keeps its published expiration date and no session may run after it', async () => {
    const courseId = await approvedCourse(await t.appOn('2026-04-02'));
    const app = await t.appOn('2030-11-12');
    const s = await recertDraft(app, courseId);
    const rev = await reviewer();
    let v = await throughReview(app, s.id, s.version, ['2.1']);
    await gql(app, DECIDE, { input: { submissionId: s.id, expectedVersion: v, reason: 'Relationship building thin' } }, rev);
    await gql(app, RESUBMIT, { input: { submissionId: s.id, expectedVersion: v + 1 } }, await dev());
    v = await throughReview(app, s.id, v + 2, ['2.1']);
    const second = await gql(app, DECIDE, { input: { submissionId: s.id, expectedVersion: v, reason: 'Still thin' } }, rev);
    expect(second.body.data!['decideCourseSubmission']).toMatchObject({ status: 'DENIED', course: { status: 'APPROVED', expiresOn: '2031-04-02' } });
    const course = (await gql(app, COURSE, { id: courseId }, rev)).body.data!['course'] as { timeline: { facts: Record<string, unknown> }[] };
    expect(course.timeline.at(-1)!.facts).toEqual({ expiresOn: '2031-04-02', recertificationDenied: true });

    const trainerId = await totTrainedPerson(t.ds);
    await registerTrainer(app, courseId, trainerId);
    // Before the date a session may still run; after it, none may be scheduled.
    const before = await gql(app, SCHEDULE, { input: plan(courseId, { registrationOpensOn: '2030-11-12', registrationClosesOn: '2030-12-31', days: WEEK(11, '2031-01') }) }, await trainer(trainerId));
    expect(errorCodes(before)).toEqual([]);
    const after = await gql(await t.appOn('2031-04-03'), SCHEDULE, { input: plan(courseId, { registrationOpensOn: '2031-04-03', registrationClosesOn: '2031-04-30', days: WEEK(10, '2031-05') }) }, await trainer(trainerId));
    expect(unmetRules(after)).toEqual(['courseExpired']);
  });

  it('is only for approved courses; a new-course submission of an approved course is refused', async () => {
    const app = await t.appOn('2026-04-02');
    const draft = await createCourse(app, await dev());
    const recert = await gql(app, CREATE_SUBMISSION, { input: { courseId: draft.id, purpose: 'RECERTIFICATION', agenda: CORE_AGENDA, crosswalk: await crosswalkFor(app) } }, await dev());
    expect(unmetRules(recert)).toEqual(['courseStatus']);
    const approved = await approvedCourse(app);
    const initial = await gql(app, CREATE_SUBMISSION, { input: { courseId: approved, agenda: CORE_AGENDA, crosswalk: await crosswalkFor(app) } }, await dev());
    expect(unmetRules(initial)).toEqual(['courseStatus']);
  });

  it('allows one open submission per course', async () => {
    const app = await t.appOn('2026-04-02');
    const course = await createCourse(app, await dev());
    const input = { courseId: course.id, agenda: CORE_AGENDA, crosswalk: await crosswalkFor(app) };
    expect(errorCodes(await gql(app, CREATE_SUBMISSION, { input }, await dev()))).toEqual([]);
    expect(unmetRules(await gql(app, CREATE_SUBMISSION, { input }, await dev()))).toEqual(['openSubmission']);
  });
});
