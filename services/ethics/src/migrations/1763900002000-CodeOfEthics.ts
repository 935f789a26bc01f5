// Code of Ethics versions with their principles (2013 and 2019 seeded), and acknowledgments that
// reference the version they sign (backfilled from the existing `code_version` label, kept as is).
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { NC_CODES_OF_ETHICS } from '../code/nc-code-of-ethics';

export class CodeOfEthics1763900002000 implements MigrationInterface {
  name = 'CodeOfEthics1763900002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table code_of_ethics_version (
        id uuid primary key default gen_random_uuid(),
        version text not null unique,
        effective_from date not null unique,
        title text not null
      )`);
    await q.query(`
      create table code_of_ethics_principle (
        id uuid primary key default gen_random_uuid(),
        version_id uuid not null references code_of_ethics_version(id),
        code text not null,
        number integer not null check (number > 0),
        title text not null,
        statement text not null,
        unique (version_id, code),
        unique (version_id, number)
      )`);
    for (const c of NC_CODES_OF_ETHICS) {
      const [{ id }] = (await q.query(`insert into code_of_ethics_version (version, effective_from, title) values ($1, $2, $3) returning id`, [c.version, c.effectiveFrom, c.title])) as { id: string }[];
      for (const [i, p] of c.principles.entries()) {
        await q.query(`insert into code_of_ethics_principle (version_id, code, number, title, statement) values ($1, $2, $3, $4, $5)`, [id, p.code, i + 1, p.title, p.statement]);
      }
    }
    await q.query(`alter table ethics_acknowledgment add column code_of_ethics_version_id uuid references code_of_ethics_version(id)`);
    await q.query(`update ethics_acknowledgment a set code_of_ethics_version_id = v.id from code_of_ethics_version v where v.version = a.code_version`);
    // An acknowledgment of a version this table does not know stops the migration here, loudly.
    await q.query(`alter table ethics_acknowledgment alter column code_of_ethics_version_id set not null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table ethics_acknowledgment drop column code_of_ethics_version_id`);
    await q.query(`drop table code_of_ethics_principle`);
    await q.query(`drop table code_of_ethics_version`);
  }
}
