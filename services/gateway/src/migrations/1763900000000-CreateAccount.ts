import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAccount1763900000000 implements MigrationInterface {
  name = 'CreateAccount1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table account (
        id uuid primary key default gen_random_uuid(),
        email text not null,
        display_name text not null,
        password_hash text not null,
        roles text[] not null default '{}',
        person_id uuid,
        disabled boolean not null default false,
        created_at timestamptz not null default now()
      )`);
    await q.query(`create unique index account_email_key on account (lower(email))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table account`);
  }
}
