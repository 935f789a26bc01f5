// People: contact, voluntary demographics and the linked sign-in account.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PersonProfile1763900002000 implements MigrationInterface {
  name = 'PersonProfile1763900002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table person
        add column phone text,
        add column address_line1 text,
        add column address_line2 text,
        add column address_city text,
        add column address_state text,
        add column address_postal_code text,
        add column race_ethnicity text[] not null default '{}',
        add column gender text,
        add column veteran_status text,
        add column account_id text`);
    await q.query(`create unique index person_account_id_key on person (account_id) where account_id is not null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index person_account_id_key`);
    await q.query(`alter table person drop column phone, drop column address_line1, drop column address_line2, drop column address_city,
      drop column address_state, drop column address_postal_code, drop column race_ethnicity, drop column gender, drop column veteran_status, drop column account_id`);
  }
}
