// Checks the generator end to end on a throwaway PostgreSQL (DATABASE_URL's server, else an
// embedded one in a temporary folder): loads the same seed twice into fresh databases and compares
// the checksums, then (with --platform) starts the platform on the first and asks the gateway, as
// the demo admin, for 20 people across the three domains. Drops its databases at the end.
//   npx tsx test/bench/generate/verify.ts --scale 1 --seed 42 [--loads 2] [--platform] [--as-of DATE]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createThrowawayDatabase, startTestServer, type ThrowawayDatabase } from '@cpss/devdb';
import { DEMO_PASSWORD } from '@cpss/domain';
import { startTestPlatform } from '../../support/platform';
import { generateProgramData, type GenerationSummary } from './index';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '42' },
    loads: { type: 'string', default: '2' },
    'as-of': { type: 'string' },
    platform: { type: 'boolean', default: false },
  },
});
const scale = Number(values.scale);
const seed = Number(values.seed);
const asOf = values['as-of'] ?? new Date().toISOString().slice(0, 10);
const out = (line: string) => process.stdout.write(`${line}\n`);

const PEOPLE_QUERY = `{ people(first: 20) { totalCount edges { node { legalName certifications { status } trainingHours openComplaintCount } } } }`;

async function askGateway(gatewayUrl: string): Promise<unknown> {
  const login = await fetch(`${gatewayUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@demo.cpss', password: DEMO_PASSWORD }) });
  const { token } = (await login.json()) as { token: string };
  const started = Date.now();
  const res = await fetch(`${gatewayUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: PEOPLE_QUERY }) });
  const body = (await res.json()) as { data?: unknown; errors?: unknown[] };
  out(`gateway answered in ${Date.now() - started} ms (HTTP ${res.status})`);
  if (body.errors?.length) throw new Error(`the people query answered errors: ${JSON.stringify(body.errors).slice(0, 2000)}`);
  return body.data;
}

async function main(): Promise<void> {
  const server = await startTestServer(process.env.DATABASE_URL);
  const databases: ThrowawayDatabase[] = [];
  try {
    const summaries: GenerationSummary[] = [];
    for (let i = 0; i < Number(values.loads); i += 1) {
      const db = await createThrowawayDatabase(server.adminUrl, `gen_s${String(scale).replace('.', '_')}`);
      databases.push(db);
      const s = await generateProgramData({ databaseUrl: db.url, scale, seed, asOf, log: (line) => process.stderr.write(`[load ${i + 1}] ${line}\n`) });
      summaries.push(s);
      out(`load ${i + 1}: ${s.totalRows.toLocaleString('en-US')} rows in ${s.seconds.total} s (load ${s.seconds.load} s), checksum ${s.checksum}`);
      for (const note of s.notes) out(`  note: ${note}`);
    }
    const first = summaries[0]!;
    out('');
    out('| table | rows |');
    out('| --- | ---: |');
    for (const [table, n] of Object.entries(first.rows).sort()) out(`| ${table} | ${n.toLocaleString('en-US')} |`);
    for (const [table, sum] of Object.entries(first.checksums)) out(`checksum ${table.padEnd(30)} ${sum}`);
    const same = summaries.every((s) => s.checksum === first.checksum && JSON.stringify(s.rows) === JSON.stringify(first.rows));
    out(same ? `deterministic: ${summaries.length} loads, checksum ${first.checksum}` : `NOT deterministic: ${summaries.map((s) => s.checksum).join(' vs ')}`);
    if (!same) process.exitCode = 1;

    if (values.platform) {
      const logDir = mkdtempSync(join(tmpdir(), 'cpss-generate-platform-'));
      const started = Date.now();
      const platform = await startTestPlatform({ databaseUrl: databases[0]!.url, logDir });
      out(`platform ready in ${((Date.now() - started) / 1000).toFixed(1)} s (logs in ${logDir})`);
      try {
        const data = (await askGateway(platform.gatewayUrl)) as { people: { totalCount: number; edges: { node: unknown }[] } };
        out(`people.totalCount ${data.people.totalCount}; first of ${data.people.edges.length}:`);
        for (const e of data.people.edges.slice(0, 5)) out(`  ${JSON.stringify(e.node)}`);
      } finally {
        await platform.stop();
      }
    }
  } finally {
    for (const db of databases) await db.drop().catch(() => undefined);
    await server.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`verify: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
