// A checksum of the generated rows of a few tables (demo rows left out: they carry the seeding
// day's timestamps and random ids): two loads with the same seed, scale and day give the same one.
import { DEMO_PEOPLE } from '@cpss/domain';
import type { ClientBase } from 'pg';

const TABLES: Record<string, string> = {
  'certification.person': `select id, md5(t::text) h from certification.person t where id <> all($1::uuid[])`,
  'certification.certification': `select id, md5(t::text) h from certification.certification t where number >= 'NC-CPSS-500000'`,
  // Policy and code version ids come from the migrations (random per database): left out.
  'certification.application': `select id, md5((to_jsonb(t) - 'policy_version_id')::text) h from certification.application t where person_id <> all($1::uuid[])`,
  'training.training_completion': `select id, md5(t::text) h from training.training_completion t where person_id <> all($1::uuid[])`,
  'training.training_session': `select id, md5(t::text) h from training.training_session t where trainer_person_id <> all($1::uuid[])`,
  'ethics.complaint': `select id, md5((to_jsonb(t) - 'policy_version_id' - 'code_of_ethics_version_id')::text) h from ethics.complaint t where reference_number like 'ETH-____-5%'`,
};

export async function checksumOf(client: ClientBase): Promise<{ checksum: string; tables: Record<string, string> }> {
  const tables: Record<string, string> = {};
  const demo = DEMO_PEOPLE.map((x) => x.id);
  for (const [name, sql] of Object.entries(TABLES)) {
    const { rows } = await client.query(`select md5(coalesce(string_agg(h, '' order by id), '')) as sum from (${sql}) x`, sql.includes('$1') ? [demo] : []);
    tables[name] = (rows[0] as { sum: string }).sum;
  }
  const { rows } = await client.query(`select md5($1) as sum`, [Object.values(tables).join('')]);
  return { checksum: (rows[0] as { sum: string }).sum, tables };
}
