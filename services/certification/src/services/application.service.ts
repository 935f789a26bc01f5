// Applications: the applicant's draft (saved as they go), submission (which fixes the policy
// version), the eligibility checklist of each case, and the sensitive parts (audited).
import {
  isUuid,
  ApplicationStatus,
  ErrorCode,
  DesignationKind,
  EducationProofKind,
  FINAL_APPLICATION_STATUSES,
  REFERENCES_REQUIRED,
  type ApplicationChannel,
  type CertificationStatus,
} from '@cpss/domain';
import {
  badInput,
  checkUpload,
  dates,
  decodeCursor,
  failedPrecondition,
  forbidden,
  manyByKey,
  notFound,
  oneByKey,
  readAll,
  readDocumentContent,
  recordAudit,
  recordStatusChange,
  storeDocument,
  toConnection,
  unauthenticated,
  type Clock,
  type ConnectionShape,
  type DocumentUpload,
  type Logger,
  type Principal,
  AuditEntry,
  StoredDocument,
} from '@cpss/server-kit';
import { GraphQLError } from 'graphql';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { Application, ApplicationReference, DesignationRequest, TrainingLogEntry } from '../entities/application';
import { Certification, CertificationDesignation, CertificationEvent, Fee } from '../entities/certification';
import { Person } from '../entities/person';
import type { CertificationPolicyStore } from '../policy/certification-policy';
import { isCertificationStaff, isStaff, requireApplicantOrCertificationStaff } from './access';
import { checkVersion, lockAtVersion } from './concurrency';
import { evaluateEligibility, trainingFactsUsed, type ChecklistItem, type EligibilityFacts } from './eligibility';
import { certificationStatusOn } from './lifecycle';
import { NO_ETHICS_FACTS, NO_TRAINING_FACTS, type CrossDomainPorts, type EthicsFacts, type ExternalFacts, type TrainingFacts } from './cross-domain';
import { PolicyCatalog } from './policy-catalog';
import { Problems } from './problems';

export const APPLICATION = 'Application';
/** Field names recorded in the audit trail when the sensitive parts are read or written. */
export const SENSITIVE_FIELDS = ['recoveryStartDate', 'recoveryStatement'] as const;
export type SensitiveField = (typeof SENSITIVE_FIELDS)[number];

const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const DocumentPurpose = {
  EducationProof: 'EDUCATION_PROOF',
  TrainingCertificate: 'TRAINING_CERTIFICATE',
  DesignationProof: 'DESIGNATION_PROOF',
  Other: 'OTHER',
} as const;

export interface DraftChange {
  applicationId: string;
  expectedVersion: number;
  consumerOfServices?: boolean | null;
  recoveryStartDate?: string | null;
  educationProofKind?: string | null;
  educationProofDocumentId?: string | null;
  coreCourse?: { title: string; completedOn: string; hours: number } | null;
  trainingLog?: { topic: string; hours: number; completedOn: string; childFamily?: boolean | null; ethics?: boolean | null; militarySpecific?: boolean | null; evidenceDocumentId?: string | null; evidenceNote?: string | null }[] | null;
  references?: { name: string; relation: string; yearsKnown: number; knowsAboutRecovery: boolean; contact?: string | null }[] | null;
  codeOfEthicsVersion?: string | null;
  recoveryStatement?: string | null;
  statementOwnWork?: boolean | null;
  workHistory?: string | null;
  designationRequests?: { designation: string; proofDocumentId?: string | null }[] | null;
}

/** The other domains' answers, as asked at one moment. */
export interface FactsSnapshot {
  facts: ExternalFacts;
  at: Date;
}

/** What a submission or decision stood on from other domains (its timeline entry's facts). */
export type CrossDomainFactsUsed = ReturnType<typeof trainingFactsUsed> & { openComplaintCount: number | null; otherDomainsAskedAt: string | null };

function isServiceUnavailable(err: unknown): err is GraphQLError {
  return err instanceof GraphQLError && err.extensions?.['code'] === ErrorCode.ServiceUnavailable;
}

/** Statuses in which the applicant (or staff) may still edit the application. */
const EDITABLE: readonly ApplicationStatus[] = ['DRAFT', 'INCOMPLETE'];

export interface ApplicationFilter {
  personId?: string | null;
  statuses?: string[] | null;
}

export class ApplicationService {
  private readonly training: TrainingFacts;
  private readonly ethics: EthicsFacts;

  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: CertificationPolicyStore,
    private readonly clock: Clock,
    ports: CrossDomainPorts = {},
    private readonly logger?: Logger,
  ) {
    this.training = ports.training ?? NO_TRAINING_FACTS;
    this.ethics = ports.ethics ?? NO_ETHICS_FACTS;
  }

  // ---------------------------------------------------------------- facts from other domains

  /** Asks training and ethics now. A domain that does not answer throws SERVICE_UNAVAILABLE naming it. */
  async askOtherDomains(personId: string, requestId?: string): Promise<FactsSnapshot> {
    const [trainingRecord, openComplaintCount] = await Promise.all([this.training.trainingRecordOf(personId, { requestId }), this.ethics.openComplaintCount(personId, { requestId })]);
    return { facts: { trainingRecord, openComplaintCount }, at: this.clock.now() };
  }

  /**
   * Best effort (a draft being created or saved): the facts when the other domains answer; when one
   * does not, null (the draft keeps its earlier snapshot) and a warning without personal data.
   */
  private async askOtherDomainsIfUp(personId: string, step: string, applicationId: string | null, requestId?: string): Promise<FactsSnapshot | null> {
    try {
      return await this.askOtherDomains(personId, requestId);
    } catch (err) {
      if (!isServiceUnavailable(err)) throw err;
      this.logger?.warn({ reqId: requestId, step, applicationId, service: err.extensions['service'] }, 'another domain did not answer; the draft keeps the facts it had');
      return null;
    }
  }

  /** Keeps the snapshot on the application (saved with it). */
  keepFacts(app: Application, snapshot: FactsSnapshot | null): void {
    if (!snapshot) return;
    app.externalFacts = snapshot.facts;
    app.externalFactsAt = snapshot.at;
  }

  // ---------------------------------------------------------------- reading

  async byIds(ids: readonly string[]): Promise<(Application | null)[]> {
    const rows = await this.dataSource.getRepository(Application).findBy({ id: In(ids.filter(isUuid)) });
    return oneByKey(ids, rows, (a) => a.id);
  }

  /** Each person's applications, newest first (Person.applications). */
  async byPeople(personIds: readonly string[]): Promise<Application[][]> {
    const ids = personIds.filter(isUuid);
    const rows = ids.length ? await this.dataSource.getRepository(Application).find({ where: { personId: In(ids) }, order: { createdAt: 'DESC', id: 'DESC' } }) : [];
    return manyByKey(personIds, rows, (a) => a.personId);
  }

  /** The application if the caller may see it: the applicant, or program staff. */
  async visible(principal: Principal | null, id: string): Promise<Application> {
    if (!principal) throw unauthenticated();
    const [app] = await this.byIds([id]);
    if (!app) throw notFound(APPLICATION, id);
    if (app.personId !== principal.personId && !isStaff(principal)) throw forbidden('Only the applicant or program staff may see this application');
    return app;
  }

  /** Applications newest first: staff see all (filters), anyone else only their own. */
  async list(principal: Principal, first: number, after: string | null | undefined, filter: ApplicationFilter): Promise<ConnectionShape<Application>> {
    if (filter.personId && !isUuid(filter.personId)) throw badInput({ field: 'personId', reason: 'is not a person id' });
    const q = this.dataSource.getRepository(Application).createQueryBuilder('a');
    if (!isStaff(principal)) {
      if (!principal.personId) return toConnection([], first, 0, () => []);
      q.andWhere('a.person_id = :own', { own: principal.personId });
    }
    if (filter.personId) q.andWhere('a.person_id = :pid', { pid: filter.personId });
    if (filter.statuses?.length) q.andWhere('a.status in (:...statuses)', { statuses: filter.statuses });
    const counting = q.clone();
    const totalCount = () => counting.getCount(); // counted only when asked for
    const page = q.clone().orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC').take(first + 1);
    if (after) {
      const [at, id] = decodeCursor(after, 2) as [string, string];
      page.andWhere('(a.created_at, a.id) < (:at::timestamptz, :id::uuid)', { at, id });
    }
    const rows = await page.getMany();
    return toConnection(rows, first, totalCount, (a) => [a.createdAt.toISOString(), a.id]);
  }

  async trainingLogs(ids: readonly string[]): Promise<TrainingLogEntry[][]> {
    const rows = await this.dataSource.getRepository(TrainingLogEntry).find({ where: { applicationId: In([...ids]) }, order: { position: 'ASC' } });
    return manyByKey(ids, rows, (r) => r.applicationId);
  }

  async references(ids: readonly string[]): Promise<ApplicationReference[][]> {
    const rows = await this.dataSource.getRepository(ApplicationReference).find({ where: { applicationId: In([...ids]) }, order: { position: 'ASC' } });
    return manyByKey(ids, rows, (r) => r.applicationId);
  }

  async designationRequests(ids: readonly string[]): Promise<DesignationRequest[][]> {
    const rows = await this.dataSource.getRepository(DesignationRequest).findBy({ applicationId: In([...ids]) });
    return manyByKey(ids, rows, (r) => r.applicationId);
  }

  async fees(ids: readonly string[]): Promise<Fee[][]> {
    const rows = await this.dataSource.getRepository(Fee).find({ where: { applicationId: In([...ids]) }, order: { createdAt: 'ASC' } });
    return manyByKey(ids, rows, (r) => r.applicationId);
  }

  /**
   * Reads a sensitive part of many applications: the applicant or certification staff only (an
   * error for each other one); the reads are audited in one statement, whatever the list length.
   */
  async readSensitive(principal: Principal | null, apps: readonly Application[], field: SensitiveField, requestId: string): Promise<(string | null | Error)[]> {
    const results = apps.map((app) => {
      try {
        requireApplicantOrCertificationStaff(principal, app.personId);
        return app[field];
      } catch (err) {
        return err as Error;
      }
    });
    const allowed = apps.filter((_, i) => !(results[i] instanceof Error));
    if (allowed.length) {
      await this.dataSource.getRepository(AuditEntry).insert(
        allowed.map((app) => ({ actor: principal?.subject ?? 'anonymous', actorRoles: principal?.roles ?? [], action: 'read', subjectType: APPLICATION, subjectId: app.id, fields: [field], requestId })),
      );
    }
    return results;
  }

  /** The policy version a case is judged by: fixed at submission; for a draft, today's. */
  async policyOf(apps: readonly Application[]) {
    const catalog = await PolicyCatalog.load(this.policy);
    return apps.map((a) => (a.policyVersionId ? catalog.byId(a.policyVersionId) : catalog.inForceOn(this.clock.today())));
  }

  /**
   * Checklists of many applications in a fixed number of queries. A decided case answers with the
   * checklist frozen at its decision; a submitted one is judged on its submission date by its
   * version; a draft on today by today's version.
   */
  async checklists(apps: readonly Application[], manager: EntityManager = this.dataSource.manager): Promise<ChecklistItem[][]> {
    return (await this.evaluate(apps, manager)).map((e) => e.checklist);
  }

  /**
   * Checklists with the facts from other domains each used (read from the application's snapshot:
   * never asked here, so lists cost no call to another domain). `used` is null for a decided case.
   */
  async evaluate(apps: readonly Application[], manager: EntityManager = this.dataSource.manager): Promise<{ checklist: ChecklistItem[]; used: CrossDomainFactsUsed | null }[]> {
    const open = apps.filter((a) => !a.decisionChecklist);
    const results = new Map<string, { checklist: ChecklistItem[]; used: CrossDomainFactsUsed | null }>();
    for (const a of apps) if (a.decisionChecklist) results.set(a.id, { checklist: a.decisionChecklist as ChecklistItem[], used: null });
    if (open.length) {
      const ids = open.map((a) => a.id);
      const catalog = await PolicyCatalog.load(this.policy);
      const [people, logs, refs, designations, context] = await readAll(manager, [
        () => manager.getRepository(Person).findBy({ id: In([...new Set(open.map((a) => a.personId))]) }),
        () => manager.getRepository(TrainingLogEntry).findBy({ applicationId: In(ids) }),
        () => manager.getRepository(ApplicationReference).findBy({ applicationId: In(ids) }),
        () => manager.getRepository(DesignationRequest).findBy({ applicationId: In(ids) }),
        () => this.certificationContext(open, catalog, manager),
      ] as const);
      for (const a of open) {
        const person = people.find((p) => p.id === a.personId)!;
        const pick = a.policyVersionId ? catalog.byId(a.policyVersionId) : catalog.inForceOn(this.clock.today());
        const facts = this.factsOf(a, person, logs, refs, designations, context.get(a.id));
        const used = { ...trainingFactsUsed(facts), openComplaintCount: a.externalFacts?.openComplaintCount ?? null, otherDomainsAskedAt: a.externalFactsAt ? new Date(a.externalFactsAt).toISOString() : null };
        results.set(a.id, { checklist: evaluateEligibility(facts, pick.values), used });
      }
    }
    return apps.map((a) => results.get(a.id)!);
  }

  private factsOf(
    a: Application,
    person: Person,
    logs: TrainingLogEntry[],
    refs: ApplicationReference[],
    designations: DesignationRequest[],
    context: { lastCertifiedOn: string | null; held: DesignationKind[]; status: CertificationStatus | null } | undefined,
  ): EligibilityFacts {
    return {
      kind: a.kind,
      asOf: a.submittedOn ?? this.clock.today(),
      dateOfBirth: person.dateOfBirth,
      consumerOfServices: a.consumerOfServices,
      recoveryStartDate: a.recoveryStartDate,
      educationProofKind: a.educationProofKind,
      coreCourse: a.coreCourseTitle && a.coreCourseCompletedOn && a.coreCourseHours !== null ? { title: a.coreCourseTitle, completedOn: a.coreCourseCompletedOn, hours: a.coreCourseHours } : null,
      trainingLog: logs.filter((l) => l.applicationId === a.id),
      trainingRecord: a.externalFacts?.trainingRecord ?? [],
      references: refs.filter((r) => r.applicationId === a.id),
      codeOfEthicsVersion: a.codeOfEthicsVersion,
      recoveryStatementProvided: !!a.recoveryStatement?.trim(),
      statementOwnWork: a.statementOwnWork,
      designationRequests: designations.filter((d) => d.applicationId === a.id).map((d) => ({ designation: d.designation, hasProof: !!d.proofDocumentId })),
      lastCertifiedOn: context?.lastCertifiedOn ?? null,
      heldDesignations: context?.held ?? [],
      certificationStatus: context?.status ?? null,
    };
  }

  /**
   * What certification history says about each case: for a renewal, the certification renewed
   * (last certified, designations held, status on the day judged); for a first application, the
   * last certification of an earlier, lapsed one (hours must postdate it).
   */
  private async certificationContext(apps: readonly Application[], catalog: PolicyCatalog, manager: EntityManager) {
    const out = new Map<string, { lastCertifiedOn: string | null; held: DesignationKind[]; status: CertificationStatus | null }>();
    const certs = await manager.getRepository(Certification).find({
      where: [{ id: In(apps.map((a) => a.certificationId).filter((x): x is string => !!x)) }, { personId: In(apps.map((a) => a.personId)) }],
    });
    if (!certs.length) return out;
    const certIds = certs.map((c) => c.id);
    const [events, held] = await Promise.all([
      manager.getRepository(CertificationEvent).find({ where: { certificationId: In(certIds) }, order: { effectiveOn: 'ASC', at: 'ASC' } }),
      manager.getRepository(CertificationDesignation).findBy({ certificationId: In(certIds) }),
    ]);
    for (const a of apps) {
      const asOf = a.submittedOn ?? this.clock.today();
      if (a.kind === 'RECERTIFICATION') {
        const c = certs.find((x) => x.id === a.certificationId);
        if (!c) continue;
        const status = certificationStatusOn({ issuedOn: c.issuedOn, dueOn: c.dueOn, events: events.filter((e) => e.certificationId === c.id) }, asOf, catalog.inForceOn(c.lastCertifiedOn).values).status;
        out.set(a.id, { lastCertifiedOn: c.lastCertifiedOn, held: held.filter((h) => h.certificationId === c.id).map((h) => h.designation), status });
      } else {
        const earlier = certs.filter((c) => c.personId === a.personId && c.lastCertifiedOn <= asOf).sort((x, y) => dates.compare(y.lastCertifiedOn, x.lastCertifiedOn))[0];
        if (earlier) out.set(a.id, { lastCertifiedOn: earlier.lastCertifiedOn, held: [], status: null });
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- applicant's commands

  /** A new draft: the applicant for themself (online), or staff entering a mailed packet. */
  async create(principal: Principal | null, input: { personId?: string | null; channel?: ApplicationChannel | null }, requestId?: string): Promise<Application> {
    if (!principal) throw unauthenticated();
    const personId = input.personId ?? principal.personId;
    // Who may comes first: a person applies for themself, certification staff for anyone.
    if (!personId && !isCertificationStaff(principal)) throw forbidden('Only a person applies for themself; mailed packets are entered by certification staff');
    if (!personId) throw badInput({ field: 'input.personId', reason: 'is required when your account is not linked to a person' });
    requireApplicantOrCertificationStaff(principal, personId);
    if (!isUuid(personId)) throw badInput({ field: 'input.personId', reason: 'is not a known person' });
    const channel = input.channel ?? 'ONLINE';
    if (channel === 'MAIL' && !isCertificationStaff(principal)) throw forbidden('Mailed applications are entered by certification staff');
    if (!(await this.dataSource.getRepository(Person).existsBy({ id: personId }))) throw badInput({ field: 'input.personId', reason: 'is not a known person' });
    const snapshot = await this.askOtherDomainsIfUp(personId, 'createApplication', null, requestId);
    return this.dataSource.transaction(async (tx) => {
      // Someone whose certification is still renewable renews it; a first application is for the
      // uncertified and for those whose certification lapsed.
      for (const cert of await tx.getRepository(Certification).findBy({ personId })) {
        const { status } = await this.renewalStatus(tx, cert.id, this.clock.today());
        if (['ACTIVE', 'DUE', 'LATE', 'SUSPENDED'].includes(status)) {
          throw failedPrecondition('This person already holds a certification', [{ rule: 'NOT_CERTIFIED', reason: `certification ${cert.number} is ${status}; renew it instead of applying as new` }]);
        }
      }
      const repo = tx.getRepository(Application);
      const draft = repo.create({ personId, kind: 'INITIAL', channel, status: 'DRAFT', createdBy: principal.subject, missingItems: [], decisionReasons: [] });
      this.keepFacts(draft, snapshot);
      const app = await repo.save(draft);
      await recordStatusChange(tx, { subjectType: APPLICATION, subjectId: app.id, from: null, to: 'DRAFT', actor: principal, reason: 'application started' });
      return app;
    });
  }

  /** Saves the parts given (lists are replaced whole); open while a draft or incomplete. */
  async saveDraft(principal: Principal | null, input: DraftChange, requestId: string): Promise<Application> {
    if (!principal) throw unauthenticated();
    const today = this.clock.today();
    // Who may comes first: a stranger learns neither the version nor what is wrong with the input.
    const [current] = await this.byIds([input.applicationId]);
    if (current) requireApplicantOrCertificationStaff(principal, current.personId);
    const p = new Problems();
    p.date(input.recoveryStartDate, 'recoveryStartDate', { notAfter: today });
    if (input.educationProofKind) p.check((Object.values(EducationProofKind) as string[]).includes(input.educationProofKind), 'educationProofKind', 'is not a known kind of proof');
    if (input.coreCourse) {
      p.text(input.coreCourse.title, 'coreCourse.title', { max: 200, required: true });
      p.date(input.coreCourse.completedOn, 'coreCourse.completedOn', { notAfter: today });
      p.check(input.coreCourse.hours > 0 && input.coreCourse.hours <= 200, 'coreCourse.hours', 'must be more than 0 and at most 200');
    }
    if (input.trainingLog) {
      p.check(input.trainingLog.length <= 100, 'trainingLog', 'must have at most 100 entries');
      input.trainingLog.forEach((e, i) => {
        p.text(e.topic, `trainingLog.${i}.topic`, { max: 200, required: true });
        p.check(e.hours > 0 && e.hours <= 200, `trainingLog.${i}.hours`, 'must be more than 0 and at most 200');
        p.date(e.completedOn, `trainingLog.${i}.completedOn`, { notAfter: today });
        p.text(e.evidenceNote, `trainingLog.${i}.evidenceNote`, { max: 500 });
      });
    }
    if (input.references) {
      p.check(input.references.length <= REFERENCES_REQUIRED, 'references', `must have at most ${REFERENCES_REQUIRED} references`);
      input.references.forEach((r, i) => {
        p.text(r.name, `references.${i}.name`, { max: 200, required: true });
        p.text(r.relation, `references.${i}.relation`, { max: 100, required: true });
        p.check(r.yearsKnown >= 0 && r.yearsKnown <= 100, `references.${i}.yearsKnown`, 'must be between 0 and 100');
        p.text(r.contact, `references.${i}.contact`, { max: 300 });
      });
    }
    p.text(input.codeOfEthicsVersion, 'codeOfEthicsVersion', { max: 20 });
    p.text(input.recoveryStatement, 'recoveryStatement', { max: 20000 });
    p.text(input.workHistory, 'workHistory', { max: 10000 });
    if (input.designationRequests) {
      input.designationRequests.forEach((d, i) => p.check((Object.values(DesignationKind) as string[]).includes(d.designation), `designationRequests.${i}.designation`, 'is not a known designation'));
      p.check(new Set(input.designationRequests.map((d) => d.designation)).size === input.designationRequests.length, 'designationRequests', 'must not repeat a designation');
    }
    p.throwIfAny();

    // The training record and open complaints as they are now, when those domains answer (asked
    // before the row is locked; a refusal below is the same without them).
    let snapshot: FactsSnapshot | null = null;
    if (current && EDITABLE.includes(current.status)) {
      snapshot = await this.askOtherDomainsIfUp(current.personId, 'saveApplicationDraft', current.id, requestId);
    }

    return this.dataSource.transaction(async (tx) => {
      const app = await lockAtVersion(tx, Application, APPLICATION, input.applicationId, null);
      requireApplicantOrCertificationStaff(principal, app.personId);
      checkVersion(app, APPLICATION, input.expectedVersion);
      if (!EDITABLE.includes(app.status)) {
        throw failedPrecondition(`An application that is ${app.status} cannot be edited`, [{ rule: 'EDITABLE', reason: 'only a draft or an incomplete application can be edited' }]);
      }
      await this.checkDocuments(tx, app.personId, input, p);
      p.throwIfAny();

      if (input.consumerOfServices !== undefined) app.consumerOfServices = input.consumerOfServices;
      if (input.recoveryStartDate !== undefined) app.recoveryStartDate = input.recoveryStartDate;
      if (input.educationProofKind !== undefined) app.educationProofKind = input.educationProofKind as EducationProofKind | null;
      if (input.educationProofDocumentId !== undefined) app.educationProofDocumentId = input.educationProofDocumentId;
      if (input.coreCourse !== undefined) {
        app.coreCourseTitle = input.coreCourse?.title.trim() ?? null;
        app.coreCourseCompletedOn = input.coreCourse?.completedOn ?? null;
        app.coreCourseHours = input.coreCourse?.hours ?? null;
      }
      if (input.codeOfEthicsVersion !== undefined) {
        app.codeOfEthicsVersion = input.codeOfEthicsVersion?.trim() || null;
        app.codeOfEthicsSignedOn = app.codeOfEthicsVersion ? today : null;
      }
      if (input.recoveryStatement !== undefined) app.recoveryStatement = input.recoveryStatement;
      if (input.statementOwnWork !== undefined) app.statementOwnWork = input.statementOwnWork ?? false;
      if (input.workHistory !== undefined) app.workHistory = input.workHistory?.trim() || null;
      this.keepFacts(app, snapshot);
      const saved = await tx.getRepository(Application).save(app);

      if (input.trainingLog !== undefined) {
        await tx.getRepository(TrainingLogEntry).delete({ applicationId: app.id });
        if (input.trainingLog?.length) {
          await tx.getRepository(TrainingLogEntry).insert(
            input.trainingLog.map((e, position) => ({
              applicationId: app.id,
              position,
              topic: e.topic.trim(),
              hours: e.hours,
              completedOn: e.completedOn,
              childFamily: e.childFamily ?? false,
              ethics: e.ethics ?? false,
              militarySpecific: e.militarySpecific ?? false,
              evidenceDocumentId: e.evidenceDocumentId ?? null,
              evidenceNote: e.evidenceNote ?? null,
            })),
          );
        }
      }
      if (input.references !== undefined) {
        await tx.getRepository(ApplicationReference).delete({ applicationId: app.id });
        if (input.references?.length) {
          await tx.getRepository(ApplicationReference).insert(
            input.references.map((r, position) => ({ applicationId: app.id, position, name: r.name.trim(), relation: r.relation.trim(), yearsKnown: r.yearsKnown, knowsAboutRecovery: r.knowsAboutRecovery, contact: r.contact ?? null })),
          );
        }
      }
      if (input.designationRequests !== undefined) {
        await tx.getRepository(DesignationRequest).delete({ applicationId: app.id });
        if (input.designationRequests?.length) {
          await tx.getRepository(DesignationRequest).insert(input.designationRequests.map((d) => ({ applicationId: app.id, designation: d.designation as DesignationKind, proofDocumentId: d.proofDocumentId ?? null })));
        }
      }
      const touched = SENSITIVE_FIELDS.filter((f) => input[f] !== undefined);
      if (touched.length) await recordAudit(tx, { principal, action: 'update', subjectType: APPLICATION, subjectId: app.id, fields: [...touched], requestId });
      return saved;
    });
  }

  /** Documents referenced by a draft must exist and belong to the applicant. */
  private async checkDocuments(tx: EntityManager, personId: string, input: DraftChange, p: Problems): Promise<void> {
    const refs: { field: string; id: string }[] = [];
    if (input.educationProofDocumentId) refs.push({ field: 'educationProofDocumentId', id: input.educationProofDocumentId });
    input.trainingLog?.forEach((e, i) => e.evidenceDocumentId && refs.push({ field: `trainingLog.${i}.evidenceDocumentId`, id: e.evidenceDocumentId }));
    input.designationRequests?.forEach((d, i) => d.proofDocumentId && refs.push({ field: `designationRequests.${i}.proofDocumentId`, id: d.proofDocumentId }));
    if (!refs.length) return;
    const valid = refs.filter((r) => isUuid(r.id));
    const docs = valid.length ? await tx.getRepository(StoredDocument).findBy({ id: In(valid.map((r) => r.id)), ownerPersonId: personId }) : [];
    for (const r of refs) p.check(docs.some((d) => d.id === r.id), r.field, "is not one of the applicant's uploaded documents");
  }

  /** Stores a proof or certificate for the applicant; referenced by id from the draft. */
  async uploadDocument(principal: Principal | null, input: { applicationId: string; purpose: string; file: DocumentUpload }): Promise<StoredDocument> {
    if (!principal) throw unauthenticated();
    return this.dataSource.transaction(async (tx) => {
      // Who may comes first: a stranger is not told what is wrong with the file.
      const app = await lockAtVersion(tx, Application, APPLICATION, input.applicationId, null);
      requireApplicantOrCertificationStaff(principal, app.personId);
      const p = new Problems();
      p.check((Object.values(DocumentPurpose) as string[]).includes(input.purpose), 'purpose', `must be one of ${Object.values(DocumentPurpose).join(', ')}`);
      p.throwIfAny();
      const checked = checkUpload(input.file, { allowed: ['PDF', 'IMAGE', 'WORD'], maxBytes: MAX_UPLOAD_BYTES, field: 'input.file' });
      if (FINAL_APPLICATION_STATUSES.includes(app.status)) throw failedPrecondition(`The application is ${app.status}`, [{ rule: 'EDITABLE', reason: 'a decided application takes no documents' }]);
      return storeDocument(tx, input.file, checked, { ownerPersonId: app.personId, purpose: input.purpose, uploadedBy: principal.subject });
    });
  }

  /** A document's content: its owner (the applicant) or program staff; every read is audited. */
  async documentContent(principal: Principal | null, id: string, requestId: string): Promise<{ document: StoredDocument; contentBase64: string }> {
    if (!principal) throw unauthenticated();
    const document = isUuid(id) ? await this.dataSource.getRepository(StoredDocument).findOneBy({ id }) : null;
    if (!document || !document.ownerPersonId) throw notFound('Document', id);
    if (document.ownerPersonId !== principal.personId && !isStaff(principal)) throw forbidden('Only the applicant or program staff may read this document');
    const content = await readDocumentContent(this.dataSource.manager, id);
    await recordAudit(this.dataSource.manager, { principal, action: 'read', subjectType: 'Document', subjectId: id, fields: ['content'], requestId });
    return { document, contentBase64: content!.toString('base64') };
  }

  async documentsOf(personIds: readonly string[]): Promise<StoredDocument[][]> {
    const rows = await this.dataSource.getRepository(StoredDocument).find({ where: { ownerPersonId: In([...personIds]) }, order: { createdAt: 'ASC' } });
    return manyByKey(personIds, rows, (d) => d.ownerPersonId!);
  }

  /**
   * Submits a draft (fixing the submission date and so the policy version; fees go on the ledger)
   * or resubmits an incomplete application with what was missing (its submission date stands).
   */
  async submit(principal: Principal | null, input: { applicationId: string; expectedVersion: number }, requestId?: string): Promise<Application> {
    if (!principal) throw unauthenticated();
    const today = this.clock.today();
    const [current] = await this.byIds([input.applicationId]);
    if (!current) throw notFound(APPLICATION, input.applicationId);
    requireApplicantOrCertificationStaff(principal, current.personId);
    this.requireSubmittable(current);
    // Required: a submission stands on the training record and open complaints as they are now.
    // When training or ethics does not answer, SERVICE_UNAVAILABLE and nothing is written.
    const snapshot = await this.askOtherDomains(current.personId, requestId);
    return this.dataSource.transaction(async (tx) => {
      const app = await lockAtVersion(tx, Application, APPLICATION, input.applicationId, input.expectedVersion);
      requireApplicantOrCertificationStaff(principal, app.personId);
      this.requireSubmittable(app);

      const from = app.status;
      const facts: Record<string, unknown> = {};
      if (from === 'DRAFT') {
        const { version, values } = await this.policy.inForceOn(today, tx);
        app.submittedOn = today;
        app.policyVersionId = version.id;
        facts['policyVersionId'] = version.id;
        facts['policyEffectiveFrom'] = version.effectiveFrom;
        const fees: { kind: Fee['kind']; amountCents: number }[] = [];
        if (app.kind === 'RECERTIFICATION') {
          const status = await this.renewalStatus(tx, app.certificationId!, today);
          if (status.status !== 'DUE' && status.status !== 'LATE') {
            const reason =
              status.status === 'LAPSED'
                ? 'the certification has lapsed and cannot be renewed: apply again as a new applicant'
                : status.status === 'ACTIVE'
                  ? `renewal opens on ${status.dueWindowFrom}`
                  : `a ${status.status} certification cannot be renewed`;
            throw failedPrecondition('This certification cannot be renewed now', [{ rule: 'CERTIFICATION_RENEWABLE', reason }]);
          }
          app.late = status.status === 'LATE';
          fees.push({ kind: 'RECERTIFICATION', amountCents: values.feesCents.recertification });
          if (app.late) fees.push({ kind: 'LATE', amountCents: values.feesCents.late });
          facts['certificationStatus'] = status.status;
        } else {
          fees.push({ kind: 'APPLICATION', amountCents: values.feesCents.application });
        }
        if (fees.length) await tx.getRepository(Fee).insert(fees.map((f) => ({ ...f, applicationId: app.id, status: 'DUE' as const })));
        facts['fees'] = fees;
      } else {
        facts['supplied'] = app.missingItems;
      }
      app.status = 'SUBMITTED';
      app.queuedOn = today;
      app.incompleteSince = null;
      app.missingItems = [];
      this.keepFacts(app, snapshot);
      // A complaint pending against the applicant holds the case until its outcome.
      const complaint = snapshot.facts.openComplaintCount > 0;
      if (complaint) app.status = 'ON_HOLD';
      const saved = await tx.getRepository(Application).save(app);
      const used = (await this.evaluate([saved], tx))[0]!.used!;
      // One entry: two in the same transaction would share a timestamp and could list in either order.
      const reason = (from === 'DRAFT' ? 'submitted' : 'missing items supplied') + (complaint ? '; on hold: a complaint is pending against the applicant' : '');
      await recordStatusChange(tx, { subjectType: APPLICATION, subjectId: app.id, from, to: app.status, actor: principal, reason, facts: { ...facts, ...used, ...(complaint ? { complaintPending: true } : {}) } });
      return saved;
    });
  }

  /** A draft or an incomplete application with its attestations given; otherwise FAILED_PRECONDITION naming what is missing. */
  private requireSubmittable(app: Application): void {
    if (app.status !== 'DRAFT' && app.status !== 'INCOMPLETE') {
      throw failedPrecondition(`An application that is ${app.status} cannot be submitted`, [{ rule: 'SUBMITTABLE', reason: 'only a draft or an incomplete application can be submitted' }]);
    }
    const unmet = [
      app.consumerOfServices === null ? { rule: 'CONSUMER_OF_SERVICES', reason: 'answer whether you are a current or former consumer of services' } : null,
      app.kind === 'INITIAL' && !app.recoveryStartDate ? { rule: 'RECOVERY_TIME', reason: 'give the date your recovery started' } : null,
      app.kind === 'INITIAL' && (!app.recoveryStatement?.trim() || !app.statementOwnWork) ? { rule: 'RECOVERY_STATEMENT', reason: 'write your recovery statement and attest it is your own' } : null,
      !app.codeOfEthicsVersion ? { rule: 'CODE_OF_ETHICS', reason: 'sign the Code of Ethics' } : null,
    ].filter((u): u is { rule: string; reason: string } => !!u);
    if (unmet.length) throw failedPrecondition('The application is not ready to submit', unmet);
  }

  /** The renewed certification's status on a date (by the policy of its last certification). */
  async renewalStatus(tx: EntityManager, certificationId: string, on: string) {
    const cert = await tx.getRepository(Certification).findOneByOrFail({ id: certificationId });
    const events = await tx.getRepository(CertificationEvent).find({ where: { certificationId }, order: { effectiveOn: 'ASC', at: 'ASC' } });
    const { values } = await this.policy.inForceOn(cert.lastCertifiedOn, tx);
    return certificationStatusOn({ issuedOn: cert.issuedOn, dueOn: cert.dueOn, events }, on, values);
  }

  /** A renewal draft for the holder's certification (or staff entering a mailed one). */
  async createRecertification(principal: Principal | null, input: { certificationId: string; channel?: ApplicationChannel | null }, requestId?: string): Promise<Application> {
    if (!principal) throw unauthenticated();
    const channel = input.channel ?? 'ONLINE';
    const cert = isUuid(input.certificationId) ? await this.dataSource.getRepository(Certification).findOneBy({ id: input.certificationId }) : null;
    if (!cert) throw notFound('Certification', input.certificationId);
    requireApplicantOrCertificationStaff(principal, cert.personId);
    if (channel === 'MAIL' && !isCertificationStaff(principal)) throw forbidden('Mailed applications are entered by certification staff');
    const snapshot = await this.askOtherDomainsIfUp(cert.personId, 'createRecertification', null, requestId);
    return this.dataSource.transaction(async (tx) => {
      // Renewals of one certification queue here, so the second of two at once sees the first open.
      await lockAtVersion(tx, Certification, 'Certification', cert.id, null);
      const status = await this.renewalStatus(tx, cert.id, this.clock.today());
      if (status.status === 'LAPSED') {
        throw failedPrecondition('This certification has lapsed', [{ rule: 'CERTIFICATION_RENEWABLE', reason: 'the certification has lapsed and cannot be renewed: apply again as a new applicant' }]);
      }
      if (status.status === 'SUSPENDED' || status.status === 'REVOKED' || status.status === 'RELINQUISHED') {
        throw failedPrecondition('This certification cannot be renewed', [{ rule: 'CERTIFICATION_RENEWABLE', reason: `a ${status.status} certification cannot be renewed` }]);
      }
      const repo = tx.getRepository(Application);
      if (await repo.existsBy({ certificationId: cert.id, status: In(['DRAFT', 'SUBMITTED', 'INCOMPLETE', 'ON_HOLD', 'IN_REVIEW']) })) {
        throw failedPrecondition('A renewal is already open for this certification', [{ rule: 'ONE_OPEN_RENEWAL', reason: 'finish or withdraw the open renewal first' }]);
      }
      const draft = repo.create({ personId: cert.personId, kind: 'RECERTIFICATION', certificationId: cert.id, channel, status: 'DRAFT', createdBy: principal.subject, missingItems: [], decisionReasons: [] });
      this.keepFacts(draft, snapshot);
      const app = await repo.save(draft);
      await recordStatusChange(tx, { subjectType: APPLICATION, subjectId: app.id, from: null, to: 'DRAFT', actor: principal, reason: `renewal of ${cert.number} started` });
      return app;
    });
  }

  async withdraw(principal: Principal | null, input: { applicationId: string; expectedVersion: number; reason?: string | null }): Promise<Application> {
    if (!principal) throw unauthenticated();
    return this.dataSource.transaction(async (tx) => {
      // Who may comes first: a stranger learns neither the version nor what is wrong with the input.
      const app = await lockAtVersion(tx, Application, APPLICATION, input.applicationId, null);
      requireApplicantOrCertificationStaff(principal, app.personId);
      checkVersion(app, APPLICATION, input.expectedVersion);
      const p = new Problems();
      p.text(input.reason, 'reason', { max: 1000 });
      p.throwIfAny();
      if (FINAL_APPLICATION_STATUSES.includes(app.status)) throw failedPrecondition(`The application is already ${app.status}`, [{ rule: 'OPEN', reason: 'only an open application can be withdrawn' }]);
      const from = app.status;
      app.status = ApplicationStatus.Withdrawn;
      const saved = await tx.getRepository(Application).save(app);
      await recordStatusChange(tx, { subjectType: APPLICATION, subjectId: app.id, from, to: app.status, actor: principal, reason: input.reason ?? 'withdrawn' });
      return saved;
    });
  }
}
