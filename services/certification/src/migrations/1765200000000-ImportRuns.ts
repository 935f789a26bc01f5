// Imports of CSV files (services/import.service.ts): one row a run, its progress, counts, problems
// (the first 1,000) and error file. The audit trigger is put on the table at the next start.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ImportRuns1765200000000 implements MigrationInterface {
  name = 'ImportRuns1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table import_run (
        id uuid primary key default gen_random_uuid(),
        kind text not null,
        mode text not null check (mode in ('ALL_OR_NOTHING', 'VALID_ROWS_ONLY')),
        file_name text not null,
        dry_run boolean not null default false,
        status text not null check (status in ('RUNNING', 'DONE', 'REJECTED', 'FAILED')),
        rows_total integer,
        rows_processed integer not null default 0,
        rows_valid integer not null default 0,
        rows_invalid integer not null default 0,
        created integer not null default 0,
        updated integer not null default 0,
        unchanged integer not null default 0,
        problems jsonb not null default '[]',
        problem_count integer not null default 0,
        error_file_csv text,
        started_by text not null,
        started_at timestamptz not null default now(),
        finished_at timestamptz,
        runner text not null
      )`);
    await q.query(`create index import_run_started_idx on import_run (started_at desc, id desc)`);
    await q.query(`create index import_run_running_idx on import_run (status) where status = 'RUNNING'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table import_run`);
  }
}
