import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, Role } from '@cpss/domain';
import { as, errorCodes, fieldsOf, gql, staffComplaint, step, unmetRules, useEthicsDatabase, type App } from './harness';

const t = useEthicsDatabase();
const staff = () => as([Role.EthicsStaff], null, 'esther');
const FULL = 'id status version nextDueOn overdue ageBusinessDays appealDeadline clocks { step kind targetBusinessDays startedOn dueOn completedOn businessDaysElapsed running overdue }';

interface Case {
  id: string;
  version: number;
}

async function open(on: string, overrides: Record<string, unknown> = {}): Promise<Case> {
  const { data, res } = await step(await t.appOn(on), 'recordComplaint', 'RecordComplaintInput', staffComplaint(overrides), await staff());
  expect(res.body.errors).toBeUndefined();
  return { id: data!['id'] as string, version: data!['version'] as number };
}

/** Runs a step on `on` and moves the case's version on; returns the response for assertions. */
async function advance(c: Case, on: string, name: string, inputType: string, extra: Record<string, unknown> = {}, fields = FULL) {
  const withVersion = /\bversion\b/.test(fields) ? fields : `${fields} version`;
  const result = await step(await t.appOn(on), name, inputType, { id: c.id, expectedVersion: c.version, ...extra }, await staff(), withVersion);
  if (result.data) c.version = result.data['version'] as number;
  return result;
}

async function toFindings(c: Case, respondent: string) {
  await advance(c, '2026-11-03', 'acknowledgeComplaint', 'ComplaintStepInput');
  await advance(c, '2026-11-04', 'triageComplaint', 'TriageComplaintInput', { level: 'INVESTIGATION', respondentPersonId: respondent });
  await advance(c, '2026-11-05', 'referComplaint', 'ReferComplaintInput', { referredTo: 'DMH/DD/SUS program integrity' });
  await advance(c, '2026-11-05', 'notifyRespondent', 'ComplaintStepInput');
  await advance(c, '2026-11-09', 'recordRespondentResponse', 'RespondentResponseInput', { response: 'It was a one-time favour.' });
  await advance(c, '2026-11-09', 'recordRespondentCooperation', 'CooperationInput', { cooperation: 'COOPERATING' });
  const f = await advance(c, '2026-11-20', 'recordComplaintFindings', 'FindingsInput', { substantiated: true, findings: 'Paid side work confirmed.' });
  expect(f.res.body.errors).toBeUndefined();
}

const counts = async () => Promise.all(['complaint', 'status_change', 'sanction', 'outbound_command', 'public_disciplinary_action'].map((x) => t.count(x)));

describe('the case flow', () => {
  it('runs the acknowledgment clock in business days and shows it per case and in the queue', async () => {
    const c = await open('2026-11-02');
    const app = await t.appOn('2026-11-10');
    const res = await gql(app, `query($id: ID!) { complaint(id: $id) { ${FULL} } }`, { id: c.id }, await staff());
    const view = res.body.data!['complaint'] as { clocks: Record<string, unknown>[]; overdue: boolean; nextDueOn: string };
    // Received Mon 2 Nov: 5 business days -> Mon 9 Nov; on Tue 10 Nov it is overdue by one.
    expect(view.clocks).toEqual([
      { step: 'ACKNOWLEDGMENT', kind: 'TARGET', targetBusinessDays: 5, startedOn: '2026-11-02', dueOn: '2026-11-09', completedOn: null, businessDaysElapsed: 6, running: true, overdue: true },
    ]);
    expect(view).toMatchObject({ overdue: true, nextDueOn: '2026-11-09' });
    const Q = `query($f: ComplaintFilterInput) { complaints(filter: $f) { totalCount edges { node { id overdue } } } }`;
    const overdueNow = await gql(app, Q, { f: { overdue: true } }, await staff());
    expect((overdueNow.body.data!['complaints'] as { edges: { node: { id: string } }[] }).edges.map((e) => e.node.id)).toContain(c.id);
    const onTime = await gql(await t.appOn('2026-11-09'), Q, { f: { overdue: true } }, await staff());
    expect((onTime.body.data!['complaints'] as { edges: { node: { id: string } }[] }).edges.map((e) => e.node.id)).not.toContain(c.id);
  });

  it('refuses an outcome before findings, naming every missing step, and writes nothing', async () => {
    const c = await open('2026-11-02');
    const outcome = { outcome: 'DISMISSED', reason: 'Nothing to act on.' };
    const before = await counts();
    const atReceipt = await advance(c, '2026-11-03', 'decideComplaintOutcome', 'OutcomeInput', outcome);
    expect(errorCodes(atReceipt.res)).toEqual(['FAILED_PRECONDITION']);
    expect(unmetRules(atReceipt.res)).toEqual(['ACKNOWLEDGED', 'TRIAGED', 'REFERRED_FOR_INVESTIGATION', 'FINDINGS_RECORDED']);
    await advance(c, '2026-11-03', 'acknowledgeComplaint', 'ComplaintStepInput');
    await advance(c, '2026-11-04', 'triageComplaint', 'TriageComplaintInput', { level: 'INVESTIGATION' });
    const mid = await counts();
    const atTriage = await advance(c, '2026-11-04', 'decideComplaintOutcome', 'OutcomeInput', outcome);
    expect(unmetRules(atTriage.res)).toEqual(['REFERRED_FOR_INVESTIGATION', 'FINDINGS_RECORDED']);
    expect(atTriage.res.body.errors![0]!.message).toMatch(/findings/);
    const findingsEarly = await advance(c, '2026-11-04', 'recordComplaintFindings', 'FindingsInput', { substantiated: false, findings: 'x' });
    expect(unmetRules(findingsEarly.res)).toEqual(['REFERRED_FOR_INVESTIGATION']);
    expect(await counts()).toEqual([mid[0]!, mid[1]!, mid[2]!, mid[3]!, mid[4]!]);
    expect(mid[1]).toBe(before[1]! + 2);
  });

  it('lets a desk review go from triage to findings, but not to an outcome before the respondent is notified', async () => {
    const c = await open('2026-11-02');
    await advance(c, '2026-11-03', 'acknowledgeComplaint', 'ComplaintStepInput');
    await advance(c, '2026-11-04', 'triageComplaint', 'TriageComplaintInput', { level: 'DESK_REVIEW' });
    const f = await advance(c, '2026-11-05', 'recordComplaintFindings', 'FindingsInput', { substantiated: false, findings: 'Not supported.' });
    expect(f.data!['status']).toBe('FINDINGS_RECORDED');
    const o = await advance(c, '2026-11-06', 'decideComplaintOutcome', 'OutcomeInput', { outcome: 'DISMISSED', reason: 'Not supported.' });
    expect(unmetRules(o.res)).toEqual(['RESPONDENT_NOTIFIED']);
  });

  it('refuses a stale version with CONFLICT', async () => {
    const c = await open('2026-11-02');
    const stale = { ...c };
    await advance(c, '2026-11-03', 'acknowledgeComplaint', 'ComplaintStepInput');
    const before = await counts();
    const again = await advance(stale, '2026-11-03', 'acknowledgeComplaint', 'ComplaintStepInput');
    expect(errorCodes(again.res)).toEqual(['CONFLICT']);
    expect(await counts()).toEqual(before);
  });

  it('lets only one of two simultaneous steps on the same version through', async () => {
    const c = await open('2026-11-02');
    const app = await t.appOn('2026-11-03');
    const auth = await staff();
    const both = await Promise.all([0, 1].map(() => step(app, 'acknowledgeComplaint', 'ComplaintStepInput', { id: c.id, expectedVersion: c.version }, auth)));
    expect(both.map((r) => errorCodes(r.res)[0] ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    const rows = (await t.ds.query(`select count(*)::int as n from status_change where subject_id = $1 and to_status = 'ACKNOWLEDGED'`, [c.id])) as { n: number }[];
    expect(rows[0]!.n).toBe(1);
  });

  it('validates outcome details with field paths and writes nothing', async () => {
    const c = await open('2026-11-02');
    await toFindings(c, DEMO_PEOPLE[4]!.id);
    const before = await counts();
    const bad = await advance(c, '2026-11-23', 'decideComplaintOutcome', 'OutcomeInput', {
      outcome: 'PROBATION',
      reason: 'Boundary breach.',
      effectiveFrom: '2027-01-01',
      effectiveUntil: '2026-12-01',
      mandatedTraining: 'Ethics and Boundaries',
    });
    expect(errorCodes(bad.res)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(bad.res).sort()).toEqual(['input.conditions', 'input.effectiveUntil', 'input.mandatedTraining']);
    // Training due before the appeal window closes (Wed 9 Dec) could never be mandated by a final decision.
    const tooSoon = await advance(c, '2026-11-23', 'decideComplaintOutcome', 'OutcomeInput', { outcome: 'CORRECTIVE_ACTION', reason: 'x', mandatedTraining: 'Ethics and Boundaries', trainingDueOn: '2026-12-09' });
    expect(tooSoon.res.body.errors![0]!.extensions!['fields']).toEqual([{ field: 'input.trainingDueOn', reason: 'must be after the appeal window closes on 2026-12-09' }]);
    const noReason = await advance(c, '2026-11-23', 'decideComplaintOutcome', 'OutcomeInput', { outcome: 'NO_ACTION', reason: '' });
    expect(fieldsOf(noReason.res)).toEqual(['input.reason']);
    expect(await counts()).toEqual(before);
  });
});

describe('the appeal window and closing', () => {
  const suspension = { outcome: 'SUSPENSION', reason: 'Dual relationship substantiated.', effectiveFrom: '2026-12-15', effectiveUntil: '2027-06-15' };
  let decided: Case;
  let app: App;
  const respondent = DEMO_PEOPLE[3]!.id;

  it('decides an outcome: notice today, appeal window to its 10th business day, sanction pending', async () => {
    decided = await open('2026-11-02', { respondentPersonId: respondent });
    await toFindings(decided, respondent);
    const o = await advance(decided, '2026-11-23', 'decideComplaintOutcome', 'OutcomeInput', suspension, `${FULL} outcome outcomeNoticeOn sanctions { kind status effectiveFrom effectiveUntil }`);
    expect(o.res.body.errors).toBeUndefined();
    // Mon 23 Nov 2026: Thanksgiving and the day after are NC holidays -> 10th business day is Wed 9 Dec.
    expect(o.data).toMatchObject({ status: 'OUTCOME_DECIDED', outcome: 'SUSPENSION', outcomeNoticeOn: '2026-11-23', appealDeadline: '2026-12-09' });
    expect(o.data!['sanctions']).toEqual([{ kind: 'SUSPENSION', status: 'PENDING', effectiveFrom: '2026-12-15', effectiveUntil: '2027-06-15' }]);
    const clocks = o.data!['clocks'] as { step: string; completedOn: string | null; dueOn: string; overdue: boolean }[];
    expect(clocks.map((k) => [k.step, k.completedOn, k.overdue])).toEqual([
      ['ACKNOWLEDGMENT', '2026-11-03', false],
      ['TRIAGE', '2026-11-04', false],
      ['RESPONDENT_RESPONSE', '2026-11-09', false],
      ['INVESTIGATION', '2026-11-20', false],
      ['APPEAL_WINDOW', null, false],
    ]);
    const window = clocks.find((k) => k.step === 'APPEAL_WINDOW');
    expect(window).toMatchObject({ kind: 'WINDOW', startedOn: '2026-11-23', dueOn: '2026-12-09', running: true, overdue: false });
    // Nothing public and no command to certification while an appeal may change it.
    app = await t.appOn('2026-12-20');
    const pub = await gql(app, `query($id: ID!) { publicDisciplinaryStatus(personId: $id) { standing actions { kind } } }`, { id: respondent });
    expect(pub.body.data!['publicDisciplinaryStatus']).toEqual({ standing: 'NO_ACTION', actions: [] });
  });

  it('cannot close while the window is open (its last day included)', async () => {
    const before = await counts();
    const early = await advance(decided, '2026-12-09', 'closeComplaint', 'ComplaintStepInput');
    expect(unmetRules(early.res)).toEqual(['APPEAL_WINDOW']);
    expect(await counts()).toEqual(before);
  });

  it('refuses an appeal the day after the window’s last day', async () => {
    const before = await counts();
    const late = await advance(decided, '2026-12-10', 'appealComplaint', 'AppealInput', { grounds: 'Too harsh.' });
    expect(errorCodes(late.res)).toEqual(['FAILED_PRECONDITION']);
    expect(unmetRules(late.res)).toEqual(['APPEAL_WINDOW']);
    expect(await counts()).toEqual(before);
  });

  it('closes after the window: the sanction becomes final, public, and its commands are queued', async () => {
    const closed = await advance(decided, '2026-12-10', 'closeComplaint', 'ComplaintStepInput', {}, 'status version closedOn nextDueOn sanctions { status finalizedOn } timeline { toStatus }');
    expect(closed.res.body.errors).toBeUndefined();
    expect(closed.data).toMatchObject({ status: 'CLOSED', closedOn: '2026-12-10', nextDueOn: null, sanctions: [{ status: 'FINAL', finalizedOn: '2026-12-10' }] });
    expect((closed.data!['timeline'] as { toStatus: string }[]).map((e) => e.toStatus)).toEqual([
      'RECEIVED', 'ACKNOWLEDGED', 'TRIAGED', 'REFERRED_FOR_INVESTIGATION', 'REFERRED_FOR_INVESTIGATION', 'REFERRED_FOR_INVESTIGATION', 'REFERRED_FOR_INVESTIGATION',
      'FINDINGS_RECORDED', 'OUTCOME_DECIDED', 'CLOSED',
    ]);
    const commands = (await t.ds.query(
      `select type, target_domain, status, payload, deliver_by - created_at as lead from outbound_command where payload->>'personId' = $1 order by created_at, type`,
      [respondent],
    )) as { type: string; target_domain: string; status: string; payload: Record<string, unknown>; lead: { hours?: number; days?: number } }[];
    expect(commands.map((k) => [k.type, k.target_domain, k.status])).toEqual([
      ['HOLD_APPLICATION', 'certification', 'pending'],
      ['RELEASE_APPLICATION_HOLD', 'certification', 'pending'],
      ['SUSPEND_CERTIFICATION', 'certification', 'pending'],
    ]);
    expect(commands[2]!.payload).toMatchObject({ personId: respondent, effectiveFrom: '2026-12-15', effectiveUntil: '2027-06-15' });
    // Due at the registry within the policy's 72 hours of the decision (noon in NC on 10 Dec).
    const [{ deliver_by }] = (await t.ds.query(`select deliver_by from outbound_command where type = 'SUSPEND_CERTIFICATION'`)) as { deliver_by: Date }[];
    expect(deliver_by.toISOString()).toBe('2026-12-13T17:00:00.000Z');
    const PUB = `query($id: ID!) { publicDisciplinaryStatus(personId: $id) { personId standing removedAsTrainer actions { kind effectiveFrom effectiveUntil } } }`;
    const before = await gql(await t.appOn('2026-12-11'), PUB, { id: respondent });
    expect(before.body.data!['publicDisciplinaryStatus']).toMatchObject({ standing: 'NO_ACTION', actions: [{ kind: 'SUSPENSION', effectiveFrom: '2026-12-15', effectiveUntil: '2027-06-15' }] });
    const during = await gql(app, PUB, { id: respondent });
    expect(during.body.data!['publicDisciplinaryStatus']).toEqual({
      personId: respondent,
      standing: 'SUSPENSION',
      removedAsTrainer: false,
      actions: [{ kind: 'SUSPENSION', effectiveFrom: '2026-12-15', effectiveUntil: '2027-06-15' }],
    });
  });

  it('accepts an appeal on the window’s last day; an overturned sanction never becomes public', async () => {
    const person = DEMO_PEOPLE[5]!.id;
    const c = await open('2026-11-02', { respondentPersonId: person, subjectKind: 'TRAINER' });
    await toFindings(c, person);
    await advance(c, '2026-11-23', 'decideComplaintOutcome', 'OutcomeInput', { outcome: 'REMOVAL_AS_TRAINER', reason: 'Certificates signed without attendance.', effectiveFrom: '2027-01-04' });
    const appealed = await advance(c, '2026-12-09', 'appealComplaint', 'AppealInput', { grounds: 'Attendance sheets were lost.' }, 'status appealedOn appealGrounds');
    expect(appealed.data).toMatchObject({ status: 'APPEALED', appealedOn: '2026-12-09', appealGrounds: 'Attendance sheets were lost.' });
    const closeEarly = await advance(c, '2026-12-20', 'closeComplaint', 'ComplaintStepInput');
    expect(unmetRules(closeEarly.res)).toEqual(['APPEAL_DECIDED']);
    await advance(c, '2027-01-05', 'decideComplaintAppeal', 'AppealDecisionInput', { decision: 'OVERTURNED', reason: 'Sheets found.' });
    const closed = await advance(c, '2027-01-06', 'closeComplaint', 'ComplaintStepInput', {}, 'status sanctions { status }');
    expect(closed.data).toMatchObject({ status: 'CLOSED', sanctions: [{ status: 'OVERTURNED' }] });
    const types = ((await t.ds.query(`select type from outbound_command where payload->>'personId' = $1 order by type`, [person])) as { type: string }[]).map((r) => r.type);
    expect(types).toEqual(['HOLD_APPLICATION', 'RELEASE_APPLICATION_HOLD']);
    const pub = await gql(await t.appOn('2027-02-01'), `query($id: ID!) { publicDisciplinaryStatus(personId: $id) { standing removedAsTrainer actions { kind } } }`, { id: person });
    expect(pub.body.data!['publicDisciplinaryStatus']).toEqual({ standing: 'NO_ACTION', removedAsTrainer: false, actions: [] });
  });

  it('a revocation and a removal as trainer carry their commands to certification and training', async () => {
    const person = DEMO_PEOPLE[7]!.id;
    const revoke = await open('2026-11-02', { respondentPersonId: person });
    await toFindings(revoke, person);
    await advance(revoke, '2026-11-23', 'decideComplaintOutcome', 'OutcomeInput', { outcome: 'REVOCATION', reason: 'Exploitation of a person served.', effectiveFrom: '2026-11-30' });
    await advance(revoke, '2026-12-10', 'closeComplaint', 'ComplaintStepInput');
    const remove = await open('2026-11-02', { respondentPersonId: person, subjectKind: 'TRAINER' });
    await toFindings(remove, person);
    await advance(remove, '2026-11-23', 'decideComplaintOutcome', 'OutcomeInput', { outcome: 'REMOVAL_AS_TRAINER', reason: 'Same conduct.', effectiveFrom: '2026-12-01' });
    await advance(remove, '2026-12-10', 'closeComplaint', 'ComplaintStepInput');
    const rows = (await t.ds.query(`select type, target_domain, payload->>'effectiveFrom' as from from outbound_command where payload->>'personId' = $1 and payload ? 'sanctionId' order by type`, [person])) as Record<string, string>[];
    // Effective dates before the case closed move to the closing day: a sanction is never in force before it is final.
    expect(rows).toEqual([
      { type: 'REMOVE_TRAINER', target_domain: 'training', from: '2026-12-10' },
      { type: 'REVOKE_CERTIFICATION', target_domain: 'certification', from: '2026-12-10' },
    ]);
    const pub = await gql(await t.appOn('2026-12-11'), `query($id: ID!) { publicDisciplinaryStatus(personId: $id) { standing removedAsTrainer } }`, { id: person });
    expect(pub.body.data!['publicDisciplinaryStatus']).toEqual({ standing: 'REVOCATION', removedAsTrainer: true });
  });
});
