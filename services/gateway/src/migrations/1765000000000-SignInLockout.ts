import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Failed sign-ins per account, and the temporary lockout they lead to. */
export class SignInLockout1765000000000 implements MigrationInterface {
  name = 'SignInLockout1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table account
        add column failed_sign_ins integer not null default 0,
        add column first_failed_at timestamptz,
        add column locked_until timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table account drop column failed_sign_ins, drop column first_failed_at, drop column locked_until`);
  }
}
