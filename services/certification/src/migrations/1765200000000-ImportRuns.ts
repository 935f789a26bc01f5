// Imports of CSV files (services/import.service.ts): one row a run, its progress, counts, problems
// (the first 1,000) and error file (the table: server-kit import-run.ts). The audit trigger is put
// on the table at the next start.
import { createImportRunTable } from '@cpss/server-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ImportRuns1765200000000 implements MigrationInterface {
  name = 'ImportRuns1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await createImportRunTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table import_run`);
  }
}
