// The whole program across its three domains, on a platform of its own (processes, a real
// PostgreSQL, the composed gateway) whose services all read "today" from one clock file, so the
// journey can move through the weeks and years the program's rules span:
// - a fault: certification is stopped while ethics decides a revocation; when it is back, the
//   certification ends revoked, once, with nobody doing anything;
// - the journey: a course approved, a trainer registered, a session held and completed, the
//   participant certified on those training facts, a complaint holding their next application,
//   a revocation the public registry shows;
// - the person view costs the same number of SQL statements for 10 people as for 100.
// - an admin's trainers import names people by certification number: training asks certification
//   through the gateway (peopleByCertificationNumbers), a number nobody holds refused on its line.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@cpss/devdb';
import { DEMO_PEOPLE } from '@cpss/domain';
import type { RunningPlatform } from '@cpss/launcher';
import { graphql, signIn } from '../support/client';
import { startTestPlatform } from '../support/platform';

let platform: RunningPlatform;
let db: ThrowawayDatabase;
let clockFile: string;
let logDir: string;
const tokens = new Map<string, string>();

const today = () => readFileSync(clockFile, 'utf8').trim();
const setToday = (date: string) => writeFileSync(clockFile, date);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** The first day on or after `date` that opens one of the yearly windows. */
function nextWindowOpening(date: string, openings: { month: number; day: number }[]): string {
  const year = Number(date.slice(0, 4));
  const candidates = [year, year + 1].flatMap((y) => openings.map((o) => `${y}-${String(o.month).padStart(2, '0')}-${String(o.day).padStart(2, '0')}`));
  return candidates.filter((d) => d >= date).sort()[0]!;
}
const ncToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());

async function as(email: string): Promise<string> {
  if (!tokens.has(email)) tokens.set(email, await signIn(platform.gatewayUrl, email));
  return tokens.get(email)!;
}

/** One operation at the gateway as a demo account; any error fails the test with its detail. */
async function ok<T = Record<string, unknown>>(email: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await graphql<T>(`${platform.gatewayUrl}/graphql`, query, variables, await as(email));
  expect(res.errors, `${query.slice(0, 80)}: ${JSON.stringify(res.errors)}`).toBeUndefined();
  return res.data!;
}

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 45_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T = await read();
  while (!done(last)) {
    if (Date.now() > end) throw new Error(`${what}: still ${JSON.stringify(last)} after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
    last = await read();
  }
  return last;
}

const ADMIN = 'admin@demo.cpss';
const REVIEWER = 'reviewer@demo.cpss';
const TRAINING_REVIEWER = 'training.reviewer@demo.cpss';
const ETHICS = 'ethics@demo.cpss';
const DEVELOPER = 'developer@demo.cpss';
const TRAINER = 'trainer@demo.cpss';
const PARTICIPANT = 'applicant2@demo.cpss';
const participantId = DEMO_PEOPLE[8]!.id;
const PDF = { fileName: 'evidence.pdf', contentType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4\n% e2e evidence\n').toString('base64') };

beforeAll(async () => {
  db = await createThrowawayDatabase(inject('pgAdminUrl'), 'e2e_cross');
  const dir = mkdtempSync(join(tmpdir(), 'cpss-cross-'));
  clockFile = join(dir, 'today');
  logDir = join(dir, 'logs');
  setToday(ncToday());
  // Retries at most 2 s apart, so a command lands soon after its domain is back.
  platform = await startTestPlatform({ databaseUrl: db.url, logDir, extraEnv: { NODE_ENV: 'test', CLOCK_FILE: clockFile, OUTBOX_RETRY_BASE_SECONDS: '1', OUTBOX_RETRY_MAX_SECONDS: '2' } });
});

afterAll(async () => {
  await platform?.stop();
  await db?.drop();
});

// ---- the complaint flow, as ethics staff ----

const STEP = 'id status version';

async function complaintAgainst(personId: string, subjectKind = 'CPSS'): Promise<{ id: string; version: number }> {
  const data = await ok<{ recordComplaint: { id: string; version: number } }>(ETHICS, `mutation($input: RecordComplaintInput!) { recordComplaint(input: $input) { ${STEP} } }`, {
    input: {
      channel: 'PHONE',
      subjectKind,
      respondentPersonId: personId,
      incidentOn: addDays(today(), -10),
      receivedOn: today(),
      summary: 'Met a person they support for paid side work.',
      complainant: { name: 'Robin Caller', phone: '919-555-0100' },
      allegations: [{ principle: 'NO_DUAL_RELATIONSHIPS', description: 'Paid side work with a person served.' }],
    },
  });
  return data.recordComplaint;
}

/** Acknowledged, triaged for desk review, respondent notified, findings, and the outcome decided. */
async function decideRevocation(c: { id: string; version: number }): Promise<{ id: string; version: number }> {
  let version = c.version;
  const step = async (name: string, inputType: string, extra: Record<string, unknown> = {}) => {
    const data = await ok<Record<string, { version: number }>>(ETHICS, `mutation($input: ${inputType}!) { r: ${name}(input: $input) { ${STEP} } }`, { input: { id: c.id, expectedVersion: version, ...extra } });
    version = data['r']!.version;
  };
  await step('acknowledgeComplaint', 'ComplaintStepInput');
  await step('triageComplaint', 'TriageComplaintInput', { level: 'DESK_REVIEW' });
  await step('notifyRespondent', 'ComplaintStepInput');
  await step('recordComplaintFindings', 'FindingsInput', { substantiated: true, findings: 'Paid side work with a person served, admitted.' });
  await step('decideComplaintOutcome', 'OutcomeInput', { outcome: 'REVOCATION', reason: 'Exploitation of a person served.', effectiveFrom: today() });
  return { id: c.id, version };
}

/** Past the appeal window, the case closes: the revocation becomes final and its command is queued. */
async function closeAfterAppealWindow(c: { id: string; version: number }) {
  setToday(addDays(today(), 20));
  await ok(ETHICS, `mutation($input: ComplaintStepInput!) { closeComplaint(input: $input) { ${STEP} } }`, { input: { id: c.id, expectedVersion: c.version } });
}

const registry = async (number: string) =>
  (await graphql<{ registryLookup: { status: string } | null }>(`${platform.gatewayUrl}/graphql`, `query($n: String!) { registryLookup(certificationNumber: $n) { status } }`, { n: number })).data?.registryLookup?.status ?? null;

async function sql<T>(query: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query(query, values)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('a decision in one domain acting on another', () => {
  it('revokes a certification decided while certification was down, once, when it comes back', async () => {
    const dwayne = DEMO_PEOPLE[3]!.id;
    const number = 'NC-CPSS-000102';
    expect(await registry(number)).not.toBe('REVOKED');
    const decided = await decideRevocation(await complaintAgainst(dwayne));

    await platform.stopService('certification');
    try {
      const closedAt = new Date();
      await closeAfterAppealWindow(decided);
      // The command waits in the outbox while deliveries to certification keep failing.
      const pending = await sql<{ status: string }>(`select status from ethics.outbound_command where type = 'REVOKE_CERTIFICATION' and payload->>'personId' = $1`, [dwayne]);
      expect(pending).toEqual([{ status: 'pending' }]);
      await until(
        'a failed delivery to certification',
        () => sql<{ n: number }>(`select count(*)::int as n from ethics.outbound_command where target_domain = 'certification' and last_error like '%certification%' and last_attempt_at > $1`, [closedAt]),
        (rows) => rows[0]!.n > 0,
      );
      expect(await registry(number)).toBeNull();
    } finally {
      await platform.startService('certification');
    }
    await until('the registry showing the revocation', () => registry(number), (s) => s === 'REVOKED');
    const [command] = await sql<{ status: string; outcome: string }>(`select status, outcome from ethics.outbound_command where type = 'REVOKE_CERTIFICATION' and payload->>'personId' = $1`, [dwayne]);
    expect(command!.status).toBe('delivered');
    expect(command!.outcome).toMatch(/revoked/i);
    // Applied exactly once: one revocation event, one receipt of the command.
    const events = await sql<{ n: number }>(`select count(*)::int as n from certification.certification_event e join certification.certification c on c.id = e.certification_id where c.number = $1 and e.kind = 'REVOKED'`, [number]);
    expect(events[0]!.n).toBe(1);
    const receipts = await sql<{ n: number }>(`select count(*)::int as n from certification.inbound_command where type = 'REVOKE_CERTIFICATION' and payload->>'personId' = $1`, [dwayne]);
    expect(receipts[0]!.n).toBe(1);
  });
});

describe('a decision that needs another domain while it is down', () => {
  it('refuses to schedule a session with SERVICE_UNAVAILABLE when certification cannot say the trainer is certified, and writes nothing', async () => {
    const courses = (await ok<{ coursesITeach: { id: string }[] }>(TRAINER, `{ coursesITeach { id } }`)).coursesITeach;
    expect(courses.length).toBeGreaterThan(0);
    const first = addDays(today(), 30);
    const input = {
      courseId: courses[0]!.id,
      delivery: 'VIRTUAL',
      meetingUrl: 'https://meet.example.org/cpss',
      registrationOpensOn: today(),
      registrationClosesOn: addDays(first, -1),
      days: [{ date: first, hours: 3 }],
    };
    const sessions = () => sql<{ n: number }>(`select count(*)::int as n from training.training_session`);
    const before = (await sessions())[0]!.n;
    await platform.stopService('certification');
    try {
      const res = await graphql(`${platform.gatewayUrl}/graphql`, `mutation($input: ScheduleTrainingSessionInput!) { scheduleTrainingSession(input: $input) { id } }`, { input }, await as(TRAINER));
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'certification' });
      expect((await sessions())[0]!.n).toBe(before);
    } finally {
      await platform.startService('certification');
    }
    // Once certification answers, the same request is decided on its facts.
    const res = await graphql<{ scheduleTrainingSession: { id: string } }>(`${platform.gatewayUrl}/graphql`, `mutation($input: ScheduleTrainingSessionInput!) { scheduleTrainingSession(input: $input) { id } }`, { input }, await as(TRAINER));
    expect(res.errors).toBeUndefined();
    expect((await sessions())[0]!.n).toBe(before + 1);
  });
});

describe('the whole program', () => {
  it('approves a course, trains and certifies a participant on the training facts, then holds and revokes them on an ethics case', async () => {
    // 1. In the program's next submission window, a curriculum developer submits a core course;
    //    training staff review and approve it.
    const policy = await ok<{ trainingPolicyInForce: { values: { submissionWindows: { from: { month: number; day: number } }[] } } }>(ADMIN, `{ trainingPolicyInForce { values } }`);
    setToday(nextWindowOpening(today(), policy.trainingPolicyInForce.values.submissionWindows.map((w) => w.from)));
    const title = `Journey Core PSS ${randomUUID().slice(0, 6)}`;
    const course = (await ok<{ createCourse: { id: string } }>(DEVELOPER, `mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }`, { input: { title, kind: 'CORE_PSS', faceToFaceHours: 40, preWorkHours: 10 } })).createCourse;
    const standards = await ok<{ trainingStandards: { domains: { coreConcepts: { id: string; code: string }[] }[] } }>(DEVELOPER, `{ trainingStandards { domains { coreConcepts { id code } } } }`);
    const concepts = standards.trainingStandards.domains.flatMap((d) => d.coreConcepts);
    const agenda = [{ day: 0, title: 'Pre-work: recovery reading', hours: 10 }, ...[1, 2, 3, 4, 5].map((day) => ({ day, title: `Day ${day}`, hours: 8 }))];
    const crosswalk = concepts.map((c) => ({ conceptId: c.id, material: 'PARTICIPANT_MANUAL', location: `Module ${c.code}`, agendaBlock: `Day ${c.code.split('.')[0]}` }));
    let submission = (await ok<{ createCourseSubmission: { id: string; version: number } }>(DEVELOPER, `mutation($input: CreateCourseSubmissionInput!) { createCourseSubmission(input: $input) { id version } }`, { input: { courseId: course.id, agenda, crosswalk } })).createCourseSubmission;
    let version = submission.version;
    for (const kind of ['INSTRUCTOR_MANUAL', 'PARTICIPANT_MANUAL', 'DAILY_AGENDA', 'TOT_MANUAL']) {
      await ok(DEVELOPER, `mutation($input: UploadCourseMaterialInput!) { uploadCourseMaterial(input: $input) { id } }`, { input: { submissionId: submission.id, kind, document: { ...PDF, fileName: `${kind}.pdf` } } });
      version += 1;
    }
    const review = async (email: string, name: string, inputType: string, extra: Record<string, unknown>) => {
      const data = await ok<Record<string, { version: number; status: string }>>(email, `mutation($input: ${inputType}!) { r: ${name}(input: $input) { version status } }`, { input: { submissionId: submission.id, expectedVersion: version, ...extra } });
      version = data['r']!.version;
      return data['r']!.status;
    };
    await review(DEVELOPER, 'submitCourseSubmission', 'CourseSubmissionVersionInput', {});
    await review(TRAINING_REVIEWER, 'checkCourseSubmissionFormat', 'CheckCourseFormatInput', { passed: true, comment: 'Complete' });
    await review(TRAINING_REVIEWER, 'reviewCourseConcepts', 'ReviewCourseConceptsInput', { findings: concepts.map((c) => ({ conceptId: c.id, met: true })) });
    expect(await review(TRAINING_REVIEWER, 'decideCourseSubmission', 'DecideCourseSubmissionInput', { reason: 'All core concepts met' })).toBe('APPROVED');

    // 2. The owner registers a trainer (an active CPSS trained as a trainer) who schedules a session.
    const trainerId = DEMO_PEOPLE[1]!.id;
    await ok(DEVELOPER, `mutation($input: RegisterCourseTrainerInput!) { registerCourseTrainer(input: $input) { id } }`, { input: { courseId: course.id, personId: trainerId } });
    const first = addDays(today(), 14);
    const days = [0, 1, 2, 3, 4].map((i) => ({ date: addDays(first, i), hours: 8 }));
    const session = (await ok<{ scheduleTrainingSession: { id: string } }>(TRAINER, `mutation($input: ScheduleTrainingSessionInput!) { scheduleTrainingSession(input: $input) { id } }`, {
      input: { courseId: course.id, delivery: 'IN_PERSON', address: '100 Main St, Raleigh', county: 'Wake', registrationOpensOn: today(), registrationClosesOn: addDays(first, -1), days },
    })).scheduleTrainingSession;
    await ok(PARTICIPANT, `mutation($input: RegisterForTrainingSessionInput!) { registerForTrainingSession(input: $input) { id } }`, { input: { sessionId: session.id } });

    // 3. The session is held: attendance day by day and the pre-work; the participant completes it.
    setToday(addDays(first, 7));
    for (const day of days) {
      await ok(TRAINER, `mutation($input: RecordTrainingAttendanceInput!) { recordTrainingAttendance(input: $input) { personId } }`, { input: { sessionId: session.id, date: day.date, entries: [{ personId: participantId, hours: 8 }] } });
    }
    const done = await ok<{ recordTrainingAttendance: { personId: string; status: string; certificate: { verificationCode: string; hours: number } | null }[] }>(TRAINER,
      `mutation($input: RecordTrainingAttendanceInput!) { recordTrainingAttendance(input: $input) { personId status certificate { verificationCode hours } } }`,
      { input: { sessionId: session.id, date: null, entries: [{ personId: participantId, hours: 10 }] } });
    expect(done.recordTrainingAttendance[0]).toMatchObject({ status: 'COMPLETED', certificate: { hours: 50 } });
    // Training staff add what the participant trained elsewhere, with its certificate.
    await ok(TRAINING_REVIEWER, `mutation($input: RecordExternalTrainingCompletionInput!) { recordExternalTrainingCompletion(input: $input) { id } }`, {
      input: { personId: participantId, courseTitle: 'Crisis Prevention', kind: 'ELECTIVE', hours: 6, completedOn: addDays(first, 5), provider: 'NC Crisis Institute', evidence: PDF },
    });

    // 4. The participant applies; certification judges eligibility on training's facts.
    const created = (await ok<{ createApplication: { id: string; version: number } }>(PARTICIPANT, `mutation { createApplication(input: {}) { id version } }`)).createApplication;
    const saved = (await ok<{ saveApplicationDraft: { version: number } }>(PARTICIPANT, `mutation($input: SaveApplicationDraftInput!) { saveApplicationDraft(input: $input) { version } }`, {
      input: {
        applicationId: created.id,
        expectedVersion: created.version,
        consumerOfServices: true,
        recoveryStartDate: '2020-02-01',
        educationProofKind: 'HIGH_SCHOOL_DIPLOMA',
        references: [
          { name: 'Pat Doe', relation: 'Former supervisor', yearsKnown: 3, knowsAboutRecovery: false },
          { name: 'Sam Roe', relation: 'Sponsor', yearsKnown: 2, knowsAboutRecovery: true },
        ],
        codeOfEthicsVersion: '2019',
        recoveryStatement: 'My recovery began when...',
        statementOwnWork: true,
      },
    })).saveApplicationDraft;
    type App = { id: string; status: string; version: number; eligible: boolean; checklist: { rule: string; met: boolean; evidence: Record<string, unknown> }[]; fees: { id: string; version: number; status: string }[] };
    const APP = 'id status version eligible checklist { rule met evidence } fees { id version status }';
    const submitted = (await ok<{ submitApplication: App }>(PARTICIPANT, `mutation($input: ApplicationVersionInput!) { submitApplication(input: $input) { ${APP} } }`, { input: { applicationId: created.id, expectedVersion: saved.version } })).submitApplication;
    expect(submitted.status).toBe('SUBMITTED');
    const core = submitted.checklist.find((c) => c.rule === 'CORE_COURSE')!;
    expect(core).toMatchObject({ met: true, evidence: expect.objectContaining({ title, completedOn: days[4]!.date }) });
    expect(submitted.checklist.find((c) => c.rule === 'ADDITIONAL_HOURS')!.met).toBe(true);
    expect(submitted.eligible).toBe(true);

    // 5. Staff take the fee and approve: the participant is certified and in the public registry.
    for (const fee of submitted.fees.filter((f) => f.status === 'DUE')) {
      await ok(REVIEWER, `mutation($input: RecordFeePaymentInput!) { recordFeePayment(input: $input) { status } }`, { input: { feeId: fee.id, expectedVersion: fee.version, method: 'CHECK', referenceNumber: 'CHK-1001', paidOn: today() } });
    }
    const current = (await ok<{ application: { version: number } }>(REVIEWER, `query($id: ID!) { application(id: $id) { version } }`, { id: created.id })).application;
    const approved = (await ok<{ approveApplication: { status: string; certification: { id: string; number: string; dueOn: string } } }>(REVIEWER,
      `mutation($input: ApplicationVersionInput!) { approveApplication(input: $input) { status certification { id number dueOn } } }`, { input: { applicationId: created.id, expectedVersion: current.version } })).approveApplication;
    expect(approved.status).toBe('APPROVED');
    const { number, dueOn } = approved.certification;
    expect(await registry(number)).toBe('ACTIVE');

    // 6. Near renewal, a complaint is filed against them; their next application goes on hold.
    setToday(addDays(dueOn, -60));
    const complaint = await complaintAgainst(participantId);
    const recert = (await ok<{ createRecertification: { id: string; version: number } }>(PARTICIPANT, `mutation($input: CreateRecertificationInput!) { createRecertification(input: $input) { id version } }`, { input: { certificationId: approved.certification.id } })).createRecertification;
    const filled = (await ok<{ saveApplicationDraft: { version: number } }>(PARTICIPANT, `mutation($input: SaveApplicationDraftInput!) { saveApplicationDraft(input: $input) { version } }`, {
      input: { applicationId: recert.id, expectedVersion: recert.version, consumerOfServices: true, codeOfEthicsVersion: '2019' },
    })).saveApplicationDraft;
    const held = (await ok<{ submitApplication: App }>(PARTICIPANT, `mutation($input: ApplicationVersionInput!) { submitApplication(input: $input) { ${APP} } }`, { input: { applicationId: recert.id, expectedVersion: filled.version } })).submitApplication;
    expect(held.status).toBe('ON_HOLD');

    // 7. The case ends in revocation; the registry shows it, and the hold is released for review.
    await closeAfterAppealWindow(await decideRevocation(complaint));
    await until('the registry showing the revocation', () => registry(number), (s) => s === 'REVOKED');
    const person = await until(
      'the hold released',
      () => ok<{ person: { applications: { id: string; status: string }[]; certifications: { status: string }[]; publicDisciplinaryStatus: { standing: string } } }>(ADMIN,
        `query($id: ID!) { person(id: $id) { applications { id status } certifications { status } publicDisciplinaryStatus { standing } } }`, { id: participantId }),
      (p) => p.person.applications.find((a) => a.id === recert.id)?.status !== 'ON_HOLD',
    );
    expect(person.person.applications.find((a) => a.id === recert.id)!.status).toBe('IN_REVIEW');
    expect(person.person.certifications[0]!.status).toBe('REVOKED');
    expect(person.person.publicDisciplinaryStatus.standing).toBe('REVOCATION');
  });
});

describe('the person view', () => {
  const VIEW = `query($first: Int!) { people(first: $first) { edges { node {
    id legalName county certifications { number status } applications { status }
    trainingHours trainingCompletions { courseTitle hours } trainerProfile { status upcomingSessions { id } }
    openComplaintCount complaints { referenceNumber status } sanctions { kind } publicDisciplinaryStatus { standing }
  } } } }`;

  /** SQL statements a gateway request made in the subgraphs, summed from their request log lines. */
  async function statementsOf(first: number): Promise<{ people: number; statements: number }> {
    const requestId = `person-view-${first}-${randomUUID()}`;
    const res = await fetch(`${platform.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await as(ADMIN)}`, 'x-request-id': requestId },
      body: JSON.stringify({ query: VIEW, variables: { first } }),
    });
    const body = (await res.json()) as { data?: { people: { edges: unknown[] } }; errors?: unknown[] };
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    const counted = () =>
      ['certification', 'training', 'ethics'].flatMap((s) =>
        readFileSync(join(logDir, `${s}.log`), 'utf8')
          .split('\n')
          .filter((line) => line.includes(requestId) && line.includes('sqlStatements'))
          .map((line) => JSON.parse(line) as { sqlStatements: number }),
      );
    // Each subgraph the plan touches writes its line once its answer is sent.
    const lines = await until('the request lines of the three subgraphs', async () => counted(), (l) => l.length >= 3, 10_000);
    return { people: body.data!.people.edges.length, statements: lines.reduce((n, l) => n + l.sqlStatements, 0) };
  }

  it('costs the same number of SQL statements for 100 people as for 10', async () => {
    // People with a training record, as an import would bring them.
    await sql(`insert into certification.person (id, legal_name, date_of_birth, county, email)
      select gen_random_uuid(), 'Zz Generated ' || lpad(n::text, 3, '0'), date '1980-01-01' + n, 'Wake', 'generated' || n || '@example.org' from generate_series(1, 100) n`);
    await sql(`insert into training.training_completion (person_id, course_title, kind, hours, completed_on)
      select id, 'WRAP Seminar I', 'ELECTIVE', 8, date '2025-01-01' from certification.person where legal_name like 'Zz Generated%'`);
    const ten = await statementsOf(10);
    const hundred = await statementsOf(100);
    expect(ten.people).toBe(10);
    expect(hundred.people).toBe(100);
    expect(ten.statements).toBeGreaterThan(0);
    expect(hundred.statements).toBe(ten.statements);
  });
});

describe('imports across domains', () => {
  it("an admin's trainers file names people by certification number: training asks certification through the gateway", async () => {
    const [holder] = await sql<{ number: string; person_id: string }>(`select number, person_id from certification.certification order by number limit 1`);
    expect(holder, 'a certification in the platform').toBeDefined();
    const start = async (kind: string, csv: string) => {
      const { startTrainingImport } = await ok<{ startTrainingImport: { id: string } }>(ADMIN, `mutation($input: StartTrainingImportInput!) { startTrainingImport(input: $input) { id } }`, {
        input: { kind, mode: 'VALID_ROWS_ONLY', fileName: `${kind.toLowerCase()}.csv`, contentBase64: Buffer.from(csv).toString('base64') },
      });
      type Run = { status: string; created: number; problems: { line: number; column: string | null; reason: string }[] };
      const read = async () => (await ok<{ trainingImportRun: Run }>(ADMIN, `query($id: ID!) { trainingImportRun(id: $id) { status created problems { line column reason } } }`, { id: startTrainingImport.id })).trainingImportRun;
      return until(`the ${kind} import`, read, (r) => r.status !== 'RUNNING', 20_000);
    };
    const owner = (await sql<{ owner_id: string }>(`select owner_id from training.course limit 1`))[0]?.owner_id ?? '5b0e7c52-3f1d-4c2a-9a7e-1d2f3a4b5c6d';
    const courses = await start('COURSES', `course_code,title,kind,face_to_face_hours,pre_work_hours,child_and_family,owner_account_id,approved_on,expires_on\nE2E-ETH-01,Ethics for Peer Trainers,ETHICS_AND_BOUNDARIES,3,0,false,${owner},${addDays(today(), -30)},${addDays(today(), 1000)}\n`);
    expect(courses).toMatchObject({ status: 'DONE', created: 1, problems: [] });
    const trainers = await start('TRAINERS', `certification_number,course_code,registered_on\n${holder!.number},E2E-ETH-01,${today()}\nNC-CPSS-000000,E2E-ETH-01,${today()}\n`);
    expect(trainers).toMatchObject({ status: 'DONE', created: 1 });
    expect(trainers.problems).toEqual([{ line: 3, column: 'certification_number', reason: 'names NC-CPSS-000000: no person in the platform holds that certification number' }]);
    const registered = await sql<{ person_id: string }>(`select t.person_id from training.course_trainer t join training.course c on c.id = t.course_id where c.code = 'E2E-ETH-01'`);
    expect(registered).toEqual([{ person_id: holder!.person_id }]);
  });
});
