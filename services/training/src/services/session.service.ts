// Trainers and sessions: an owner registers TOT-trained trainers for a course; a registered trainer
// in good standing schedules sessions of an approved, unexpired course, and may move or cancel them
// (enrolled and waitlisted people get a notice).
import { CourseKind, CourseStatus, EnrollmentStatus, NC_COUNTIES, SessionDelivery, SessionStatus } from '@cpss/domain';
import {
  badInput,
  decodeCursor,
  failedPrecondition,
  forbidden,
  manyByKey,
  notFound,
  oneByKey,
  recordStatusChange,
  toConnection,
  type Clock,
  type ConnectionShape,
  type FieldProblem,
  type Principal,
  type UnmetRule,
  validateInput,
} from '@cpss/server-kit';
import { In, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { Course } from '../entities/course';
import { TrainerStatus } from '../entities/enums';
import { CourseTrainer, Enrollment, SessionDay, TrainingNotice, TrainingSession } from '../entities/session';
import type { TrainerProfile } from '../entities/trainer-profile';
import { TrainingCompletion } from '../entities/training-completion';
import type { TrainingPolicyStore } from '../policy/training-policy';
import { checkVersion, isStaff, isUuid, lockVersioned, requireOwnerOrStaff } from './access';
import type { StandingFacts, TrainerStanding, TrainerStandingCheck } from './trainer-standing';

export interface SessionPlace {
  delivery: SessionDelivery;
  address?: string | null;
  county?: string | null;
  meetingUrl?: string | null;
}
export interface SessionPlan extends SessionPlace {
  courseId: string;
  capacity?: number | null;
  registrationOpensOn: string;
  registrationClosesOn: string;
  days: { date: string; hours: number }[];
}
export interface CatalogFilter {
  kind?: string | null;
  county?: string | null;
  virtual?: boolean | null;
  from?: string | null;
  to?: string | null;
}
export interface SessionFilter {
  courseId?: string | null;
  from?: string | null;
}

const COUNTIES = new Set<string>(NC_COUNTIES);

/** Passed on to the other domains asked (the request id, so the call is found under it in every log). */
export type AskOptions = { requestId?: string };

/** The standing a session was allowed on, for its timeline (nothing when no other domain was asked). */
const standingFactsOf = (standing: TrainerStandingCheck): { standing?: StandingFacts } => (standing.facts ? { standing: standing.facts } : {});

/** A removed trainer may neither be registered again nor schedule (a local rule, whatever the other domains say). */
export function trainerRemoved(registration: Pick<CourseTrainer, 'removedOn'>): UnmetRule {
  return { rule: 'TRAINER_REMOVED', reason: `the person was removed as a trainer by the program on ${registration.removedOn}` };
}
const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;

export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: TrainingPolicyStore,
    private readonly standing: TrainerStanding,
    private readonly clock: Clock,
  ) {}

  // ---- trainers ----

  async registerTrainer(principal: Principal, input: { courseId: string; personId: string }, ask: AskOptions = {}): Promise<CourseTrainer> {
    const today = this.clock.today();
    if (!isUuid(input.personId)) throw badInput({ field: 'input.personId', reason: 'is not a person id' });
    // Asked before the transaction: no row is held while another domain answers.
    const standing = await this.standing.standingOf(input.personId, today, ask);
    return this.dataSource.transaction(async (tx) => {
      const course = isUuid(input.courseId) ? await tx.getRepository(Course).findOneBy({ id: input.courseId }) : null;
      if (!course) throw badInput({ field: 'input.courseId', reason: 'is not a course' });
      requireOwnerOrStaff(principal, course.ownerId, 'course');
      const unmet: UnmetRule[] = [];
      // The trainer must have completed a training-of-trainers course (recorded on their training record).
      const tot = await tx.getRepository(TrainingCompletion).existsBy({ personId: input.personId, kind: CourseKind.TrainingOfTrainers });
      if (!tot) unmet.push({ rule: 'trainingOfTrainers', reason: 'the person has no completed training-of-trainers course on record' });
      const registrations = await tx.getRepository(CourseTrainer).findBy({ personId: input.personId });
      const removed = registrations.find((r) => r.status === TrainerStatus.Removed);
      if (removed) unmet.push(trainerRemoved(removed));
      unmet.push(...standing.unmet);
      if (registrations.some((r) => r.courseId === course.id)) unmet.push({ rule: 'alreadyRegistered', reason: 'the person is already a trainer of this course' });
      if (unmet.length) throw failedPrecondition('The trainer cannot be registered for this course', unmet);
      const repo = tx.getRepository(CourseTrainer);
      return repo.save(repo.create({ courseId: course.id, personId: input.personId, registeredBy: principal.subject, registeredOn: today }));
    });
  }

  trainersOf = async (courseIds: readonly string[]) =>
    manyByKey(courseIds, await this.dataSource.getRepository(CourseTrainer).find({ where: { courseId: In([...courseIds]) }, order: { registeredOn: 'ASC' } }), (t) => t.courseId);

  /** The courses the signed-in trainer is registered to teach (and not removed from), by title (what they may schedule, when approved and in term). */
  async coursesTaughtBy(principal: Principal): Promise<Course[]> {
    const trainerId = this.trainerOf(principal);
    return this.dataSource
      .getRepository(Course)
      .createQueryBuilder('c')
      .innerJoin(CourseTrainer, 't', 't.course_id = c.id and t.person_id = :trainerId and t.status = :active', { trainerId, active: TrainerStatus.Active })
      .orderBy('c.title', 'ASC')
      .getMany();
  }

  // ---- sessions ----

  async schedule(principal: Principal, plan: SessionPlan, ask: AskOptions = {}): Promise<TrainingSession> {
    const trainerId = this.trainerOf(principal);
    const today = this.clock.today();
    const { values } = await this.policy.inForceOn(today);
    // Asked before the transaction: no row is held while other domains answer; if they do not,
    // SERVICE_UNAVAILABLE and nothing is written.
    const standing = await this.standing.standingOf(trainerId, today, ask);
    return this.dataSource.transaction(async (tx) => {
      const course = isUuid(plan.courseId) ? await tx.getRepository(Course).findOneBy({ id: plan.courseId }) : null;
      if (!course) throw badInput({ field: 'input.courseId', reason: 'is not a course' });
      // Who may comes first: a trainer not registered for the course (or removed) is refused the
      // same whatever the plan says. The registration is read FOR SHARE: a removal of the trainer
      // waits for this session and then cancels it.
      const registration = await tx
        .getRepository(CourseTrainer)
        .createQueryBuilder('t')
        .setLock('pessimistic_read')
        .where('t.course_id = :courseId and t.person_id = :trainerId', { courseId: course.id, trainerId })
        .getOne();
      if (!registration || registration.status === TrainerStatus.Removed) {
        throw failedPrecondition('The session cannot be scheduled', [...this.courseUnmet(course, today, null), this.registrationUnmet(registration)!, ...standing.unmet]);
      }
      await validateInput('input', plan);
      this.validatePlan(plan, course, today);
      await this.requireMayTeach(tx, course, trainerId, plan.days, today, standing);
      const days = [...plan.days].sort((a, b) => (a.date < b.date ? -1 : 1));
      const repo = tx.getRepository(TrainingSession);
      const session = await repo.save(
        repo.create({
          courseId: course.id,
          trainerPersonId: trainerId,
          status: SessionStatus.Scheduled,
          ...this.place(plan),
          capacity: plan.capacity ?? values.defaultClassCapacity,
          registrationOpensOn: plan.registrationOpensOn,
          registrationClosesOn: plan.registrationClosesOn,
          firstDay: days[0]!.date,
          lastDay: days.at(-1)!.date,
          standingFacts: standing.facts,
          version: 1,
        }),
      );
      await tx.getRepository(SessionDay).insert(days.map((d) => ({ sessionId: session.id, date: d.date, hours: d.hours })));
      await recordStatusChange(tx, { subjectType: 'TrainingSession', subjectId: session.id, from: null, to: SessionStatus.Scheduled, actor: principal, facts: { courseExpiresOn: course.expiresOn, capacity: session.capacity, ...standingFactsOf(standing) } });
      return session;
    });
  }

  async reschedule(principal: Principal, input: { sessionId: string; expectedVersion: number; days: { date: string; hours: number }[]; registrationOpensOn: string; registrationClosesOn: string; reason: string }, ask: AskOptions = {}): Promise<TrainingSession> {
    const today = this.clock.today();
    // The session's trainer is asked about before the transaction (a session's trainer never changes).
    const found = isUuid(input.sessionId) ? await this.dataSource.getRepository(TrainingSession).findOneBy({ id: input.sessionId }) : null;
    if (!found) throw notFound('Training session', input.sessionId);
    this.requireTrainerOrStaff(principal, found);
    // Who may comes first: a stranger is not told what is wrong with the days or the reason.
    await validateInput('input', input);
    const standing = await this.standing.standingOf(found.trainerPersonId, today, ask);
    return this.dataSource.transaction(async (tx) => {
      const session = await this.lockOwnSession(tx, principal, input.sessionId, input.expectedVersion);
      if (session.status !== SessionStatus.Scheduled) throw failedPrecondition('A cancelled session cannot be moved', [{ rule: 'sessionStatus', reason: 'must be SCHEDULED' }]);
      const course = await tx.getRepository(Course).findOneByOrFail({ id: session.courseId });
      this.validatePlan({ ...session, ...input, courseId: course.id }, course, today);
      await this.requireMayTeach(tx, course, session.trainerPersonId, input.days, today, standing);
      const days = [...input.days].sort((a, b) => (a.date < b.date ? -1 : 1));
      const before = { firstDay: session.firstDay, lastDay: session.lastDay };
      await tx.getRepository(SessionDay).delete({ sessionId: session.id });
      await tx.getRepository(SessionDay).insert(days.map((d) => ({ sessionId: session.id, date: d.date, hours: d.hours })));
      Object.assign(session, { firstDay: days[0]!.date, lastDay: days.at(-1)!.date, registrationOpensOn: input.registrationOpensOn, registrationClosesOn: input.registrationClosesOn, version: session.version + 1 });
      if (standing.facts) session.standingFacts = standing.facts;
      const notified = await this.notifyParticipants(tx, session, `The session of ${course.title} moved to ${session.firstDay}–${session.lastDay}: ${input.reason}`);
      await recordStatusChange(tx, { subjectType: 'TrainingSession', subjectId: session.id, from: SessionStatus.Scheduled, to: SessionStatus.Scheduled, actor: principal, reason: input.reason, facts: { rescheduled: true, before, after: { firstDay: session.firstDay, lastDay: session.lastDay }, notified, ...standingFactsOf(standing) } });
      return tx.getRepository(TrainingSession).save(session);
    });
  }

  async cancel(principal: Principal, input: { sessionId: string; expectedVersion: number; reason: string }): Promise<TrainingSession> {
    return this.dataSource.transaction(async (tx) => {
      const session = await this.lockOwnSession(tx, principal, input.sessionId, input.expectedVersion);
      await validateInput('input', input);
      return this.cancelLocked(tx, session, principal, input.reason);
    });
  }

  /**
   * The one cancel path: a session already locked in `tx` becomes CANCELLED, and everyone enrolled or
   * waitlisted gets a notice with the reason. Used by the trainer or staff, and by a trainer's removal.
   */
  async cancelLocked(tx: EntityManager, session: TrainingSession, actor: Principal, reason: string, facts: Record<string, unknown> = {}): Promise<TrainingSession> {
    if (session.status !== SessionStatus.Scheduled) throw failedPrecondition('The session is already cancelled', [{ rule: 'sessionStatus', reason: 'must be SCHEDULED' }]);
    const course = await tx.getRepository(Course).findOneByOrFail({ id: session.courseId });
    const notified = await this.notifyParticipants(tx, session, `The session of ${course.title} starting ${session.firstDay} was cancelled: ${reason}`);
    await recordStatusChange(tx, { subjectType: 'TrainingSession', subjectId: session.id, from: session.status, to: SessionStatus.Cancelled, actor, reason, facts: { ...facts, notified } });
    session.status = SessionStatus.Cancelled;
    session.version += 1;
    return tx.getRepository(TrainingSession).save(session);
  }

  // ---- reads ----

  async get(principal: Principal, id: string): Promise<TrainingSession> {
    const session = isUuid(id) ? await this.dataSource.getRepository(TrainingSession).findOneBy({ id }) : null;
    if (!session) throw notFound('Training session', id);
    this.requireTrainerOrStaff(principal, session);
    return session;
  }

  /** A trainer's own sessions; staff see all. Ordered by first day. */
  async list(principal: Principal, first: number, after: string | null | undefined, filter: SessionFilter): Promise<ConnectionShape<TrainingSession>> {
    const base = this.dataSource.getRepository(TrainingSession).createQueryBuilder('s');
    if (!isStaff(principal)) {
      if (!principal.personId) throw forbidden('Only a trainer linked to a person record has sessions');
      base.andWhere('s.trainer_person_id = :trainer', { trainer: principal.personId });
    }
    if (filter.courseId) {
      if (!isUuid(filter.courseId)) throw badInput({ field: 'courseId', reason: 'is not an id' });
      base.andWhere('s.course_id = :courseId', { courseId: filter.courseId });
    }
    if (filter.from) base.andWhere('s.last_day >= :from', { from: filter.from });
    return this.page(base, first, after);
  }

  async page(base: SelectQueryBuilder<TrainingSession>, first: number, after: string | null | undefined) {
    const counting = base.clone();
    const totalCount = () => counting.getCount(); // counted only when asked for
    // limit, not take: the catalog's join is one-to-one, and take() would need property paths.
    const page = base.clone().orderBy('s.first_day', 'ASC').addOrderBy('s.id', 'ASC').limit(first + 1);
    if (after) {
      const [day, id] = decodeCursor(after, 2);
      page.andWhere('(s.first_day, s.id) > (:day, :id)', { day, id });
    }
    return toConnection(await page.getMany(), first, totalCount, (s) => [s.firstDay, s.id]);
  }

  /**
   * Public "find training": upcoming sessions of approved courses that are still in their term,
   * by first day; each row comes with its course (one statement per page).
   */
  async catalog(first: number, after: string | null | undefined, filter: CatalogFilter): Promise<ConnectionShape<TrainingSession & { course: Course }>> {
    const today = this.clock.today();
    const base = this.dataSource
      .getRepository(TrainingSession)
      .createQueryBuilder('s')
      .innerJoinAndMapOne('s.course', Course, 'c', 'c.id = s.course_id')
      .where('s.status = :scheduled', { scheduled: SessionStatus.Scheduled })
      .andWhere('c.status = :approved', { approved: CourseStatus.Approved })
      .andWhere('(c.expires_on is null or c.expires_on >= s.last_day)')
      .andWhere('s.first_day > :today', { today });
    if (filter.kind) base.andWhere('c.kind = :kind', { kind: filter.kind });
    if (filter.county) base.andWhere('s.county = :county', { county: filter.county });
    if (filter.virtual != null) base.andWhere('s.delivery = :delivery', { delivery: filter.virtual ? SessionDelivery.Virtual : SessionDelivery.InPerson });
    if (filter.from) base.andWhere('s.first_day >= :from', { from: filter.from });
    if (filter.to) base.andWhere('s.first_day <= :to', { to: filter.to });
    return (await this.page(base, first, after)) as ConnectionShape<TrainingSession & { course: Course }>;
  }

  daysOf = async (ids: readonly string[]) =>
    manyByKey(ids, await this.dataSource.getRepository(SessionDay).find({ where: { sessionId: In([...ids]) }, order: { date: 'ASC' } }), (d) => d.sessionId);

  byIds = async (ids: readonly string[]) => {
    const valid = ids.filter(isUuid);
    return oneByKey(ids, valid.length ? await this.dataSource.getRepository(TrainingSession).findBy({ id: In(valid) }) : [], (s) => s.id);
  };

  /**
   * Each person as a trainer (null when never registered): registrations and scheduled sessions not
   * yet started. Always two statements for any number of people.
   */
  trainerProfilesOf = async (personIds: readonly string[]): Promise<(TrainerProfile | null)[]> => {
    const ids = personIds.filter(isUuid);
    if (!ids.length) return personIds.map(() => null);
    const today = this.clock.today();
    const registrations = await this.dataSource.getRepository(CourseTrainer).find({ where: { personId: In(ids) }, order: { registeredOn: 'ASC', id: 'ASC' } });
    const upcoming = await this.dataSource
      .getRepository(TrainingSession)
      .createQueryBuilder('s')
      .where('s.trainer_person_id in (:...ids) and s.status = :scheduled and s.first_day > :today', { ids, scheduled: SessionStatus.Scheduled, today })
      .orderBy('s.first_day', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
    const sessions = manyByKey(personIds, upcoming, (s) => s.trainerPersonId);
    return manyByKey(personIds, registrations, (r) => r.personId).map((regs, i) =>
      regs.length ? { status: regs.some((r) => r.status === TrainerStatus.Active) ? TrainerStatus.Active : TrainerStatus.Removed, registrations: regs, upcomingSessions: sessions[i]! } : null,
    );
  };

  /** Live places per session: enrolled and waitlisted counts in one statement. */
  countsOf = async (ids: readonly string[]) => {
    const rows = (await this.dataSource.query(
      `select session_id, count(*) filter (where status in ('ENROLLED','COMPLETED'))::int as enrolled, count(*) filter (where status = 'WAITLISTED')::int as waitlisted
       from enrollment where session_id = any($1) group by session_id`,
      [[...ids]],
    )) as { session_id: string; enrolled: number; waitlisted: number }[];
    return oneByKey(ids, rows, (r) => r.session_id).map((r) => ({ enrolled: r?.enrolled ?? 0, waitlisted: r?.waitlisted ?? 0 }));
  };

  requireTrainerOrStaff(principal: Principal, session: TrainingSession): void {
    if (!isStaff(principal) && principal.personId !== session.trainerPersonId) throw forbidden('Only the session’s trainer or program staff may see this');
  }

  // ---- internals ----

  private trainerOf(principal: Principal): string {
    if (!principal.personId) throw forbidden('A trainer account must be linked to a person record');
    return principal.personId;
  }

  private place(p: SessionPlace) {
    const inPerson = p.delivery === SessionDelivery.InPerson;
    return { delivery: p.delivery, address: inPerson ? p.address!.trim() : null, county: inPerson ? p.county! : null, meetingUrl: inPerson ? null : (p.meetingUrl?.trim() ?? null) };
  }

  private validatePlan(plan: SessionPlan, course: Course, today: string): void {
    const problems: FieldProblem[] = [];
    if (plan.delivery === SessionDelivery.InPerson) {
      if (!plan.address?.trim()) problems.push({ field: 'input.address', reason: 'is required for an in-person session' });
      if (!plan.county || !COUNTIES.has(plan.county)) problems.push({ field: 'input.county', reason: 'must be a North Carolina county for an in-person session' });
    }
    const dates = plan.days.map((d) => d.date);
    if (plan.days.length === 0) problems.push({ field: 'input.days', reason: 'must list at least one day' });
    else if (new Set(dates).size !== dates.length) problems.push({ field: 'input.days', reason: 'lists a date twice' });
    else if (sum(plan.days.map((d) => d.hours)) !== course.faceToFaceHours) {
      problems.push({ field: 'input.days', reason: `total ${sum(plan.days.map((d) => d.hours))} hours but the course has ${course.faceToFaceHours} face-to-face hours` });
    }
    const firstDay = dates.length ? dates.reduce((a, b) => (a < b ? a : b)) : null;
    if (firstDay && firstDay <= today) problems.push({ field: 'input.days', reason: 'must all be after today' });
    if (plan.registrationClosesOn < plan.registrationOpensOn) problems.push({ field: 'input.registrationClosesOn', reason: 'must not be before registration opens' });
    else if (firstDay && plan.registrationClosesOn >= firstDay) problems.push({ field: 'input.registrationClosesOn', reason: 'must be before the first day' });
    if (problems.length) throw badInput(problems);
  }

  /** Approved and unexpired course, a trainer registered for it and not removed, in good standing. */
  private async requireMayTeach(tx: EntityManager, course: Course, trainerId: string, days: { date: string }[], today: string, standing: TrainerStandingCheck): Promise<void> {
    const lastDay = days.map((d) => d.date).reduce((a, b) => (a > b ? a : b));
    const registered = await tx.getRepository(CourseTrainer).createQueryBuilder('t').where('t.course_id = :courseId and t.person_id = :trainerId', { courseId: course.id, trainerId }).getOne();
    const registrationUnmet = this.registrationUnmet(registered);
    const unmet: UnmetRule[] = [...this.courseUnmet(course, today, lastDay), ...(registrationUnmet ? [registrationUnmet] : []), ...standing.unmet];
    if (unmet.length) throw failedPrecondition('The session cannot be scheduled', unmet);
  }

  /** The course approved and in its term today (and through `lastDay`, when the days are known). */
  private courseUnmet(course: Course, today: string, lastDay: string | null): UnmetRule[] {
    if (course.status === CourseStatus.Expired) return [{ rule: 'courseExpired', reason: `the course's approval ended ${course.expiresOn}` }];
    if (course.status !== CourseStatus.Approved) return [{ rule: 'courseApproved', reason: `the course is ${course.status}` }];
    if (course.expiresOn && (course.expiresOn < today || (lastDay !== null && course.expiresOn < lastDay))) {
      return [{ rule: 'courseExpired', reason: `the course's approval ends ${course.expiresOn}` }];
    }
    return [];
  }

  /** What is wrong with the trainer's registration for the course, if anything. */
  private registrationUnmet(registered: CourseTrainer | null): UnmetRule | null {
    if (!registered) return { rule: 'trainerRegistered', reason: 'the trainer is not registered by the course owner for this course' };
    if (registered.status === TrainerStatus.Removed) return trainerRemoved(registered);
    return null;
  }

  private async lockOwnSession(tx: EntityManager, principal: Principal, id: string, expectedVersion: number): Promise<TrainingSession> {
    if (!isUuid(id)) throw notFound('Training session', id);
    // Who may comes first: a stranger learns nothing of the version.
    const session = await lockVersioned(tx, TrainingSession, id, 'Training session');
    this.requireTrainerOrStaff(principal, session);
    checkVersion(session, id, 'Training session', expectedVersion);
    return session;
  }

  private async notifyParticipants(tx: EntityManager, session: TrainingSession, message: string): Promise<number> {
    const people = await tx.getRepository(Enrollment).find({ where: { sessionId: session.id, status: In([EnrollmentStatus.Enrolled, EnrollmentStatus.Waitlisted]) } });
    if (people.length) await tx.getRepository(TrainingNotice).insert(people.map((e) => ({ personId: e.personId, subjectType: 'TrainingSession', subjectId: session.id, message })));
    return people.length;
  }
}
