// The audit trail of every write: who changed which row, when, in which request and through which
// mutation, recorded by a trigger on every table (server-kit audit.ts).
import { AUDIT_TABLE_SQL, installAuditTrail } from '@cpss/server-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditTrail1765100000000 implements MigrationInterface {
  name = 'AuditTrail1765100000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of AUDIT_TABLE_SQL) await q.query(sql);
    await installAuditTrail(q, 'identity');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop function audit_write cascade`);
    await q.query(`drop table audit_entry`);
    await q.query(`drop function audit_entry_append_only`);
  }
}
