// The daily course-expiry run: an approved course past its expiration date (not recertified in
// time, or denied recertification) becomes EXPIRED, with the change on its timeline. Run by the
// job queue; safe to run twice (only APPROVED courses past the date move).
import { CourseStatus } from '@cpss/domain';
import { recordStatusChange, type Clock, type Logger } from '@cpss/server-kit';
import type { DataSource } from 'typeorm';
import { Course } from '../entities/course';

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
