// Enrollment: a seat while there is one, else the waitlist; a freed seat goes to the first person
// waitlisted. Every change locks the session row (SELECT ... FOR UPDATE) first, so concurrent
// registrations queue on it: the seat count cannot be overshot, and the arrival sequence drawn under
// the lock is the order people got through.
import { EnrollmentStatus as E, hasAnyRole, SessionStatus, STAFF_ROLES } from '@cpss/domain';
import { badInput, failedPrecondition, forbidden, notFound, oneByKey, recordStatusChange, type Clock, type Principal, type UnmetRule } from '@cpss/server-kit';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { Course } from '../entities/course';
import { Enrollment, TrainingNotice, TrainingSession } from '../entities/session';
import { isUuid } from './access';

const LIVE = [E.Enrolled, E.Waitlisted, E.Completed];

export class EnrollmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async register(principal: Principal, input: { sessionId: string; personId?: string | null }): Promise<Enrollment> {
    if (input.personId != null && !isUuid(input.personId)) throw badInput({ field: 'input.personId', reason: 'is not a person id' });
    const personId = this.personFor(principal, input.personId);
    const today = this.clock.today();
    return this.dataSource.transaction(async (tx) => {
      const session = await this.lockSession(tx, input.sessionId);
      // Serializes one person's registrations across sessions, for the double-booking check.
      await tx.query(`select pg_advisory_xact_lock(hashtext($1))`, [personId]);
      const unmet: UnmetRule[] = [];
      if (session.status !== SessionStatus.Scheduled) unmet.push({ rule: 'sessionStatus', reason: 'the session is cancelled' });
      if (today < session.registrationOpensOn || today > session.registrationClosesOn) {
        unmet.push({ rule: 'registrationOpen', reason: `registration is open ${session.registrationOpensOn} to ${session.registrationClosesOn}` });
      }
      if (await tx.getRepository(Enrollment).existsBy({ sessionId: session.id, personId, status: In(LIVE) })) {
        unmet.push({ rule: 'alreadyRegistered', reason: 'the person already has a place in this session' });
      }
      const clash = (await tx.query(
        `select s.id from enrollment e join training_session s on s.id = e.session_id
         where e.person_id = $1 and e.status in ('ENROLLED','WAITLISTED') and s.status = 'SCHEDULED' and s.id <> $2
           and exists (select 1 from session_day a join session_day b on a.date = b.date where a.session_id = s.id and b.session_id = $2)
         limit 1`,
        [personId, session.id],
      )) as { id: string }[];
      if (clash.length) unmet.push({ rule: 'doubleBooked', reason: `the person is registered for session ${clash[0]!.id} on one of the same days` });
      if (unmet.length) throw failedPrecondition('The registration cannot be taken', unmet);

      const enrolled = await tx.getRepository(Enrollment).countBy({ sessionId: session.id, status: In([E.Enrolled, E.Completed]) });
      const status = enrolled < session.capacity ? E.Enrolled : E.Waitlisted;
      const [row] = (await tx.query(`insert into enrollment (session_id, person_id, status) values ($1, $2, $3) returning id`, [session.id, personId, status])) as { id: string }[];
      await recordStatusChange(tx, { subjectType: 'Enrollment', subjectId: row!.id, from: null, to: status, actor: principal, facts: { enrolledBefore: enrolled, capacity: session.capacity } });
      return tx.getRepository(Enrollment).findOneByOrFail({ id: row!.id });
    });
  }

  async withdraw(principal: Principal, input: { enrollmentId: string; reason?: string | null }): Promise<Enrollment> {
    if (!isUuid(input.enrollmentId)) throw notFound('Enrollment', input.enrollmentId);
    const found = await this.dataSource.getRepository(Enrollment).findOneBy({ id: input.enrollmentId });
    if (!found) throw notFound('Enrollment', input.enrollmentId);
    this.personFor(principal, found.personId);
    return this.dataSource.transaction(async (tx) => {
      const session = await this.lockSession(tx, found.sessionId);
      const enrollment = await tx.getRepository(Enrollment).findOneByOrFail({ id: found.id });
      if (enrollment.status !== E.Enrolled && enrollment.status !== E.Waitlisted) {
        throw failedPrecondition(`A ${enrollment.status} place cannot be withdrawn`, [{ rule: 'enrollmentStatus', reason: 'must be ENROLLED or WAITLISTED' }]);
      }
      const wasEnrolled = enrollment.status === E.Enrolled;
      await this.move(tx, principal, enrollment, E.Withdrawn, input.reason ?? null, {});
      if (wasEnrolled && session.status === SessionStatus.Scheduled) await this.promote(tx, principal, session);
      return enrollment;
    });
  }

  /** Fills free seats from the waitlist, first arrival first. */
  private async promote(tx: EntityManager, principal: Principal, session: TrainingSession): Promise<void> {
    const enrolled = await tx.getRepository(Enrollment).countBy({ sessionId: session.id, status: In([E.Enrolled, E.Completed]) });
    const free = session.capacity - enrolled;
    if (free <= 0) return;
    const next = await tx.getRepository(Enrollment).find({ where: { sessionId: session.id, status: E.Waitlisted }, order: { arrival: 'ASC' }, take: free });
    const course = await tx.getRepository(Course).findOneByOrFail({ id: session.courseId });
    for (const e of next) {
      await this.move(tx, principal, e, E.Enrolled, 'a seat freed', { promotedFromWaitlist: true });
      await tx.getRepository(TrainingNotice).insert({ personId: e.personId, subjectType: 'Enrollment', subjectId: e.id, message: `A seat opened: you are enrolled in ${course.title} starting ${session.firstDay}` });
    }
  }

  async myEnrollments(principal: Principal): Promise<Enrollment[]> {
    if (!principal.personId) return [];
    return this.dataSource.getRepository(Enrollment).find({ where: { personId: principal.personId }, order: { registeredAt: 'DESC' } });
  }

  /** Notices to the signed-in person (as a participant) and to their account (as a course owner). */
  async myNotices(principal: Principal): Promise<TrainingNotice[]> {
    const where = [{ accountId: principal.subject }, ...(principal.personId ? [{ personId: principal.personId }] : [])];
    return this.dataSource.getRepository(TrainingNotice).find({ where, order: { createdAt: 'DESC' }, take: 100 });
  }

  rosterOf = async (sessionIds: readonly string[]) => {
    const rows = await this.dataSource.getRepository(Enrollment).find({ where: { sessionId: In([...sessionIds]) }, order: { arrival: 'ASC' } });
    return sessionIds.map((id) => rows.filter((r) => r.sessionId === id));
  };

  /** 1-based place on its session's waitlist (null when not waitlisted), for many enrollments in one statement. */
  waitlistPositionsOf = async (ids: readonly string[]) => {
    const rows = (await this.dataSource.query(
      `select id, pos::int from (
         select id, row_number() over (partition by session_id order by arrival) as pos from enrollment
         where status = 'WAITLISTED' and session_id in (select session_id from enrollment where id = any($1))
       ) w where id = any($1)`,
      [[...ids]],
    )) as { id: string; pos: number }[];
    return oneByKey(ids, rows, (r) => r.id).map((r) => r?.pos ?? null);
  };

  private personFor(principal: Principal, personId?: string | null): string {
    const staff = hasAnyRole(principal.roles, STAFF_ROLES);
    const id = personId ?? principal.personId;
    if (!id) throw forbidden('The account is not linked to a person record');
    if (!staff && id !== principal.personId) throw forbidden('Only program staff may act for someone else');
    return id;
  }

  private async lockSession(tx: EntityManager, id: string): Promise<TrainingSession> {
    const session = isUuid(id) ? await tx.getRepository(TrainingSession).createQueryBuilder('s').setLock('pessimistic_write').where('s.id = :id', { id }).getOne() : null;
    if (!session) throw notFound('Training session', id);
    return session;
  }

  private async move(tx: EntityManager, principal: Principal, e: Enrollment, to: E, reason: string | null, facts: Record<string, unknown>): Promise<void> {
    await recordStatusChange(tx, { subjectType: 'Enrollment', subjectId: e.id, from: e.status, to, actor: principal, reason, facts });
    e.status = to;
    e.version += 1;
    await tx.getRepository(Enrollment).update({ id: e.id }, { status: to, version: e.version });
  }
}
