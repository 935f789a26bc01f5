// Building blocks for tests that need a course, a submission or an approved course.
import { expect } from 'vitest';
import { Role } from '@cpss/domain';
import { errorCodes } from '@cpss/testkit';
import { as, gql, type App } from './harness';

export const PDF = { fileName: 'manual.pdf', contentType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4\n% test material\n').toString('base64') };
export const REQUIRED = ['INSTRUCTOR_MANUAL', 'PARTICIPANT_MANUAL', 'DAILY_AGENDA', 'TOT_MANUAL'] as const;

export const dev = (subject = 'dev-1') => as([Role.CurriculumDeveloper], null, subject);
export const reviewer = () => as([Role.TrainingReviewer], null, 'reviewer-1');

/** 10 hours of pre-work (day 0) and five 8-hour days: a 40 + 10 core course. */
export const CORE_AGENDA = [
  { day: 0, title: 'Pre-work: recovery reading', hours: 10 },
  ...[1, 2, 3, 4, 5].map((day) => ({ day, title: `Day ${day}`, hours: 8 })),
];

export async function conceptIds(app: App): Promise<{ id: string; code: string }[]> {
  const res = await gql(app, `{ trainingStandards { domains { coreConcepts { id code } } } }`, {}, await dev());
  return (res.body.data!['trainingStandards'] as { domains: { coreConcepts: { id: string; code: string }[] }[] }).domains.flatMap((d) => d.coreConcepts);
}

export async function crosswalkFor(app: App) {
  return (await conceptIds(app)).map((c) => ({ conceptId: c.id, material: 'PARTICIPANT_MANUAL', location: `Module ${c.code}`, agendaBlock: `Day ${c.code.split('.')[0]}` }));
}

export async function createCourse(app: App, token: { token: string }, input: Record<string, unknown> = {}) {
  const res = await gql(app, `mutation($input: CreateCourseInput!) { createCourse(input: $input) { id status version } }`, {
    input: { title: 'Peer Support Specialist Training', kind: 'CORE_PSS', faceToFaceHours: 40, preWorkHours: 10, ...input },
  }, token);
  expect(errorCodes(res)).toEqual([]);
  return res.body.data!['createCourse'] as { id: string; status: string; version: number };
}

export const CREATE_SUBMISSION = `mutation($input: CreateCourseSubmissionInput!) { createCourseSubmission(input: $input) { id status version attempt } }`;
export const UPLOAD = `mutation($input: UploadCourseMaterialInput!) { uploadCourseMaterial(input: $input) { id kind format } }`;
export const SUBMIT = `mutation($input: CourseSubmissionVersionInput!) { submitCourseSubmission(input: $input) { id status version submittedOn feeUsd } }`;
export const RESUBMIT = `mutation($input: CourseSubmissionVersionInput!) { resubmitCourseSubmission(input: $input) { id status version attempt } }`;
export const FORMAT = `mutation($input: CheckCourseFormatInput!) { checkCourseSubmissionFormat(input: $input) { id status version } }`;
export const REVIEW = `mutation($input: ReviewCourseConceptsInput!) { reviewCourseConcepts(input: $input) { id status version } }`;
export const DECIDE = `mutation($input: DecideCourseSubmissionInput!) { decideCourseSubmission(input: $input) { id status version decidedOn course { status approvedOn expiresOn } } }`;

/** A draft with agenda, crosswalk and every required material. */
export async function readyDraft(app: App, token: { token: string }, courseId: string, purpose: 'INITIAL' | 'RECERTIFICATION' = 'INITIAL') {
  const created = await gql(app, CREATE_SUBMISSION, { input: { courseId, purpose, agenda: CORE_AGENDA, crosswalk: await crosswalkFor(app) } }, token);
  expect(errorCodes(created)).toEqual([]);
  const submission = created.body.data!['createCourseSubmission'] as { id: string; version: number };
  for (const kind of REQUIRED) {
    const up = await gql(app, UPLOAD, { input: { submissionId: submission.id, kind, document: PDF } }, token);
    expect(errorCodes(up)).toEqual([]);
  }
  return { id: submission.id, version: submission.version + REQUIRED.length };
}

/** Submits, passes the format check and records a finding per concept (all met unless told). */
export async function throughReview(app: App, id: string, version: number, notMet: string[] = []) {
  const rev = await reviewer();
  const fmt = await gql(app, FORMAT, { input: { submissionId: id, expectedVersion: version, passed: true, comment: 'Complete' } }, rev);
  expect(errorCodes(fmt)).toEqual([]);
  const findings = (await conceptIds(app)).map((c) => ({ conceptId: c.id, met: !notMet.includes(c.code), comment: notMet.includes(c.code) ? 'Not covered in depth' : null }));
  const reviewed = await gql(app, REVIEW, { input: { submissionId: id, expectedVersion: version + 1, findings } }, rev);
  expect(errorCodes(reviewed)).toEqual([]);
  return version + 2;
}

/** An approved core course owned by `owner`, approved on the window date 2026-04-02. */
export async function approvedCourse(appInWindow: App, owner = 'dev-1', input: Record<string, unknown> = {}) {
  const token = await dev(owner);
  const course = await createCourse(appInWindow, token, input);
  const draft = await readyDraft(appInWindow, token, course.id);
  const submitted = await gql(appInWindow, SUBMIT, { input: { submissionId: draft.id, expectedVersion: draft.version } }, token);
  expect(errorCodes(submitted)).toEqual([]);
  const v = await throughReview(appInWindow, draft.id, draft.version + 1);
  const decided = await gql(appInWindow, DECIDE, { input: { submissionId: draft.id, expectedVersion: v, reason: 'All core concepts met' } }, await reviewer());
  expect(errorCodes(decided)).toEqual([]);
  return course.id;
}
