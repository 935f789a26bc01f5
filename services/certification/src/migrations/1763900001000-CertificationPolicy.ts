// Certification policy versions (seeded with North Carolina's earlier and current rules) and the
// shared tables every later change records into (timeline, audit trail, documents).
import { AUDIT_TABLE_SQL, DOCUMENT_TABLE_SQL, POLICY_VERSION_TABLE_SQL, STATUS_CHANGE_TABLE_SQL } from '@cpss/server-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { NC_CERTIFICATION_POLICY_SEED } from '../policy/certification-policy';

export class CertificationPolicy1763900001000 implements MigrationInterface {
  name = 'CertificationPolicy1763900001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(POLICY_VERSION_TABLE_SQL);
    for (const sql of [...STATUS_CHANGE_TABLE_SQL, ...AUDIT_TABLE_SQL, ...DOCUMENT_TABLE_SQL]) await q.query(sql);
    for (const v of NC_CERTIFICATION_POLICY_SEED) {
      await q.query(`insert into policy_version (effective_from, values, note, created_by) values ($1, $2, $3, 'migration')`, [v.effectiveFrom, JSON.stringify(v.values), v.note]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['document', 'audit_entry', 'status_change', 'policy_version']) await q.query(`drop table ${t}`);
    await q.query(`drop function audit_entry_append_only`);
  }
}
