// Complaints: intake (public online form, or staff entry of phone/email/mail), and the case flow
// (acknowledged, triaged, referred, findings, outcome, appeal, closed) with its clocks. Every step
// locks the case, checks the client's version (CONFLICT when stale), the order of the flow
// (FAILED_PRECONDITION naming the missing steps), records the change on the timeline and audits
// writes of confidential fields. Commands to other domains go to the outbox in the same transaction.
import {
  SANCTION_OUTCOMES,
  type AppealDecision,
  type ComplaintChannel,
  type ComplaintOutcomeKind,
  type ComplaintStatus,
  type ComplaintSubjectKind,
  type Cooperation,
  type EthicsPrinciple,
  type TriageLevel,
} from '@cpss/domain';
import {
  addBusinessDays,
  badInput,
  conflict,
  dates,
  failedPrecondition,
  isIsoDate,
  notFound,
  PolicyVersion,
  recordAudit,
  recordStatusChange,
  type Clock,
  type FieldProblem,
  type Principal,
} from '@cpss/server-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { CodeOfEthicsPrinciple } from '../entities/code-of-ethics';
import { Complaint, ComplaintAllegation } from '../entities/complaint';
import { Sanction } from '../entities/sanction';
import { ethicsPolicySchema, type EthicsPolicy, type EthicsPolicyStore } from '../policy/ethics-policy';
import type { CodeOfEthicsService } from './code-of-ethics.service';
import { nextDueOn, requireAt } from './complaint-flow';
import { confidentialTransaction } from './confidential-transaction';
import type { DisciplinaryService } from './disciplinary.service';
import { enqueueCommand } from './outbox';

export const COMPLAINT = 'Complaint';

export interface AllegationInput {
  principle: EthicsPrinciple;
  description: string;
}

export interface ComplaintIntake {
  channel: ComplaintChannel;
  subjectKind: ComplaintSubjectKind;
  respondentPersonId?: string | null;
  respondentDescription?: string | null;
  incidentOn: string;
  /** Staff entry: the day a letter or call arrived (today by default). */
  receivedOn?: string | null;
  summary: string;
  complainant: { name: string; email?: string | null; phone?: string | null; postalAddress?: string | null };
  allegations?: AllegationInput[] | null;
}

export interface OutcomeDecision {
  outcome: ComplaintOutcomeKind;
  reason: string;
  effectiveFrom?: string | null;
  effectiveUntil?: string | null;
  conditions?: string | null;
  mandatedTraining?: string | null;
  trainingDueOn?: string | null;
}

interface StepResult {
  to?: ComplaintStatus;
  reason?: string | null;
  facts?: Record<string, unknown>;
  /** Confidential fields written by the step (audited by name). */
  sensitive?: string[];
}

interface StepContext {
  tx: EntityManager;
  policy: EthicsPolicy;
  today: string;
}

export class ComplaintService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policyStore: EthicsPolicyStore,
    private readonly codes: CodeOfEthicsService,
    private readonly disciplinary: DisciplinaryService,
    private readonly clock: Clock,
  ) {}

  // ---- intake ----

  /**
   * Records a complaint. The whole input is checked first (BAD_USER_INPUT listing every field,
   * nothing written); a complaint about conduct older than the filing limit is refused.
   */
  async intake(input: ComplaintIntake, principal: Principal | null, requestId?: string): Promise<Complaint> {
    const today = this.clock.today();
    const receivedOn = input.receivedOn ?? today;
    const problems: FieldProblem[] = [];
    if (!isIsoDate(receivedOn)) problems.push({ field: 'input.receivedOn', reason: 'must be a date as YYYY-MM-DD' });
    else if (receivedOn > today) problems.push({ field: 'input.receivedOn', reason: 'must not be in the future' });
    if (!isIsoDate(input.incidentOn)) problems.push({ field: 'input.incidentOn', reason: 'must be a date as YYYY-MM-DD' });
    else if (input.incidentOn > receivedOn) problems.push({ field: 'input.incidentOn', reason: 'must not be after the day the complaint was received' });
    const c = input.complainant;
    if (!c.email && !c.phone && !c.postalAddress) problems.push({ field: 'input.complainant', reason: 'needs an email, a phone number or a postal address so the program can acknowledge it' });
    if (input.subjectKind === 'PROGRAM' && input.respondentPersonId) {
      problems.push({ field: 'input.respondentPersonId', reason: 'a complaint about the program has no personal respondent' });
    }
    if (input.subjectKind !== 'PROGRAM' && !input.respondentPersonId && !input.respondentDescription?.trim()) {
      problems.push({ field: 'input.respondentDescription', reason: 'say whom the complaint is about (name, role, where they work)' });
    }
    if (problems.length) throw badInput(problems);

    return confidentialTransaction(this.dataSource, async (tx) => {
      const { version: policyVersion, values: policy } = await this.policyStore.inForceOn(receivedOn, tx);
      const oldest = dates.addYears(receivedOn, -policy.complaintFilingLimitYears);
      if (input.incidentOn < oldest) {
        throw failedPrecondition(`Complaints are accepted within ${policy.complaintFilingLimitYears} years of the conduct`, [
          { rule: 'FILING_LIMIT', reason: `the incident date ${input.incidentOn} is before ${oldest}` },
        ]);
      }
      const code = await this.codes.inForceOn(input.incidentOn, tx);
      await this.checkAllegations(tx, code.id, input.allegations ?? [], 'input.allegations');

      const [{ n }] = (await tx.query(`select nextval('complaint_reference_seq')::int as n`)) as { n: number }[];
      const repo = tx.getRepository(Complaint);
      const complaint = repo.create({
        referenceNumber: `ETH-${receivedOn.slice(0, 4)}-${String(n).padStart(6, '0')}`,
        channel: input.channel,
        subjectKind: input.subjectKind,
        respondentPersonId: input.respondentPersonId ?? null,
        respondentDescription: input.respondentDescription?.trim() || null,
        incidentOn: input.incidentOn,
        receivedOn,
        policyVersionId: policyVersion.id,
        codeOfEthicsVersionId: code.id,
        summary: input.summary,
        complainantName: c.name,
        complainantEmail: c.email ?? null,
        complainantPhone: c.phone ?? null,
        complainantAddress: c.postalAddress ?? null,
        status: 'RECEIVED',
        version: 1,
        applicationHold: false,
        createdBy: principal?.subject ?? 'public-form',
      });
      complaint.nextDueOn = nextDueOn(complaint, policy, today);
      const saved = await repo.save(complaint);
      await this.replaceAllegations(tx, saved.id, input.allegations ?? []);
      if (saved.respondentPersonId) await this.holdApplication(tx, saved);
      await recordStatusChange(tx, {
        subjectType: COMPLAINT,
        subjectId: saved.id,
        from: null,
        to: 'RECEIVED',
        actor: principal?.subject ?? 'public-form',
        reason: `received by ${input.channel.toLowerCase().replace('_', ' ')}`,
        facts: { channel: input.channel, policyEffectiveFrom: policyVersion.effectiveFrom, codeOfEthics: code.version },
      });
      await recordAudit(tx, { principal, action: 'create', subjectType: COMPLAINT, subjectId: saved.id, fields: ['summary', 'complainant', 'allegations'], requestId });
      return saved;
    });
  }

  private async checkAllegations(tx: EntityManager, codeVersionId: string, allegations: AllegationInput[], path: string): Promise<void> {
    if (allegations.length === 0) return;
    const principles = new Set((await tx.getRepository(CodeOfEthicsPrinciple).findBy({ versionId: codeVersionId })).map((p) => p.code as string));
    const problems = allegations.flatMap((a, i) =>
      principles.has(a.principle) ? [] : [{ field: `${path}.${i}.principle`, reason: `${a.principle} is not a principle of the Code of Ethics in force on the incident date` }],
    );
    if (problems.length) throw badInput(problems);
  }

  private async replaceAllegations(tx: EntityManager, complaintId: string, allegations: AllegationInput[]): Promise<void> {
    const repo = tx.getRepository(ComplaintAllegation);
    await repo.delete({ complaintId });
    if (allegations.length) await repo.insert(allegations.map((a, i) => ({ complaintId, position: i + 1, principle: a.principle, description: a.description })));
  }

  /** A complaint pending against a person puts their application on hold (a no-op for certification when none is open). */
  private async holdApplication(tx: EntityManager, c: Complaint): Promise<void> {
    await enqueueCommand(tx, {
      type: 'HOLD_APPLICATION',
      targetDomain: 'certification',
      payload: { personId: c.respondentPersonId, complaintId: c.id, reason: 'complaint pending' },
      idempotencyKey: `complaint:${c.id}:HOLD_APPLICATION`,
    });
    c.applicationHold = true;
    await tx.getRepository(Complaint).update({ id: c.id }, { applicationHold: true });
  }

  // ---- the case flow ----

  private async step(id: string, expectedVersion: number, principal: Principal, requestId: string | undefined, run: (c: Complaint, ctx: StepContext) => Promise<StepResult>): Promise<Complaint> {
    const today = this.clock.today();
    return confidentialTransaction(this.dataSource, async (tx) => {
      const repo = tx.getRepository(Complaint);
      const c = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!c) throw notFound('Complaint', id);
      if (c.version !== expectedVersion) throw conflict(`Complaint ${c.referenceNumber} was changed by someone else (version ${c.version}, you sent ${expectedVersion}); reload it`);
      const policy = await this.policyOf(c.policyVersionId, tx);
      const from = c.status;
      const result = await run(c, { tx, policy, today });
      if (result.to) c.status = result.to;
      c.version += 1;
      c.nextDueOn = nextDueOn(c, policy, today);
      await repo.save(c);
      await recordStatusChange(tx, { subjectType: COMPLAINT, subjectId: c.id, from, to: c.status, actor: principal, reason: result.reason ?? null, facts: result.facts ?? null });
      if (result.sensitive?.length) await recordAudit(tx, { principal, action: 'update', subjectType: COMPLAINT, subjectId: c.id, fields: result.sensitive, requestId });
      return c;
    });
  }

  async policyOf(policyVersionId: string, manager: EntityManager = this.dataSource.manager): Promise<EthicsPolicy> {
    const v = await manager.getRepository(PolicyVersion).findOneByOrFail({ id: policyVersionId });
    return ethicsPolicySchema.parse(v.values);
  }

  acknowledge(id: string, expectedVersion: number, principal: Principal, note?: string | null, requestId?: string) {
    return this.step(id, expectedVersion, principal, requestId, async (c, { today }) => {
      requireAt(c, 'Acknowledgment', ['RECEIVED']);
      c.acknowledgedOn = today;
      return { to: 'ACKNOWLEDGED', reason: note ?? 'complaint acknowledged to the complainant' };
    });
  }

  triage(id: string, expectedVersion: number, principal: Principal, input: { level: TriageLevel; respondentPersonId?: string | null; allegations?: AllegationInput[] | null; note?: string | null }, requestId?: string) {
    return this.step(id, expectedVersion, principal, requestId, async (c, { tx }) => {
      requireAt(c, 'Triage', ['ACKNOWLEDGED']);
      if (input.respondentPersonId) {
        if (c.subjectKind === 'PROGRAM') throw badInput({ field: 'input.respondentPersonId', reason: 'a complaint about the program has no personal respondent' });
        if (c.respondentPersonId && c.respondentPersonId !== input.respondentPersonId) {
          throw badInput({ field: 'input.respondentPersonId', reason: 'the complaint is already linked to another respondent' });
        }
      }
      if (input.allegations) await this.checkAllegations(tx, c.codeOfEthicsVersionId, input.allegations, 'input.allegations');
      const sensitive: string[] = [];
      if (input.allegations) {
        await this.replaceAllegations(tx, c.id, input.allegations);
        sensitive.push('allegations');
      }
      if (input.respondentPersonId && !c.respondentPersonId) {
        c.respondentPersonId = input.respondentPersonId;
        await this.holdApplication(tx, c);
      }
      c.triageLevel = input.level;
      c.triagedOn = this.clock.today();
      return { to: 'TRIAGED', reason: input.note ?? null, facts: { level: input.level, respondentLinked: Boolean(c.respondentPersonId) }, sensitive };
    });
  }

  refer(id: string, expectedVersion: number, principal: Principal, input: { referredTo: string; note?: string | null }, requestId?: string) {
    return this.step(id, expectedVersion, principal, requestId, async (c, { today }) => {
      requireAt(c, 'Referral for investigation', ['TRIAGED']);
      c.referredOn = today;
      c.referredTo = input.referredTo;
      return { to: 'REFERRED_FOR_INVESTIGATION', reason: input.note ?? null, facts: { referredTo: input.referredTo } };
    });
  }

  notifyRespondent(id: string, expectedVersion: number, principal: Principal, note?: string | null, requestId?: string) {
    return this.step(id, expectedVersion, principal, requestId, async (c, { today }) => {
      requireAt(c, 'Notifying the respondent', ['ACKNOWLEDGED', 'TRIAGED', 'REFERRED_FOR_INVESTIGATION']);
      if (c.subjectKind === 'PROGRAM') throw failedPrecondition('A complaint about the program has no respondent to notify', [{ rule: 'RESPONDENT', reason: 'the subject is the program' }]);
      if (c.respondentNotifiedOn) throw failedPrecondition('The respondent was already notified', [{ rule: 'NOT_ALREADY_NOTIFIED', reason: `notified on ${c.respondentNotifiedOn}` }]);
      c.respondentNotifiedOn = today;
      return { reason: note ?? 'respondent notified', facts: { event: 'RESPONDENT_NOTIFIED' } };
    });
  }

  recordRespondentResponse(id: string, expectedVersion: number, principal: Principal, input: { response: string; receivedOn?: string | null }, requestId?: string) {
    return this.step(id, expectedVersion, principal, requestId, async (c, { today }) => {
      requireAt(c, "Recording the respondent's response", ['ACKNOWLEDGED', 'TRIAGED', 'REFERRED_FOR_INVESTIGATION']);
      if (!c.respondentNotifiedOn) throw failedPrecondition("The respondent's response needs the respondent notified first", [{ rule: 'RESPONDENT_NOTIFIED', reason: 'the respondent has not been notified' }]);
      const on = input.receivedOn ?? today;
      if (on > today || on < c.respondentNotifiedOn) throw badInput({ field: 'input.receivedOn', reason: `must be between the notice (${c.respondentNotifiedOn}) and today` });
      c.respondentResponse = input.response;
      c.respondentRespondedOn = on;
      return { reason: 'respondent responded', facts: { event: 'RESPONDENT_RESPONDED' }, sensitive: ['respondentResponse'] };
    });
  }

  recordCooperation(id: string, expectedVersion: number, principal: Principal, input: { cooperation: Cooperation; note?: string | null }, requestId?: string) {
    return this.step(id, expectedVersion, principal, requestId, async (c) => {
      requireAt(c, 'Recording cooperation', ['TRIAGED', 'REFERRED_FOR_INVESTIGATION']);
      if (!c.respondentPersonId) throw failedPrecondition('Cooperation is recorded for an identified respondent', [{ rule: 'RESPONDENT_IDENTIFIED', reason: 'no respondent is linked to a person' }]);
      c.cooperation = input.cooperation;
      c.cooperationNote = input.note ?? null;
      return { reason: input.note ?? null, facts: { event: 'COOPERATION_RECORDED', cooperation: input.cooperation } };
    });
  }

  recordFindings(id: string, expectedVersion: number, principal: Principal, input: { substantiated: boolean; findings: string }, requestId?: string) {
    return this.step(id, expectedVersion, principal, requestId, async (c, { today }) => {
      // A desk review is the program's own: its findings follow triage without a referral.
      requireAt(c, 'Findings', c.triageLevel === 'DESK_REVIEW' ? ['TRIAGED', 'REFERRED_FOR_INVESTIGATION'] : ['REFERRED_FOR_INVESTIGATION']);
      c.findingsOn = today;
      c.substantiated = input.substantiated;
      c.findings = input.findings;
      return { to: 'FINDINGS_RECORDED', facts: { substantiated: input.substantiated }, sensitive: ['findings'] };
    });
  }

  /** Checks an outcome's sanction details; every problem at once, with its field path. */
  private outcomeProblems(d: OutcomeDecision, today: string): FieldProblem[] {
    const p: FieldProblem[] = [];
    const date = (field: keyof OutcomeDecision, value: string | null | undefined, required: boolean) => {
      if (value == null) {
        if (required) p.push({ field: `input.${field}`, reason: `is required for ${d.outcome}` });
        return;
      }
      if (!isIsoDate(value)) p.push({ field: `input.${field}`, reason: 'must be a date as YYYY-MM-DD' });
      else if (value < today) p.push({ field: `input.${field}`, reason: 'must not be in the past' });
    };
    const forbid = (field: keyof OutcomeDecision) => {
      if (d[field] != null) p.push({ field: `input.${field}`, reason: `does not apply to ${d.outcome}` });
    };
    switch (d.outcome) {
      case 'DISMISSED':
      case 'NO_ACTION':
        for (const f of ['effectiveFrom', 'effectiveUntil', 'conditions', 'mandatedTraining', 'trainingDueOn'] as const) forbid(f);
        break;
      case 'CORRECTIVE_ACTION':
        if (!d.mandatedTraining?.trim()) p.push({ field: 'input.mandatedTraining', reason: 'is required for CORRECTIVE_ACTION' });
        date('trainingDueOn', d.trainingDueOn, true);
        date('effectiveFrom', d.effectiveFrom, false);
        forbid('effectiveUntil');
        forbid('conditions');
        break;
      case 'PROBATION':
      case 'SUSPENSION':
        date('effectiveFrom', d.effectiveFrom, true);
        date('effectiveUntil', d.effectiveUntil, true);
        if (d.effectiveFrom && d.effectiveUntil && d.effectiveUntil <= d.effectiveFrom) p.push({ field: 'input.effectiveUntil', reason: 'must be after effectiveFrom' });
        if (d.outcome === 'PROBATION' && !d.conditions?.trim()) p.push({ field: 'input.conditions', reason: 'is required for PROBATION' });
        if (d.outcome === 'SUSPENSION') forbid('conditions');
        forbid('mandatedTraining');
        forbid('trainingDueOn');
        break;
      case 'REVOCATION':
      case 'REMOVAL_AS_TRAINER':
        date('effectiveFrom', d.effectiveFrom, true);
        for (const f of ['effectiveUntil', 'conditions', 'mandatedTraining', 'trainingDueOn'] as const) forbid(f);
        break;
    }
    return p;
  }

  decideOutcome(id: string, expectedVersion: number, principal: Principal, d: OutcomeDecision, requestId?: string) {
    return this.step(id, expectedVersion, principal, requestId, async (c, { tx, policy, today }) => {
      const problems = this.outcomeProblems(d, today);
      // A period must outlast the appeal window, or it would be over before the sanction is final.
      const deadline = addBusinessDays(today, policy.appealWindowBusinessDays);
      for (const field of ['effectiveUntil', 'trainingDueOn'] as const) {
        const value = d[field];
        if (value && isIsoDate(value) && value <= deadline && !problems.some((p) => p.field === `input.${field}`)) {
          problems.push({ field: `input.${field}`, reason: `must be after the appeal window closes on ${deadline}` });
        }
      }
      if (problems.length) throw badInput(problems);
      requireAt(c, 'An outcome', ['FINDINGS_RECORDED']);
      const sanctioning = SANCTION_OUTCOMES.includes(d.outcome);
      const unmet = [];
      if (c.subjectKind !== 'PROGRAM' && !c.respondentNotifiedOn) unmet.push({ rule: 'RESPONDENT_NOTIFIED', reason: 'the respondent must be notified and heard before an outcome' });
      if (sanctioning && !c.respondentPersonId) unmet.push({ rule: 'RESPONDENT_IDENTIFIED', reason: 'a sanction needs the respondent linked to a person' });
      if (sanctioning && c.substantiated === false) unmet.push({ rule: 'SUBSTANTIATED', reason: 'the findings did not substantiate the allegations' });
      if (unmet.length) throw failedPrecondition(`The outcome ${d.outcome} cannot be decided yet`, unmet);
      c.outcome = d.outcome;
      c.outcomeReason = d.reason;
      c.outcomeNoticeOn = today;
      // The window's last day: that many business days after the notice.
      c.appealDeadline = addBusinessDays(today, policy.appealWindowBusinessDays);
      let sanctionId: string | null = null;
      if (sanctioning) {
        const s = await tx.getRepository(Sanction).save(
          tx.getRepository(Sanction).create({
            complaintId: c.id,
            personId: c.respondentPersonId!,
            kind: d.outcome,
            status: 'PENDING',
            effectiveFrom: d.effectiveFrom ?? today,
            effectiveUntil: d.outcome === 'CORRECTIVE_ACTION' ? d.trainingDueOn! : (d.effectiveUntil ?? null),
            conditions: d.conditions ?? null,
            mandatedTraining: d.mandatedTraining ?? null,
            trainingDueOn: d.trainingDueOn ?? null,
            decidedOn: today,
            finalizedOn: null,
          }),
        );
        sanctionId = s.id;
      }
      return { to: 'OUTCOME_DECIDED', reason: d.reason, facts: { outcome: d.outcome, appealDeadline: c.appealDeadline, sanctionId }, sensitive: ['outcomeReason'] };
    });
  }

  appeal(id: string, expectedVersion: number, principal: Principal, input: { grounds: string }, requestId?: string) {
    return this.step(id, expectedVersion, principal, requestId, async (c, { today }) => {
      requireAt(c, 'An appeal', ['OUTCOME_DECIDED']);
      if (today > c.appealDeadline!) {
        throw failedPrecondition(`The appeal window closed on ${c.appealDeadline}`, [{ rule: 'APPEAL_WINDOW', reason: `appeals were accepted until ${c.appealDeadline}` }]);
      }
      c.appealedOn = today;
      c.appealGrounds = input.grounds;
      return { to: 'APPEALED', facts: { appealDeadline: c.appealDeadline }, sensitive: ['appealGrounds'] };
    });
  }

  decideAppeal(id: string, expectedVersion: number, principal: Principal, input: { decision: AppealDecision; reason: string }, requestId?: string) {
    return this.step(id, expectedVersion, principal, requestId, async (c, { tx, today }) => {
      requireAt(c, 'An appeal decision', ['APPEALED']);
      c.appealDecision = input.decision;
      c.appealDecidedOn = today;
      if (input.decision === 'OVERTURNED') await tx.getRepository(Sanction).update({ complaintId: c.id, status: 'PENDING' }, { status: 'OVERTURNED' });
      return { to: 'APPEAL_DECIDED', reason: input.reason, facts: { decision: input.decision } };
    });
  }

  /**
   * Closes a decided case once no appeal can change it: its sanctions become final (published to
   * the registry, commands to certification/training queued) and any application hold is released.
   */
  close(id: string, expectedVersion: number, principal: Principal, note?: string | null, requestId?: string) {
    return this.step(id, expectedVersion, principal, requestId, async (c, { tx, policy, today }) => {
      requireAt(c, 'Closing', ['OUTCOME_DECIDED', 'APPEAL_DECIDED']);
      if (c.status === 'OUTCOME_DECIDED' && today <= c.appealDeadline!) {
        throw failedPrecondition(`The appeal window is open until ${c.appealDeadline}`, [{ rule: 'APPEAL_WINDOW', reason: `an appeal may still be filed until ${c.appealDeadline}` }]);
      }
      const finalized = await this.disciplinary.finalize(tx, c, policy, today);
      if (c.applicationHold && c.respondentPersonId) {
        await enqueueCommand(tx, {
          type: 'RELEASE_APPLICATION_HOLD',
          targetDomain: 'certification',
          payload: { personId: c.respondentPersonId, complaintId: c.id, outcome: c.appealDecision === 'OVERTURNED' ? 'OVERTURNED' : c.outcome },
          idempotencyKey: `complaint:${c.id}:RELEASE_APPLICATION_HOLD`,
        });
      }
      c.closedOn = today;
      return { to: 'CLOSED', reason: note ?? null, facts: { finalSanctions: finalized } };
    });
  }
}
