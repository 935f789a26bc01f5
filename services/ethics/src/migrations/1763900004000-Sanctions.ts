// Sanctions decided on complaints, and the public disciplinary actions published from final ones
// (kept apart so the public query never touches the confidential case).
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Sanctions1763900004000 implements MigrationInterface {
  name = 'Sanctions1763900004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table sanction (
        id uuid primary key default gen_random_uuid(),
        complaint_id uuid not null references complaint(id),
        person_id uuid not null,
        kind text not null check (kind in ('CORRECTIVE_ACTION', 'PROBATION', 'SUSPENSION', 'REVOCATION', 'REMOVAL_AS_TRAINER')),
        status text not null check (status in ('PENDING', 'FINAL', 'OVERTURNED')),
        effective_from date not null,
        effective_until date,
        conditions text,
        mandated_training text,
        training_due_on date,
        decided_on date not null,
        finalized_on date,
        created_at timestamptz not null default now(),
        check (effective_until is null or effective_until >= effective_from)
      )`);
    await q.query(`create index sanction_person_idx on sanction (person_id, decided_on)`);
    await q.query(`
      create table public_disciplinary_action (
        id uuid primary key default gen_random_uuid(),
        sanction_id uuid not null unique references sanction(id),
        person_id uuid not null,
        kind text not null,
        effective_from date not null,
        effective_until date,
        published_on date not null
      )`);
    await q.query(`create index public_disciplinary_action_person_idx on public_disciplinary_action (person_id, effective_from)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table public_disciplinary_action`);
    await q.query(`drop table sanction`);
  }
}
