// The embedded PostgreSQL keeps its data across restarts and is never orphaned: when the process
// that started it is killed outright, the server stops and the next start is not blocked.
import { spawn } from 'node:child_process';
import { mkdtempSync, chmodSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseDataDir, freePort, startEmbeddedPostgres } from '../src';

const work = mkdtempSync(join(tmpdir(), 'cpss-devdb-test-'));
chmodSync(work, 0o755);
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function count(url: string): Promise<number> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query('select count(*) from note')).rows[0].count);
  } finally {
    await c.end();
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('embedded PostgreSQL', () => {
  it('keeps data across a stop and a start', async () => {
    const dataDir = join(work, 'keep', 'pg');
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port, persistent: true, database: 'cpss' });
    const c = new Client({ connectionString: first.url });
    await c.connect();
    await c.query('create table note (t text)');
    await c.query(`insert into note values ('kept')`);
    await c.end();
    await first.stop();
    const second = await startEmbeddedPostgres({ dataDir, port, persistent: true, database: 'cpss' });
    expect(await count(second.url)).toBe(1);
    await second.stop();
  });

  it('restarts a throwaway (not persistent) cluster on its data, cutting open connections, and deletes it when stopped', async () => {
    const dataDir = join(work, 'restart', 'pg');
    const db = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false, fast: true, database: 'cpss' });
    const c = new Client({ connectionString: db.url });
    await c.connect();
    const cut = new Promise<Error>((resolve) => c.on('error', resolve));
    await c.query('create table note (t text)');
    await c.query(`insert into note values ('kept')`);
    await db.restart();
    expect((await cut).message).toMatch(/terminat|connection/i);
    expect(await count(db.url)).toBe(1);
    await db.stop();
    expect(existsSync(dataDir)).toBe(false);
    await expect(db.restart()).rejects.toThrow(/stopped/);
  });

  it('stops with its parent when the parent is killed, and starts again on the same data', async () => {
    const dataDir = join(work, 'orphan', 'pg');
    const port = await freePort();
    const script = `
      const { startEmbeddedPostgres } = require(${JSON.stringify(join(__dirname, '..', 'dist', 'index.js'))});
      startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port}, persistent: true, database: 'cpss' })
        .then(() => { process.stdout.write('ready\\n'); setInterval(() => {}, 1000); });`;
    const parent = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      parent.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
      parent.on('exit', () => reject(new Error('parent exited before ready')));
    });
    const pidFile = join(dataDir, 'postmaster.pid');
    const { readFileSync } = await import('node:fs');
    const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    expect(alive(postmaster)).toBe(true);

    parent.kill('SIGKILL');
    const until = Date.now() + 15_000;
    while (alive(postmaster) && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    expect(alive(postmaster)).toBe(false);

    const again = await startEmbeddedPostgres({ dataDir, port, persistent: true, database: 'cpss' });
    const c = new Client({ connectionString: again.url });
    await c.connect();
    expect((await c.query('select 1 as one')).rows[0].one).toBe(1);
    await c.end();
    await again.stop();
    expect(existsSync(pidFile)).toBe(false);
  });

  it('leaves the exit code of a process that ends by itself alone (failing test runs must fail)', async () => {
    const port = await freePort();
    const script = `
      const { startEmbeddedPostgres } = require(${JSON.stringify(join(__dirname, '..', 'dist', 'index.js'))});
      startEmbeddedPostgres({ dataDir: ${JSON.stringify(join(work, 'exitcode', 'pg'))}, port: ${port}, persistent: false, fast: true })
        .then((db) => db.stop())
        .then(() => { process.exitCode = 3; });`;
    const { spawnSync } = await import('node:child_process');
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(3);
  });

  it('as root, moves the data somewhere user postgres can reach when the repo is private', () => {
    const privateHome = join(work, 'private-home');
    mkdirSync(privateHome, { recursive: true });
    chmodSync(privateHome, 0o700);
    const wanted = join(privateHome, 'repo', '.data', 'postgres');
    const chosen = chooseDataDir(wanted);
    if (userInfo().uid === 0) {
      expect(chosen.dataDir).toMatch(/^\/var\/tmp\/cpss-pg-[0-9a-f]{12}$/);
      expect(chosen.notice).toContain(wanted);
      expect(chooseDataDir(wanted).dataDir).toBe(chosen.dataDir);
    } else {
      expect(chosen).toEqual({ dataDir: wanted });
    }
    expect(chooseDataDir(join(work, 'open', 'pg'))).toEqual({ dataDir: join(work, 'open', 'pg') });
  });
});
