// Indexes for the reads the UI, the work queues and the public registry make at program scale
// (test/e2e/explain.test.ts checks their plans on generated data):
// - registry search and people search: a part of a legal or preferred name (`ilike '%x%'`) through
//   trigram indexes (pg_trgm), within a county (`lower(county) = lower(:county)`), the county's
//   people also in name order (a name too short for trigrams is looked for along it);
// - certifications due: keyset on (due_on, id);
// - the applications waiting for staff (submitted, in review, on hold, incomplete) paged by the day
//   they entered the queue or by when they were created, without sorting every open case;
// - the review queue over all statuses: keyset on (queued_on, id);
// - commands from ethics about one person (hold / release) looked up by type and person.
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The schema pg_trgm's operator classes live in: where it is installed already, else where it is installed now. */
async function trigramSchema(q: QueryRunner): Promise<string> {
  const installed = async () => ((await q.query(`select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`)) as { schema: string }[])[0]?.schema;
  const found = await installed();
  if (found) return found;
  // In public when this role may create there (PostgreSQL 15 and later grant that to the database
  // owner only), else in this service's own schema, which it owns. pg_trgm is a trusted extension:
  // creating it needs no superuser.
  const [{ schema }] = (await q.query(
    `select coalesce((select n.nspname::text from pg_namespace n where n.nspname = 'public' and has_schema_privilege(n.oid, 'CREATE')), current_schema()) as schema`,
  )) as { schema: string }[];
  await q.query(`create extension if not exists pg_trgm with schema "${schema}"`);
  return (await installed())!;
}

/** Applications with staff: what the work queue and the review queue list. */
const OPEN = `status in ('SUBMITTED', 'IN_REVIEW', 'ON_HOLD', 'INCOMPLETE')`;

export class PerformanceIndexes1763900008000 implements MigrationInterface {
  name = 'PerformanceIndexes1763900008000';

  async up(q: QueryRunner): Promise<void> {
    const trgm = await trigramSchema(q);
    await q.query(`create index person_legal_name_trgm_idx on person using gin (legal_name "${trgm}".gin_trgm_ops)`);
    await q.query(`create index person_preferred_name_trgm_idx on person using gin (preferred_name "${trgm}".gin_trgm_ops)`);
    await q.query(`create index person_county_name_idx on person (lower(county), legal_name)`);
    await q.query(`create index certification_due_idx on certification (due_on, id)`);
    await q.query(`create index application_open_queued_idx on application (queued_on, id) where ${OPEN}`);
    await q.query(`create index application_open_created_idx on application (created_at, id) where ${OPEN}`);
    await q.query(`create index application_queued_idx on application (queued_on, id) where queued_on is not null`);
    await q.query(`create index inbound_command_person_idx on inbound_command (type, (payload->>'personId'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of [
      'inbound_command_person_idx',
      'application_queued_idx',
      'application_open_created_idx',
      'application_open_queued_idx',
      'certification_due_idx',
      'person_county_name_idx',
      'person_preferred_name_trgm_idx',
      'person_legal_name_trgm_idx',
    ]) {
      await q.query(`drop index ${index}`);
    }
    // pg_trgm stays: other schemas of the database may use it.
  }
}
