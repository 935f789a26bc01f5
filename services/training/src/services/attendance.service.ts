// Attendance and completion: the trainer records hours per day (and pre-work) per participant;
// the moment a participant's hours reach the course's hours (face-to-face + pre-work) the enrollment
// is completed, a certificate with a verification code is issued, and the completion lands on the
// person's training record, where certification reads it.
import { randomBytes } from 'node:crypto';
import { CompletionSource, EnrollmentStatus as E, SessionStatus } from '@cpss/domain';
import { badInput, failedPrecondition, manyByKey, oneByKey, recordStatusChange, validateInput, type Clock, type FieldProblem, type Principal } from '@cpss/server-kit';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { Course } from '../entities/course';
import { Attendance, CompletionCertificate, Enrollment, SessionDay, TrainingSession } from '../entities/session';
import { TrainingCompletion } from '../entities/training-completion';
import { isUuid, lockVersioned } from './access';
import type { SessionService } from './session.service';

export interface AttendanceIn {
  sessionId: string;
  /** A session day, or null for the course's pre-work. */
  date?: string | null;
  entries: { personId: string; hours: number }[];
}

// Unambiguous characters (no 0/O, 1/I/L) so a code read off paper types back correctly.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newVerificationCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  return `NC-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

export class AttendanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly clock: Clock,
  ) {}

  async record(principal: Principal, input: AttendanceIn): Promise<Enrollment[]> {
    const today = this.clock.today();
    return this.dataSource.transaction(async (tx) => {
      if (!isUuid(input.sessionId)) throw badInput({ field: 'input.sessionId', reason: 'is not a session id' });
      const session = await lockVersioned(tx, TrainingSession, input.sessionId, 'Training session');
      this.sessions.requireTrainerOrStaff(principal, session);
      // Who may comes first: a stranger is not told what is wrong with the entries.
      await validateInput('input', input);
      if (session.status !== SessionStatus.Scheduled) throw failedPrecondition('Attendance cannot be recorded for a cancelled session', [{ rule: 'sessionStatus', reason: 'must be SCHEDULED' }]);
      const course = await tx.getRepository(Course).findOneByOrFail({ id: session.courseId });
      const days = await tx.getRepository(SessionDay).findBy({ sessionId: session.id });
      const enrollments = await tx.getRepository(Enrollment).findBy({ sessionId: session.id, status: In([E.Enrolled, E.Completed]) });
      const byPerson = new Map(enrollments.map((e) => [e.personId, e]));

      const problems: FieldProblem[] = [];
      let maxHours: number | null = course.preWorkHours;
      if (input.date) {
        const day = days.find((d) => d.date === input.date);
        if (!day) problems.push({ field: 'input.date', reason: 'is not a day of this session' });
        else if (input.date > today) problems.push({ field: 'input.date', reason: 'has not happened yet' });
        maxHours = day?.hours ?? null; // an unknown day is reported once, not per entry
      } else if (course.preWorkHours === 0) problems.push({ field: 'input.date', reason: 'is required: this course has no pre-work' });
      const seen = new Set<string>();
      input.entries.forEach((entry, i) => {
        if (!byPerson.has(entry.personId)) problems.push({ field: `input.entries.${i}.personId`, reason: 'is not enrolled in this session' });
        else if (seen.has(entry.personId)) problems.push({ field: `input.entries.${i}.personId`, reason: 'is listed twice' });
        seen.add(entry.personId);
        if (maxHours !== null && entry.hours > maxHours) problems.push({ field: `input.entries.${i}.hours`, reason: `must not exceed ${maxHours} hours` });
      });
      if (problems.length) throw badInput(problems);

      const touched = input.entries.map((e) => byPerson.get(e.personId)!);
      const ids = touched.map((e) => e.id);
      await tx.query(`delete from attendance where enrollment_id = any($1) and date is not distinct from $2`, [ids, input.date ?? null]);
      const now = new Date();
      await tx.getRepository(Attendance).insert(input.entries.map((e) => ({ enrollmentId: byPerson.get(e.personId)!.id, date: input.date ?? null, hours: e.hours, recordedBy: principal.subject, recordedAt: now })));

      // Completion once the hours reach the course's hours, and not before.
      const required = course.totalHours;
      const totals = (await tx.query(`select enrollment_id, sum(hours)::float as hours, max(date) as last_day from attendance where enrollment_id = any($1) group by enrollment_id`, [ids])) as { enrollment_id: string; hours: number; last_day: string | null }[];
      for (const e of touched) {
        const total = totals.find((t) => t.enrollment_id === e.id);
        if (e.status !== E.Enrolled || !total || total.hours < required) continue;
        await this.complete(tx, principal, e, session, course, required, total.last_day ?? today);
      }
      return tx.getRepository(Enrollment).findBy({ id: In(ids) });
    });
  }

  private async complete(tx: EntityManager, principal: Principal, e: Enrollment, session: TrainingSession, course: Course, hours: number, completedOn: string): Promise<void> {
    const certRepo = tx.getRepository(CompletionCertificate);
    const certificate = await certRepo.save(
      certRepo.create({ enrollmentId: e.id, personId: e.personId, courseId: course.id, courseTitle: course.title, courseKind: course.kind, hours, completedOn, verificationCode: newVerificationCode(), trainerPersonId: session.trainerPersonId, issuedAt: new Date() }),
    );
    await tx.getRepository(TrainingCompletion).insert({
      personId: e.personId, courseTitle: course.title, kind: course.kind, hours, completedOn, source: CompletionSource.Session,
      childAndFamily: course.childAndFamily, courseId: course.id, certificateId: certificate.id, enteredBy: principal.subject,
    });
    await recordStatusChange(tx, { subjectType: 'Enrollment', subjectId: e.id, from: e.status, to: E.Completed, actor: principal, reason: 'required hours reached', facts: { hours, certificateId: certificate.id } });
    await tx.getRepository(Enrollment).update({ id: e.id }, { status: E.Completed, version: e.version + 1 });
  }

  attendanceOf = async (enrollmentIds: readonly string[]) =>
    manyByKey(enrollmentIds, await this.dataSource.getRepository(Attendance).find({ where: { enrollmentId: In([...enrollmentIds]) }, order: { date: 'ASC' } }), (a) => a.enrollmentId);

  certificatesOf = async (enrollmentIds: readonly string[]) =>
    oneByKey(enrollmentIds, await this.dataSource.getRepository(CompletionCertificate).findBy({ enrollmentId: In([...enrollmentIds]) }), (c) => c.enrollmentId);

  /** Public: a certificate by its code (null when there is none), without the holder's identity. */
  async verify(code: string): Promise<CompletionCertificate | null> {
    const normalized = code.trim().toUpperCase();
    if (!/^NC-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(normalized)) return null;
    return this.dataSource.getRepository(CompletionCertificate).findOneBy({ verificationCode: normalized });
  }
}
