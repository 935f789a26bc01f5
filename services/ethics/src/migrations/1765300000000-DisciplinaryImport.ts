// Past disciplinary actions imported from the program's records (services/import-disciplinary-actions.ts):
// a sanction may come from an import rather than a complaint (no case here), known by the program's
// action number (action_reference, the import's natural key), with its summary (sensitive: never
// logged, never in GraphQL). Ethics' import_run table records each import (as certification's does).
import { createImportRunTable } from '@cpss/server-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DisciplinaryImport1765300000000 implements MigrationInterface {
  name = 'DisciplinaryImport1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table sanction alter column complaint_id drop not null`);
    await q.query(`alter table sanction add column action_reference text`);
    await q.query(`alter table sanction add column summary text`);
    await q.query(`alter table sanction add column import_run_id uuid`);
    await q.query(`create unique index sanction_action_reference_key on sanction (action_reference) where action_reference is not null`);
    // Every sanction comes from a case or from an import that named it.
    await q.query(`alter table sanction add constraint sanction_origin check (complaint_id is not null or action_reference is not null)`);
    await createImportRunTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table import_run`);
    await q.query(`alter table sanction drop constraint sanction_origin`);
    await q.query(`drop index sanction_action_reference_key`);
    await q.query(`alter table sanction drop column import_run_id, drop column summary, drop column action_reference`);
    await q.query(`alter table sanction alter column complaint_id set not null`);
  }
}
