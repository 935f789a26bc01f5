// The daily course runs: an approved course past its expiration date (not recertified in time, or
// denied recertification) becomes EXPIRED, with the change on its timeline; and the owner of an
// approved course whose term ends within the notice period (policy) is told to submit it for
// recertification. Run by the job queue; safe to run twice.
import { CourseStatus, CourseSubmissionPurpose, CourseSubmissionStatus } from '@cpss/domain';
import { dates, recordStatusChange, type Clock, type Logger } from '@cpss/server-kit';
import type { DataSource } from 'typeorm';
import { Course } from '../entities/course';
import type { TrainingPolicyStore } from '../policy/training-policy';

export const COURSE_EXPIRY_QUEUE = 'course-expiry';

export async function expireCourses(dataSource: DataSource, clock: Clock, logger?: Logger): Promise<string[]> {
  const today = clock.today();
  const expired = await dataSource.transaction(async (tx) => {
    const due = await tx
      .getRepository(Course)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where('c.status = :approved and c.expires_on < :today', { approved: CourseStatus.Approved, today })
      .getMany();
    for (const course of due) {
      await recordStatusChange(tx, { subjectType: 'Course', subjectId: course.id, from: course.status, to: CourseStatus.Expired, actor: 'system', reason: 'approval term ended', facts: { expiresOn: course.expiresOn, ranOn: today } });
      await tx.getRepository(Course).update({ id: course.id }, { status: CourseStatus.Expired, version: course.version + 1 });
    }
    return due.map((c) => c.id);
  });
  if (expired.length) logger?.info({ count: expired.length }, 'courses expired');
  return expired;
}

/**
 * Sends each owner of an approved course whose term ends within the notice period one notice per
 * term (a recertified course gets a new one before its new date), unless a recertification is
 * already submitted (a draft does not stop the notice). Returns the courses noticed by this run.
 */
export async function noticeCourseRecertifications(dataSource: DataSource, policy: TrainingPolicyStore, clock: Clock, logger?: Logger): Promise<string[]> {
  const today = clock.today();
  const { values } = await policy.inForceOn(today);
  const horizon = dates.addMonths(today, values.courseRecertificationNoticeMonths);
  const rows = (await dataSource.query(
    `insert into training_notice (account_id, subject_type, subject_id, message, dedupe_key)
     select c.owner_id, 'Course', c.id,
            'The approval of ' || c.title || ' ends on ' || to_char(c.expires_on, 'YYYY-MM-DD') || ': submit it for recertification before then, or no new session may be scheduled after that date.',
            'course-recertification:' || c.id || ':' || c.expires_on
       from course c
      where c.status = $1 and c.expires_on between $2 and $3
        and not exists (select 1 from course_submission s where s.course_id = c.id and s.purpose = $4 and s.status = any($5))
     on conflict (dedupe_key) where dedupe_key is not null do nothing
     returning subject_id`,
    [CourseStatus.Approved, today, horizon, CourseSubmissionPurpose.Recertification, [CourseSubmissionStatus.Received, CourseSubmissionStatus.TeamReview, CourseSubmissionStatus.TechnicalAssistance]],
  )) as { subject_id: string }[];
  if (rows.length) logger?.info({ count: rows.length }, 'course recertification notices sent');
  return rows.map((r) => r.subject_id);
}
