// `npm run bench`: the platform on generated data at program scale and ten times it, measured with
// autocannon: the public registry, the person view across all three domains, a work-queue page and
// the statistics; beside them the same person-view question answered by hand-written SQL over `pg`
// (the physical limit) and by Hive Gateway over the same committed supergraph. Prints a markdown
// report and writes it to test/bench/results/<date>.md.
//
//   npm run bench -- [--scale 1,10] [--duration 10] [--connections 10] [--only person-view,registry]
//                    [--out file.md | --no-write]
//
// DATABASE_URL: a PostgreSQL server (admin url) to create the bench databases on; default an
// embedded one in a temporary folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync, createWriteStream } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { createThrowawayDatabase, freePort, startTestServer } from '@cpss/devdb';
import type { RunningPlatform } from '@cpss/launcher';
import { Client, Pool } from 'pg';
import { signIn } from '../support/client';
import { startTestPlatform } from '../support/platform';
import { personView as baselinePersonView, type BaselinePerson } from './baseline-server';
import { cpuBetween, cpuSnapshot, machineCpuMs } from './cpu';
import { runLoad, type LoadResult, type LoadTarget } from './load';
import { MemorySampler, childrenOf, postmasterOf, servicePid, type GroupPeak, type ProcessGroup } from './memory';
import { benchQueries, PERSON_VIEW, type BenchQuery } from './queries';
import { formatSqlCount, sqlCounts, type SqlCount } from './sql-count';

const BENCH_DIR = __dirname;
const REPO_ROOT = join(BENCH_DIR, '..', '..');
const GENERATOR = join(BENCH_DIR, 'generate', 'index.ts');
const SEED = 42;
/** Each load runs this long first, unmeasured (JIT, pools, the gateway's query-plan cache). */
const WARM_UP_S = 5;
const ADMIN = 'admin@demo.cpss';
const HIVE_MODES = ['off', 'outbound', 'all'] as const;
type HiveMode = (typeof HIVE_MODES)[number];
const HIVE_MODE_LABEL: Record<HiveMode, string> = {
  off: 'deduplication off',
  outbound: 'subgraph-request deduplication on (Hive default)',
  all: 'subgraph- and client-request deduplication on',
};

// ------------------------------------------------------------------ options

interface Options {
  scales: number[];
  durationS: number;
  connections: number;
  only: string[] | null;
  out: string | null;
  nodeEnv: string;
}

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: '1,10' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
      only: { type: 'string' },
      out: { type: 'string' },
      'node-env': { type: 'string', default: 'production' },
      'no-write': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(
      'npm run bench -- [--scale 1,10] [--duration 10] [--connections 10] [--only name[,name]] [--out file.md | --no-write] [--node-env production]\n' +
        'names: registry-lookup registry-search person-view work-queue statistics statistics-afresh person-view-sql person-view-hive (a part of a name selects every name containing it)\n',
    );
    process.exit(0);
  }
  const scales = values.scale.split(',').map((s) => Number(s.trim()));
  if (!scales.length || scales.some((s) => !Number.isFinite(s) || s <= 0)) throw new Error(`--scale: positive numbers separated by commas, not ${values.scale}`);
  const durationS = Number(values.duration);
  const connections = Number(values.connections);
  if (!Number.isInteger(durationS) || durationS < 1) throw new Error('--duration: whole seconds, at least 1');
  if (!Number.isInteger(connections) || connections < 1) throw new Error('--connections: at least 1');
  const date = new Date().toISOString().slice(0, 10);
  return {
    scales,
    durationS,
    connections,
    only: values.only ? values.only.split(',').map((s) => s.trim()).filter(Boolean) : null,
    out: values['no-write'] ? null : (values.out ?? join(BENCH_DIR, 'results', `${date}.md`)),
    nodeEnv: values['node-env'],
  };
}

const log = (line: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

// ------------------------------------------------------------------ data

type Generator = (options: { databaseUrl: string; scale: number; seed: number; log?: (line: string) => void }) => Promise<{ checksum?: string; asOf?: string; notes?: string[] } | undefined>;

/** The data generator (test/bench/generate), when it is there; else the bench runs on the demo data alone. */
async function loadGenerator(): Promise<Generator | null> {
  if (!existsSync(GENERATOR)) return null;
  const path = GENERATOR;
  const mod = (await import(path)) as { generateProgramData?: Generator; default?: { generateProgramData?: Generator } };
  const generate = mod.generateProgramData ?? mod.default?.generateProgramData;
  if (typeof generate !== 'function') throw new Error(`${relative(REPO_ROOT, GENERATOR)} exports no generateProgramData`);
  return generate;
}

interface DataCounts {
  people: number;
  certifications: number;
  completions: number;
  courses: number;
  sessions: number;
  complaints: number;
}

async function countData(client: Client): Promise<DataCounts> {
  const count = async (table: string) => Number((await client.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0]!.n);
  return {
    people: await count('certification.person'),
    certifications: await count('certification.certification'),
    completions: await count('training.training_completion'),
    courses: await count('training.course'),
    sessions: await count('training.training_session'),
    complaints: await count('ethics.complaint'),
  };
}

/** Registry inputs spread over the data: certification numbers, and (a surname, its county) pairs. */
async function registryInputs(client: Client): Promise<{ numbers: string[]; searches: { name: string; county: string }[] }> {
  const numbers = (await client.query<{ number: string }>(`select number from certification.certification order by md5(number) limit 200`)).rows.map((r) => r.number);
  const people = (
    await client.query<{ legal_name: string; county: string }>(
      `select p.legal_name, p.county from certification.person p join certification.certification c on c.person_id = p.id order by md5(c.number) limit 200`,
    )
  ).rows;
  const searches = people.map((p) => ({ name: p.legal_name.trim().split(/\s+/).at(-1)!, county: p.county })).filter((s) => s.name.length >= 2);
  return { numbers, searches };
}

// ------------------------------------------------------------------ child processes (baseline, Hive)

interface Child {
  process: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

async function waitFor(url: string, init: RequestInit, child: ChildProcess, name: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${name} exited (code ${child.exitCode}); see its log`);
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} was not ready within ${timeoutMs / 1000} s`);
}

async function startChild(name: string, script: string, env: Record<string, string>, logDir: string, ready: (base: string) => { url: string; init: RequestInit }): Promise<Child> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(BENCH_DIR, script)], {
    cwd: join(REPO_ROOT, 'test'),
    env: { PATH: process.env['PATH'], NODE_ENV: 'production', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const out = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  const base = `http://127.0.0.1:${port}`;
  const check = ready(base);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  try {
    await waitFor(check.url, check.init, child, name);
  } catch (err) {
    await stop();
    throw err;
  }
  return { process: child, url: base, stop };
}

// ------------------------------------------------------------------ one scale

interface Measured {
  name: string;
  description: string;
  /** The process the numbers are about (gateway, baseline, Hive). */
  server: string;
  /** Null when the query was not loaded (too slow to answer within the run). */
  load: LoadResult | null;
  skipped?: string;
  sql?: SqlCount;
  sqlSmall?: SqlCount;
  sqlLarge?: SqlCount;
  /** Latency of one request with nothing else running (median of 3), ms. */
  aloneMs?: number;
  /**
   * CPU ms per request: the front process (gateway, Hive or baseline), each subgraph, PostgreSQL, the
   * load generator; `other` and `steal` are cores' worth (not per request) of the machine's CPU busy
   * with other processes and stolen by the hypervisor during the run: anything else loading the machine.
   */
  cpu?: Record<CpuColumn, number>;
}

const CPU_COLUMNS = ['front', 'certification', 'training', 'ethics', 'postgres', 'bench', 'other', 'steal'] as const;
type CpuColumn = (typeof CPU_COLUMNS)[number];

interface ScaleResult {
  scale: number;
  dataLabel: string;
  counts: DataCounts;
  generateS: number | null;
  /** What the generator said of its data: checksum, the day it is current on, adjustments. */
  generated: { checksum?: string; asOf?: string; notes?: string[] } | null;
  measured: Measured[];
  platformMemory: { groups: GroupPeak[]; total: { rssKb: number; pssKb: number } } | null;
  otherMemory: GroupPeak[];
  notes: string[];
}

const selected = (options: Options, name: string) => !options.only || options.only.some((o) => name.includes(o));

async function graphqlPost(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<{ status: number; body: { data?: unknown; errors?: { message: string }[] } }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { message: string }[] } };
}

interface Sample {
  id: string;
  /** The query it samples: once one of its samples is slow, the rest are not sent. */
  group: string;
  send: () => Promise<{ status: number; body: { errors?: { message: string }[] } }>;
}

/** A sample slower than this is the last of its query (a statistics query can take minutes at scale). */
const SLOW_SAMPLE_MS = 10_000;

/**
 * Sends each sample request with its own x-request-id, one at a time, keeping how long each took and
 * the first problem (status or GraphQL errors) of each query; then reads the subgraph logs until
 * every id sent has its lines.
 */
async function sampleSql(logDir: string, samples: Sample[], took: Map<string, number>, problems: Map<string, string>): Promise<Map<string, SqlCount>> {
  const slow = new Set<string>();
  const sent: string[] = [];
  for (const s of samples) {
    if (slow.has(s.group)) continue;
    const t = performance.now();
    const r = await s.send();
    const ms = performance.now() - t;
    took.set(s.id, ms);
    sent.push(s.id);
    if (ms > SLOW_SAMPLE_MS) slow.add(s.group);
    if ((r.status !== 200 || r.body.errors?.length) && !problems.has(s.group)) {
      problems.set(s.group, `${s.group} answered ${r.status}${r.body.errors?.length ? `: ${r.body.errors.map((e) => e.message).join('; ').slice(0, 300)}` : ''}`);
    }
  }
  const ids = sent;
  let counts = new Map<string, SqlCount>();
  for (let i = 0; i < 30; i++) {
    await new Promise((r) => setTimeout(r, 200));
    counts = sqlCounts(logDir, ids);
    if ([...counts.values()].every((c) => Object.keys(c.calls).length > 0)) break;
  }
  return counts;
}

/**
 * Waits until the measured processes are idle: autocannon stops at the end of its time, but the
 * requests it left in flight go on running on the servers and would load the next measurement.
 */
async function waitIdle(groups: ProcessGroup[], what: string, maxS = 180): Promise<void> {
  const started = Date.now();
  let quiet = 0;
  for (;;) {
    const before = cpuSnapshot(groups);
    await new Promise((r) => setTimeout(r, 500));
    const used = cpuBetween(before, cpuSnapshot(groups));
    used.delete('bench');
    const cores = [...used.values()].reduce((a, b) => a + b, 0) / 500;
    // Idle for three windows in a row (1.5 s): one quiet window may be a request waiting on another.
    quiet = cores < 0.15 ? quiet + 1 : 0;
    if (quiet >= 3) break;
    if (Date.now() - started > maxS * 1000) {
      log(`${what}: the servers were still busy (${cores.toFixed(2)} cores) ${maxS} s after the load stopped; going on`);
      return;
    }
  }
  const waited = (Date.now() - started) / 1000;
  if (waited > 2) log(`${what}: waited ${waited.toFixed(0)} s for the requests left in flight to finish`);
}

/** The median sample by total (the samples should agree; the median hides a cold first one). */
function medianCount(counts: (SqlCount | undefined)[]): SqlCount | undefined {
  const known = counts.filter((c): c is SqlCount => !!c && Object.keys(c.calls).length > 0).sort((a, b) => a.total - b.total);
  return known[Math.floor(known.length / 2)];
}

async function benchScale(options: Options, adminUrl: string, scale: number, generate: Generator | null): Promise<ScaleResult> {
  const notes: string[] = [];
  const db = await createThrowawayDatabase(adminUrl, `bench_s${String(scale).replace(/\W/g, '_')}`);
  const logDir = mkdtempSync(join(tmpdir(), `cpss-bench-s${scale}-`));
  log(`scale ${scale}: database ${db.name}, logs in ${logDir}`);
  let platform: RunningPlatform | null = null;
  const children: Child[] = [];
  try {
    let generateS: number | null = null;
    let generated: ScaleResult['generated'] = null;
    if (generate) {
      const started = Date.now();
      log(`scale ${scale}: generating data (seed ${SEED})`);
      generated = (await generate({ databaseUrl: db.url, scale, seed: SEED, log: (line) => log(`  generate: ${line}`) })) ?? {};
      generateS = (Date.now() - started) / 1000;
      log(`scale ${scale}: data generated in ${generateS.toFixed(0)} s`);
    }
    log(`scale ${scale}: starting the platform`);
    platform = await startTestPlatform({
      databaseUrl: db.url,
      logDir,
      // The public registry is rate-limited per address (anonymous requests, and registry operations per minute): the load comes from one.
      extraEnv: { NODE_ENV: options.nodeEnv, ANONYMOUS_REQUESTS_PER_MINUTE: '1000000000', REGISTRY_REQUESTS_PER_MINUTE: '1000000000' },
    });
    const gatewayGraphql = `${platform.gatewayUrl}/graphql`;
    const token = await signIn(platform.gatewayUrl, ADMIN);
    const auth = { authorization: `Bearer ${token}` };

    const client = new Client({ connectionString: db.url });
    await client.connect();
    let counts: DataCounts;
    let registry: Awaited<ReturnType<typeof registryInputs>>;
    let postmaster: number | null;
    try {
      counts = await countData(client);
      registry = await registryInputs(client);
      postmaster = postmasterOf(Number((await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid));
    } finally {
      await client.end();
    }
    log(`scale ${scale}: ${counts.people} people, ${counts.certifications} certifications, ${counts.completions} completions, ${counts.courses} courses, ${counts.sessions} sessions, ${counts.complaints} complaints`);
    if (!registry.numbers.length) notes.push('No certification in the data: the registry look-up finds nothing.');

    // Processes whose memory is measured.
    const pidOf = (name: string) => {
      const pid = servicePid(name);
      if (pid === null) notes.push(`The ${name} process was not found among this process's children; its memory is not measured.`);
      return pid;
    };
    const platformGroups: ProcessGroup[] = (['gateway', 'certification', 'training', 'ethics'] as const).map((name) => {
      const pid = pidOf(name);
      return { name, pids: () => (pid === null ? [] : [pid]) };
    });
    if (postmaster !== null) {
      platformGroups.push({ name: 'postgres (postmaster)', pids: () => [postmaster] });
      platformGroups.push({ name: 'postgres (backends and workers)', pids: () => childrenOf(postmaster) });
    } else {
      notes.push('PostgreSQL does not run on this machine (or its postmaster was not found): its memory is not measured.');
    }
    const platformSampler = new MemorySampler(platformGroups);
    const byName = (name: string) => platformGroups.find((g) => g.name === name)!;
    const postgresAll: ProcessGroup = { name: 'postgres', pids: () => (postmaster === null ? [] : [postmaster, ...childrenOf(postmaster)]) };
    /** The processes whose CPU is counted, with `front` the one the load is sent to. */
    const cpuGroups = (front: () => number[]): ProcessGroup[] => [
      { name: 'front', pids: front },
      byName('certification'),
      byName('training'),
      byName('ethics'),
      postgresAll,
    ];
    const gatewayPids = () => byName('gateway').pids();
    const otherPeaks: GroupPeak[] = [];

    const queries = benchQueries(registry).filter((q) => selected(options, q.name));
    const bodyOf = (q: BenchQuery, variables: Record<string, unknown>) => JSON.stringify({ query: q.query, variables });
    const headersOf = (q: BenchQuery, id?: string): Record<string, string> => ({
      'content-type': 'application/json',
      ...(q.signedIn ? auth : {}),
      ...(id ? { 'x-request-id': id } : {}),
    });

    // SQL statements per request, from the subgraph log lines of a few requests with known ids.
    const tag = `bench-s${scale}-${Date.now().toString(36)}`;
    // The first sample of each query also checks that it answers without errors.
    const samples: Sample[] = [];
    for (const q of queries) {
      for (let i = 0; i < 3; i++) {
        const id = `${tag}-${q.name}-${i}`;
        samples.push({ id, group: q.name, send: () => graphqlPost(gatewayGraphql, q.query, q.variables, headersOf(q, id)) });
      }
      if (q.list) {
        for (const first of [10, 100]) {
          const id = `${tag}-${q.name}-first${first}`;
          samples.push({ id, group: q.name, send: () => graphqlPost(gatewayGraphql, q.query, { ...q.variables, first }, headersOf(q, id)) });
        }
      }
    }
    const took = new Map<string, number>();
    const problems = new Map<string, string>();
    log(`scale ${scale}: sample requests, one at a time (SQL statements, latency alone)`);
    const sql = await sampleSql(logDir, samples, took, problems);
    for (const p of problems.values()) {
      log(`scale ${scale}: ${p}`);
      notes.push(p);
    }
    /** One request at a time (the samples, before any load): the median of those sent. */
    const aloneMs = (name: string) => {
      const times = [0, 1, 2].map((i) => took.get(`${tag}-${name}-${i}`)).filter((t): t is number => t !== undefined).sort((a, b) => a - b);
      return times.length ? times[Math.floor(times.length / 2)]! : NaN;
    };

    const measured: Measured[] = [];
    const warmS = Math.min(WARM_UP_S, options.durationS);
    /** One request at a time on warm, idle servers: the median of five, ms. */
    const aloneOn = async (target: LoadTarget): Promise<number> => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        const res = await fetch(target.url, { method: target.method ?? 'POST', headers: target.headers, body: target.bodies?.[i % target.bodies.length] });
        await res.text();
        times.push(performance.now() - t);
      }
      return times.sort((a, b) => a - b)[2]!;
    };
    const measure = async (name: string, target: LoadTarget, sampler: MemorySampler | null, front: () => number[]): Promise<{ load: LoadResult; cpu: Record<CpuColumn, number>; aloneMs: number }> => {
      log(`scale ${scale}: ${name}: warm-up ${warmS} s, then ${options.durationS} s at ${options.connections} connections`);
      await runLoad(target, { durationS: warmS, connections: options.connections });
      const groups = cpuGroups(front);
      await waitIdle(groups, `${name} warm-up`);
      sampler?.start(1000);
      const before = cpuSnapshot(groups);
      const machineBefore = machineCpuMs();
      const startedAt = performance.now();
      try {
        const load = await runLoad(target, { durationS: options.durationS, connections: options.connections });
        const used = cpuBetween(before, cpuSnapshot(groups));
        const machineAfter = machineCpuMs();
        const wallMs = performance.now() - startedAt;
        const accounted = [...used.values()].reduce((a, b) => a + b, 0);
        const cpu = Object.fromEntries(CPU_COLUMNS.map((c) => [c, load.requests ? (used.get(c) ?? 0) / load.requests : NaN])) as Record<CpuColumn, number>;
        cpu.other = Math.max(0, machineAfter.busy - machineBefore.busy - accounted) / wallMs;
        cpu.steal = (machineAfter.steal - machineBefore.steal) / wallMs;
        log(`scale ${scale}: ${name}: ${load.rps.toFixed(1)} req/s, p50 ${load.p50.toFixed(1)} ms, p95 ${load.p95.toFixed(1)} ms, p99 ${load.p99.toFixed(1)} ms`);
        sampler?.sample();
        sampler?.stop();
        await waitIdle(groups, name);
        return { load, cpu, aloneMs: await aloneOn(target) };
      } finally {
        sampler?.stop();
      }
    };

    for (const q of queries) {
      const bodies = (q.variants?.length ? q.variants : [q.variables]).map((v) => bodyOf(q, v));
      const alone = aloneMs(q.name);
      // When the connections' first round alone would outlast twice the run, the load would measure
      // nothing and leave the servers busy with abandoned requests for minutes: report it alone.
      const hopeless = alone * options.connections > options.durationS * 1000;
      if (hopeless) log(`scale ${scale}: ${q.name}: not loaded: one request alone takes ${(alone / 1000).toFixed(1)} s`);
      const run = hopeless ? null : await measure(q.name, { url: gatewayGraphql, headers: headersOf(q), bodies, graphql: true }, platformSampler, gatewayPids);
      measured.push({
        name: q.name,
        description: q.description,
        server: 'Apollo gateway',
        load: run?.load ?? null,
        skipped: hopeless ? `not loaded: one request alone takes ${(alone / 1000).toFixed(1)} s, so ${options.connections} connections would hardly get an answer within the run` : undefined,
        cpu: run?.cpu,
        aloneMs: run?.aloneMs ?? alone,
        sql: medianCount([0, 1, 2].map((i) => sql.get(`${tag}-${q.name}-${i}`))),
        sqlSmall: q.list ? sql.get(`${tag}-${q.name}-first10`) : undefined,
        sqlLarge: q.list ? sql.get(`${tag}-${q.name}-first100`) : undefined,
      });
    }

    // The raw-SQL baseline: the same person-view question over pg, no GraphQL.
    if (selected(options, 'person-view-sql')) {
      const pool = new Pool({ connectionString: db.url, max: 2 });
      let answer: BaselinePerson[];
      try {
        answer = await baselinePersonView(pool, 20);
      } finally {
        await pool.end();
      }
      const gateway = await graphqlPost(gatewayGraphql, PERSON_VIEW, { first: 20 }, { ...auth });
      const mismatch = compareAnswers(answer, gateway.body.data);
      if (mismatch) notes.push(`The baseline's answer differs from the gateway's: ${mismatch}`);
      else log(`scale ${scale}: the baseline answers the person view as the gateway does (20 people, hours, ethics hours, open complaints)`);
      const baseline = await startChild('baseline', 'baseline-server.ts', { DATABASE_URL: db.url, POOL_SIZE: String(options.connections) }, logDir, (base) => ({ url: `${base}/health`, init: {} }));
      children.push(baseline);
      const sampler = new MemorySampler([{ name: 'raw-SQL baseline (node + pg)', pids: () => (baseline.process.pid ? [baseline.process.pid] : []) }]);
      const { load, cpu, aloneMs: baselineAlone } = await measure('person-view-sql', { url: `${baseline.url}/people?first=20`, method: 'GET' }, sampler, () => (baseline.process.pid ? [baseline.process.pid] : []));
      otherPeaks.push(...sampler.result().groups);
      measured.push({ name: 'person-view-sql', description: 'the person-view question in hand-written SQL over pg (3 statements, no GraphQL)', server: 'raw-SQL baseline', load, cpu, aloneMs: baselineAlone, sql: { total: 3, bySubgraph: {}, calls: {} } });
      await baseline.stop();
    }

    // Hive Gateway over the same committed supergraph, on the person view.
    for (const mode of HIVE_MODES) {
      const name = `person-view-hive-${mode === 'off' ? 'nodedupe' : mode === 'outbound' ? 'dedupe' : 'dedupe-all'}`;
      if (!selected(options, name)) continue;
      const hive = await startChild(
        `hive-gateway-${mode}`,
        'hive-gateway.ts',
        { DEDUPE: mode, CERTIFICATION_URL: platform.urls.certification, TRAINING_URL: platform.urls.training, ETHICS_URL: platform.urls.ethics, SUBGRAPH_SECRET: platform.subgraphSecret },
        logDir,
        (base) => ({ url: `${base}/graphql`, init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' } }),
      );
      children.push(hive);
      const url = `${hive.url}/graphql`;
      const hiveSamples: Sample[] = [0, 1, 2].map((i) => {
        const id = `${tag}-${name}-${i}`;
        return { id, group: name, send: () => graphqlPost(url, PERSON_VIEW, { first: 20 }, { ...auth, 'x-request-id': id }) };
      });
      const hiveProblems = new Map<string, string>();
      const hiveSql = await sampleSql(logDir, hiveSamples, took, hiveProblems);
      notes.push(...hiveProblems.values());
      const sampler = new MemorySampler([{ name: `Hive Gateway (${HIVE_MODE_LABEL[mode]})`, pids: () => (hive.process.pid ? [hive.process.pid] : []) }]);
      const { load, cpu, aloneMs: hiveAlone } = await measure(
        name,
        { url, headers: { 'content-type': 'application/json', ...auth }, bodies: [JSON.stringify({ query: PERSON_VIEW, variables: { first: 20 } })], graphql: true },
        sampler,
        () => (hive.process.pid ? [hive.process.pid] : []),
      );
      otherPeaks.push(...sampler.result().groups);
      measured.push({
        name,
        description: `the person view through Hive Gateway, ${HIVE_MODE_LABEL[mode]}`,
        server: 'Hive Gateway',
        load,
        cpu,
        aloneMs: hiveAlone,
        sql: medianCount(hiveSamples.map((h) => hiveSql.get(h.id))),
      });
      await hive.stop();
    }

    const busy = measured.filter((m) => m.cpu && m.cpu.other + m.cpu.steal > 0.15);
    if (busy.length)
      notes.push(
        `Something else loaded the machine during ${busy.map((m) => `${m.name} (${(m.cpu!.other + m.cpu!.steal).toFixed(2)} cores)`).join(', ')}: those numbers are lower than a quiet machine gives.`,
      );
    return {
      scale,
      dataLabel: generate ? `generated (seed ${SEED}) plus the demo data` : 'demo data only (the generator, test/bench/generate, is not there yet)',
      counts,
      generateS,
      generated,
      measured,
      platformMemory: platformSampler.samples ? platformSampler.result() : null,
      otherMemory: otherPeaks,
      notes,
    };
  } finally {
    for (const c of children) await c.stop();
    if (platform) await platform.stop();
    await db.drop().catch((err: Error) => log(`could not drop ${db.name}: ${err.message}`));
  }
}

/** Whether the baseline and the gateway answer the person view alike: the same people, hours and counts. */
function compareAnswers(baseline: BaselinePerson[], data: unknown): string | null {
  type Node = { id: string; legalName: string; trainingHours: number; trainingHoursByKind: { kind: string; hours: number }[]; openComplaintCount: number };
  const nodes = ((data as { people?: { edges: { node: Node }[] } } | null)?.people?.edges ?? []).map((e) => e.node);
  if (nodes.length !== baseline.length) return `${baseline.length} people from SQL, ${nodes.length} from the gateway`;
  for (let i = 0; i < nodes.length; i++) {
    const g = nodes[i]!;
    const b = baseline[i]!;
    const ethics = g.trainingHoursByKind.find((k) => k.kind === 'ETHICS_AND_BOUNDARIES')?.hours ?? 0;
    const close = (x: number, y: number) => Math.abs(x - y) < 1e-6;
    if (g.id !== b.id || !close(g.trainingHours, b.trainingHours) || !close(ethics, b.ethicsTrainingHours) || g.openComplaintCount !== b.openComplaintCount) {
      return `row ${i + 1}: gateway ${JSON.stringify({ id: g.id, hours: g.trainingHours, ethics, open: g.openComplaintCount })}, SQL ${JSON.stringify({ id: b.id, hours: b.trainingHours, ethics: b.ethicsTrainingHours, open: b.openComplaintCount })}`;
    }
  }
  return null;
}

// ------------------------------------------------------------------ report

const ms = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(1) : n.toFixed(0)) : 'n/a');
const mb = (kb: number | null) => (kb === null ? 'n/a' : (kb / 1024).toFixed(0));
const ratio = (x: number) => `${x.toFixed(2)}×`;

function scaleReport(r: ScaleResult, options: Options): string {
  const lines: string[] = [];
  const c = r.counts;
  const n = (x: number) => x.toLocaleString('en-US');
  lines.push(`## Scale ${r.scale}`);
  lines.push('');
  lines.push(
    `Data: ${r.dataLabel}: ${n(c.people)} people, ${n(c.certifications)} certifications, ${n(c.completions)} training completions, ${n(c.courses)} courses, ${n(c.sessions)} sessions, ${n(c.complaints)} complaints${r.generateS !== null ? ` (generated in ${r.generateS.toFixed(0)} s)` : ''}.`,
  );
  if (r.generated?.checksum || r.generated?.notes?.length) {
    lines.push('');
    lines.push(`Generator: checksum ${r.generated.checksum ?? 'n/a'}${r.generated.asOf ? `, current on ${r.generated.asOf}` : ''}${r.generated.notes?.length ? `; ${r.generated.notes.join('; ')}` : ''}.`);
  }
  lines.push('');
  lines.push('| query | server | req/s | p50 ms | p95 ms | p99 ms | errors / non-2xx / GraphQL errors | SQL per request | SQL at first: 10 → 100 | one request alone, ms |');
  lines.push('| --- | --- | ---: | ---: | ---: | ---: | --- | --- | --- | ---: |');
  for (const m of r.measured) {
    const l = m.load;
    const lists = m.sqlSmall || m.sqlLarge ? `${m.sqlSmall?.total ?? 'n/a'} → ${m.sqlLarge?.total ?? 'n/a'}` : '';
    const loadCells = l ? `${l.rps.toFixed(1)} | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | ${l.errors} / ${l.non2xx} / ${l.bodyErrors}` : 'not loaded | | | | ';
    lines.push(`| ${m.name} | ${m.server} | ${loadCells} | ${formatSqlCount(m.sql)} | ${lists} | ${m.aloneMs === undefined ? '' : ms(m.aloneMs)} |`);
  }
  lines.push('');
  lines.push(
    `${options.connections} connections, ${options.durationS} s each after a warm-up of ${Math.min(WARM_UP_S, options.durationS)} s. ` +
      'SQL per request: the statements the subgraphs logged for a request with a known x-request-id (c certification, t training, e ethics; median of 3), ' +
      'sent one at a time before the load. One request alone: the median of five sent one at a time after the load, on warm and idle servers (for a query not loaded, of the samples). A query with 0 req/s had no answer within the run.',
  );
  const skipped = r.measured.filter((m) => m.skipped);
  for (const m of skipped) lines.push(`- ${m.name}: ${m.skipped}.`);
  const withCpu = r.measured.filter((m) => m.cpu);
  if (withCpu.length) {
    const f = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
    lines.push('');
    lines.push('Where the CPU went, ms of CPU (user + system) per request over the measured run (front: the process the load is sent to; load generator: autocannon in the bench process):');
    lines.push('');
    lines.push('| query | front | certification | training | ethics | PostgreSQL | total (without the load generator) | load generator | other processes, cores | stolen, cores |');
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const m of withCpu) {
      const u = m.cpu!;
      const total = u.front + u.certification + u.training + u.ethics + u.postgres;
      lines.push(`| ${m.name} (${m.server}) | ${f(u.front)} | ${f(u.certification)} | ${f(u.training)} | ${f(u.ethics)} | ${f(u.postgres)} | ${f(total)} | ${f(u.bench)} | ${f(u.other)} | ${f(u.steal)} |`);
    }
    lines.push('');
    lines.push(`The last two columns are not per request: the machine's CPU (of ${cpus().length} cores) busy outside the measured processes, and stolen by the hypervisor, during the run; more than a few hundredths means something else was loading the machine.`);
  }
  const rpsOf = (name: string) => r.measured.find((m) => m.name === name)?.load?.rps;
  const sqlRps = rpsOf('person-view-sql');
  const apollo = rpsOf('person-view');
  if (sqlRps && apollo !== undefined) {
    lines.push('');
    lines.push(`**Person view vs the raw-SQL baseline: ${apollo.toFixed(1)} ÷ ${sqlRps.toFixed(1)} req/s = ${ratio(apollo / sqlRps)}** (target 0.30× or more).`);
    for (const mode of ['nodedupe', 'dedupe', 'dedupe-all']) {
      const hive = rpsOf(`person-view-hive-${mode}`);
      if (hive !== undefined) lines.push(`- Hive Gateway, person-view-hive-${mode}: ${ratio(hive / sqlRps)} of the baseline, ${apollo ? ratio(hive / apollo) : 'n/a'} of the Apollo gateway.`);
    }
    if (rpsOf('person-view-hive-dedupe') !== undefined || rpsOf('person-view-hive-dedupe-all') !== undefined)
      lines.push('- Deduplication collapses identical requests in flight: here every connection sends the same person view with the same token, its best case; users asking different pages gain less.');
  }
  if (r.platformMemory) {
    const m = r.platformMemory;
    lines.push('');
    lines.push('Memory under load (peak of samples taken every second while the Apollo-gateway queries ran; MB):');
    lines.push('');
    lines.push('| process | processes | RSS | PSS |');
    lines.push('| --- | ---: | ---: | ---: |');
    for (const g of m.groups) lines.push(`| ${g.name} | ${g.processes} | ${mb(g.rssKb)} | ${mb(g.pssKb)} |`);
    lines.push(`| **platform total** (peak of the sum) | | **${mb(m.total.rssKb)}** | **${mb(m.total.pssKb)}** |`);
    for (const g of r.otherMemory) lines.push(`| ${g.name} (not in the total) | ${g.processes} | ${mb(g.rssKb)} | ${mb(g.pssKb)} |`);
    lines.push('');
    lines.push("RSS counts PostgreSQL's shared memory once in every backend that touched it; PSS divides shared pages among the processes sharing them, so the PSS total is the truer sum. Target: 1.5 GB (1536 MB) in total at program scale.");
  }
  if (r.notes.length) {
    lines.push('');
    lines.push('Notes:');
    for (const note of r.notes) lines.push(`- ${note}`);
  }
  return lines.join('\n');
}

function comparisonReport(results: ScaleResult[]): string {
  if (results.length < 2) return '';
  const [base, ...others] = results;
  const lines: string[] = ['## Comparison across scales', ''];
  const div = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);
  const cell = (x: number, limit?: number) => (Number.isFinite(x) ? `${ratio(x)}${limit !== undefined && x > limit ? ' ✗' : ''}` : 'n/a');
  for (const other of others) {
    const a = base!.scale;
    const b = other.scale;
    lines.push(`Scale ${b} against scale ${a} (target: p95 at most 1.5× for every query):`);
    lines.push('');
    lines.push(`| query | p95 ${a} ms | p95 ${b} ms | p95 ratio | req/s ${a} | req/s ${b} | alone ${a} ms | alone ${b} ms | alone ratio | SQL ${a} → ${b} |`);
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const m of base!.measured) {
      const o = other.measured.find((x) => x.name === m.name);
      if (!o) continue;
      const p95 = (x: Measured) => (x.load && x.load.requests ? x.load.p95 : undefined);
      const rps = (x: Measured) => (x.load ? x.load.rps.toFixed(1) : 'not loaded');
      lines.push(
        `| ${m.name} | ${ms(p95(m) ?? NaN)} | ${ms(p95(o) ?? NaN)} | ${cell(div(p95(o), p95(m)), 1.5)} | ${rps(m)} | ${rps(o)} | ${ms(m.aloneMs ?? NaN)} | ${ms(o.aloneMs ?? NaN)} | ${cell(div(o.aloneMs, m.aloneMs))} | ${m.sql?.total ?? 'n/a'} → ${o.sql?.total ?? 'n/a'} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

function targetsReport(results: ScaleResult[]): string {
  const lines: string[] = ['## Targets (issue 8)', ''];
  const first = results[0];
  const tenfold = results.find((r) => r.scale === 10);
  const get = (r: ScaleResult | undefined, name: string) => r?.measured.find((m) => m.name === name);
  const mark = (ok: boolean) => (ok ? 'met' : '**missed**');
  for (const r of results) {
    const pv = get(r, 'person-view')?.load;
    const sqlBase = get(r, 'person-view-sql')?.load;
    if (pv && sqlBase) {
      const x = pv.rps / sqlBase.rps;
      lines.push(`- Person view at 0.30× or more of the raw-SQL baseline (scale ${r.scale}): ${ratio(x)}, ${mark(x >= 0.3)}.`);
      const hive = get(r, 'person-view-hive-nodedupe')?.load;
      if (hive) lines.push(`- Ahead of Hive Gateway without deduplication (scale ${r.scale}): Apollo ${pv.rps.toFixed(1)} vs Hive ${hive.rps.toFixed(1)} req/s, ${mark(pv.rps > hive.rps)}.`);
    }
  }
  if (first && tenfold && tenfold !== first) {
    const rows = first.measured
      .filter((m) => m.server === 'Apollo gateway')
      .map((m) => {
        const o = get(tenfold, m.name);
        const p = m.load?.requests && o?.load?.requests ? o.load.p95 / m.load.p95 : NaN;
        return { name: m.name, p, alone: o?.aloneMs !== undefined && m.aloneMs ? o.aloneMs / m.aloneMs : NaN, unloaded: !o?.load?.requests };
      });
    const missed = rows.filter((x) => x.p > 1.5 || (x.unloaded && x.alone > 1.5));
    lines.push(
      `- p95 at scale ${tenfold.scale} at most 1.5× p95 at scale ${first.scale}: ${
        missed.length ? `**missed** by ${missed.map((x) => (Number.isFinite(x.p) ? `${x.name} (${ratio(x.p)})` : `${x.name} (no answer under load at scale ${tenfold.scale}; alone ${ratio(x.alone)})`)).join(', ')}` : 'met for every query'
      }.`,
    );
  }
  for (const r of results) {
    const lists = r.measured.filter((m) => m.sqlSmall && m.sqlLarge);
    const growing = lists.filter((m) => m.sqlLarge!.total !== m.sqlSmall!.total);
    if (lists.length) lines.push(`- SQL statements the same for 10 and 100 items (scale ${r.scale}): ${growing.length ? `**missed** by ${growing.map((m) => `${m.name} (${m.sqlSmall!.total} → ${m.sqlLarge!.total})`).join(', ')}` : 'met'}.`);
  }
  if (first) {
    const perDomain = first.measured.filter((m) => m.server === 'Apollo gateway' && m.sql && Object.values(m.sql.bySubgraph).some((x) => x! > 1));
    if (perDomain.length) lines.push(`- One SQL statement per domain touched (scale ${first.scale}): **missed** by ${perDomain.map((m) => `${m.name} (${formatSqlCount(m.sql)})`).join(', ')}.`);
  }
  const lookupAt = tenfold ?? first;
  const lookup = get(lookupAt, 'registry-lookup')?.load;
  if (lookup && lookupAt) {
    lines.push(`- Registry look-up p95 under 25 ms at ten times the data: ${ms(lookup.p95)} ms at scale ${lookupAt.scale}, ${lookupAt.scale === 10 ? mark(lookup.p95 < 25) : 'not measured at scale 10 in this run'}.`);
  }
  const program = results.find((r) => r.scale === 1) ?? first;
  if (program?.platformMemory) {
    const t = program.platformMemory.total;
    lines.push(
      `- Whole platform within 1.5 GB resident at program scale under load (scale ${program.scale}): ${mb(t.pssKb)} MB PSS, ${mb(t.rssKb)} MB summed RSS: ${mark(t.pssKb <= 1536 * 1024)} by PSS, ${mark(t.rssKb <= 1536 * 1024)} by summed RSS.`,
    );
  }
  return lines.join('\n');
}

async function pgVersion(adminUrl: string): Promise<string> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]!.v;
  } finally {
    await client.end();
  }
}

// ------------------------------------------------------------------ main

async function main() {
  const options = readOptions(process.argv.slice(2));
  const started = Date.now();
  const generate = await loadGenerator();
  let scales = options.scales;
  if (!generate) {
    log('test/bench/generate is not there: measuring on the demo data alone, once');
    scales = [scales[0]!];
  }
  const server = await startTestServer(process.env['DATABASE_URL']);
  const results: ScaleResult[] = [];
  let postgres = 'unknown';
  try {
    postgres = await pgVersion(server.adminUrl);
    for (const scale of scales) results.push(await benchScale(options, server.adminUrl, scale, generate));
  } finally {
    await server.stop();
  }
  const cpu = cpus();
  const args = process.argv.slice(2).join(' ');
  const report = [
    `# Benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Command: \`npm run bench${args ? ` -- ${args}` : ''}\` (scales ${scales.join(', ')}, ${options.durationS} s per query, ${options.connections} connections). ` +
      `Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'cpu'}, Node ${process.version}, PostgreSQL ${postgres}${process.env['DATABASE_URL'] ? ' (DATABASE_URL)' : ' (embedded)'}. ` +
      `Load generator (autocannon) in the bench's own process on the same machine. The platform runs as the launcher starts it for \`npm start\` (LOG_LEVEL info: a log line per request), with NODE_ENV ${options.nodeEnv} and the anonymous rate limit raised for the registry load. Whole run ${((Date.now() - started) / 60_000).toFixed(1)} min.`,
    '',
    ...results.map((r) => scaleReport(r, options) + '\n'),
    comparisonReport(results),
    targetsReport(results),
    '',
  ].join('\n');
  process.stdout.write(`\n${report}`);
  if (options.out) {
    mkdirSync(join(options.out, '..'), { recursive: true });
    writeFileSync(options.out, report);
    log(`written to ${relative(process.cwd(), options.out)}`);
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    process.stderr.write(`bench failed: ${err.stack ?? err.message}\n`);
    process.exit(1);
  },
);
