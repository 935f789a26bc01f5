// What an application was decided on from other domains (the training record, the count of open
// complaints), kept with the application as asked, so its checklist is read without asking again.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ApplicationExternalFacts1763900007000 implements MigrationInterface {
  name = 'ApplicationExternalFacts1763900007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table application add column external_facts jsonb, add column external_facts_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table application drop column external_facts, drop column external_facts_at`);
  }
}
