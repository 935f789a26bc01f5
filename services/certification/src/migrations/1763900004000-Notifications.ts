// Notifications produced by scheduled jobs (renewal reminders, closing notices), delivered through
// an adapter. The unique key makes producing them idempotent across runs and instances.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1763900004000 implements MigrationInterface {
  name = 'Notifications1763900004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table notification (
        id uuid primary key default gen_random_uuid(),
        kind text not null,
        person_id uuid not null references person(id),
        subject_type text not null,
        subject_id uuid not null,
        dedupe_key text not null unique,
        subject text not null,
        body text not null,
        status text not null default 'PENDING',
        attempts integer not null default 0,
        created_at timestamptz not null default now(),
        sent_at timestamptz
      )`);
    await q.query(`create index notification_pending_idx on notification (created_at) where status = 'PENDING'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table notification`);
  }
}
