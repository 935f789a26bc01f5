// `npm run generate -- --scale 1 --seed 42`: loads generated program data into DATABASE_URL, or
// else into a database of its own on the embedded PostgreSQL that `npm start` uses (.data/postgres),
// and prints the rows per table, the seconds, a checksum and how to start the platform on it.
//   --scale N         1 = program scale, 10 = ten times it (default 1)
//   --seed N          the seed (default 42)
//   --as-of DATE      the day the data is current on (default today, UTC)
//   --database NAME   embedded only: the database to create (default cpss_gen_s<scale>_seed<seed>)
//   --no-demo         do not seed the demo first
//   --reuse           embedded only: keep a database already generated with the same scale, seed and day
//   --serve           then start the platform on it (Ctrl-C stops it)
//   --json            print the summary as JSON
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { claimDataDir, startEmbeddedPostgres } from '@cpss/devdb';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@cpss/domain';
import { localSecret, repoRoot, startPlatform } from '@cpss/launcher';
import { Client } from 'pg';
import { generateProgramData, marker, type GenerationSummary } from './index';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '42' },
    'as-of': { type: 'string' },
    database: { type: 'string' },
    'no-demo': { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    serve: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
  allowPositionals: false,
});

const scale = Number(values.scale);
const seed = Number(values.seed);
const asOf = values['as-of'] ?? new Date().toISOString().slice(0, 10);
const out = (line: string) => process.stdout.write(`${line}\n`);

function printSummary(s: GenerationSummary): void {
  if (values.json) {
    out(JSON.stringify(s, null, 2));
    return;
  }
  out('');
  out(`Generated program data: scale ${s.scale}, seed ${s.seed}, as of ${s.asOf}`);
  out('');
  out('| table | rows |');
  out('| --- | ---: |');
  for (const [table, n] of Object.entries(s.rows).sort()) out(`| ${table} | ${n.toLocaleString('en-US')} |`);
  out(`| **total** | **${s.totalRows.toLocaleString('en-US')}** |`);
  out('');
  const t = s.seconds;
  out(`seconds: migrate ${t.migrate}, demo ${t.demo}, generate ${t.generate}, load ${t.load}, analyze ${t.analyze}, total ${t.total}`);
  out(`checksum ${s.checksum}`);
  for (const [table, sum] of Object.entries(s.checksums)) out(`  ${table.padEnd(30)} ${sum}`);
  for (const [name, counts] of Object.entries(s.profile)) out(`${name}: ${Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  for (const note of s.notes) out(`note: ${note}`);
}

async function isGenerated(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`select shobj_description(oid, 'pg_database') as comment from pg_database where datname = current_database()`);
    return (rows[0] as { comment: string | null }).comment === marker(scale, seed, asOf);
  } finally {
    await client.end();
  }
}

async function serve(databaseUrl: string): Promise<void> {
  const root = repoRoot();
  const env = process.env;
  const platform = await startPlatform({
    repoRoot: root,
    databaseUrl,
    host: env.HOST ?? '127.0.0.1',
    ports: {
      gateway: Number(env.GATEWAY_PORT ?? 4000),
      certification: Number(env.CERTIFICATION_PORT ?? 4001),
      training: Number(env.TRAINING_PORT ?? 4002),
      ethics: Number(env.ETHICS_PORT ?? 4003),
    },
    secret: env.AUTH_JWT_SECRET ?? localSecret(join(root, '.data', 'auth-secret')),
    seedDemo: !values['no-demo'],
    logLevel: env.LOG_LEVEL ?? 'info',
    logDir: join(root, '.data', 'logs'),
  });
  out('');
  out(`CPSS Platform is running on the generated data: ${platform.gatewayUrl}/ (GraphQL ${platform.urls.gateway})`);
  if (!values['no-demo']) out(`Demo accounts (password ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.map((a) => a.email).join(', ')}`);
  out('Press Ctrl-C to stop.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    void platform.exited.then(({ service, code }) => {
      process.stderr.write(`${service} stopped unexpectedly (exit code ${code})\n`);
      resolve();
    });
  });
  await platform.stop();
}

async function main(): Promise<void> {
  if (!(scale > 0) || !Number.isInteger(seed)) throw new Error('--scale must be a positive number and --seed an integer');
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const generate = (databaseUrl: string) => generateProgramData({ databaseUrl, scale, seed, asOf, seedDemo: !values['no-demo'], log });
  const given = process.env.DATABASE_URL;
  if (given) {
    printSummary(await generate(given));
    out('');
    out(`Start the platform on it: DATABASE_URL='${given}' npm start`);
    if (values.serve) await serve(given);
    return;
  }

  // The embedded PostgreSQL of `npm start` (its data folder survives), in a database of our own.
  const root = repoRoot();
  const dataDir = join(root, '.data', 'postgres');
  const owner = claimDataDir(dataDir);
  if ('ownerPid' in owner) throw new Error(`the embedded PostgreSQL is in use by process ${owner.ownerPid} (npm start?): stop it, or set DATABASE_URL`);
  const name = values.database ?? `cpss_gen_s${String(scale).replace('.', '_')}_seed${seed}`;
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`--database must be a plain lowercase name (got ${name})`);
  const port = Number(process.env.DEVDB_PORT ?? 54329);
  const running = await startEmbeddedPostgres({ dataDir, port, persistent: true, database: name });
  try {
    if (running.notice) log(`note: ${running.notice}`);
    if (values.reuse && (await isGenerated(running.url))) {
      out(`Reusing ${name}: it already holds the data generated with scale ${scale}, seed ${seed}, as of ${asOf}.`);
    } else {
      const admin = new Client({ connectionString: running.adminUrl });
      await admin.connect();
      try {
        await admin.query(`drop database if exists "${name}" with (force)`);
        await admin.query(`create database "${name}"`);
      } finally {
        await admin.end();
      }
      printSummary(await generate(running.url));
    }
    out('');
    out(`Database: ${running.url} (embedded PostgreSQL, data in ${running.dataDir})`);
    if (values.serve) await serve(running.url);
    else {
      out('The embedded server stops now. To start the platform on this database:');
      out(`  npm run generate -- --scale ${scale} --seed ${seed} --as-of ${asOf} --reuse --serve${values.database ? ` --database ${name}` : ''}`);
      out('or, with that server running, DATABASE_URL set to the url above and `npm start`.');
    }
  } finally {
    await running.stop();
    owner.release();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`generate: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
