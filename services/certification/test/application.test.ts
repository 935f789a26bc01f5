import { describe, expect, it } from 'vitest';
import { Role } from '@cpss/domain';
import { errorCodes } from '@cpss/testkit';
import { NC_CERTIFICATION_POLICY } from '../src/policy/certification-policy';
import { APP_FIELDS, approve, completeParts, gqlOk, payFees, staff, submittedApplication, type AppShape } from './fixtures';
import { fixedClock } from '@cpss/server-kit';
import { TEST_SUBGRAPH_SECRET, testVerifier } from '@cpss/testkit';
import { createServer } from '../src/server';
import { ListedComplaints } from '../src/services/cross-domain';
import { as, fieldsOf, gql, unmetRules, useCertificationDatabase } from './harness';

const t = useCertificationDatabase();
const TODAY = '2026-11-23';

let n = 0;
async function newPerson(dateOfBirth = '1990-05-05', legalName = `Test Person ${++n}`, county = 'Wake'): Promise<string> {
  const [{ id }] = (await t.ds.query(`insert into person (legal_name, email, date_of_birth, county) values ($1, $2, $3, $4) returning id`, [legalName, `p${n}-${Date.now()}@example.org`, dateOfBirth, county])) as { id: string }[];
  return id;
}
const applicant = (personId: string) => as([Role.Applicant], personId, `account-${personId}`);
const TABLES = ['application', 'training_log_entry', 'application_reference', 'designation_request', 'fee', 'status_change', 'audit_entry', 'certification'];

describe('an applicant drafting and submitting', () => {
  it('saves as they go, submits (fixing the policy version and the fee) and sees the checklist', async () => {
    const app = await t.appOn(TODAY);
    const personId = await newPerson();
    const me = await applicant(personId);
    const created = (await gqlOk(app, `mutation { createApplication(input: {}) { id status version kind } }`, {}, me))['createApplication'] as AppShape;
    expect(created).toMatchObject({ status: 'DRAFT', version: 1, kind: 'INITIAL' });
    const parts = completeParts(TODAY);
    const first = await gqlOk(app, `mutation($input: SaveApplicationDraftInput!) { saveApplicationDraft(input: $input) { version eligible } }`, { input: { applicationId: created.id, expectedVersion: 1, consumerOfServices: true, recoveryStartDate: parts.recoveryStartDate } }, me);
    expect(first['saveApplicationDraft']).toEqual({ version: 2, eligible: false });
    const second = await gqlOk(app, `mutation($input: SaveApplicationDraftInput!) { saveApplicationDraft(input: $input) { version eligible recoveryStatement trainingLog { topic hours ethics } references { name } } }`, { input: { applicationId: created.id, expectedVersion: 2, ...parts } }, me);
    expect(second['saveApplicationDraft']).toMatchObject({ version: 3, eligible: true, recoveryStatement: parts.recoveryStatement, trainingLog: [{ topic: 'WRAP Seminar I', hours: 14, ethics: false }, { topic: 'Ethics and Peer Support Boundaries', hours: 6, ethics: true }] });
    const submitted = (await gqlOk(app, `mutation($input: ApplicationVersionInput!) { submitApplication(input: $input) { ${APP_FIELDS} } }`, { input: { applicationId: created.id, expectedVersion: 3 } }, me))['submitApplication'] as AppShape;
    expect(submitted).toMatchObject({ status: 'SUBMITTED', submittedOn: TODAY, policyVersion: { effectiveFrom: '2023-07-01' }, eligible: true });
    expect(submitted.fees).toEqual([expect.objectContaining({ kind: 'APPLICATION', amountCents: NC_CERTIFICATION_POLICY.feesCents.application, status: 'DUE' })]);
    expect((submitted['timeline'] as { toStatus: string }[]).map((e) => e.toStatus)).toEqual(['DRAFT', 'SUBMITTED']);
    // Writing and reading the recovery statement and date are in the audit trail (names, never values):
    // the sensitive fields' own entries (the row's writes are there too, under the table's name).
    const audit = (await t.ds.query(`select action, fields from audit_entry where subject_id = $1 and subject_type = 'Application' order by at`, [created.id])) as { action: string; fields: string[] }[];
    expect(audit.filter((a) => a.action === 'update').flatMap((a) => a.fields).sort()).toEqual(['recoveryStartDate', 'recoveryStartDate', 'recoveryStatement']);
    expect(audit.some((a) => a.action === 'read' && a.fields.includes('recoveryStatement'))).toBe(true);
    expect(JSON.stringify(await t.ds.query(`select * from audit_entry`))).not.toContain('My recovery began');
  });

  it('refuses to submit without the attestations, listing which', async () => {
    const app = await t.appOn(TODAY);
    const me = await applicant(await newPerson());
    const created = (await gqlOk(app, `mutation { createApplication(input: {}) { id } }`, {}, me))['createApplication'] as AppShape;
    const res = await gql(app, `mutation($input: ApplicationVersionInput!) { submitApplication(input: $input) { id } }`, { input: { applicationId: created.id, expectedVersion: 1 } }, me);
    expect(errorCodes(res)).toEqual(['FAILED_PRECONDITION']);
    expect(unmetRules(res).sort()).toEqual(['CODE_OF_ETHICS', 'CONSUMER_OF_SERVICES', 'RECOVERY_STATEMENT', 'RECOVERY_TIME']);
  });

  it('rejects bad draft input naming each field path, and the database is unchanged', async () => {
    const app = await t.appOn(TODAY);
    const me = await applicant(await newPerson());
    const created = (await gqlOk(app, `mutation { createApplication(input: {}) { id } }`, {}, me))['createApplication'] as AppShape;
    const before = await t.snapshot(...TABLES);
    const input = {
      applicationId: created.id,
      expectedVersion: 1,
      recoveryStartDate: '2020-02-30',
      coreCourse: { title: '', completedOn: '2027-01-01', hours: 0 },
      trainingLog: [{ topic: 'WRAP', hours: 4, completedOn: '2026-01-01' }, { topic: 'X', hours: -2, completedOn: 'yesterday' }],
      references: [{ name: 'A', relation: 'Friend', yearsKnown: 200, knowsAboutRecovery: true }],
      educationProofDocumentId: '00000000-0000-4000-8000-000000000000',
    };
    const res = await gql(app, `mutation($input: SaveApplicationDraftInput!) { saveApplicationDraft(input: $input) { id } }`, { input }, me);
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(res).sort()).toEqual([
      'input.coreCourse.completedOn',
      'input.coreCourse.hours',
      'input.coreCourse.title',
      'input.recoveryStartDate',
      'input.references.0.yearsKnown',
      'input.trainingLog.1.completedOn',
      'input.trainingLog.1.hours',
    ]);
    const doc = await gql(app, `mutation($input: SaveApplicationDraftInput!) { saveApplicationDraft(input: $input) { id } }`, { input: { applicationId: created.id, expectedVersion: 1, educationProofDocumentId: input.educationProofDocumentId } }, me);
    expect(fieldsOf(doc)).toEqual(['input.educationProofDocumentId']);
    expect(await t.snapshot(...TABLES)).toBe(before);
  });

  it('refuses a stale draft version with CONFLICT', async () => {
    const app = await t.appOn(TODAY);
    const me = await applicant(await newPerson());
    const created = (await gqlOk(app, `mutation { createApplication(input: {}) { id } }`, {}, me))['createApplication'] as AppShape;
    await gqlOk(app, `mutation($input: SaveApplicationDraftInput!) { saveApplicationDraft(input: $input) { version } }`, { input: { applicationId: created.id, expectedVersion: 1, workHistory: 'a' } }, me);
    const stale = await gql(app, `mutation($input: SaveApplicationDraftInput!) { saveApplicationDraft(input: $input) { version } }`, { input: { applicationId: created.id, expectedVersion: 1, workHistory: 'b' } }, me);
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
  });
});

describe('who sees which application', () => {
  it('an applicant sees only their own; staff see all; sensitive parts are not for other staff', async () => {
    const app = await t.appOn(TODAY);
    const a = await newPerson();
    const b = await newPerson();
    const mine = await submittedApplication(app, a, completeParts(TODAY));
    const theirs = await submittedApplication(app, b, completeParts(TODAY));
    const LIST = `{ applications(first: 100) { totalCount edges { node { id person { id } } } } }`;
    const own = (await gqlOk(app, LIST, {}, await applicant(a)))['applications'] as { totalCount: number; edges: { node: { id: string } }[] };
    expect(own.edges.map((e) => e.node.id)).toEqual([mine.id]);
    expect(own.totalCount).toBe(1);
    const forbidden = await gql(app, `query($id: ID!) { application(id: $id) { id } }`, { id: theirs.id }, await applicant(a));
    expect(errorCodes(forbidden)).toEqual(['FORBIDDEN']);
    const all = (await gqlOk(app, LIST, {}, await staff()))['applications'] as { totalCount: number; edges: { node: { id: string } }[] };
    expect(all.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    // A training reviewer is staff but has no need for the recovery statement.
    const other = await gql(app, `query($id: ID!) { application(id: $id) { id recoveryStatement } }`, { id: mine.id }, await as([Role.TrainingReviewer]));
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(other.body.data ?? {})).not.toContain('My recovery');
  });

  it('batches list fields: statements do not grow with the list', async () => {
    const app = await t.appOn(TODAY);
    const Q = `query($first: Int) { applications(first: $first) { edges { node { id recoveryStatement person { legalName } trainingLog { hours } references { name } fees { status } checklist { rule met } policyVersion { id } timeline { toStatus } } } } }`;
    const count = async (first: number) => {
      let statements = 0;
      const original = t.ds.driver.createQueryRunner.bind(t.ds.driver);
      t.ds.driver.createQueryRunner = (mode) => {
        const runner = original(mode);
        const q = runner.query.bind(runner);
        runner.query = (...args: Parameters<typeof runner.query>) => ((statements += 1), q(...args));
        return runner;
      };
      try {
        await gqlOk(app, Q, { first }, await staff());
      } finally {
        t.ds.driver.createQueryRunner = original;
      }
      return statements;
    };
    expect(await count(5)).toBe(await count(1));
  });
});

describe('review', () => {
  it('queues cases oldest first with their age against the processing target', async () => {
    const monday = await t.appOn('2026-11-16');
    const early = await submittedApplication(monday, await newPerson(), completeParts('2026-11-16'));
    const app = await t.appOn(TODAY);
    const res = (await gqlOk(app, `query { applicationQueue(first: 100, waitingAtLeastBusinessDays: 5) { edges { node { id processingClock { businessDaysWaiting targetBusinessDays dueBy overdue } } } } }`, {}, await staff()))['applicationQueue'] as { edges: { node: { id: string; processingClock: Record<string, unknown> } }[] };
    expect(res.edges.map((e) => e.node.id)).toEqual([early.id]);
    expect(res.edges[0]!.node.processingClock).toEqual({ businessDaysWaiting: 5, targetBusinessDays: 5, dueBy: '2026-11-23', overdue: false });
    const refused = await gql(app, `{ applicationQueue { totalCount } }`, {}, await applicant(await newPerson()));
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
  });

  it('requests missing items, the applicant supplies them, staff approve once the fee is paid', async () => {
    const app = await t.appOn(TODAY);
    const personId = await newPerson();
    const parts = completeParts(TODAY);
    const sub = await submittedApplication(app, personId, { ...parts, references: parts.references.slice(0, 1) });
    expect(sub.eligible).toBe(false);
    const inc = (await gqlOk(app, `mutation($input: RequestMissingItemsInput!) { requestMissingItems(input: $input) { status version missingItems } }`, { input: { applicationId: sub.id, expectedVersion: sub.version, items: ['Second Personal Reference Form'] } }, await staff()))['requestMissingItems'] as AppShape;
    expect(inc).toMatchObject({ status: 'INCOMPLETE', missingItems: ['Second Personal Reference Form'] });
    const me = await applicant(personId);
    const saved = (await gqlOk(app, `mutation($input: SaveApplicationDraftInput!) { saveApplicationDraft(input: $input) { version } }`, { input: { applicationId: sub.id, expectedVersion: inc.version, references: parts.references } }, me))['saveApplicationDraft'] as AppShape;
    const resub = (await gqlOk(app, `mutation($input: ApplicationVersionInput!) { submitApplication(input: $input) { ${APP_FIELDS} } }`, { input: { applicationId: sub.id, expectedVersion: saved.version } }, me))['submitApplication'] as AppShape;
    expect(resub).toMatchObject({ status: 'SUBMITTED', eligible: true, submittedOn: TODAY, missingItems: [] });
    expect(resub.fees).toHaveLength(1);

    const unpaid = await gql(app, `mutation($input: ApplicationVersionInput!) { approveApplication(input: $input) { id } }`, { input: { applicationId: sub.id, expectedVersion: resub.version } }, await staff());
    expect(errorCodes(unpaid)).toEqual(['FAILED_PRECONDITION']);
    expect(unmetRules(unpaid)).toEqual(['FEE_PAID']);
    expect(await t.count(`certification where person_id = '${personId}'`)).toBe(0);

    await payFees(app, resub, TODAY);
    const approved = (await approve(app, sub.id)) as AppShape & { certification: { number: string; dueOn: string } };
    expect(approved.status).toBe('APPROVED');
    expect(approved.certification.number).toMatch(/^NC-CPSS-\d{6}$/);
    expect(approved.certification.dueOn).toBe('2028-11-30');
    const last = (approved['timeline'] as { toStatus: string; actor: string; facts: Record<string, unknown> }[]).at(-1)!;
    expect(last).toMatchObject({ toStatus: 'APPROVED', actor: 'reviewer-1', facts: { policyEffectiveFrom: '2023-07-01', submittedOn: TODAY, certificationNumber: approved.certification.number } });
    expect((last.facts['checklist'] as { rule: string; met: boolean }[]).every((c) => c.met)).toBe(true);
  });

  it('refuses to approve a case that fails a rule, listing it', async () => {
    const app = await t.appOn(TODAY);
    // 17 years 364 days old on the submission date.
    const sub = await submittedApplication(app, await newPerson('2008-11-24'), completeParts(TODAY));
    await payFees(app, sub, TODAY);
    const current = (await gqlOk(app, `query($id: ID!) { application(id: $id) { version checklist { rule met why } } }`, { id: sub.id }, await staff()))['application'] as AppShape;
    expect(current.checklist.find((c) => c.rule === 'MINIMUM_AGE')).toMatchObject({ met: false });
    const res = await gql(app, `mutation($input: ApplicationVersionInput!) { approveApplication(input: $input) { id } }`, { input: { applicationId: sub.id, expectedVersion: current.version } }, await staff());
    expect(unmetRules(res)).toEqual(['MINIMUM_AGE']);
    const eighteen = await submittedApplication(app, await newPerson('2008-11-23'), completeParts(TODAY));
    expect(eighteen.checklist.find((c) => c.rule === 'MINIMUM_AGE')).toMatchObject({ met: true });
  });

  it('two concurrent decisions: the second gets CONFLICT and nothing of it is written', async () => {
    const app = await t.appOn(TODAY);
    const sub = await submittedApplication(app, await newPerson(), completeParts(TODAY));
    await payFees(app, sub, TODAY);
    const { version } = (await gqlOk(app, `query($id: ID!) { application(id: $id) { version } }`, { id: sub.id }, await staff()))['application'] as AppShape;
    const deny = gql(app, `mutation($input: DenyApplicationInput!) { denyApplication(input: $input) { status } }`, { input: { applicationId: sub.id, expectedVersion: version, reasons: ['Reference could not be verified'], appealRights: 'Appeal in writing to the program office.' } }, await staff());
    const approveIt = gql(app, `mutation($input: ApplicationVersionInput!) { approveApplication(input: $input) { status } }`, { input: { applicationId: sub.id, expectedVersion: version } }, await staff());
    const results = await Promise.all([deny, approveIt]);
    const codes = results.map((r) => errorCodes(r)[0] ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const decisions = (await t.ds.query(`select to_status from status_change where subject_id = $1 and to_status in ('APPROVED', 'DENIED')`, [sub.id])) as unknown[];
    expect(decisions).toHaveLength(1);
  });

  it('denies with reasons and appeal rights; bad decision input writes nothing', async () => {
    const app = await t.appOn(TODAY);
    const sub = await submittedApplication(app, await newPerson(), completeParts(TODAY));
    const before = await t.snapshot(...TABLES);
    const bad = await gql(app, `mutation($input: DenyApplicationInput!) { denyApplication(input: $input) { status } }`, { input: { applicationId: sub.id, expectedVersion: sub.version, reasons: [], appealRights: ' ' } }, await staff());
    expect(fieldsOf(bad).sort()).toEqual(['input.appealRights', 'input.reasons']);
    const badItems = await gql(app, `mutation($input: RequestMissingItemsInput!) { requestMissingItems(input: $input) { status } }`, { input: { applicationId: sub.id, expectedVersion: sub.version, items: [''] } }, await staff());
    expect(fieldsOf(badItems)).toEqual(['input.items.0']);
    const badFee = await gql(app, `mutation($input: RecordFeePaymentInput!) { recordFeePayment(input: $input) { status } }`, { input: { feeId: sub.fees[0]!.id, expectedVersion: 1, method: 'CHECK', referenceNumber: '', paidOn: '2027-01-01' } }, await staff());
    expect(fieldsOf(badFee).sort()).toEqual(['input.paidOn', 'input.referenceNumber']);
    const badWaive = await gql(app, `mutation($input: WaiveFeeInput!) { waiveFee(input: $input) { status } }`, { input: { feeId: sub.fees[0]!.id, expectedVersion: 1, reason: '' } }, await staff());
    expect(fieldsOf(badWaive)).toEqual(['input.reason']);
    expect(await t.snapshot(...TABLES)).toBe(before);
    const denied = (await gqlOk(app, `mutation($input: DenyApplicationInput!) { denyApplication(input: $input) { ${APP_FIELDS} } }`, { input: { applicationId: sub.id, expectedVersion: sub.version, reasons: ['Reference could not be verified'], appealRights: 'Appeal in writing to the program office.' } }, await staff()))['denyApplication'] as AppShape;
    expect(denied).toMatchObject({ status: 'DENIED', decisionReasons: ['Reference could not be verified'], appealRights: 'Appeal in writing to the program office.' });
    // Seen by the applicant too, with the reason in the timeline.
    const mine = (await gqlOk(app, `query($id: ID!) { application(id: $id) { status timeline { toStatus reason } } }`, { id: sub.id }, await applicant((await t.ds.query(`select person_id from application where id = $1`, [sub.id]))[0].person_id)))['application'] as { timeline: { toStatus: string; reason: string }[] };
    expect(mine.timeline.at(-1)).toEqual({ toStatus: 'DENIED', reason: 'Reference could not be verified' });
  });

  it('waives a fee with a reason; an applicant cannot', async () => {
    const app = await t.appOn(TODAY);
    const personId = await newPerson();
    const sub = await submittedApplication(app, personId, completeParts(TODAY));
    const own = await gql(app, `mutation($input: WaiveFeeInput!) { waiveFee(input: $input) { status } }`, { input: { feeId: sub.fees[0]!.id, expectedVersion: 1, reason: 'hardship' } }, await applicant(personId));
    expect(errorCodes(own)).toEqual(['FORBIDDEN']);
    const waived = await gqlOk(app, `mutation($input: WaiveFeeInput!) { waiveFee(input: $input) { status waivedReason } }`, { input: { feeId: sub.fees[0]!.id, expectedVersion: 1, reason: 'Financial hardship' } }, await staff());
    expect(waived['waiveFee']).toEqual({ status: 'WAIVED', waivedReason: 'Financial hardship' });
    expect((await approve(app, sub.id)).status).toBe('APPROVED');
  });
});

describe('mailed packets and withdrawal', () => {
  it('staff enter a mailed application, judged against the mail processing target; applicants cannot use MAIL', async () => {
    const app = await t.appOn(TODAY);
    const personId = await newPerson();
    const refused = await gql(app, `mutation { createApplication(input: { channel: MAIL }) { id } }`, {}, await applicant(personId));
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    const created = (await gqlOk(app, `mutation($p: ID!) { createApplication(input: { personId: $p, channel: MAIL }) { id version channel } }`, { p: personId }, await staff()))['createApplication'] as AppShape;
    expect(created['channel']).toBe('MAIL');
    const saved = (await gqlOk(app, `mutation($input: SaveApplicationDraftInput!) { saveApplicationDraft(input: $input) { version } }`, { input: { applicationId: created.id, expectedVersion: created.version, ...completeParts(TODAY) } }, await staff()))['saveApplicationDraft'] as AppShape;
    await gqlOk(app, `mutation($input: ApplicationVersionInput!) { submitApplication(input: $input) { id } }`, { input: { applicationId: created.id, expectedVersion: saved.version } }, await staff());
    const queue = (await gqlOk(app, `{ applicationQueue(channel: MAIL) { edges { node { id processingClock { targetBusinessDays dueBy } } } } }`, {}, await staff()))['applicationQueue'] as { edges: { node: { id: string; processingClock: unknown } }[] };
    // Ten NC business days from Monday 2026-11-23 skip Thanksgiving and the day after.
    expect(queue.edges).toEqual([{ node: { id: created.id, processingClock: { targetBusinessDays: 10, dueBy: '2026-12-09' } } }]);
  });

  it('the applicant withdraws an open application; a withdrawn one cannot be withdrawn again', async () => {
    const app = await t.appOn(TODAY);
    const personId = await newPerson();
    const sub = await submittedApplication(app, personId, completeParts(TODAY));
    const done = (await gqlOk(app, `mutation($input: ApplicationVersionInput!) { withdrawApplication(input: $input) { status version } }`, { input: { applicationId: sub.id, expectedVersion: sub.version, reason: 'Moving out of state' } }, await applicant(personId)))['withdrawApplication'] as AppShape;
    expect(done.status).toBe('WITHDRAWN');
    const again = await gql(app, `mutation($input: ApplicationVersionInput!) { withdrawApplication(input: $input) { status } }`, { input: { applicationId: sub.id, expectedVersion: done.version } }, await applicant(personId));
    expect(unmetRules(again)).toEqual(['OPEN']);
  });
});

describe('a complaint pending against the applicant', () => {
  it('puts the submitted application on hold; staff release it into review', async () => {
    const personId = await newPerson();
    const { app } = await createServer({ dataSource: t.ds, logger: t.logger, verifier: testVerifier(), gatewaySecret: TEST_SUBGRAPH_SECRET, clock: fixedClock(TODAY), ethics: new ListedComplaints(new Set([personId])) });
    const held = await submittedApplication(app, personId, completeParts(TODAY));
    expect(held.status).toBe('ON_HOLD');
    expect((held['timeline'] as { toStatus: string; reason: string; facts: Record<string, unknown> }[]).at(-1)).toMatchObject({ toStatus: 'ON_HOLD', reason: expect.stringContaining('complaint is pending'), facts: { complaintPending: true } });
    const approveHeld = await gql(app, `mutation($input: ApplicationVersionInput!) { approveApplication(input: $input) { id } }`, { input: { applicationId: held.id, expectedVersion: held.version } }, await staff());
    expect(unmetRules(approveHeld)).toEqual(['STATUS']);
    const released = await gqlOk(app, `mutation($input: ApplicationVersionInput!) { releaseApplicationHold(input: $input) { status } }`, { input: { applicationId: held.id, expectedVersion: held.version, reason: 'Complaint dismissed' } }, await staff());
    expect(released['releaseApplicationHold']).toEqual({ status: 'IN_REVIEW' });
  });
});

describe('policy versions and decided cases', () => {
  it('a new policy version leaves decided cases as they were and judges open ones by their submission date', async () => {
    const app = await t.appOn(TODAY);
    // 20 months of recovery: enough under 18 months, not under 24.
    const parts = { ...completeParts(TODAY), recoveryStartDate: '2025-03-01' };
    const decided = await submittedApplication(app, await newPerson(), parts);
    await payFees(app, decided, TODAY);
    await approve(app, decided.id);
    const open = await submittedApplication(app, await newPerson(), parts);
    const draftPerson = await newPerson();
    const draft = (await gqlOk(app, `mutation { createApplication(input: {}) { id } }`, {}, await applicant(draftPerson)))['createApplication'] as AppShape;
    await gqlOk(app, `mutation($input: SaveApplicationDraftInput!) { saveApplicationDraft(input: $input) { id } }`, { input: { applicationId: draft.id, expectedVersion: 1, ...parts } }, await applicant(draftPerson));

    // A stricter rule from tomorrow (a version may not start in the past); the cases are read tomorrow.
    await gqlOk(app, `mutation($input: AddCertificationPolicyVersionInput!) { addCertificationPolicyVersion(input: $input) { id } }`, { input: { effectiveFrom: '2026-11-24', values: { ...NC_CERTIFICATION_POLICY, recoveryMonths: 24 }, note: 'hypothetical stricter rule' } }, await as([Role.Admin]));
    const tomorrow = await t.appOn('2026-11-24');
    const Q = `query($id: ID!) { application(id: $id) { status policyVersion { effectiveFrom } checklist { rule met evidence } } }`;
    const recovery = (a: { checklist: { rule: string; met: boolean; evidence: Record<string, unknown> }[] }) => a.checklist.find((c) => c.rule === 'RECOVERY_TIME');
    const d = (await gqlOk(tomorrow, Q, { id: decided.id }, await staff()))['application'] as never;
    expect(d).toMatchObject({ status: 'APPROVED', policyVersion: { effectiveFrom: '2023-07-01' } });
    expect(recovery(d)).toMatchObject({ met: true, evidence: { requiredMonths: 18 } });
    const o = (await gqlOk(tomorrow, Q, { id: open.id }, await staff()))['application'] as never;
    expect(recovery(o)).toMatchObject({ met: true, evidence: { requiredMonths: 18 } });
    // A draft is judged by today's policy until it is submitted.
    const dr = (await gqlOk(tomorrow, Q, { id: draft.id }, await staff()))['application'] as never;
    expect(recovery(dr)).toMatchObject({ met: false, evidence: { requiredMonths: 24 } });
  });
});
