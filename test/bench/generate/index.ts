// The program's data at scale, generated from a seed: migrates the three subgraphs' schemas with
// their own DataSources, seeds the demo (so its accounts keep working), then loads people,
// certifications, applications, courses, trainers, sessions, training completions and complaints
// through each subgraph's own tables, analyzes them and reports rows, seconds and a checksum.
// Deterministic: the same seed, scale and day give the same rows (ids included).
import 'reflect-metadata';
import { createCertificationDataSource } from '@cpss/certification/dist/data-source';
import { seedDemoCertification } from '@cpss/certification/dist/services/demo-seed';
import { seedDemoPeople } from '@cpss/certification/dist/services/person.service';
import { DEMO_COMPLETIONS, DEMO_PEOPLE } from '@cpss/domain';
import { createEthicsDataSource } from '@cpss/ethics/dist/data-source';
import { seedDemo as seedDemoEthics } from '@cpss/ethics/dist/services/demo-seed';
import { createLogger, initializeAndMigrate } from '@cpss/server-kit';
import { createTrainingDataSource } from '@cpss/training/dist/data-source';
import { seedDemoTraining } from '@cpss/training/dist/services/demo-seed';
import { Client } from 'pg';
import { checksumOf } from './checksum';
import { makeComplaints } from './complaints';
import { day } from './days';
import { writeCertification, writeEthics, writeTraining } from './emit';
import { inForce, type PolicyRow, type Program, type Refs, type Staff } from './model';
import { certificationStatus, makePeople } from './people';
import { Rng } from './random';
import { makeTraining } from './training';
import { FEMALE_NAMES, MALE_NAMES, SURNAMES } from './vocab';

export interface GenerationOptions {
  /** The database to load (its three schemas are created by the services' migrations). */
  databaseUrl: string;
  /** 1 = program scale (6,000 people, 40,000 completions, 300 courses, 3,000 sessions, 600 complaints); 10 = ten times it. */
  scale: number;
  seed: number;
  /** The day the data is current on (YYYY-MM-DD); today (UTC) when not given. */
  asOf?: string;
  /** Seed the platform's demo data first, so the demo accounts keep their people and cases (default true). */
  seedDemo?: boolean;
  log?: (line: string) => void;
}

export interface GenerationSummary {
  databaseUrl: string;
  scale: number;
  seed: number;
  asOf: string;
  /** Rows written per table (schema.table), generated rows only. */
  rows: Record<string, number>;
  totalRows: number;
  /** load: rows sent, indexes and keys put back, committed and analyzed (analyze: the part of it analyzing, schemas overlapping). */
  seconds: { migrate: number; demo: number; generate: number; load: number; analyze: number; total: number };
  /** md5 over the generated rows of a few tables: equal for equal seed, scale and day. */
  checksum: string;
  checksums: Record<string, string>;
  /** How the generated rows spread: certification statuses on asOf, application statuses, completion sources and kinds, sessions, complaints. */
  profile: Record<string, Record<string, number>>;
  /** What had to be adjusted (short of a target, sanity counts). */
  notes: string[];
}

function tally<T>(items: readonly T[], key: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of items) {
    const k = key(x);
    out[k] = (out[k] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1]));
}

/** The spread of the generated program (what the platform will show on asOf). */
export function profileOf(p: Program): Record<string, Record<string, number>> {
  const policy = inForce(p.refs.certificationPolicies, p.asOf).values;
  return {
    certificationStatus: tally(p.certs, (c) => certificationStatus(c, p.asOf, policy)),
    applicationStatus: tally(p.apps, (a) => `${a.kind} ${a.status}`),
    completionSource: tally(p.completions, (c) => c.source),
    completionKind: tally(p.completions, (c) => c.kind),
    sessionStatus: tally(p.sessions, (s) => (s.status === 'CANCELLED' ? 'CANCELLED' : s.firstDay > p.asOf ? 'UPCOMING' : s.awaitingAttendance ? 'HELD, ATTENDANCE TO RECORD' : 'HELD')),
    courseStatus: tally(p.courses, (c) => c.status),
    complaintStatus: tally(p.complaints, (c) => c.status),
    sanction: tally(p.complaints.filter((c) => c.sanction), (c) => `${c.sanction!.kind} ${c.sanction!.status}`),
  };
}

const since = (t: number) => Math.round((Date.now() - t) / 100) / 10;

export async function loadRefs(client: Client): Promise<Refs> {
  const policies = async <V>(schema: string): Promise<PolicyRow<V>[]> =>
    ((await client.query(`select id, effective_from::text as effective_from, values from ${schema}.policy_version order by effective_from`)).rows as { id: string; effective_from: string; values: V }[]).map((r) => ({
      id: r.id,
      effectiveFrom: day(r.effective_from),
      values: r.values,
    }));
  const standards = (await client.query(`select id from training.standards_version order by effective_from desc limit 1`)).rows[0] as { id: string };
  const concepts = (await client.query(`select c.id, c.code from training.core_concept c join training.standards_domain d on d.id = c.domain_id where d.standards_version_id = $1 order by d.number, c.code`, [standards.id])).rows as { id: string; code: string }[];
  const codes = (await client.query(`select v.id, v.version, v.effective_from::text as effective_from, array_agg(p.code order by p.number) as principles from ethics.code_of_ethics_version v join ethics.code_of_ethics_principle p on p.version_id = v.id group by v.id order by v.effective_from`)).rows as { id: string; version: string; effective_from: string; principles: string[] }[];
  const titles = (await client.query(`select title from training.course`)).rows as { title: string }[];
  return {
    certificationPolicies: await policies('certification'),
    trainingPolicies: await policies('training'),
    ethicsPolicies: await policies('ethics'),
    standardsVersionId: standards.id,
    concepts,
    codes: codes.map((c) => ({ id: c.id, version: c.version, effectiveFrom: day(c.effective_from), principles: c.principles })),
    demo: {
      personIds: new Set(DEMO_PEOPLE.map((x) => x.id)),
      emails: new Set(DEMO_PEOPLE.map((x) => x.email.toLowerCase())),
      courseTitles: new Set([...titles.map((t) => t.title), ...DEMO_COMPLETIONS.map((c) => c.courseTitle)]),
    },
  };
}

function makeStaff(rng: Rng, count: number): Staff[] {
  return Array.from({ length: count }, () => ({ subject: rng.uuid(), name: `${rng.chance(0.6) ? rng.pick(FEMALE_NAMES) : rng.pick(MALE_NAMES)} ${rng.pick(SURNAMES)}` }));
}

/** Builds the whole program in memory (no database): exported for inspection and tests. */
export function planProgram(refs: Refs, options: { scale: number; seed: number; asOf: string; log?: (line: string) => void }): Program {
  const streams = new Map<string, Rng>();
  const staffRng = new Rng(options.seed, 'staff');
  const p: Program = {
    asOf: day(options.asOf),
    scale: options.scale,
    seed: options.seed,
    refs,
    rng: (name) => {
      let r = streams.get(name);
      if (!r) {
        r = new Rng(options.seed, name);
        streams.set(name, r);
      }
      return r;
    },
    people: [],
    certs: [],
    needs: [],
    owners: [],
    courses: [],
    trainers: [],
    sessions: [],
    completions: [],
    apps: [],
    complaints: [],
    staff: { certification: makeStaff(staffRng, 6), training: makeStaff(staffRng, 4), ethics: makeStaff(staffRng, 4) },
    notes: [],
  };
  const log = options.log ?? (() => undefined);
  let t = Date.now();
  makePeople(p);
  log(`  people, certifications, applications: ${since(t)} s`);
  t = Date.now();
  makeTraining(p);
  log(`  courses, trainers, sessions, completions: ${since(t)} s`);
  t = Date.now();
  makeComplaints(p);
  log(`  complaints: ${since(t)} s`);
  return p;
}

export async function generateProgramData(options: GenerationOptions): Promise<GenerationSummary> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  if (!(options.scale > 0)) throw new Error(`scale must be positive (got ${options.scale})`);
  if (!Number.isInteger(options.seed)) throw new Error(`seed must be an integer (got ${options.seed})`);

  // 1. Each subgraph migrates its own schema.
  let t = Date.now();
  const sources = [createCertificationDataSource(options.databaseUrl), createTrainingDataSource(options.databaseUrl), createEthicsDataSource(options.databaseUrl)] as const;
  const [certification, training, ethics] = sources;
  const client = new Client({ connectionString: options.databaseUrl, application_name: 'cpss-generate' });
  const extra: Client[] = [];
  try {
    for (const ds of sources) await initializeAndMigrate(ds);
    const migrate = since(t);
    log(`migrated the certification, training and ethics schemas (${migrate} s)`);
    await client.connect();
    const existing = Number((await client.query(`select count(*) from certification.person`)).rows[0].count);
    if (existing > DEMO_PEOPLE.length) throw new Error(`the database already holds ${existing} people: generate into a fresh database`);

    // 2. The demo, as the services seed it on an empty database (they skip tables with rows).
    t = Date.now();
    if (options.seedDemo ?? true) {
      const logger = createLogger('generate', 'warn');
      await seedDemoPeople(certification, logger);
      await seedDemoCertification(certification, logger);
      await seedDemoTraining(training, logger);
      await seedDemoEthics(ethics, logger);
    }
    const demo = since(t);
    if (options.seedDemo ?? true) log(`seeded the demo (${demo} s)`);
    for (const ds of sources) await ds.destroy();

    // 3. The program in memory.
    t = Date.now();
    const refs = await loadRefs(client);
    const program = planProgram(refs, { scale: options.scale, seed: options.seed, asOf, log });
    const generate = since(t);
    log(`generated ${program.people.length} people, ${program.completions.length} completions, ${program.sessions.length} sessions, ${program.complaints.length} complaints in memory (${generate} s, heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MiB)`);

    // 4. Written through each subgraph's own schema, each on a connection of its own: while one
    // schema's indexes, keys and statistics are being built, the next one's rows are sent.
    t = Date.now();
    const rows: Record<string, number> = {};
    const connect = async () => {
      const c = new Client({ connectionString: options.databaseUrl, application_name: 'cpss-generate' });
      extra.push(c);
      await c.connect();
      await c.query(`set synchronous_commit = off`);
      // Generated history is not anyone's write: the audit trail's row triggers stay quiet (a
      // superuser may; otherwise every row gets its audit entry, which only makes loading slower).
      await c.query(`set session_replication_role = replica`).catch(() => log('  (not a superuser: the audit trail records every generated row)'));
      return c;
    };
    let step = Date.now();
    const trainingWritten = await writeTraining(await connect(), program);
    log(`  training: ${sum(trainingWritten.counts)} rows sent (${since(step)} s)`);
    step = Date.now();
    const cert = await writeCertification(await connect(), program, log);
    log(`  certification: ${sum(cert.counts)} rows sent (${since(step)} s)`);
    step = Date.now();
    const ethicsWritten = await writeEthics(await connect(), program, cert.signed);
    log(`  ethics: ${sum(ethicsWritten.counts)} rows sent (${since(step)} s)`);
    const analyzing = await Promise.all([trainingWritten.finishing, cert.finishing, ethicsWritten.finishing]);
    Object.assign(rows, cert.counts, trainingWritten.counts, ethicsWritten.counts);
    const load = since(t);
    const analyze = Math.round(analyzing.reduce((a, b) => a + b, 0) * 10) / 10;
    log(`loaded ${sum(rows)} rows, indexed and analyzed (${load} s)`);
    await client.query(`do $$ begin execute format('comment on database %I is %L', current_database(), $c$${marker(options.scale, options.seed, asOf)}$c$); end $$`);
    const checks = await checksumOf(client);
    return {
      databaseUrl: options.databaseUrl,
      scale: options.scale,
      seed: options.seed,
      asOf,
      rows,
      totalRows: sum(rows),
      seconds: { migrate, demo, generate, load, analyze, total: since(started) },
      checksum: checks.checksum,
      checksums: checks.tables,
      profile: profileOf(program),
      notes: program.notes,
    };
  } finally {
    for (const ds of sources) if (ds.isInitialized) await ds.destroy();
    await client.end().catch(() => undefined);
    for (const c of extra) await c.end().catch(() => undefined);
  }
}

/** What the database's comment says about generated data in it. */
export function marker(scale: number, seed: number, asOf: string): string {
  return `cpss generated data: scale=${scale} seed=${seed} asOf=${asOf}`;
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

