import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePerson1763900000000 implements MigrationInterface {
  name = 'CreatePerson1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table person (
        id uuid primary key default gen_random_uuid(),
        legal_name text not null check (length(trim(legal_name)) > 0),
        preferred_name text,
        email text not null,
        date_of_birth date not null,
        county text not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        version integer not null default 1
      )`);
    await q.query(`create unique index person_email_key on person (lower(email))`);
    // The people list pages by name (keyset on legal_name, id).
    await q.query(`create index person_legal_name_id_idx on person (legal_name, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table person`);
  }
}
