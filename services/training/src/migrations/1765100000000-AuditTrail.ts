// The audit trail of every write: who changed which row, when, in which request and through which
// mutation, recorded by a trigger on every table (server-kit audit.ts).
import { installAuditTrail } from '@cpss/server-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditTrail1765100000000 implements MigrationInterface {
  name = 'AuditTrail1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await installAuditTrail(q, 'training');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop function audit_write cascade`);
    await q.query(`drop index audit_entry_actor_idx`);
    await q.query(`drop index audit_entry_at_idx`);
    await q.query(`alter table audit_entry drop column operation`);
  }
}
