// Course recertification reuses the submission and review machinery: a submission says whether it
// is a new course's first submission or an approved course's recertification.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CourseRecertification1763900005000 implements MigrationInterface {
  name = 'CourseRecertification1763900005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table course_submission add column purpose text not null default 'INITIAL' check (purpose in ('INITIAL','RECERTIFICATION'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table course_submission drop column purpose`);
  }
}
