// Training policy versions (seeded with North Carolina's values), training standards (seeded with
// the 9 domains), and the shared tables every later change records into (timeline, audit, documents).
import { AUDIT_TABLE_SQL, DOCUMENT_TABLE_SQL, POLICY_VERSION_TABLE_SQL, STATUS_CHANGE_TABLE_SQL } from '@cpss/server-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { NC_TRAINING_POLICY_SEED } from '../policy/training-policy';
import { NC_STANDARDS_2012 } from '../standards/nc-standards-2012';

export class PolicyAndStandards1763900001000 implements MigrationInterface {
  name = 'PolicyAndStandards1763900001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(POLICY_VERSION_TABLE_SQL);
    for (const sql of [...STATUS_CHANGE_TABLE_SQL, ...AUDIT_TABLE_SQL, ...DOCUMENT_TABLE_SQL]) await q.query(sql);
    for (const v of NC_TRAINING_POLICY_SEED) {
      await q.query(`insert into policy_version (effective_from, values, note, created_by) values ($1, $2, $3, 'migration')`, [v.effectiveFrom, JSON.stringify(v.values), v.note]);
    }

    await q.query(`
      create table standards_version (
        id uuid primary key default gen_random_uuid(),
        version text not null unique,
        effective_from date not null unique,
        note text not null default ''
      )`);
    await q.query(`
      create table standards_domain (
        id uuid primary key default gen_random_uuid(),
        standards_version_id uuid not null references standards_version(id),
        number integer not null check (number > 0),
        name text not null,
        unique (standards_version_id, number)
      )`);
    await q.query(`
      create table core_concept (
        id uuid primary key default gen_random_uuid(),
        domain_id uuid not null references standards_domain(id),
        code text not null,
        statement text not null,
        unique (domain_id, code)
      )`);
    const s = NC_STANDARDS_2012;
    const [{ id: versionId }] = (await q.query(`insert into standards_version (version, effective_from, note) values ($1, $2, $3) returning id`, [s.version, s.effectiveFrom, s.note])) as { id: string }[];
    for (const d of s.domains) {
      const [{ id: domainId }] = (await q.query(`insert into standards_domain (standards_version_id, number, name) values ($1, $2, $3) returning id`, [versionId, d.number, d.name])) as { id: string }[];
      for (const [i, statement] of d.concepts.entries()) {
        await q.query(`insert into core_concept (domain_id, code, statement) values ($1, $2, $3)`, [domainId, `${d.number}.${i + 1}`, statement]);
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['core_concept', 'standards_domain', 'standards_version', 'document', 'audit_entry', 'status_change', 'policy_version']) await q.query(`drop table ${t}`);
    await q.query(`drop function audit_entry_append_only`);
  }
}
