import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEthicsAcknowledgment1763900000000 implements MigrationInterface {
  name = 'CreateEthicsAcknowledgment1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table ethics_acknowledgment (
        id uuid primary key default gen_random_uuid(),
        person_id uuid not null,
        code_version text not null,
        signed_on date not null,
        created_at timestamptz not null default now(),
        unique (person_id, code_version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table ethics_acknowledgment`);
  }
}
