// Imports of CSV files into the training domain (services/import.service.ts): a course's code (the
// natural key of imported courses; none for a course made in the platform, unique when given) and
// the import_run table (server-kit import-run.ts). The
// audit trigger is put on the new table at the next start.
import { createImportRunTable } from '@cpss/server-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CourseCodeAndImports1765300000000 implements MigrationInterface {
  name = 'CourseCodeAndImports1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table course add column code text check (code is null or code ~ '^[A-Z0-9][A-Z0-9._-]{1,39}$')`);
    await q.query(`create unique index course_code_key on course (code) where code is not null`);
    await createImportRunTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table import_run`);
    await q.query(`drop index course_code_key`);
    await q.query(`alter table course drop column code`);
  }
}
