// Notices go to course owners too (accounts, not people): the recertification notice. A notice sent
// by a scheduled run carries a key, so running twice sends it once.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CourseOwnerNotices1763900006000 implements MigrationInterface {
  name = 'CourseOwnerNotices1763900006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table training_notice alter column person_id drop not null`);
    await q.query(`alter table training_notice add column account_id text`);
    await q.query(`alter table training_notice add column dedupe_key text`);
    await q.query(`alter table training_notice add constraint training_notice_recipient check (person_id is not null or account_id is not null)`);
    await q.query(`create index training_notice_account_idx on training_notice (account_id, created_at) where account_id is not null`);
    await q.query(`create unique index training_notice_dedupe_idx on training_notice (dedupe_key) where dedupe_key is not null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index training_notice_dedupe_idx`);
    await q.query(`drop index training_notice_account_idx`);
    await q.query(`alter table training_notice drop constraint training_notice_recipient`);
    await q.query(`alter table training_notice drop column dedupe_key`);
    await q.query(`alter table training_notice drop column account_id`);
    await q.query(`delete from training_notice where person_id is null`);
    await q.query(`alter table training_notice alter column person_id set not null`);
  }
}
