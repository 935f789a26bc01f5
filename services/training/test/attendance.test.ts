import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@cpss/domain';
import { errorCodes } from '@cpss/testkit';
import { approvedCourse, PDF, reviewer } from './course-fixtures';
import { as, fieldsOf, gql, unmetRules, useTrainingDatabase, type App } from './harness';
import { participant, plan, REGISTER, registerTrainer, schedule, TODAY, totTrainedPerson, trainer } from './session-fixtures';

const t = useTrainingDatabase();
let sessionId: string;
let trainerId: string;
let courseId: string;
const [ana, bo] = [randomUUID(), randomUUID()];
const DAYS = ['2027-01-11', '2027-01-12', '2027-01-13', '2027-01-14', '2027-01-15'];
let after: App;

const ATTEND = `mutation($input: RecordTrainingAttendanceInput!) { recordTrainingAttendance(input: $input) { personId status attendedHours certificate { hours courseKind courseTitle verificationCode completedOn } } }`;
type Result = { personId: string; status: string; attendedHours: number; certificate: { hours: number; courseKind: string; verificationCode: string; completedOn: string } | null };

beforeAll(async () => {
  const app = await t.appOn(TODAY);
  courseId = await approvedCourse(await t.appOn('2026-04-02'), 'dev-1', { title: 'Peer Support Specialist Training (core)', childAndFamily: false });
  trainerId = await totTrainedPerson(t.ds);
  await registerTrainer(app, courseId, trainerId);
  sessionId = (await schedule(app, trainerId, plan(courseId))).id;
  for (const p of [ana, bo]) expect(errorCodes(await gql(app, REGISTER, { input: { sessionId } }, await participant(p)))).toEqual([]);
  after = await t.appOn('2027-01-20');
});

async function attend(date: string | null, entries: { personId: string; hours: number }[], token?: { token: string }) {
  return gql(after, ATTEND, { input: { sessionId, date, entries } }, token ?? (await trainer(trainerId)));
}

describe('attendance and completion', () => {
  it('rejects hours over the day, people not enrolled and days not yet held, writing nothing', async () => {
    const before = await t.count('attendance');
    const res = await attend(DAYS[0]!, [{ personId: ana, hours: 9 }, { personId: randomUUID(), hours: 8 }]);
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(res)).toEqual(['input.entries.0.hours', 'input.entries.1.personId']);
    const early = await gql(await t.appOn('2027-01-12'), ATTEND, { input: { sessionId, date: '2027-01-13', entries: [{ personId: ana, hours: 8 }] } }, await trainer(trainerId));
    expect(fieldsOf(early)).toEqual(['input.date']);
    const notADay = await attend('2027-01-16', [{ personId: ana, hours: 8 }]);
    expect(fieldsOf(notADay)).toEqual(['input.date']);
    expect(await t.count('attendance')).toBe(before);
  });

  it('only the session’s trainer (or staff) records attendance', async () => {
    const res = await attend(DAYS[0]!, [{ personId: ana, hours: 8 }], await trainer(randomUUID()));
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
  });

  it('completes a participant when the required hours are reached, not before', async () => {
    for (const day of DAYS) {
      const res = await attend(day, [{ personId: ana, hours: 8 }, { personId: bo, hours: day === DAYS[2] ? 4 : 8 }]);
      expect(errorCodes(res)).toEqual([]);
    }
    // 40 face-to-face hours of a 40 + 10 course: not complete yet.
    const fortyHours = (await attend(DAYS[4]!, [{ personId: ana, hours: 8 }])).body.data!['recordTrainingAttendance'] as Result[];
    expect(fortyHours[0]).toMatchObject({ status: 'ENROLLED', attendedHours: 40, certificate: null });
    const preWorkShort = (await attend(null, [{ personId: ana, hours: 9.5 }])).body.data!['recordTrainingAttendance'] as Result[];
    expect(preWorkShort[0]).toMatchObject({ status: 'ENROLLED', attendedHours: 49.5, certificate: null });
    expect(await t.count(`training_completion where person_id = '${ana}'`)).toBe(0);

    const done = (await attend(null, [{ personId: ana, hours: 10 }, { personId: bo, hours: 10 }])).body.data!['recordTrainingAttendance'] as Result[];
    expect(done.find((r) => r.personId === ana)).toMatchObject({ status: 'COMPLETED', attendedHours: 50, certificate: { hours: 50, courseKind: 'CORE_PSS', completedOn: '2027-01-15' } });
    expect(done.find((r) => r.personId === ana)!.certificate!.verificationCode).toMatch(/^NC-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(done.find((r) => r.personId === bo)).toMatchObject({ status: 'ENROLLED', attendedHours: 46, certificate: null });

    // The completion reaches the person's training record, which certification reads.
    const person = await gql(after, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { trainingHours trainingHoursByKind { kind hours } trainingCompletions { kind hours source completedOn } } } }`,
      { r: [{ __typename: 'Person', id: ana }] }, await participant(ana));
    expect(person.body.data!['_entities']).toEqual([{ trainingHours: 50, trainingHoursByKind: [{ kind: 'CORE_PSS', hours: 50 }], trainingCompletions: [{ kind: 'CORE_PSS', hours: 50, source: 'SESSION', completedOn: '2027-01-15' }] }]);
  });

  it('lets anyone verify a certificate code without signing in', async () => {
    const [{ verification_code: code }] = (await t.ds.query(`select verification_code from completion_certificate where person_id = $1`, [ana])) as { verification_code: string }[];
    const res = await gql(after, `query($code: String!) { verifyTrainingCertificate(code: $code) { verificationCode courseTitle courseKind hours completedOn } }`, { code: code!.toLowerCase() });
    expect(res.body.data!['verifyTrainingCertificate']).toEqual({ verificationCode: code, courseTitle: 'Peer Support Specialist Training (core)', courseKind: 'CORE_PSS', hours: 50, completedOn: '2027-01-15' });
    const unknown = await gql(after, `{ verifyTrainingCertificate(code: "NC-AAAA-BBBB-CCCC") { hours } }`);
    expect(unknown.body.data!['verifyTrainingCertificate']).toBeNull();
  });
});

describe('external completions', () => {
  const ADD = `mutation($input: RecordExternalTrainingCompletionInput!) { recordExternalTrainingCompletion(input: $input) { id kind hours source childAndFamily provider evidenceDocumentId } }`;
  const input = (over: Record<string, unknown> = {}) => ({ personId: bo, courseTitle: 'Family Systems (SOWK 410)', kind: 'ELECTIVE', hours: 6, completedOn: '2026-12-10', childAndFamily: true, provider: 'UNC Greensboro', evidence: PDF, ...over });

  it('staff enter them with evidence; they count as hours, child/family hours apart', async () => {
    const res = await gql(after, ADD, { input: input() }, await reviewer());
    expect(errorCodes(res)).toEqual([]);
    expect(res.body.data!['recordExternalTrainingCompletion']).toMatchObject({ kind: 'ELECTIVE', hours: 6, source: 'EXTERNAL', childAndFamily: true, provider: 'UNC Greensboro' });
    const person = await gql(after, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { trainingHours childAndFamilyTrainingHours trainingHoursByKind { kind hours } } } }`,
      { r: [{ __typename: 'Person', id: bo }] }, await as([Role.Admin]));
    expect(person.body.data!['_entities']).toEqual([{ trainingHours: 6, childAndFamilyTrainingHours: 6, trainingHoursByKind: [{ kind: 'ELECTIVE', hours: 6 }] }]);
    expect(await t.count(`audit_entry where action = 'create' and subject_type = 'Document'`)).toBe(1);
    const since = await gql(after, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { a: trainingHours(since: "2026-12-10") b: trainingHours(since: "2026-12-11") c: trainingHoursByKind(since: "2026-12-11") { hours } } } }`,
      { r: [{ __typename: 'Person', id: bo }] }, await as([Role.Admin]));
    expect(since.body.data!['_entities']).toEqual([{ a: 6, b: 0, c: [] }]);
  });

  it('rejects bad evidence or a future date, writing nothing; refuses non-staff', async () => {
    const before = [await t.count('training_completion'), await t.count('document')];
    const txt = { fileName: 'cert.txt', contentType: 'text/plain', contentBase64: Buffer.from('hello').toString('base64') };
    const res = await gql(after, ADD, { input: input({ evidence: txt }) }, await reviewer());
    expect(fieldsOf(res)).toEqual(['input.evidence.contentType']);
    const future = await gql(after, ADD, { input: input({ completedOn: '2027-02-01' }) }, await reviewer());
    expect(fieldsOf(future)).toEqual(['input.completedOn']);
    expect([await t.count('training_completion'), await t.count('document')]).toEqual(before);
    expect(errorCodes(await gql(after, ADD, { input: input() }, await participant(bo)))).toEqual(['FORBIDDEN']);
  });

  it("takes one of the program's courses only within its approval term, writing nothing otherwise", async () => {
    const who = randomUUID();
    const ofCourse = (over: Record<string, unknown>) => input({ personId: who, courseId, kind: 'CORE_PSS', courseTitle: 'Peer Support Specialist Training (core)', childAndFamily: false, ...over });
    const before = [await t.count('training_completion'), await t.count('document')];
    const early = await gql(after, ADD, { input: ofCourse({ completedOn: '2026-04-01' }) }, await reviewer());
    expect(errorCodes(early)).toEqual(['FAILED_PRECONDITION']);
    expect(unmetRules(early)).toEqual(['courseApprovedOnCompletionDate']);
    const wrongKind = await gql(after, ADD, { input: ofCourse({ kind: 'ELECTIVE' }) }, await reviewer());
    expect(fieldsOf(wrongKind)).toEqual(['input.kind']);
    const unknown = await gql(after, ADD, { input: ofCourse({ courseId: randomUUID() }) }, await reviewer());
    expect(fieldsOf(unknown)).toEqual(['input.courseId']);
    expect([await t.count('training_completion'), await t.count('document')]).toEqual(before);

    const onApprovalDay = await gql(after, ADD, { input: ofCourse({ completedOn: '2026-04-02', hours: 40 }) }, await reviewer());
    expect(errorCodes(onApprovalDay)).toEqual([]);
  });

  it('keeps a completion dated after its course expired on the record but does not count its hours', async () => {
    const who = randomUUID();
    const expired = await approvedCourse(await t.appOn('2026-04-02'), 'dev-1', { title: 'Expired elective', kind: 'ELECTIVE', childAndFamily: false });
    await t.ds.query(`update course set status = 'EXPIRED', expires_on = '2026-06-30' where id = $1`, [expired]);
    // As an import of the legacy record would write them: one inside the term, one after it.
    await t.ds.query(
      `insert into training_completion (person_id, course_title, kind, hours, completed_on, course_id) values ($1, 'Expired elective', 'ELECTIVE', 10, '2026-06-30', $2), ($1, 'Expired elective', 'ELECTIVE', 12, '2026-07-01', $2)`,
      [who, expired],
    );
    const res = await gql(after, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { trainingHours trainingHoursByKind { kind hours } trainingCompletions { hours completedOn countsTowardCertification } } } }`,
      { r: [{ __typename: 'Person', id: who }] }, await as([Role.Admin]));
    expect(res.body.data!['_entities']).toEqual([{
      trainingHours: 10,
      trainingHoursByKind: [{ kind: 'ELECTIVE', hours: 10 }],
      trainingCompletions: [{ hours: 12, completedOn: '2026-07-01', countsTowardCertification: false }, { hours: 10, completedOn: '2026-06-30', countsTowardCertification: true }],
    }]);
  });
});
