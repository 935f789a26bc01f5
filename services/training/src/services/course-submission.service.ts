// Course submissions and their review (DOMAIN.md "Training: courses and curriculum approval"):
// draft (agenda, crosswalk, materials) -> received (inside a window, not during a pause, fee from
// policy) -> format check -> team review per core concept -> approved, or technical assistance and
// one resubmission -> a second failure is a denial. Every change lands on the timeline.
import { CourseStatus, CourseSubmissionPurpose, CourseSubmissionStatus as S, REQUIRED_COURSE_MATERIALS, type CourseMaterialKind as MaterialKind } from '@cpss/domain';
import {
  addBusinessDays,
  badInput,
  businessDaysBetween,
  checkUpload,
  dates,
  decodeCursor,
  failedPrecondition,
  manyByKey,
  notFound,
  readDocumentContent,
  recordStatusChange,
  storeDocument,
  toConnection,
  type Clock,
  type ConnectionShape,
  type DocumentUpload,
  type FieldProblem,
  type Principal,
  type UnmetRule,
  validateInput,
} from '@cpss/server-kit';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { ConceptReview, Course, CourseAgendaEntry, CourseMaterial, CourseSubmission, CrosswalkEntry } from '../entities/course';
import { inSubmissionWindow, type TrainingPolicy, type TrainingPolicyStore } from '../policy/training-policy';
import { checkVersion, isStaff, isUuid, lockVersioned, requireOwnerOrStaff } from './access';
import { conceptsOf, type StandardsService } from './standards.service';

export interface AgendaEntryIn {
  day: number;
  title: string;
  hours: number;
}
export interface CrosswalkEntryIn {
  conceptId: string;
  material: MaterialKind;
  location: string;
  agendaBlock: string;
}
export interface ConceptFindingIn {
  conceptId: string;
  met: boolean;
  comment?: string | null;
}

export interface ReviewClock {
  businessDaysElapsed: number;
  targetMinBusinessDays: number;
  targetMaxBusinessDays: number;
  dueBy: string;
  overdue: boolean;
}

const EDITABLE: readonly string[] = [S.Draft, S.TechnicalAssistance];
const SUBJECT = 'CourseSubmission';
const ALLOWED_FORMATS = ['WORD', 'POWERPOINT', 'PDF'] as const;
const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;

export class CourseSubmissionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: TrainingPolicyStore,
    private readonly standards: StandardsService,
    private readonly clock: Clock,
  ) {}

  // ---- the developer's side ----

  async create(principal: Principal, input: { courseId: string; purpose?: CourseSubmissionPurpose; agenda: AgendaEntryIn[]; crosswalk: CrosswalkEntryIn[] }): Promise<CourseSubmission> {
    const purpose = input.purpose ?? CourseSubmissionPurpose.Initial;
    const today = this.clock.today();
    return this.dataSource.transaction(async (tx) => {
      const course = isUuid(input.courseId) ? await tx.getRepository(Course).createQueryBuilder('c').setLock('pessimistic_write').where('c.id = :id', { id: input.courseId }).getOne() : null;
      if (!course) throw badInput({ field: 'input.courseId', reason: 'is not a course' });
      requireOwnerOrStaff(principal, course.ownerId, 'course');
      // Who may comes first: a stranger is not told what is wrong with the agenda or crosswalk.
      await validateInput('input', input);
      if (purpose === CourseSubmissionPurpose.Initial && course.status !== CourseStatus.Draft && course.status !== CourseStatus.Denied) {
        throw failedPrecondition(`Course ${course.id} is ${course.status}`, [{ rule: 'courseStatus', reason: 'only a draft or denied course can be submitted' }]);
      }
      if (purpose === CourseSubmissionPurpose.Recertification && (course.status !== CourseStatus.Approved || (course.expiresOn !== null && course.expiresOn < today))) {
        throw failedPrecondition(`Course ${course.id} cannot be recertified`, [{ rule: 'courseStatus', reason: 'only an approved course still in its term is recertified' }]);
      }
      if (await tx.getRepository(CourseSubmission).existsBy({ courseId: course.id, status: In([S.Draft, S.Received, S.TeamReview, S.TechnicalAssistance]) })) {
        throw failedPrecondition(`Course ${course.id} already has an open submission`, [{ rule: 'openSubmission', reason: 'finish or withdraw the open submission first' }]);
      }
      const standards = await this.standards.inForceOn(today, tx);
      this.validateContent(conceptsOf(standards), input.crosswalk);
      const repo = tx.getRepository(CourseSubmission);
      const submission = await repo.save(
        repo.create({ courseId: course.id, ownerId: course.ownerId, purpose, status: S.Draft, attempt: 1, standardsVersionId: standards.id, version: 1 }),
      );
      await this.writeContent(tx, submission.id, input.agenda, input.crosswalk);
      await recordStatusChange(tx, { subjectType: SUBJECT, subjectId: submission.id, from: null, to: S.Draft, actor: principal, facts: { standardsVersion: standards.version, purpose } });
      return submission;
    });
  }

  /** Replaces the agenda and crosswalk of a draft, or of a submission in technical assistance. */
  async updateContent(principal: Principal, input: { submissionId: string; expectedVersion: number; agenda: AgendaEntryIn[]; crosswalk: CrosswalkEntryIn[] }): Promise<CourseSubmission> {
    return this.dataSource.transaction(async (tx) => {
      const submission = await this.lockOwn(tx, principal, input.submissionId, input.expectedVersion);
      await validateInput('input', input);
      this.requireStatus(submission, EDITABLE, 'changed');
      const standards = await this.standards.byId(submission.standardsVersionId, tx);
      this.validateContent(conceptsOf(standards), input.crosswalk);
      await tx.getRepository(CourseAgendaEntry).delete({ submissionId: submission.id });
      await tx.getRepository(CrosswalkEntry).delete({ submissionId: submission.id });
      await this.writeContent(tx, submission.id, input.agenda, input.crosswalk);
      submission.version += 1;
      return tx.getRepository(CourseSubmission).save(submission);
    });
  }

  async uploadMaterial(principal: Principal, input: { submissionId: string; kind: MaterialKind; document: DocumentUpload }): Promise<CourseMaterial> {
    const { values } = await this.policy.inForceOn(this.clock.today());
    return this.dataSource.transaction(async (tx) => {
      // Who may comes first: a stranger is not told what is wrong with the file.
      const submission = await this.lockOwn(tx, principal, input.submissionId, null);
      await validateInput('input', input);
      const checked = checkUpload(input.document, { allowed: ALLOWED_FORMATS, maxBytes: values.maxUploadBytes, field: 'input.document' });
      this.requireStatus(submission, EDITABLE, 'given materials');
      const doc = await storeDocument(tx, input.document, checked, { ownerPersonId: null, purpose: input.kind, uploadedBy: principal.subject });
      const repo = tx.getRepository(CourseMaterial);
      const material = await repo.save(
        repo.create({ submissionId: submission.id, kind: input.kind, documentId: doc.id, fileName: doc.fileName, format: doc.format, sizeBytes: doc.sizeBytes, attempt: submission.attempt }),
      );
      submission.version += 1;
      await tx.getRepository(CourseSubmission).save(submission);
      return material;
    });
  }

  async submit(principal: Principal, input: { submissionId: string; expectedVersion: number }): Promise<CourseSubmission> {
    const today = this.clock.today();
    return this.dataSource.transaction(async (tx) => {
      const submission = await this.lockOwn(tx, principal, input.submissionId, input.expectedVersion);
      this.requireStatus(submission, [S.Draft], 'submitted');
      const { version: policyVersion, values } = await this.policy.inForceOn(today, tx);
      const unmet: UnmetRule[] = [];
      // Windows and pauses govern new courses; an approved course recertifies during its term.
      const initial = submission.purpose === CourseSubmissionPurpose.Initial;
      if (initial && !inSubmissionWindow(values, today)) {
        const windows = values.submissionWindows.map((w) => `${w.from.month}/${w.from.day}-${w.to.month}/${w.to.day}`).join(', ');
        unmet.push({ rule: 'submissionWindow', reason: `new course submissions are accepted only ${windows}` });
      }
      if (initial && values.submissionsPaused) unmet.push({ rule: 'submissionsPaused', reason: 'the program has paused new course submissions' });
      unmet.push(...(await this.incompleteUnmet(tx, submission)), ...(await this.missingMaterials(tx, submission.id)));
      if (unmet.length) throw failedPrecondition('The course cannot be submitted now', unmet);
      await this.move(tx, principal, submission, S.Received, null, { policyVersionId: policyVersion.id, feeUsd: values.submissionFeeUsd, policyEffectiveFrom: policyVersion.effectiveFrom });
      submission.submittedOn = today;
      submission.policyVersionId = policyVersion.id;
      submission.feeUsd = values.submissionFeeUsd;
      if (initial) {
        const course = await lockVersioned(tx, Course, submission.courseId, 'Course');
        await this.moveCourse(tx, principal, course, CourseStatus.InReview, null, {});
      }
      return tx.getRepository(CourseSubmission).save(submission);
    });
  }

  /** The one resubmission after technical assistance (no window applies: it answers the review). */
  async resubmit(principal: Principal, input: { submissionId: string; expectedVersion: number }): Promise<CourseSubmission> {
    return this.dataSource.transaction(async (tx) => {
      const submission = await this.lockOwn(tx, principal, input.submissionId, input.expectedVersion);
      this.requireStatus(submission, [S.TechnicalAssistance], 'resubmitted');
      const unmet = [...(await this.incompleteUnmet(tx, submission)), ...(await this.missingMaterials(tx, submission.id))];
      if (unmet.length) throw failedPrecondition('The course cannot be resubmitted yet', unmet);
      submission.attempt += 1;
      await this.move(tx, principal, submission, S.Received, 'resubmission', { attempt: submission.attempt });
      return tx.getRepository(CourseSubmission).save(submission);
    });
  }

  // ---- the review team's side ----

  async checkFormat(principal: Principal, input: { submissionId: string; expectedVersion: number; passed: boolean; comment: string }): Promise<CourseSubmission> {
    return this.dataSource.transaction(async (tx) => {
      const submission = await lockVersioned(tx, CourseSubmission, input.submissionId, 'Course submission', input.expectedVersion);
      this.requireStatus(submission, [S.Received], 'format-checked');
      if (input.passed) await this.move(tx, principal, submission, S.TeamReview, input.comment, { formatCheck: 'passed' });
      else await this.fail(tx, principal, submission, input.comment, { formatCheck: 'failed' });
      return tx.getRepository(CourseSubmission).save(submission);
    });
  }

  async reviewConcepts(principal: Principal, input: { submissionId: string; expectedVersion: number; findings: ConceptFindingIn[] }): Promise<CourseSubmission> {
    return this.dataSource.transaction(async (tx) => {
      const submission = await lockVersioned(tx, CourseSubmission, input.submissionId, 'Course submission', input.expectedVersion);
      this.requireStatus(submission, [S.TeamReview], 'reviewed');
      const known = new Set(conceptsOf(await this.standards.byId(submission.standardsVersionId, tx)).map((c) => c.id));
      const problems: FieldProblem[] = [];
      input.findings.forEach((f, i) => {
        if (!known.has(f.conceptId)) problems.push({ field: `input.findings.${i}.conceptId`, reason: 'is not a core concept of the standards this submission is judged by' });
        if (!f.met && !f.comment?.trim()) problems.push({ field: `input.findings.${i}.comment`, reason: 'is required when a concept is not met' });
      });
      if (problems.length) throw badInput(problems);
      const now = new Date();
      await tx
        .createQueryBuilder()
        .insert()
        .into(ConceptReview)
        .values(input.findings.map((f) => ({ submissionId: submission.id, attempt: submission.attempt, conceptId: f.conceptId, met: f.met, comment: f.comment?.trim() ?? '', reviewer: principal.subject, reviewedAt: now })))
        .orUpdate(['met', 'comment', 'reviewer', 'reviewed_at'], ['submission_id', 'attempt', 'concept_id'])
        .execute();
      submission.version += 1;
      return tx.getRepository(CourseSubmission).save(submission);
    });
  }

  /** Approves when every core concept is met; otherwise technical assistance, or denial after the resubmission. */
  async decide(principal: Principal, input: { submissionId: string; expectedVersion: number; reason: string }): Promise<CourseSubmission> {
    const today = this.clock.today();
    return this.dataSource.transaction(async (tx) => {
      const submission = await lockVersioned(tx, CourseSubmission, input.submissionId, 'Course submission', input.expectedVersion);
      this.requireStatus(submission, [S.TeamReview], 'decided');
      const concepts = conceptsOf(await this.standards.byId(submission.standardsVersionId, tx));
      const findings = await tx.getRepository(ConceptReview).findBy({ submissionId: submission.id, attempt: submission.attempt });
      const byConcept = new Map(findings.map((f) => [f.conceptId, f]));
      const unreviewed = concepts.filter((c) => !byConcept.has(c.id)).map((c) => c.code);
      if (unreviewed.length) throw failedPrecondition('Every core concept must be reviewed first', [{ rule: 'conceptReview', reason: `no finding for ${unreviewed.join(', ')}` }]);
      const notMet = concepts.filter((c) => !byConcept.get(c.id)!.met).map((c) => c.code);
      if (notMet.length === 0) {
        const values = await this.policyOf(tx, submission);
        await this.move(tx, principal, submission, S.Approved, input.reason, { attempt: submission.attempt, allConceptsMet: true });
        submission.decidedOn = today;
        const course = await lockVersioned(tx, Course, submission.courseId, 'Course');
        if (submission.purpose === CourseSubmissionPurpose.Recertification) {
          // A new term from the end of the current one (or today, had it lapsed meanwhile).
          const expiresOn = dates.addYears(dates.max(course.expiresOn ?? today, today), values.courseRecertificationYears);
          await this.moveCourse(tx, principal, course, CourseStatus.Approved, input.reason, { expiresOn, recertified: true });
        } else {
          const expiresOn = dates.addYears(today, values.courseRecertificationYears);
          await this.moveCourse(tx, principal, course, CourseStatus.Approved, input.reason, { approvedOn: today, expiresOn });
        }
      } else {
        await this.fail(tx, principal, submission, input.reason, { notMet });
      }
      return tx.getRepository(CourseSubmission).save(submission);
    });
  }

  // ---- reads ----

  async get(principal: Principal, id: string): Promise<CourseSubmission> {
    const row = isUuid(id) ? await this.dataSource.getRepository(CourseSubmission).findOneBy({ id }) : null;
    if (!row) throw notFound('Course submission', id);
    requireOwnerOrStaff(principal, row.ownerId, 'course submission');
    return row;
  }

  /** A developer's own submissions; staff see all, filterable by status and course. */
  async list(principal: Principal, first: number, after: string | null | undefined, filter: { status?: S | null; statuses?: S[] | null; courseId?: string | null }): Promise<ConnectionShape<CourseSubmission>> {
    const base = this.dataSource.getRepository(CourseSubmission).createQueryBuilder('s');
    if (!isStaff(principal)) base.andWhere('s.owner_id = :owner', { owner: principal.subject });
    if (filter.status) base.andWhere('s.status = :status', { status: filter.status });
    if (filter.statuses?.length) base.andWhere('s.status in (:...statuses)', { statuses: filter.statuses });
    if (filter.courseId) {
      if (!isUuid(filter.courseId)) throw badInput({ field: 'courseId', reason: 'is not an id' });
      base.andWhere('s.course_id = :courseId', { courseId: filter.courseId });
    }
    const counting = base.clone();
    const totalCount = () => counting.getCount(); // counted only when asked for
    const page = base.clone().orderBy('s.created_at', 'ASC').addOrderBy('s.id', 'ASC').take(first + 1);
    if (after) {
      const [at, id] = decodeCursor(after, 2);
      page.andWhere('(s.created_at, s.id) > (:at, :id)', { at, id });
    }
    return toConnection(await page.getMany(), first, totalCount, (s) => [s.createdAt.toISOString(), s.id]);
  }

  /** A material's file, for its owner and the review team. */
  async materialFile(principal: Principal, materialId: string): Promise<{ material: CourseMaterial; content: Buffer }> {
    const material = isUuid(materialId) ? await this.dataSource.getRepository(CourseMaterial).findOneBy({ id: materialId }) : null;
    if (!material) throw notFound('Course material', materialId);
    const submission = await this.dataSource.getRepository(CourseSubmission).findOneByOrFail({ id: material.submissionId });
    requireOwnerOrStaff(principal, submission.ownerId, 'course material');
    const content = await readDocumentContent(this.dataSource.manager, material.documentId);
    if (!content) throw notFound('Course material', materialId);
    return { material, content };
  }

  agendaOf = async (ids: readonly string[]) =>
    manyByKey(ids, await this.dataSource.getRepository(CourseAgendaEntry).find({ where: { submissionId: In([...ids]) }, order: { day: 'ASC', position: 'ASC' } }), (e) => e.submissionId);
  crosswalkOf = async (ids: readonly string[]) =>
    manyByKey(ids, await this.dataSource.getRepository(CrosswalkEntry).find({ where: { submissionId: In([...ids]) }, order: { id: 'ASC' } }), (e) => e.submissionId);
  materialsOf = async (ids: readonly string[]) =>
    manyByKey(ids, await this.dataSource.getRepository(CourseMaterial).find({ where: { submissionId: In([...ids]) }, order: { uploadedAt: 'ASC' } }), (e) => e.submissionId);
  findingsOf = async (ids: readonly string[]) =>
    manyByKey(ids, await this.dataSource.getRepository(ConceptReview).find({ where: { submissionId: In([...ids]) }, order: { attempt: 'ASC', reviewedAt: 'ASC' } }), (e) => e.submissionId);

  /** Business days since submission (to the decision, or today) against the policy's target. */
  reviewClock(submission: CourseSubmission, policy: TrainingPolicy): ReviewClock | null {
    if (!submission.submittedOn) return null;
    const until = submission.decidedOn ?? this.clock.today();
    const { min, max } = policy.reviewTargetBusinessDays;
    const elapsed = businessDaysBetween(submission.submittedOn, until);
    return { businessDaysElapsed: elapsed, targetMinBusinessDays: min, targetMaxBusinessDays: max, dueBy: addBusinessDays(submission.submittedOn, max), overdue: !submission.decidedOn && elapsed > max };
  }

  // ---- internals ----

  /**
   * What a draft may hold at any time: known core concepts, each once. Whether the agenda adds up and
   * every concept is placed is asked at submission (incompleteUnmet), so work in progress can be saved.
   */
  private validateContent(concepts: { id: string; code: string }[], crosswalk: CrosswalkEntryIn[]): void {
    const problems: FieldProblem[] = [];
    const codeOf = new Map(concepts.map((c) => [c.id, c.code]));
    const seen = new Set<string>();
    crosswalk.forEach((entry, i) => {
      if (!codeOf.has(entry.conceptId)) problems.push({ field: `input.crosswalk.${i}.conceptId`, reason: 'is not a core concept of the training standards in force' });
      else if (seen.has(entry.conceptId)) problems.push({ field: `input.crosswalk.${i}.conceptId`, reason: `repeats core concept ${codeOf.get(entry.conceptId)}` });
      seen.add(entry.conceptId);
    });
    if (problems.length) throw badInput(problems);
  }

  /** The rules a complete submission meets: agenda hours equal the course's, pre-work on day 0, every concept placed. */
  private async incompleteUnmet(tx: EntityManager, submission: CourseSubmission): Promise<UnmetRule[]> {
    const course = await tx.getRepository(Course).findOneByOrFail({ id: submission.courseId });
    const agenda = await tx.getRepository(CourseAgendaEntry).findBy({ submissionId: submission.id });
    const placed = new Set((await tx.getRepository(CrosswalkEntry).findBy({ submissionId: submission.id })).map((e) => e.conceptId));
    const unmet: UnmetRule[] = [];
    const total = sum(agenda.map((e) => e.hours));
    if (total !== course.totalHours) unmet.push({ rule: 'agendaHours', reason: `the agenda totals ${total} hours but the course has ${course.totalHours} (${course.faceToFaceHours} face-to-face + ${course.preWorkHours} pre-work)` });
    else {
      const preWork = sum(agenda.filter((e) => e.day === 0).map((e) => e.hours));
      if (preWork !== course.preWorkHours) unmet.push({ rule: 'agendaHours', reason: `the agenda has ${preWork} hours of pre-work (day 0) but the course has ${course.preWorkHours}` });
    }
    const missing = conceptsOf(await this.standards.byId(submission.standardsVersionId, tx)).filter((c) => !placed.has(c.id)).map((c) => c.code);
    if (missing.length) unmet.push({ rule: 'crosswalk', reason: `the crosswalk does not say where core concepts ${missing.join(', ')} are taught` });
    return unmet;
  }

  private async writeContent(tx: EntityManager, submissionId: string, agenda: AgendaEntryIn[], crosswalk: CrosswalkEntryIn[]): Promise<void> {
    if (agenda.length) await tx.getRepository(CourseAgendaEntry).insert(agenda.map((e, position) => ({ submissionId, day: e.day, position, title: e.title.trim(), hours: e.hours })));
    if (crosswalk.length) await tx.getRepository(CrosswalkEntry).insert(crosswalk.map((e) => ({ submissionId, conceptId: e.conceptId, material: e.material, location: e.location.trim(), agendaBlock: e.agendaBlock.trim() })));
  }

  private async missingMaterials(tx: EntityManager, submissionId: string): Promise<UnmetRule[]> {
    const have = new Set((await tx.getRepository(CourseMaterial).findBy({ submissionId })).map((m) => m.kind));
    const missing = REQUIRED_COURSE_MATERIALS.filter((k) => !have.has(k));
    return missing.length ? [{ rule: 'materials', reason: `missing ${missing.join(', ')}` }] : [];
  }

  private async lockOwn(tx: EntityManager, principal: Principal, id: string, expectedVersion: number | null): Promise<CourseSubmission> {
    if (!isUuid(id)) throw notFound('Course submission', id);
    // Who may comes first: a stranger learns nothing of the version.
    const submission = await lockVersioned(tx, CourseSubmission, id, 'Course submission');
    requireOwnerOrStaff(principal, submission.ownerId, 'course submission');
    if (expectedVersion !== null) checkVersion(submission, id, 'Course submission', expectedVersion);
    return submission;
  }

  private requireStatus(submission: CourseSubmission, allowed: readonly string[], verb: string): void {
    if (!allowed.includes(submission.status)) {
      throw failedPrecondition(`A ${submission.status} course submission cannot be ${verb}`, [{ rule: 'submissionStatus', reason: `must be ${allowed.join(' or ')}` }]);
    }
  }

  private async policyOf(tx: EntityManager, submission: CourseSubmission): Promise<TrainingPolicy> {
    return (await this.policy.inForceOn(submission.submittedOn ?? this.clock.today(), tx)).values;
  }

  /** A failed format check or review: technical assistance while a resubmission is left, else denial. */
  private async fail(tx: EntityManager, principal: Principal, submission: CourseSubmission, reason: string, facts: Record<string, unknown>): Promise<void> {
    const values = await this.policyOf(tx, submission);
    const resubmissionsUsed = submission.attempt - 1;
    if (resubmissionsUsed < values.resubmissionsAllowed) {
      await this.move(tx, principal, submission, S.TechnicalAssistance, reason, { ...facts, attempt: submission.attempt, resubmissionsLeft: values.resubmissionsAllowed - resubmissionsUsed });
      return;
    }
    await this.move(tx, principal, submission, S.Denied, reason, { ...facts, attempt: submission.attempt, resubmissionsLeft: 0 });
    submission.decidedOn = this.clock.today();
    const course = await lockVersioned(tx, Course, submission.courseId, 'Course');
    if (submission.purpose === CourseSubmissionPurpose.Recertification) {
      // Failed twice: the end of the current term becomes the course's published expiration date.
      await this.moveCourse(tx, principal, course, CourseStatus.Approved, reason, { expiresOn: course.expiresOn ?? this.clock.today(), recertificationDenied: true });
    } else {
      await this.moveCourse(tx, principal, course, CourseStatus.Denied, reason, {});
    }
  }

  private async move(tx: EntityManager, principal: Principal, submission: CourseSubmission, to: S, reason: string | null, facts: Record<string, unknown>): Promise<void> {
    await recordStatusChange(tx, { subjectType: SUBJECT, subjectId: submission.id, from: submission.status, to, actor: principal, reason, facts });
    submission.status = to;
    submission.version += 1;
  }

  private async moveCourse(tx: EntityManager, principal: Principal, course: Course, to: CourseStatus, reason: string | null, term: { approvedOn?: string; expiresOn?: string; recertified?: boolean; recertificationDenied?: boolean }): Promise<void> {
    await recordStatusChange(tx, { subjectType: 'Course', subjectId: course.id, from: course.status, to, actor: principal, reason, facts: term });
    course.status = to;
    course.version += 1;
    if (term.approvedOn) course.approvedOn = term.approvedOn;
    if (term.expiresOn) course.expiresOn = term.expiresOn;
    await tx.getRepository(Course).save(course);
  }
}
