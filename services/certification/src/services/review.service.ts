// Staff review of applications: the work queue (age against the processing target), requests for
// missing items, hold, approval (issues or renews the certification), denial, and the fee ledger.
// Every decision records who, when, the policy version, the checklist facts and the reason.
import { MILITARY_DESIGNATIONS, type ApplicationStatus, type DesignationKind } from '@cpss/domain';
import {
  businessDaysBetween,
  addBusinessDays,
  dates,
  decodeCursor,
  failedPrecondition,
  isBusinessDay,
  notFound,
  recordStatusChange,
  toConnection,
  type Clock,
  type ConnectionShape,
  type Principal,
} from '@cpss/server-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { Application, DesignationRequest } from '../entities/application';
import { Certification, CertificationDesignation, Fee } from '../entities/certification';
import type { CertificationPolicy, CertificationPolicyStore } from '../policy/certification-policy';
import { requireCertificationStaff } from './access';
import { APPLICATION, type ApplicationService } from './application.service';
import { lockAtVersion } from './concurrency';
import type { ChecklistItem } from './eligibility';
import { dueDateFrom } from './lifecycle';
import { PolicyCatalog } from './policy-catalog';
import { Problems } from './problems';

export interface ProcessingClock {
  businessDaysWaiting: number;
  targetBusinessDays: number;
  dueBy: string;
  overdue: boolean;
}

const REVIEWABLE: readonly ApplicationStatus[] = ['SUBMITTED', 'IN_REVIEW'];

function requireStatus(app: Application, from: readonly ApplicationStatus[], to: ApplicationStatus): void {
  if (!from.includes(app.status)) {
    throw failedPrecondition(`An application that is ${app.status} cannot become ${to}`, [{ rule: 'STATUS', reason: `must be ${from.join(' or ')}` }]);
  }
}

export class ReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: CertificationPolicyStore,
    private readonly applications: ApplicationService,
    private readonly clock: Clock,
  ) {}

  /** Oldest first: the cases waiting for staff, with filters for the queue screen. */
  async queue(principal: Principal | null, first: number, after: string | null | undefined, filter: { statuses?: string[] | null; channel?: string | null; waitingAtLeastBusinessDays?: number | null }): Promise<ConnectionShape<Application>> {
    requireCertificationStaff(principal);
    const p = new Problems('');
    if (filter.waitingAtLeastBusinessDays !== null && filter.waitingAtLeastBusinessDays !== undefined) {
      p.check(filter.waitingAtLeastBusinessDays >= 0 && filter.waitingAtLeastBusinessDays <= 1000, 'waitingAtLeastBusinessDays', 'must be between 0 and 1000');
    }
    p.throwIfAny();
    const q = this.dataSource.getRepository(Application).createQueryBuilder('a').where('a.queued_on is not null');
    q.andWhere('a.status in (:...statuses)', { statuses: filter.statuses?.length ? filter.statuses : REVIEWABLE });
    if (filter.channel) q.andWhere('a.channel = :channel', { channel: filter.channel });
    if (filter.waitingAtLeastBusinessDays) q.andWhere('a.queued_on <= :cutoff', { cutoff: this.businessDaysBefore(this.clock.today(), filter.waitingAtLeastBusinessDays) });
    const counting = q.clone();
    const totalCount = () => counting.getCount(); // counted only when asked for
    const page = q.clone().orderBy('a.queued_on', 'ASC').addOrderBy('a.id', 'ASC').take(first + 1);
    if (after) {
      const [on, id] = decodeCursor(after, 2) as [string, string];
      page.andWhere('(a.queued_on, a.id) > (:on::date, :id::uuid)', { on, id });
    }
    const rows = await page.getMany();
    return toConnection(rows, first, totalCount, (a) => [a.queuedOn, a.id]);
  }

  /** The latest date from which `n` business days have passed by `today`. */
  private businessDaysBefore(today: string, n: number): string {
    let d = today;
    let left = n;
    while (left > 0) {
      if (isBusinessDay(d)) left -= 1;
      d = dates.addDays(d, -1);
    }
    return d;
  }

  /** Business days a case has waited since it entered the queue, against its policy's target. */
  async processingClocks(apps: readonly Application[]): Promise<(ProcessingClock | null)[]> {
    const catalog = await PolicyCatalog.load(this.policy);
    const today = this.clock.today();
    return apps.map((a) => {
      if (!a.queuedOn || !a.policyVersionId) return null;
      const target = catalog.byId(a.policyVersionId).values.processingTargetBusinessDays[a.channel === 'MAIL' ? 'mail' : 'online'];
      const end = a.decidedOn ?? today;
      const waiting = businessDaysBetween(a.queuedOn, end);
      return { businessDaysWaiting: waiting, targetBusinessDays: target, dueBy: addBusinessDays(a.queuedOn, target), overdue: waiting > target };
    });
  }

  async startReview(principal: Principal | null, input: { applicationId: string; expectedVersion: number }): Promise<Application> {
    const staff = requireCertificationStaff(principal);
    return this.transition(input, ['SUBMITTED'], 'IN_REVIEW', async (app) => ({ actor: staff, reason: 'review started', app }));
  }

  async requestMissingItems(principal: Principal | null, input: { applicationId: string; expectedVersion: number; items: string[] }): Promise<Application> {
    const staff = requireCertificationStaff(principal);
    const p = new Problems();
    p.check(input.items.length > 0 && input.items.length <= 30, 'items', 'must name between 1 and 30 missing items');
    input.items.forEach((item, i) => p.text(item, `items.${i}`, { max: 300, required: true }));
    p.throwIfAny();
    return this.transition(input, ['SUBMITTED', 'IN_REVIEW'], 'INCOMPLETE', async (app) => {
      app.missingItems = input.items.map((i) => i.trim());
      app.incompleteSince = this.clock.today();
      return { actor: staff, reason: `missing: ${app.missingItems.join('; ')}`, app, facts: { missingItems: app.missingItems } };
    });
  }

  /** A complaint pending against the applicant puts the case on hold. */
  async placeOnHold(principal: Principal | null, input: { applicationId: string; expectedVersion: number; reason?: string | null }): Promise<Application> {
    const staff = requireCertificationStaff(principal);
    const reason = this.requiredReason(input.reason);
    return this.transition(input, ['SUBMITTED', 'IN_REVIEW', 'INCOMPLETE'], 'ON_HOLD', async (app) => ({ actor: staff, reason, app }));
  }

  async releaseHold(principal: Principal | null, input: { applicationId: string; expectedVersion: number; reason?: string | null }): Promise<Application> {
    const staff = requireCertificationStaff(principal);
    const reason = this.requiredReason(input.reason);
    return this.transition(input, ['ON_HOLD'], 'IN_REVIEW', async (app) => ({ actor: staff, reason, app }));
  }

  async deny(principal: Principal | null, input: { applicationId: string; expectedVersion: number; reasons: string[]; appealRights: string }): Promise<Application> {
    const staff = requireCertificationStaff(principal);
    const p = new Problems();
    p.check(input.reasons.length > 0 && input.reasons.length <= 20, 'reasons', 'must give between 1 and 20 reasons');
    input.reasons.forEach((r, i) => p.text(r, `reasons.${i}`, { max: 1000, required: true }));
    p.text(input.appealRights, 'appealRights', { max: 2000, required: true });
    p.throwIfAny();
    return this.transition(input, ['SUBMITTED', 'IN_REVIEW', 'INCOMPLETE', 'ON_HOLD'], 'DENIED', async (app, tx) => {
      const [checklist] = await this.applications.checklists([app], tx);
      app.decisionReasons = input.reasons.map((r) => r.trim());
      app.appealRights = input.appealRights.trim();
      app.decidedOn = this.clock.today();
      app.decidedBy = staff.subject;
      app.decisionChecklist = checklist!;
      return { actor: staff, reason: app.decisionReasons.join('; '), app, facts: await this.decisionFacts(app, checklist!, tx) };
    });
  }

  /**
   * Approves a complete case: every required checklist item met and no fee unpaid. A first
   * application issues a certification; a renewal moves the certification to its next term.
   */
  async approve(principal: Principal | null, input: { applicationId: string; expectedVersion: number; reason?: string | null }, requestId?: string): Promise<Application> {
    const staff = requireCertificationStaff(principal);
    const p = new Problems();
    p.text(input.reason, 'reason', { max: 1000 });
    p.throwIfAny();
    const [current] = await this.applications.byIds([input.applicationId]);
    if (!current) throw notFound(APPLICATION, input.applicationId);
    requireStatus(current, REVIEWABLE, 'APPROVED');
    // Required: the decision stands on the training record and open complaints as they are now.
    // When training or ethics does not answer, SERVICE_UNAVAILABLE and nothing is written.
    const snapshot = await this.applications.askOtherDomains(current.personId, requestId);
    return this.transition(input, REVIEWABLE, 'APPROVED', async (app, tx) => {
      this.applications.keepFacts(app, snapshot);
      const { checklist, used } = (await this.applications.evaluate([app], tx))[0]!;
      const unmet = checklist.filter((c) => c.required && !c.met).map((c) => ({ rule: c.rule as string, reason: c.why }));
      const complaints = snapshot.facts.openComplaintCount;
      if (complaints > 0) unmet.push({ rule: 'NO_PENDING_COMPLAINT', reason: `${complaints} complaint${complaints === 1 ? ' is' : 's are'} pending against the applicant: the case waits on hold for the outcome` });
      const unpaid = await tx.getRepository(Fee).findBy({ applicationId: app.id, status: 'DUE' });
      for (const f of unpaid) unmet.push({ rule: 'FEE_PAID', reason: `the ${f.kind.toLowerCase()} fee of $${(f.amountCents / 100).toFixed(2)} is unpaid` });
      if (unmet.length) throw failedPrecondition('The application cannot be approved', unmet);
      const today = this.clock.today();
      const { values } = await this.policy.inForceOn(app.submittedOn!, tx);
      const certification = app.kind === 'INITIAL' ? await this.issue(tx, app, checklist, values, today) : await this.renew(tx, app, checklist, values, today);
      app.decidedOn = today;
      app.decidedBy = staff.subject;
      app.decisionChecklist = checklist;
      app.decisionReasons = input.reason ? [input.reason.trim()] : [];
      const facts = { ...(await this.decisionFacts(app, checklist, tx)), ...used, certificationId: certification.id, certificationNumber: certification.number, dueOn: certification.dueOn };
      return { actor: staff, reason: input.reason ?? (app.kind === 'INITIAL' ? `certified as ${certification.number}` : `recertified through ${certification.dueOn}`), app, facts };
    });
  }

  private async issue(tx: EntityManager, app: Application, checklist: ChecklistItem[], policy: CertificationPolicy, today: string): Promise<Certification> {
    const [{ n }] = (await tx.query(`select nextval('certification_number_seq')::int as n`)) as { n: number }[];
    const repo = tx.getRepository(Certification);
    const cert = await repo.save(repo.create({ number: `NC-CPSS-${String(n).padStart(6, '0')}`, personId: app.personId, issuedOn: today, lastCertifiedOn: today, dueOn: dueDateFrom(today, policy), applicationId: app.id }));
    const granted = await this.grantedDesignations(tx, app, checklist);
    if (granted.length) await tx.getRepository(CertificationDesignation).insert(granted.map((designation) => ({ certificationId: cert.id, designation, grantedOn: today })));
    await recordStatusChange(tx, { subjectType: 'Certification', subjectId: cert.id, from: null, to: 'ISSUED', actor: app.decidedBy ?? 'system', reason: `issued on approval of application ${app.id}`, facts: { dueOn: cert.dueOn, designations: granted } });
    return cert;
  }

  /**
   * Recertification is never backdated: the new term counts from today. On time, the
   * certification keeps its month (the next due date is a term after the current one); late, the
   * term runs from the approval.
   */
  private async renew(tx: EntityManager, app: Application, checklist: ChecklistItem[], policy: CertificationPolicy, today: string): Promise<Certification> {
    const cert = await lockAtVersion(tx, Certification, 'Certification', app.certificationId!, null);
    const previousDue = cert.dueOn;
    cert.lastCertifiedOn = today;
    cert.dueOn = app.late ? dueDateFrom(today, policy) : dueDateFrom(previousDue, policy);
    await tx.getRepository(Certification).save(cert);
    const upkeep = checklist.find((c) => c.rule === 'MILITARY_UPKEEP');
    const dropped: DesignationKind[] = [];
    if (upkeep && !upkeep.met) {
      const held = await tx.getRepository(CertificationDesignation).findBy({ certificationId: cert.id });
      for (const h of held.filter((d) => MILITARY_DESIGNATIONS.includes(d.designation))) {
        await tx.getRepository(CertificationDesignation).delete({ id: h.id });
        dropped.push(h.designation);
      }
    }
    await recordStatusChange(tx, { subjectType: 'Certification', subjectId: cert.id, from: previousDue, to: cert.dueOn, actor: app.decidedBy ?? 'system', reason: `recertified${app.late ? ' (late)' : ''} on approval of application ${app.id}`, facts: { previousDueOn: previousDue, dueOn: cert.dueOn, late: app.late, designationsDropped: dropped } });
    return cert;
  }

  /** Designations asked for whose own rule is met (military) or that came with proof. */
  private async grantedDesignations(tx: EntityManager, app: Application, checklist: ChecklistItem[]): Promise<DesignationKind[]> {
    const requests = await tx.getRepository(DesignationRequest).findBy({ applicationId: app.id });
    const military = checklist.find((c) => c.rule === 'MILITARY_DESIGNATION');
    return requests.filter((r) => (MILITARY_DESIGNATIONS.includes(r.designation) ? !!military?.met : !!r.proofDocumentId)).map((r) => r.designation);
  }

  private async decisionFacts(app: Application, checklist: ChecklistItem[], tx: EntityManager): Promise<Record<string, unknown>> {
    const { version } = await this.policy.inForceOn(app.submittedOn ?? this.clock.today(), tx);
    return { policyVersionId: app.policyVersionId ?? version.id, policyEffectiveFrom: version.effectiveFrom, submittedOn: app.submittedOn, checklist };
  }

  private requiredReason(reason: string | null | undefined): string {
    const p = new Problems();
    p.text(reason ?? null, 'reason', { max: 1000, required: true });
    p.throwIfAny();
    return reason!.trim();
  }

  /** Locks the case at the client's version, checks where it is, applies the change and records it. */
  private async transition(
    input: { applicationId: string; expectedVersion: number },
    from: readonly ApplicationStatus[],
    to: ApplicationStatus,
    apply: (app: Application, tx: EntityManager) => Promise<{ actor: Principal; reason: string; app: Application; facts?: Record<string, unknown> }>,
  ): Promise<Application> {
    return this.dataSource.transaction(async (tx) => {
      const app = await lockAtVersion(tx, Application, APPLICATION, input.applicationId, input.expectedVersion);
      requireStatus(app, from, to);
      const previous = app.status;
      const change = await apply(app, tx);
      change.app.status = to;
      const saved = await tx.getRepository(Application).save(change.app);
      await recordStatusChange(tx, { subjectType: APPLICATION, subjectId: app.id, from: previous, to, actor: change.actor, reason: change.reason, facts: change.facts ?? null });
      return saved;
    });
  }

  // ---------------------------------------------------------------- fees

  async recordPayment(principal: Principal | null, input: { feeId: string; expectedVersion: number; method: 'CHECK' | 'MONEY_ORDER'; referenceNumber: string; paidOn: string }): Promise<Fee> {
    const staff = requireCertificationStaff(principal);
    const p = new Problems();
    p.text(input.referenceNumber, 'referenceNumber', { max: 50, required: true });
    p.date(input.paidOn, 'paidOn', { notAfter: this.clock.today() });
    p.throwIfAny();
    return this.settleFee(input, staff, (fee) => {
      fee.status = 'PAID';
      fee.method = input.method;
      fee.referenceNumber = input.referenceNumber.trim();
      fee.paidOn = input.paidOn;
      return `paid by ${input.method === 'CHECK' ? 'check' : 'money order'} ${fee.referenceNumber}`;
    });
  }

  async waive(principal: Principal | null, input: { feeId: string; expectedVersion: number; reason: string }): Promise<Fee> {
    const staff = requireCertificationStaff(principal);
    const p = new Problems();
    p.text(input.reason, 'reason', { max: 1000, required: true });
    p.throwIfAny();
    return this.settleFee(input, staff, (fee) => {
      fee.status = 'WAIVED';
      fee.waivedReason = input.reason.trim();
      return `waived: ${fee.waivedReason}`;
    });
  }

  private async settleFee(input: { feeId: string; expectedVersion: number }, staff: Principal, apply: (fee: Fee) => string): Promise<Fee> {
    return this.dataSource.transaction(async (tx) => {
      const fee = await lockAtVersion(tx, Fee, 'Fee', input.feeId, input.expectedVersion);
      if (fee.status !== 'DUE') throw failedPrecondition(`The fee is already ${fee.status}`, [{ rule: 'FEE_DUE', reason: 'only a due fee can be paid or waived' }]);
      const reason = apply(fee);
      fee.recordedBy = staff.subject;
      const saved = await tx.getRepository(Fee).save(fee);
      await recordStatusChange(tx, { subjectType: 'Fee', subjectId: fee.id, from: 'DUE', to: fee.status, actor: staff, reason, facts: { applicationId: fee.applicationId, kind: fee.kind, amountCents: fee.amountCents } });
      // The fee's history shows in its application's timeline too.
      await recordStatusChange(tx, { subjectType: APPLICATION, subjectId: fee.applicationId, from: null, to: `FEE_${fee.status}`, actor: staff, reason: `${fee.kind.toLowerCase()} fee ${reason}`, facts: { feeId: fee.id, amountCents: fee.amountCents } });
      return saved;
    });
  }
}
