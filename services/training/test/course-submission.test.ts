import { describe, expect, it } from 'vitest';
import { sqlStatementsOf } from '@cpss/testkit/vitest';
import { Role } from '@cpss/domain';
import { errorCodes } from '@cpss/testkit';
import { NC_TRAINING_POLICY } from '../src/policy/training-policy';
import {
  CORE_AGENDA, CREATE_SUBMISSION, DECIDE, FORMAT, PDF, REQUIRED, RESUBMIT, REVIEW, SUBMIT, UPLOAD,
  approvedCourse, conceptIds, createCourse, crosswalkFor, dev, readyDraft, reviewer, throughReview,
} from './course-fixtures';
import { as, fieldsOf, gql, unmetRules, useTrainingDatabase } from './harness';

const t = useTrainingDatabase();
const IN_WINDOW = '2026-04-02';

const SUBMISSION = `query($id: ID!) { courseSubmission(id: $id) {
  id status attempt version submittedOn feeUsd decidedOn
  course { id status approvedOn expiresOn }
  agenda { day hours } crosswalk { conceptId } materials { kind format }
  conceptReviews { attempt met comment }
  timeline { fromStatus toStatus actor reason facts }
  reviewClock { businessDaysElapsed targetMinBusinessDays targetMaxBusinessDays dueBy overdue }
} }`;

type Submission = {
  status: string; attempt: number; version: number; submittedOn: string | null; feeUsd: number | null;
  course: { status: string; approvedOn: string | null; expiresOn: string | null };
  timeline: { fromStatus: string | null; toStatus: string; actor: string; facts: Record<string, unknown> | null }[];
  reviewClock: { businessDaysElapsed: number; targetMinBusinessDays: number; targetMaxBusinessDays: number; dueBy: string; overdue: boolean } | null;
  materials: unknown[]; crosswalk: unknown[]; agenda: unknown[]; conceptReviews: { attempt: number; met: boolean }[];
};

async function read(date: string, id: string, token?: { token: string }): Promise<Submission> {
  const res = await gql(await t.appOn(date), SUBMISSION, { id }, token ?? (await reviewer()));
  expect(errorCodes(res)).toEqual([]);
  return res.body.data!['courseSubmission'] as Submission;
}

describe('courses', () => {
  it('a curriculum developer creates a draft they own', async () => {
    const app = await t.appOn(IN_WINDOW);
    const course = await createCourse(app, await dev('dev-courses'));
    expect(course.status).toBe('DRAFT');
    const mine = await gql(app, `{ courses { totalCount edges { node { id ownerId } } } }`, {}, await dev('dev-courses'));
    expect(mine.body.data!['courses']).toMatchObject({ totalCount: 1, edges: [{ node: { id: course.id, ownerId: 'dev-courses' } }] });
    const theirs = await gql(app, `query($id: ID!) { course(id: $id) { id } }`, { id: course.id }, await dev('dev-other'));
    expect(errorCodes(theirs)).toEqual(['FORBIDDEN']);
  });

  it('rejects core course hours that differ from the policy, writing nothing', async () => {
    const app = await t.appOn(IN_WINDOW);
    const before = await t.count('course');
    const res = await gql(app, `mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }`, {
      input: { title: 'Short core', kind: 'CORE_PSS', faceToFaceHours: 30, preWorkHours: 10 },
    }, await dev());
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(res)).toEqual(['input.faceToFaceHours']);
    expect(await t.count('course')).toBe(before);
  });

  it('edits a draft with the version the client saw; not once submitted', async () => {
    const app = await t.appOn(IN_WINDOW);
    const token = await dev();
    const course = await createCourse(app, token, { title: 'Recovery Stories', kind: 'ELECTIVE', faceToFaceHours: 6, preWorkHours: 0 });
    const UPDATE = `mutation($input: UpdateCourseInput!) { updateCourse(input: $input) { title faceToFaceHours version } }`;
    const edit = { courseId: course.id, title: 'Recovery Stories II', kind: 'ELECTIVE', faceToFaceHours: 8, preWorkHours: 0, childAndFamily: false };
    const ok = await gql(app, UPDATE, { input: { ...edit, expectedVersion: course.version } }, token);
    expect(ok.body.data!['updateCourse']).toEqual({ title: 'Recovery Stories II', faceToFaceHours: 8, version: course.version + 1 });
    expect(errorCodes(await gql(app, UPDATE, { input: { ...edit, expectedVersion: course.version } }, token))).toEqual(['CONFLICT']);
    const core = await gql(app, UPDATE, { input: { ...edit, kind: 'CORE_PSS', expectedVersion: course.version + 1 } }, token);
    expect(fieldsOf(core)).toEqual(['input.faceToFaceHours', 'input.preWorkHours']);
    expect(errorCodes(await gql(app, UPDATE, { input: { ...edit, expectedVersion: course.version + 1 } }, await dev('dev-other')))).toEqual(['FORBIDDEN']);
    const approvedId = await approvedCourse(app);
    const approved = (await gql(app, `query($id: ID!) { course(id: $id) { version } }`, { id: approvedId }, token)).body.data!['course'] as { version: number };
    const locked = await gql(app, UPDATE, { input: { ...edit, courseId: approvedId, expectedVersion: approved.version } }, token);
    expect(unmetRules(locked)).toEqual(['courseStatus']);
  });

  it('refuses course creation to a trainer', async () => {
    const res = await gql(await t.appOn(IN_WINDOW), `mutation { createCourse(input: { title: "x", kind: ELECTIVE, faceToFaceHours: 3 }) { id } }`, {}, await as([Role.Trainer], null));
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
  });
});

describe('course submission content', () => {
  it('saves a draft whose agenda does not add up yet, and refuses to submit it until it does, changing nothing', async () => {
    const app = await t.appOn(IN_WINDOW);
    const token = await dev();
    const course = await createCourse(app, token);
    const agenda = [...CORE_AGENDA.slice(0, -1), { day: 5, title: 'Day 5 (short)', hours: 6 }];
    const created = await gql(app, CREATE_SUBMISSION, { input: { courseId: course.id, agenda, crosswalk: await crosswalkFor(app) } }, token);
    expect(errorCodes(created)).toEqual([]);
    const draft = created.body.data!['createCourseSubmission'] as { id: string; version: number };
    for (const kind of REQUIRED) expect(errorCodes(await gql(app, UPLOAD, { input: { submissionId: draft.id, kind, document: PDF } }, token))).toEqual([]);
    const version = draft.version + REQUIRED.length;
    const before = [await t.count('status_change'), await t.count(`course_submission where status = 'DRAFT'`)];
    const refused = await gql(app, SUBMIT, { input: { submissionId: draft.id, expectedVersion: version } }, token);
    expect(unmetRules(refused)).toEqual(['agendaHours']);
    expect(JSON.stringify(refused.body.errors)).toContain('totals 48 hours but the course has 50');
    expect([await t.count('status_change'), await t.count(`course_submission where status = 'DRAFT'`)]).toEqual(before);
    // Fixed, it goes.
    const fixed = await gql(app, `mutation($input: UpdateCourseSubmissionInput!) { updateCourseSubmission(input: $input) { version } }`, { input: { submissionId: draft.id, expectedVersion: version, agenda: CORE_AGENDA, crosswalk: await crosswalkFor(app) } }, token);
    expect(errorCodes(fixed)).toEqual([]);
    expect(errorCodes(await gql(app, SUBMIT, { input: { submissionId: draft.id, expectedVersion: version + 1 } }, token))).toEqual([]);
  });

  it('saves a crosswalk concept by concept, refuses an unknown or repeated concept, and submits only when every concept is placed', async () => {
    const app = await t.appOn(IN_WINDOW);
    const token = await dev();
    const course = await createCourse(app, token);
    const full = await crosswalkFor(app);
    const before = await t.count('course_submission');
    const unknown = await gql(app, CREATE_SUBMISSION, { input: { courseId: course.id, agenda: CORE_AGENDA, crosswalk: [...full.slice(1, 3), { ...full[0]!, conceptId: '00000000-0000-4000-8000-000000000000' }, full[1]!] } }, token);
    expect(errorCodes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(unknown)).toEqual(['input.crosswalk.2.conceptId', 'input.crosswalk.3.conceptId']);
    expect(await t.count('course_submission')).toBe(before);

    // Half the concepts today: saved as a draft.
    const created = await gql(app, CREATE_SUBMISSION, { input: { courseId: course.id, agenda: CORE_AGENDA, crosswalk: full.slice(1) } }, token);
    expect(errorCodes(created)).toEqual([]);
    const draft = created.body.data!['createCourseSubmission'] as { id: string; version: number };
    for (const kind of REQUIRED) await gql(app, UPLOAD, { input: { submissionId: draft.id, kind, document: PDF } }, token);
    const refused = await gql(app, SUBMIT, { input: { submissionId: draft.id, expectedVersion: draft.version + REQUIRED.length } }, token);
    expect(unmetRules(refused)).toEqual(['crosswalk']);
    expect(JSON.stringify(refused.body.errors)).toContain('1.1');
  });

  it('takes only Word, PowerPoint or PDF materials, up to the policy size', async () => {
    const app = await t.appOn(IN_WINDOW);
    const token = await dev();
    const course = await createCourse(app, token);
    const created = await gql(app, CREATE_SUBMISSION, { input: { courseId: course.id, agenda: CORE_AGENDA, crosswalk: await crosswalkFor(app) } }, token);
    const id = (created.body.data!['createCourseSubmission'] as { id: string }).id;
    const before = [await t.count('document'), await t.count('course_material')];
    const text = { fileName: 'notes.txt', contentType: 'text/plain', contentBase64: Buffer.from('plain text').toString('base64') };
    const bad = await gql(app, UPLOAD, { input: { submissionId: id, kind: 'OTHER', document: text } }, token);
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(bad)).toEqual(['input.document.contentType']);
    const big = { ...PDF, contentBase64: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(NC_TRAINING_POLICY.maxUploadBytes)]).toString('base64') };
    const tooBig = await gql(app, UPLOAD, { input: { submissionId: id, kind: 'OTHER', document: big } }, token);
    expect(fieldsOf(tooBig)).toEqual(['input.document.contentBase64']);
    expect([await t.count('document'), await t.count('course_material')]).toEqual(before);
    const ok = await gql(app, UPLOAD, { input: { submissionId: id, kind: 'INSTRUCTOR_MANUAL', document: PDF } }, token);
    expect(ok.body.data!['uploadCourseMaterial']).toMatchObject({ kind: 'INSTRUCTOR_MANUAL', format: 'PDF' });
  });
});

describe('submitting a course', () => {
  it('is refused outside the April and October windows, naming the rule', async () => {
    const token = await dev();
    const course = await createCourse(await t.appOn('2026-04-08'), token);
    const draft = await readyDraft(await t.appOn('2026-04-08'), token, course.id);
    const res = await gql(await t.appOn('2026-04-08'), SUBMIT, { input: { submissionId: draft.id, expectedVersion: draft.version } }, token);
    expect(errorCodes(res)).toEqual(['FAILED_PRECONDITION']);
    expect(unmetRules(res)).toEqual(['submissionWindow']);
    expect((await read('2026-04-08', draft.id)).status).toBe('DRAFT');
    // The last day of the October window is inside it.
    const onLastDay = await gql(await t.appOn('2026-10-07'), SUBMIT, { input: { submissionId: draft.id, expectedVersion: draft.version } }, token);
    expect(errorCodes(onLastDay)).toEqual([]);
  });

  it('is refused while the program pauses submissions (2024), even inside a window', async () => {
    const app = await t.appOn('2024-04-03');
    const token = await dev();
    const course = await createCourse(app, token);
    const draft = await readyDraft(app, token, course.id);
    const changes = await t.count('status_change');
    const res = await gql(app, SUBMIT, { input: { submissionId: draft.id, expectedVersion: draft.version } }, token);
    expect(errorCodes(res)).toEqual(['FAILED_PRECONDITION']);
    expect(unmetRules(res)).toEqual(['submissionsPaused']);
    expect(await t.count('status_change')).toBe(changes);
  });

  it('is refused without every required material', async () => {
    const app = await t.appOn(IN_WINDOW);
    const token = await dev();
    const course = await createCourse(app, token);
    const created = await gql(app, CREATE_SUBMISSION, { input: { courseId: course.id, agenda: CORE_AGENDA, crosswalk: await crosswalkFor(app) } }, token);
    const s = created.body.data!['createCourseSubmission'] as { id: string; version: number };
    await gql(app, UPLOAD, { input: { submissionId: s.id, kind: 'INSTRUCTOR_MANUAL', document: PDF } }, token);
    const res = await gql(app, SUBMIT, { input: { submissionId: s.id, expectedVersion: s.version + 1 } }, token);
    expect(unmetRules(res)).toEqual(['materials']);
    expect(res.body.errors![0]!.extensions!['unmet']).toEqual([{ rule: 'materials', reason: 'missing PARTICIPANT_MANUAL, DAILY_AGENDA, TOT_MANUAL' }]);
  });

  it('refuses a stale version with CONFLICT', async () => {
    const app = await t.appOn(IN_WINDOW);
    const token = await dev();
    const course = await createCourse(app, token);
    const draft = await readyDraft(app, token, course.id);
    const res = await gql(app, SUBMIT, { input: { submissionId: draft.id, expectedVersion: draft.version - 1 } }, token);
    expect(errorCodes(res)).toEqual(['CONFLICT']);
  });
});

describe('review', () => {
  it('approves a course whose every core concept is met: fee, term, timeline and review clock', async () => {
    const app = await t.appOn(IN_WINDOW);
    const token = await dev();
    const course = await createCourse(app, token);
    const draft = await readyDraft(app, token, course.id);
    const submitted = await gql(app, SUBMIT, { input: { submissionId: draft.id, expectedVersion: draft.version } }, token);
    expect(submitted.body.data!['submitCourseSubmission']).toMatchObject({ status: 'RECEIVED', submittedOn: IN_WINDOW, feeUsd: 800 });

    // Deciding before every concept has a finding is refused.
    const rev = await reviewer();
    await gql(app, FORMAT, { input: { submissionId: draft.id, expectedVersion: draft.version + 1, passed: true, comment: 'ok' } }, rev);
    const early = await gql(app, DECIDE, { input: { submissionId: draft.id, expectedVersion: draft.version + 2, reason: 'x' } }, rev);
    expect(unmetRules(early)).toEqual(['conceptReview']);
    const findings = (await conceptIds(app)).map((c) => ({ conceptId: c.id, met: true }));
    await gql(app, REVIEW, { input: { submissionId: draft.id, expectedVersion: draft.version + 2, findings } }, rev);

    const onDecisionDay = await t.appOn('2026-06-15');
    const decided = await gql(onDecisionDay, DECIDE, { input: { submissionId: draft.id, expectedVersion: draft.version + 3, reason: 'All core concepts met' } }, rev);
    expect(decided.body.data!['decideCourseSubmission']).toMatchObject({
      status: 'APPROVED', decidedOn: '2026-06-15', course: { status: 'APPROVED', approvedOn: '2026-06-15', expiresOn: '2031-06-15' },
    });
    const s = await read('2026-12-01', draft.id, token);
    expect(s.timeline.map((e) => e.toStatus)).toEqual(['DRAFT', 'RECEIVED', 'TEAM_REVIEW', 'APPROVED']);
    expect(s.timeline[1]!.facts).toMatchObject({ feeUsd: 800, policyEffectiveFrom: '2025-01-01' });
    expect(s.timeline[3]!.actor).toBe('reviewer-1');
    // The clock stops at the decision: business days from 2026-04-02 to 2026-06-15 (Good Friday and Memorial Day are NC holidays).
    expect(s.reviewClock).toMatchObject({ targetMinBusinessDays: 60, targetMaxBusinessDays: 90, overdue: false });
    expect(s.reviewClock!.businessDaysElapsed).toBe(50);
  });

  it('runs the review clock against the target while undecided', async () => {
    const app = await t.appOn(IN_WINDOW);
    const token = await dev();
    const course = await createCourse(app, token);
    const draft = await readyDraft(app, token, course.id);
    await gql(app, SUBMIT, { input: { submissionId: draft.id, expectedVersion: draft.version } }, token);
    const week = await read('2026-04-09', draft.id);
    expect(week.reviewClock!.businessDaysElapsed).toBe(4); // Apr 3 is Good Friday
    const late = await read('2026-09-30', draft.id);
    expect(late.reviewClock!.overdue).toBe(true);
    expect(late.reviewClock!.dueBy < '2026-09-30').toBe(true);
  });

  it('gives technical assistance once; a failed resubmission ends in denial', async () => {
    const app = await t.appOn(IN_WINDOW);
    const token = await dev();
    const course = await createCourse(app, token);
    const draft = await readyDraft(app, token, course.id);
    await gql(app, SUBMIT, { input: { submissionId: draft.id, expectedVersion: draft.version } }, token);
    let v = await throughReview(app, draft.id, draft.version + 1, ['5.2']);
    const rev = await reviewer();
    const first = await gql(app, DECIDE, { input: { submissionId: draft.id, expectedVersion: v, reason: 'Boundaries not covered' } }, rev);
    expect(first.body.data!['decideCourseSubmission']).toMatchObject({ status: 'TECHNICAL_ASSISTANCE', decidedOn: null, course: { status: 'IN_REVIEW' } });

    const again = await gql(app, RESUBMIT, { input: { submissionId: draft.id, expectedVersion: v + 1 } }, token);
    expect(again.body.data!['resubmitCourseSubmission']).toMatchObject({ status: 'RECEIVED', attempt: 2 });
    v = await throughReview(app, draft.id, v + 2, ['5.2', '7.1']);
    const second = await gql(app, DECIDE, { input: { submissionId: draft.id, expectedVersion: v, reason: 'Still not met' } }, rev);
    expect(second.body.data!['decideCourseSubmission']).toMatchObject({ status: 'DENIED', course: { status: 'DENIED', approvedOn: null } });

    const s = await read(IN_WINDOW, draft.id);
    expect(s.timeline.map((e) => e.toStatus)).toEqual(['DRAFT', 'RECEIVED', 'TEAM_REVIEW', 'TECHNICAL_ASSISTANCE', 'RECEIVED', 'TEAM_REVIEW', 'DENIED']);
    expect(s.timeline.at(-1)!.facts).toMatchObject({ notMet: ['5.2', '7.1'], attempt: 2 });
    expect(s.conceptReviews.filter((r) => !r.met).map((r) => r.attempt)).toEqual([1, 2, 2]);
    const noThird = await gql(app, RESUBMIT, { input: { submissionId: draft.id, expectedVersion: s.version } }, token);
    expect(unmetRules(noThird)).toEqual(['submissionStatus']);
  });

  it('requires a comment for a concept not met', async () => {
    const app = await t.appOn(IN_WINDOW);
    const token = await dev();
    const course = await createCourse(app, token);
    const draft = await readyDraft(app, token, course.id);
    await gql(app, SUBMIT, { input: { submissionId: draft.id, expectedVersion: draft.version } }, token);
    await gql(app, FORMAT, { input: { submissionId: draft.id, expectedVersion: draft.version + 1, passed: true, comment: '' } }, await reviewer());
    const [first] = await conceptIds(app);
    const before = await t.count('concept_review');
    const res = await gql(app, REVIEW, { input: { submissionId: draft.id, expectedVersion: draft.version + 2, findings: [{ conceptId: first!.id, met: false }] } }, await reviewer());
    expect(fieldsOf(res)).toEqual(['input.findings.0.comment']);
    expect(await t.count('concept_review')).toBe(before);
  });

  it('keeps review mutations to training reviewers', async () => {
    const app = await t.appOn(IN_WINDOW);
    const res = await gql(app, FORMAT, { input: { submissionId: '00000000-0000-4000-8000-000000000000', expectedVersion: 1, passed: true, comment: '' } }, await dev());
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
  });
});

describe('who sees submissions', () => {
  it('a curriculum developer sees only their own; staff see all', async () => {
    const app = await t.appOn(IN_WINDOW);
    const mine = await dev('dev-own');
    const course = await createCourse(app, mine);
    const draft = await readyDraft(app, mine, course.id);
    const other = await dev('dev-someone-else');
    const list = `{ courseSubmissions(first: 100) { totalCount edges { node { id } } } }`;
    const theirs = await gql(app, list, {}, other);
    expect(theirs.body.data!['courseSubmissions']).toMatchObject({ totalCount: 0, edges: [] });
    const own = await gql(app, list, {}, mine);
    expect((own.body.data!['courseSubmissions'] as { edges: { node: { id: string } }[] }).edges.map((e) => e.node.id)).toEqual([draft.id]);
    const one = await gql(app, `query($id: ID!) { courseSubmission(id: $id) { id } }`, { id: draft.id }, other);
    expect(errorCodes(one)).toEqual(['FORBIDDEN']);
    const upload = await gql(app, UPLOAD, { input: { submissionId: draft.id, kind: 'OTHER', document: PDF } }, other);
    expect(errorCodes(upload)).toEqual(['FORBIDDEN']);
    const materials = await gql(app, `query($id: ID!) { courseSubmission(id: $id) { materials { id } } }`, { id: draft.id }, mine);
    const materialId = (materials.body.data!['courseSubmission'] as { materials: { id: string }[] }).materials[0]!.id;
    const FILE = `query($id: ID!) { courseMaterialFile(id: $id) { fileName format contentBase64 } }`;
    expect((await gql(app, FILE, { id: materialId }, await reviewer())).body.data!['courseMaterialFile']).toEqual({ fileName: PDF.fileName, format: 'PDF', contentBase64: PDF.contentBase64 });
    expect(errorCodes(await gql(app, FILE, { id: materialId }, other))).toEqual(['FORBIDDEN']);
    const staff = await gql(app, list, {}, await reviewer());
    expect((staff.body.data!['courseSubmissions'] as { totalCount: number }).totalCount).toBeGreaterThan(1);
    expect(errorCodes(await gql(app, list, {}, await as([Role.Trainer], null)))).toEqual(['FORBIDDEN']);
  });
});

describe('batching', () => {
  it('reads a page of submissions with their course, agenda, crosswalk, materials, findings, timeline and clock in the same number of statements for 1 or many', async () => {
    const app = await t.appOn(IN_WINDOW);
    for (let i = 0; i < 3; i++) await approvedCourse(app, 'dev-batch');
    // Approved submissions all have every nested list, so the same loaders run for 1 or many.
    const query = `query($first: Int) { courseSubmissions(first: $first, status: APPROVED) { edges { node { id course { title } agenda { hours } crosswalk { conceptId } materials { kind } conceptReviews { met } timeline { toStatus } reviewClock { businessDaysElapsed } standardsVersion { version } } } } }`;
    const token = await reviewer();
    const { statements: forOne } = await sqlStatementsOf(() => gql(app, query, { first: 1 }, token));
    const { result: many, statements: forMany } = await sqlStatementsOf(() => gql(app, query, { first: 100 }, token));
    expect((many.body.data!['courseSubmissions'] as { edges: unknown[] }).edges.length).toBeGreaterThan(3);
    expect(forMany).toBe(forOne);
    const nodes = (many.body.data!['courseSubmissions'] as { edges: { node: { id: string; standardsVersion: { version: string } } }[] }).edges.map((e) => e.node);
    expect(new Set(nodes.map((n) => n.standardsVersion.version))).toEqual(new Set(['2012']));
    // Several statuses at once (the review queue's RECEIVED and TEAM_REVIEW), the same rows as one by one.
    const ids = async (args: string) => ((await gql(app, `{ courseSubmissions(first: 100, ${args}) { edges { node { id } } } }`, {}, token)).body.data!['courseSubmissions'] as { edges: { node: { id: string } }[] }).edges.map((e) => e.node.id).sort();
    const [approved, drafts, both] = [await ids('status: APPROVED'), await ids('status: DRAFT'), await ids('statuses: [APPROVED, DRAFT]')];
    expect(both).toEqual([...approved, ...drafts].sort());
    expect(approved.length).toBeGreaterThan(0);
  });
});

describe('unknown ids', () => {
  it('answer NOT_FOUND, not an internal error', async () => {
    const app = await t.appOn(IN_WINDOW);
    const res = await gql(app, FORMAT, { input: { submissionId: 'not-an-id', expectedVersion: 1, passed: true, comment: '' } }, await reviewer());
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
    const missing = await gql(app, `query($id: ID!) { courseSubmission(id: $id) { id } }`, { id: '00000000-0000-4000-8000-000000000000' }, await reviewer());
    expect(errorCodes(missing)).toEqual(['NOT_FOUND']);
  });
});
