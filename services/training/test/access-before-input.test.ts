// Who may comes before what is wrong with the input: a trainer who is not the session's (or not
// registered for the course), or a curriculum developer who does not own the course or submission,
// gets the same refusal whether the input is sensible or not, and nothing is written; the owner
// sending the same bad input is told BAD_USER_INPUT naming each field. The input types' own checks
// (lengths, ranges, nested entries) run in the services after the access check, not before the
// resolver. Each case ends with the owner sending the sensible input, which succeeds: the stranger's
// sensible input was one the service accepts.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '@cpss/testkit';
import { approvedCourse, CORE_AGENDA, CREATE_SUBMISSION, createCourse, dev, PDF, UPLOAD } from './course-fixtures';
import { fieldsOf, gql, unmetRules, useTrainingDatabase, type App } from './harness';
import { participant, plan, REGISTER, registerTrainer, schedule, SCHEDULE, TODAY, totTrainedPerson, trainer, WEEK } from './session-fixtures';

const t = useTrainingDatabase();
let app: App;
let courseId: string;
let ownerTrainer: string;
let otherTrainer: string;
let sessionId: string;
const enrolled = randomUUID();

/** Every table a training mutation writes (the audit log aside). */
const TABLES = [
  'course', 'course_submission', 'course_agenda_entry', 'crosswalk_entry', 'course_material', 'document', 'course_trainer',
  'training_session', 'session_day', 'training_notice', 'enrollment', 'attendance', 'completion_certificate', 'training_completion', 'status_change',
];

const ATTEND = `mutation($input: RecordTrainingAttendanceInput!) { recordTrainingAttendance(input: $input) { id } }`;
const RESCHEDULE = `mutation($input: RescheduleTrainingSessionInput!) { rescheduleTrainingSession(input: $input) { id version } }`;
const CANCEL = `mutation($input: CancelTrainingSessionInput!) { cancelTrainingSession(input: $input) { id status } }`;
const UPDATE_COURSE = `mutation($input: UpdateCourseInput!) { updateCourse(input: $input) { id version } }`;
const UPDATE_SUBMISSION = `mutation($input: UpdateCourseSubmissionInput!) { updateCourseSubmission(input: $input) { id version } }`;

const versionOf = async (table: string, id: string) => ((await t.ds.query(`select version from ${table} where id = $1`, [id])) as { version: number }[])[0]!.version;

beforeAll(async () => {
  app = await t.appOn(TODAY);
  courseId = await approvedCourse(await t.appOn('2026-04-02'));
  ownerTrainer = await totTrainedPerson(t.ds);
  otherTrainer = await totTrainedPerson(t.ds);
  // Both teach the course: the other trainer is a trainer of it, just not of this session.
  await registerTrainer(app, courseId, ownerTrainer);
  await registerTrainer(app, courseId, otherTrainer);
  sessionId = (await schedule(app, ownerTrainer, plan(courseId))).id;
  expect(errorCodes(await gql(app, REGISTER, { input: { sessionId } }, await participant(enrolled)))).toEqual([]);
});

interface Case {
  document: string;
  owner: () => Promise<{ token: string }>;
  stranger: () => Promise<{ token: string }>;
  valid: () => Promise<Record<string, unknown>>;
  invalid: () => Promise<Record<string, unknown>>;
  /** What the stranger gets, whatever the input. */
  refusal: string;
  /** The fields the owner is told about for the invalid input. */
  fields: string[];
}

async function holds(c: Case): Promise<void> {
  const before = await t.snapshot(...TABLES);
  const strangerToken = await c.stranger();
  const sensible = await gql(app, c.document, { input: await c.valid() }, strangerToken);
  const bad = await gql(app, c.document, { input: await c.invalid() }, strangerToken);
  expect(errorCodes(sensible)).toEqual([c.refusal]);
  expect(errorCodes(bad)).toEqual([c.refusal]);
  // The same answer: the bad input is not looked at, so nothing about it is said.
  expect(bad.body.errors![0]!.message).toBe(sensible.body.errors![0]!.message);
  expect(bad.body.errors![0]!.extensions).toEqual(sensible.body.errors![0]!.extensions);
  expect(await t.snapshot(...TABLES)).toBe(before);

  const ownerToken = await c.owner();
  const ownBad = await gql(app, c.document, { input: await c.invalid() }, ownerToken);
  expect(errorCodes(ownBad)).toEqual(['BAD_USER_INPUT']);
  expect(fieldsOf(ownBad).sort()).toEqual([...c.fields].sort());
  const reasons = (ownBad.body.errors![0]!.extensions!['fields'] as { reason: string }[]).map((f) => f.reason);
  expect(reasons.every((r) => typeof r === 'string' && r.length > 0)).toBe(true);
  expect(await t.snapshot(...TABLES)).toBe(before);

  const ownOk = await gql(app, c.document, { input: await c.valid() }, ownerToken);
  expect(errorCodes(ownOk)).toEqual([]);
}

describe('a trainer who is not the session’s (or not registered for the course)', () => {
  it('scheduleTrainingSession: a trainer not registered for the course is refused the same whatever the plan', async () => {
    const unregistered = await totTrainedPerson(t.ds);
    const c: Case = {
      document: SCHEDULE,
      owner: () => trainer(ownerTrainer),
      stranger: () => trainer(unregistered),
      valid: async () => plan(courseId, { days: WEEK(25) }),
      invalid: async () => plan(courseId, { capacity: 0, days: [{ date: '2027-01-25', hours: 13 }] }),
      refusal: 'FAILED_PRECONDITION',
      fields: ['input.capacity', 'input.days.0.hours'],
    };
    await holds(c);
    const refused = await gql(app, SCHEDULE, { input: await c.invalid() }, await c.stranger());
    expect(unmetRules(refused)).toEqual(['trainerRegistered']);
  });

  it('recordTrainingAttendance', async () => {
    await holds({
      document: ATTEND,
      owner: () => trainer(ownerTrainer),
      stranger: () => trainer(otherTrainer),
      // Pre-work (no date): the course has 10 hours of it.
      valid: async () => ({ sessionId, date: null, entries: [{ personId: enrolled, hours: 2 }] }),
      invalid: async () => ({ sessionId, date: null, entries: [{ personId: enrolled, hours: 25 }, { personId: enrolled, hours: -1 }] }),
      refusal: 'FORBIDDEN',
      fields: ['input.entries.0.hours', 'input.entries.1.hours'],
    });
  });

  it('rescheduleTrainingSession', async () => {
    await holds({
      document: RESCHEDULE,
      owner: () => trainer(ownerTrainer),
      stranger: () => trainer(otherTrainer),
      valid: async () => ({ sessionId, expectedVersion: await versionOf('training_session', sessionId), registrationOpensOn: '2026-11-01', registrationClosesOn: '2027-01-05', days: WEEK(18), reason: 'The venue moved its dates' }),
      invalid: async () => ({ sessionId, expectedVersion: await versionOf('training_session', sessionId), registrationOpensOn: '2026-11-01', registrationClosesOn: '2027-01-05', days: [{ date: '2027-01-18', hours: 13 }], reason: '' }),
      refusal: 'FORBIDDEN',
      fields: ['input.days.0.hours', 'input.reason'],
    });
  });

  it('cancelTrainingSession', async () => {
    await holds({
      document: CANCEL,
      owner: () => trainer(ownerTrainer),
      stranger: () => trainer(otherTrainer),
      valid: async () => ({ sessionId, expectedVersion: await versionOf('training_session', sessionId), reason: 'The trainer is ill' }),
      invalid: async () => ({ sessionId, expectedVersion: await versionOf('training_session', sessionId), reason: 'x'.repeat(1001) }),
      refusal: 'FORBIDDEN',
      fields: ['input.reason'],
    });
  });
});

describe('a curriculum developer who does not own the course or submission', () => {
  it('updateCourse: the type’s checks and the policy’s core hours, every field at once', async () => {
    const course = await createCourse(app, await dev(), { title: 'Draft to edit', kind: 'ELECTIVE', faceToFaceHours: 6, preWorkHours: 0 });
    await holds({
      document: UPDATE_COURSE,
      owner: () => dev(),
      stranger: () => dev('dev-other'),
      valid: async () => ({ courseId: course.id, expectedVersion: await versionOf('course', course.id), title: 'Edited draft', kind: 'ELECTIVE', faceToFaceHours: 8, preWorkHours: 0, childAndFamily: false }),
      invalid: async () => ({ courseId: course.id, expectedVersion: await versionOf('course', course.id), title: '', kind: 'CORE_PSS', faceToFaceHours: 501, preWorkHours: 2, childAndFamily: false }),
      refusal: 'FORBIDDEN',
      // 501: over the type's 500 and not the policy's 40; 2: not the policy's 10 of pre-work.
      fields: ['input.title', 'input.faceToFaceHours', 'input.faceToFaceHours', 'input.preWorkHours'],
    });
  });

  it('createCourseSubmission', async () => {
    const course = await createCourse(app, await dev(), { title: 'Draft to submit', kind: 'ELECTIVE', faceToFaceHours: 40, preWorkHours: 10 });
    await holds({
      document: CREATE_SUBMISSION,
      owner: () => dev(),
      stranger: () => dev('dev-other'),
      valid: async () => ({ courseId: course.id, agenda: CORE_AGENDA, crosswalk: [] }),
      invalid: async () => ({ courseId: course.id, agenda: [{ day: -1, title: '', hours: 0 }], crosswalk: [] }),
      refusal: 'FORBIDDEN',
      fields: ['input.agenda.0.day', 'input.agenda.0.title', 'input.agenda.0.hours'],
    });
  });

  describe('on a draft submission', () => {
    let submissionId: string;
    beforeAll(async () => {
      const course = await createCourse(app, await dev(), { title: 'Draft with a submission', kind: 'ELECTIVE', faceToFaceHours: 40, preWorkHours: 10 });
      const created = await gql(app, CREATE_SUBMISSION, { input: { courseId: course.id, agenda: CORE_AGENDA, crosswalk: [] } }, await dev());
      expect(errorCodes(created)).toEqual([]);
      submissionId = (created.body.data!['createCourseSubmission'] as { id: string }).id;
    });

    it('updateCourseSubmission', async () => {
      await holds({
        document: UPDATE_SUBMISSION,
        owner: () => dev(),
        stranger: () => dev('dev-other'),
        valid: async () => ({ submissionId, expectedVersion: await versionOf('course_submission', submissionId), agenda: CORE_AGENDA.slice(0, 3), crosswalk: [] }),
        invalid: async () => ({ submissionId, expectedVersion: await versionOf('course_submission', submissionId), agenda: [{ day: 31, title: 'Day', hours: 25 }], crosswalk: [] }),
        refusal: 'FORBIDDEN',
        fields: ['input.agenda.0.day', 'input.agenda.0.hours'],
      });
    });

    it('uploadCourseMaterial', async () => {
      await holds({
        document: UPLOAD,
        owner: () => dev(),
        stranger: () => dev('dev-other'),
        valid: async () => ({ submissionId, kind: 'INSTRUCTOR_MANUAL', document: PDF }),
        invalid: async () => ({ submissionId, kind: 'INSTRUCTOR_MANUAL', document: { ...PDF, fileName: '', contentType: 'x'.repeat(201) } }),
        refusal: 'FORBIDDEN',
        fields: ['input.document.fileName', 'input.document.contentType'],
      });
    });
  });
});
