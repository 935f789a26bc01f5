// db:backup and db:restore (packages/launcher/src/backup) on a database of their own: every
// service's migrations and the demo data, backed up by the CLI, changed, restored by the CLI, and
// compared table by table; archives that are corrupt, altered, from other migrations or that fail
// halfway through the load are refused, leaving the database as it was.
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCertificationDataSource } from '@cpss/certification/dist/data-source';
import { seedDemoCertification } from '@cpss/certification/dist/services/demo-seed';
import { seedDemoPeople } from '@cpss/certification/dist/services/person.service';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@cpss/devdb';
import { createEthicsDataSource } from '@cpss/ethics/dist/data-source';
import { seedDemo as seedDemoEthics } from '@cpss/ethics/dist/services/demo-seed';
import { createIdentityDataSource } from '@cpss/gateway/dist/data-source';
import { seedDemoAccounts } from '@cpss/gateway/dist/services/account.service';
import { repoRoot } from '@cpss/launcher';
import { ArchiveWriter, pieceName, readArchive, restoreDatabase, type Manifest } from '@cpss/launcher/dist/backup';
import { openTarget } from '@cpss/launcher/dist/backup/target';
import { createLogger, initializeAndMigrate } from '@cpss/server-kit';
import { createTrainingDataSource } from '@cpss/training/dist/data-source';
import { seedDemoTraining } from '@cpss/training/dist/services/demo-seed';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const SCHEMAS = ['identity', 'certification', 'training', 'ethics'];
const cli = join(repoRoot(), 'packages', 'launcher', 'dist', 'backup', 'cli.js');

let db: ThrowawayDatabase;
let dir: string;
let backup: string;
let before: Record<string, string>;

async function withClient<T>(fn: (c: Client) => Promise<T>, applicationName = 'backup-test'): Promise<T> {
  const c = new Client({ connectionString: db.url, application_name: applicationName });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Every table of the platform's schemas (migrations ledgers too): row count and md5 of its rows; every sequence's state. */
function snapshot(): Promise<Record<string, string>> {
  return withClient(async (c) => {
    const out: Record<string, string> = {};
    const rels = (await c.query<{ schema: string; name: string; kind: string }>(
      `select n.nspname as schema, c.relname as name, c.relkind::text as kind from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = any($1) and c.relkind in ('r', 'S') order by 1, 2`,
      [SCHEMAS],
    )).rows;
    for (const r of rels) {
      const q = `"${r.schema}"."${r.name}"`;
      out[`${r.kind === 'S' ? 'sequence ' : ''}${r.schema}.${r.name}`] =
        r.kind === 'r'
          ? (await c.query<{ v: string }>(`select count(*) || ' ' || coalesce(md5(string_agg(t::text, ',' order by t::text)), '-') as v from ${q} t`)).rows[0]!.v
          : (await c.query<{ v: string }>(`select last_value || ' ' || is_called as v from ${q}`)).rows[0]!.v;
    }
    return out;
  });
}

function run(command: 'backup' | 'restore', ...args: string[]) {
  const result = spawnSync(process.execPath, [cli, command, ...args], {
    env: { PATH: process.env['PATH'], DATABASE_URL: db.url },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Copies an archive through the backup's own writer, changing pieces or the manifest on the way. */
async function rewrite(to: string, edit: { piece?: (key: string, n: number, body: Buffer) => Buffer; manifest?: (m: Manifest) => void }): Promise<void> {
  const writer = new ArchiveWriter(to);
  const manifest = await readArchive(backup, {
    piece: async (schema, table, n, data) => {
      const parts: Buffer[] = [];
      for await (const b of data) parts.push(b);
      const body = Buffer.concat(parts);
      await writer.entry(pieceName(schema, table, n), edit.piece?.(`${schema}.${table}`, n, body) ?? body);
    },
  });
  edit.manifest?.(manifest);
  await writer.close(manifest);
}

beforeAll(async () => {
  db = await createThrowawayDatabase(inject('pgAdminUrl'), 'backup');
  dir = mkdtempSync(join(tmpdir(), 'cpss-backup-test-'));
  backup = join(dir, 'demo.tar.gz');
  // As the services do at start: migrate, then seed the demo.
  const logger = createLogger('backup-test', 'warn');
  const identity = createIdentityDataSource(db.url);
  const certification = createCertificationDataSource(db.url);
  const training = createTrainingDataSource(db.url);
  const ethics = createEthicsDataSource(db.url);
  const all = [identity, certification, training, ethics];
  try {
    for (const ds of all) await initializeAndMigrate(ds);
    await seedDemoAccounts(identity, logger);
    await seedDemoPeople(certification, logger);
    await seedDemoCertification(certification, logger);
    await seedDemoTraining(training, logger);
    await seedDemoEthics(ethics, logger);
  } finally {
    for (const ds of all) if (ds.isInitialized) await ds.destroy();
  }
  // A pg-boss queue schema, as a running service leaves one.
  await withClient((c) => c.query(`create schema ethics_jobs; create table ethics_jobs.job (id int); insert into ethics_jobs.job values (1)`));
  before = await snapshot();
});

afterAll(async () => {
  await db?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('db:backup and db:restore', () => {
  it('backs up every table in one archive whose manifest counts the rows', async () => {
    const out = run('backup', backup);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/backed up .*: \d+ tables, \d+ rows/);
    expect(out.stdout).not.toContain('cpss-dev');
    expect(existsSync(`${backup}.partial`)).toBe(false);
    const manifest = await readArchive(backup);
    const tables = Object.keys(before).filter((k) => !k.endsWith('.migrations') && !k.startsWith('sequence '));
    expect(manifest.tables.map((t) => `${t.schema}.${t.name}`).sort()).toEqual(tables.sort());
    for (const t of manifest.tables) expect(`${t.rows}`).toBe(before[`${t.schema}.${t.name}`]!.split(' ')[0]);
    expect(manifest.totals.rows).toBeGreaterThan(100);
    expect(Object.keys(manifest.migrations)).toEqual(SCHEMAS);
    expect(manifest.migrations['certification']!.length).toBeGreaterThan(5);
    expect(manifest.source).not.toContain('cpss-dev');
    expect(manifest.sequences.map((s) => `sequence ${s.schema}.${s.name}`).sort()).toEqual(Object.keys(before).filter((k) => k.startsWith('sequence ')).sort());
    // The pg-boss queues are not part of it.
    expect(manifest.tables.some((t) => t.schema.endsWith('_jobs'))).toBe(false);
    // Never over an existing file.
    const again = run('backup', backup);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('restores the backup over a changed database: every table and sequence as backed up', async () => {
    await withClient(async (c) => {
      await c.query(`insert into certification.policy_version (effective_from, values, note, created_by) values ('2031-01-01', '{}', 'after the backup', 'test')`);
      await c.query(`truncate certification.person cascade`);
      await c.query(`select nextval('certification.certification_number_seq') from generate_series(1, 5)`);
      await c.query(`select setval('ethics.complaint_reference_seq', 99999)`);
      await c.query(`alter table training.course add column after_backup int`);
      await c.query(`create table certification.after_backup (x int)`);
      await c.query(`drop table ethics.sanction cascade`);
    });
    expect(await snapshot()).not.toEqual(before);

    const out = run('restore', backup);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/restored .* \d+ tables, \d+ rows/);
    expect(await snapshot()).toEqual(before);
    await withClient(async (c) => {
      expect((await c.query(`select to_regclass('certification.after_backup') as t`)).rows[0].t).toBeNull();
      expect((await c.query(`select to_regnamespace('ethics_jobs') as s`)).rows[0].s).toBeNull();
      // The audit trail's triggers are on again (the load itself was not audited: equal snapshots).
      const triggers = (
        await c.query<{ disabled: number; enabled: number }>(
          `select count(*) filter (where t.tgenabled = 'D')::int as disabled, count(*) filter (where t.tgenabled = 'O')::int as enabled
             from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace where n.nspname = any($1) and not t.tgisinternal`,
          [SCHEMAS],
        )
      ).rows[0]!;
      expect(triggers.disabled).toBe(0);
      expect(triggers.enabled).toBeGreaterThan(SCHEMAS.length);
      // The foreign keys are back.
      expect((await c.query(`select count(*)::int as n from pg_constraint k join pg_namespace n on n.oid = k.connamespace where k.contype = 'f' and n.nspname = any($1)`, [SCHEMAS])).rows[0].n).toBeGreaterThan(10);
    });
  });

  it('hands out sequence values after the restored rows: inserts after a restore do not collide', async () => {
    await withClient(async (c) => {
      const enrolled = await c.query<{ arrival: string }>(
        `insert into training.enrollment (session_id, person_id, status) select session_id, gen_random_uuid(), 'WAITLISTED' from training.enrollment limit 1 returning arrival`,
      );
      expect(enrolled.rowCount).toBe(1);
      const maxBefore = (await c.query<{ m: string }>(`select max(arrival)::text as m from training.enrollment where arrival <> $1`, [enrolled.rows[0]!.arrival])).rows[0]!.m;
      expect(BigInt(enrolled.rows[0]!.arrival)).toBeGreaterThan(BigInt(maxBefore));
      const [{ n }] = (await c.query<{ n: string }>(`select nextval('certification.certification_number_seq')::text as n`)).rows;
      const numbers = (await c.query<{ number: string }>(`select number from certification.certification`)).rows.map((r) => Number(r.number.replace(/\D/g, '')));
      for (const used of numbers) expect(Number(n)).not.toBe(used);
      // A migrations ledger row (serial id) too.
      await c.query(`insert into identity.migrations (timestamp, name) values (1, 'collision check')`);
    });
    // Back as backed up for the next tests (the library the CLI runs, quicker in process).
    const again = await restoreDatabase(db.url, backup, { repoRoot: repoRoot() });
    expect(again.manifest.totals.rows).toBeGreaterThan(100);
    expect(await snapshot()).toEqual(before);
  });

  describe('refuses, leaving the database as it was', () => {
    let changed: Record<string, string>;
    beforeAll(async () => {
      await withClient((c) => c.query(`insert into certification.policy_version (effective_from, values, note, created_by) values ('2032-01-01', '{}', 'kept through refusals', 'test')`));
      changed = await snapshot();
      expect(changed).not.toEqual(before);
    });

    it('without a file', () => {
      const out = run('restore');
      expect(out.status).toBe(2);
      expect(out.stderr).toContain('needs the backup to restore');
    });

    it('a damaged file', async () => {
      const damaged = join(dir, 'damaged.tar.gz');
      const bytes = readFileSync(backup);
      bytes[Math.floor(bytes.length / 2)] ^= 0xff;
      writeFileSync(damaged, bytes);
      const cut = join(dir, 'cut.tar.gz');
      writeFileSync(cut, readFileSync(backup).subarray(0, Math.floor(statSync(backup).size * 0.8)));
      for (const file of [damaged, cut, join(dir, 'missing.tar.gz')]) {
        const out = run('restore', file);
        expect(out.status, file).toBe(1);
        expect(out.stderr).toMatch(/^db:restore: refusing to restore .*Nothing was changed\.\n$/);
      }
      expect(await snapshot()).toEqual(changed);
    });

    it('rows altered after the backup (the checksum does not match)', async () => {
      const altered = join(dir, 'altered.tar.gz');
      await rewrite(altered, { piece: (key, _n, body) => (key === 'identity.account' ? Buffer.from(body.toString('utf8').replace(/@/, '#')) : body) });
      const out = run('restore', altered);
      expect(out.status).toBe(1);
      expect(out.stderr).toContain('identity.account does not match the manifest');
      expect(await snapshot()).toEqual(changed);
    });

    it('a backup from other migrations than the code has', async () => {
      const older = join(dir, 'older.tar.gz');
      await rewrite(older, {
        manifest: (m) => {
          m.migrations['training']!.pop();
          m.migrations['ethics']!.push({ timestamp: 1999999999999, name: 'FromTheFuture1999999999999' });
        },
      });
      const refusal = await restoreDatabase(db.url, older, { repoRoot: repoRoot() }).then(() => '', (err: Error) => err.message);
      expect(refusal).toContain('other migrations than this code has');
      expect(refusal).toContain('ethics: the backup has FromTheFuture1999999999999 which this code lacks');
      expect(refusal).toMatch(/training: this code has \w+\d{13} which the backup lacks/);
      expect(refusal).toContain('Nothing was changed.');
      expect(await snapshot()).toEqual(changed);
    });

    it('a load that fails after the schemas were dropped (a duplicate key): everything rolled back', async () => {
      const duplicate = join(dir, 'duplicate.tar.gz');
      let body: Buffer | null = null;
      await rewrite(duplicate, {
        piece: (key, _n, data) => {
          if (key !== 'training.course') return data;
          body = Buffer.concat([data, data.subarray(0, data.indexOf(0x0a) + 1)]);
          return body;
        },
        // The manifest agrees with the data: only PostgreSQL can refuse it.
        manifest: (m) => {
          const t = m.tables.find((x) => x.schema === 'training' && x.name === 'course')!;
          expect(t.pieces).toBe(1);
          t.rows += 1;
          t.bytes = body!.length;
          t.sha256 = createHash('sha256').update(body!).digest('hex');
        },
      });
      expect(body).not.toBeNull();
      const refusal = await restoreDatabase(db.url, duplicate, { repoRoot: repoRoot() }).then(() => '', (err: Error) => err.message);
      // Loaded without its keys, the table gets its primary key back after the load: that refuses.
      expect(refusal).toMatch(/^restoring .* failed and was rolled back: nothing was changed \(could not create unique index "course_pkey"\)$/);
      expect(await snapshot()).toEqual(changed);
    });

    it('while the platform is connected to the database', async () => {
      await withClient(async () => {
        const refusal = await restoreDatabase(db.url, backup, { repoRoot: repoRoot() }).then(() => '', (err: Error) => err.message);
        expect(refusal).toContain('the platform is using');
        expect(refusal).toContain('certification (1)');
      }, 'certification');
      expect(await snapshot()).toEqual(changed);
    });
  });

  it('with the embedded database: no backup before it exists, no restore while the platform runs on it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cpss-backup-root-'));
    try {
      await expect(openTarget('backup', { repoRoot: root, devdbPort: 1 })).rejects.toThrow(/no embedded database yet/);
      const data = join(root, '.data', 'postgres');
      // The launcher's claim on the folder, held by a live process (this test's parent).
      mkdirSync(data, { recursive: true });
      writeFileSync(`${data}.owner`, String(process.ppid));
      await expect(openTarget('restore', { repoRoot: root, devdbPort: 1 })).rejects.toThrow(`the platform is running (pid ${process.ppid})`);
      // A backup reads the running platform's database instead of starting one.
      const t = await openTarget('backup', { repoRoot: root, devdbPort: 54329 });
      expect(t.url).toContain(':54329/cpss');
      await t.stop();
      expect(readFileSync(`${data}.owner`, 'utf8')).toBe(String(process.ppid));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
