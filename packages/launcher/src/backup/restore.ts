// `npm run db:restore -- <file>`: replaces the platform's schemas of a database with a backup's.
// All of it in ONE transaction on one connection: drop the platform's schemas, create them again
// with each service's own migrations (the schema comes from the code, so the archive must come
// from the same migrations), empty what the migrations seeded, COPY every table back with the
// foreign keys and the tables' user triggers (the audit trail's) off, put the foreign keys back
// (checking every row), set the sequences, check every row count, and only then commit. Any failure rolls everything back: the database is as it was.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { ArchiveError, readArchive, tableKey, type Manifest, type MigrationRow } from './archive';
import { describeDatabase, ident, platformTables, qualified, readMigrations } from './backup';
import { dataSourceModulePath, JOB_SCHEMAS, MIGRATIONS_TABLE, PLATFORM_APPLICATION_NAMES, PLATFORM_SCHEMAS, type PlatformSchema } from './registry';

export class RestoreError extends Error {}

/** The little of TypeORM restore uses, from the copy the services themselves load. */
interface OrmDataSource {
  options: Record<string, unknown> & { migrations?: unknown };
  initialize(): Promise<OrmDataSource>;
  destroy(): Promise<void>;
  createQueryRunner(): { databaseConnection: unknown; isTransactionActive: boolean; release(): Promise<void> };
}
interface TypeOrm {
  DataSource: new (options: Record<string, unknown>) => OrmDataSource;
  MigrationExecutor: new (dataSource: OrmDataSource, queryRunner: unknown) => { transaction: 'all' | 'none' | 'each'; executePendingMigrations(): Promise<unknown[]> };
}

interface ServiceCode {
  schema: PlatformSchema;
  typeorm: TypeOrm;
  /** The service's DataSource options (its migrations, schema, migrations table). */
  options: Record<string, unknown>;
  migrations: MigrationRow[];
}

/** The migrations a service's built code has, named and stamped as TypeORM records them. */
function migrationsOf(options: Record<string, unknown>): MigrationRow[] {
  const list = (options['migrations'] ?? []) as unknown[];
  return list.map((m) => {
    if (typeof m !== 'function') throw new RestoreError('a service lists its migrations by path: restore needs them as classes');
    const instance = new (m as new () => { name?: string })();
    const name = instance.name ?? (m as { name: string }).name;
    return { timestamp: Number.parseInt(name.slice(-13), 10), name };
  });
}

function loadServiceCode(repoRoot: string): ServiceCode[] {
  return PLATFORM_SCHEMAS.map((schema) => {
    const path = dataSourceModulePath(repoRoot, schema);
    if (!existsSync(path)) throw new RestoreError(`${schema.dataSourceModule} is missing: build the services first (npm run db:restore builds them)`);
    const fromService = createRequire(path);
    const mod = fromService(path) as Record<string, unknown>;
    const factory = mod[schema.factory] as ((url: string) => OrmDataSource) | undefined;
    if (typeof factory !== 'function') throw new RestoreError(`${schema.dataSourceModule} has no ${schema.factory}`);
    // Only its options: the service's own DataSource would connect as the service's role.
    const options = factory('postgres://unused@127.0.0.1/unused').options;
    if (options['schema'] !== schema.schema) throw new RestoreError(`${schema.dataSourceModule} works in schema ${String(options['schema'])}, not ${schema.schema}`);
    return { schema, typeorm: fromService('typeorm') as TypeOrm, options, migrations: migrationsOf(options) };
  });
}

const migrationList = (rows: MigrationRow[]) => rows.map((m) => m.name);

/** Why the archive's migrations are not the code's, or null when they are the same. */
export function migrationMismatch(archive: Manifest['migrations'], code: { schema: string; migrations: MigrationRow[] }[]): string | null {
  const problems: string[] = [];
  for (const c of code) {
    const theirs = archive[c.schema];
    if (!theirs) {
      problems.push(`the backup has no ${c.schema} schema`);
      continue;
    }
    const ours = migrationList(c.migrations);
    const backed = migrationList(theirs);
    if (ours.join('\n') === backed.join('\n')) continue;
    const onlyBackup = backed.filter((n) => !ours.includes(n));
    const onlyCode = ours.filter((n) => !backed.includes(n));
    const parts = [
      ...(onlyBackup.length ? [`the backup has ${onlyBackup.join(', ')} which this code lacks`] : []),
      ...(onlyCode.length ? [`this code has ${onlyCode.join(', ')} which the backup lacks`] : []),
    ];
    problems.push(`${c.schema}: ${parts.length ? parts.join('; ') : 'the same migrations in another order'}`);
  }
  const extra = Object.keys(archive).filter((s) => !code.some((c) => c.schema === s));
  if (extra.length) problems.push(`the backup has schemas this code does not know (${extra.join(', ')})`);
  return problems.length ? problems.join('. ') : null;
}

/** Platform connections to the database (its services, their queues), other than ours. */
export async function platformConnections(db: Pick<Client, 'query'>): Promise<string[]> {
  const rows = (
    await db.query<{ application_name: string; n: number }>(
      `select application_name, count(*)::int as n from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and application_name = any($1)
        group by 1 order by 1`,
      [PLATFORM_APPLICATION_NAMES],
    )
  ).rows;
  return rows.map((r) => `${r.application_name} (${r.n})`);
}

/** One table's COPY FROM STDIN: written with backpressure, failing as soon as PostgreSQL refuses. */
class CopyIn {
  private error: Error | null = null;
  private readonly failure: Promise<never>;

  constructor(private readonly stream: Writable) {
    this.failure = new Promise<never>((_, reject) =>
      stream.on('error', (err: Error) => {
        this.error = err;
        reject(err);
      }),
    );
    this.failure.catch(() => undefined);
  }

  async write(data: AsyncIterable<Buffer>): Promise<void> {
    for await (const buf of data) {
      if (this.error) throw this.error;
      if (!this.stream.write(buf)) await Promise.race([once(this.stream, 'drain'), this.failure]);
    }
  }

  /** Gives up (CopyFail): the connection leaves COPY mode, so the transaction can be rolled back. */
  abort(): void {
    if (!this.error) this.stream.destroy(new Error('restore abandoned'));
  }

  async end(): Promise<void> {
    if (this.error) throw this.error;
    this.stream.end();
    await Promise.race([finished(this.stream), this.failure]);
  }
}

interface Constraint {
  tbl: string;
  name: string;
  definition: string;
}

async function constraintsOf(db: Pick<Client, 'query'>, schemas: string[], types: string[]): Promise<Constraint[]> {
  return (
    await db.query<Constraint>(
      `select quote_ident(n.nspname) || '.' || quote_ident(c.relname) as tbl, k.conname as name, pg_get_constraintdef(k.oid) as definition
         from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
        where k.contype = any($2) and n.nspname = any($1) and c.relname <> $3
        order by n.nspname, c.relname, k.conname`,
      [schemas, types, MIGRATIONS_TABLE],
    )
  ).rows;
}

/** Every index and constraint of the schemas, as text: the same before and after the load. */
async function layoutOf(db: Pick<Client, 'query'>, schemas: string[]): Promise<string> {
  return (
    await db.query<{ layout: string }>(
      `select coalesce(string_agg(d, E'\n' order by d), '') as layout from (
         select pg_get_indexdef(i.indexrelid) as d
           from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace where n.nspname = any($1)
         union all
         select n.nspname || '.' || c.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid) || ' ' || k.convalidated
           from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace where n.nspname = any($1)
       ) x`,
      [schemas],
    )
  ).rows[0]!.layout;
}

export interface RestoreSummary {
  file: string;
  seconds: number;
  manifest: Manifest;
}

export interface RestoreOptions {
  repoRoot: string;
  log?: (line: string) => void;
}

export async function restoreDatabase(url: string, file: string, options: RestoreOptions): Promise<RestoreSummary> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const refuse = (why: string) => new RestoreError(`refusing to restore ${file}: ${why}. Nothing was changed.`);

  // 1. The whole archive, read and checked before the database is touched.
  let manifest: Manifest;
  try {
    manifest = await readArchive(file);
  } catch (err) {
    if (err instanceof ArchiveError) throw refuse(err.message);
    throw err;
  }
  log(`checked ${file}: ${manifest.totals.tables} tables, ${manifest.totals.rows} rows, taken ${manifest.createdAt} from ${manifest.source}`);

  // 2. The schema comes from this code's migrations: they must be the backup's.
  const code = loadServiceCode(options.repoRoot);
  const mismatch = migrationMismatch(
    manifest.migrations,
    code.map((c) => ({ schema: c.schema.schema, migrations: c.migrations })),
  );
  if (mismatch) {
    throw refuse(`it was taken with other migrations than this code has (${mismatch}); restore it with the version of the platform that took it, or take a new backup with this one`);
  }

  const client = new Client({ connectionString: url, application_name: 'cpss-restore' });
  await client.connect();
  const sources: OrmDataSource[] = [];
  try {
    const running = await platformConnections(client);
    if (running.length > 0) throw refuse(`the platform is using ${describeDatabase(url)} (connections: ${running.join(', ')}); stop it first`);

    // Migrations need initialized DataSources (TypeORM builds their migration list then); they
    // run on our connection, in our transaction. As the owner: no service role, no extensions.
    const executors = [];
    for (const c of code) {
      const source = new c.typeorm.DataSource({ ...c.options, url, entities: [], poolSize: 1, applicationName: 'cpss-restore migrations', installExtensions: false, extra: {} });
      await source.initialize();
      sources.push(source);
      const runner = source.createQueryRunner();
      runner.databaseConnection = client;
      // Ours is the transaction: TypeORM neither begins nor commits one.
      runner.isTransactionActive = true;
      const executor = new c.typeorm.MigrationExecutor(source, runner);
      executor.transaction = 'none';
      executors.push({ schema: c.schema.schema, executor });
    }

    await client.query('begin');
    try {
      await client.query(`set local lock_timeout = '15s'`);
      for (const s of [...PLATFORM_SCHEMAS.map((p) => p.schema), ...JOB_SCHEMAS]) await client.query(`drop schema if exists ${ident(s)} cascade`);
      for (const { schema, executor } of executors) {
        await client.query(`create schema ${ident(schema)}`);
        await client.query(`set local search_path to ${ident(schema)}`);
        await executor.executePendingMigrations();
      }
      await client.query('set local search_path to default');
      const schemas = PLATFORM_SCHEMAS.map((p) => p.schema);
      for (const s of schemas) {
        const now = migrationList(await readMigrations(client, s)).join(', ');
        if (now !== migrationList(manifest.migrations[s]!).join(', ')) throw new RestoreError(`the ${s} migrations that ran are not the backup's`);
      }

      // The tables the migrations made must be the archive's, column for column.
      const tables = await platformTables(client, schemas);
      const made = new Map(tables.map((t) => [tableKey(t), t]));
      const listed = new Set(manifest.tables.map(tableKey));
      for (const t of manifest.tables) {
        const target = made.get(tableKey(t));
        if (!target) throw refuse(`the code's migrations make no table ${tableKey(t)}`);
        const missing = t.columns.filter((c) => !target.columns.includes(c));
        if (missing.length) throw refuse(`${tableKey(t)} has no column ${missing.join(', ')} once migrated`);
      }
      for (const key of made.keys()) if (!listed.has(key)) throw refuse(`the backup has no table ${key}, which the migrations make`);

      // The load, as pg_restore's is: into tables without their indexes and key constraints, which
      // are built after it (a sort each, not an index insert per row), and without their foreign
      // keys (some form cycles), which are put back after the keys and check every row then. The
      // tables' user triggers (the audit trail's) are off: the load is no change anyone made, so
      // nothing is audited and no append-only rule applies. The tables are emptied first (some
      // migrations seed rows).
      const layoutBefore = await layoutOf(client, schemas);
      const foreignKeys = await constraintsOf(client, schemas, ['f']);
      const keys = await constraintsOf(client, schemas, ['p', 'u', 'x']);
      const indexes = (
        await client.query<{ name: string; definition: string }>(
          `select quote_ident(n.nspname) || '.' || quote_ident(ic.relname) as name, pg_get_indexdef(i.indexrelid) as definition
             from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = any($1) and c.relname <> $2
              and not exists (select 1 from pg_constraint k where k.conrelid = i.indrelid and k.conindid = i.indexrelid and k.contype in ('p', 'u', 'x'))
            order by 1`,
          [schemas, MIGRATIONS_TABLE],
        )
      ).rows;
      for (const k of foreignKeys) await client.query(`alter table ${k.tbl} drop constraint ${ident(k.name)}`);
      for (const i of indexes) await client.query(`drop index ${i.name}`);
      for (const k of keys) await client.query(`alter table ${k.tbl} drop constraint ${ident(k.name)}`);
      const names = manifest.tables.map((t) => qualified(t.schema, t.name));
      for (const n of names) await client.query(`alter table ${n} disable trigger user`);
      // (DELETE, not TRUNCATE: nearly all are empty, and TRUNCATE would make new files for each.)
      for (const n of names) await client.query(`delete from ${n}`);

      // 3. The rows, read from the archive once more (and checked against the manifest again).
      let copy: CopyIn | null = null;
      const endCopy = async () => {
        const c = copy;
        copy = null;
        await c?.end();
      };
      const byKey = new Map(manifest.tables.map((t) => [tableKey(t), t]));
      try {
        await readArchive(file, {
          piece: async (schema, table, n, data) => {
            if (n === 1) {
              await endCopy();
              const t = byKey.get(`${schema}.${table}`);
              if (!t) throw new ArchiveError(`data for ${schema}.${table}, which the manifest does not list`);
              copy = new CopyIn(client.query(copyFrom(`copy ${qualified(t.schema, t.name)} (${t.columns.map(ident).join(', ')}) from stdin`)));
            }
            if (!copy) throw new ArchiveError(`piece ${n} of ${schema}.${table} without its first`);
            await copy.write(data);
          },
        });
        await endCopy();
      } catch (err) {
        (copy as CopyIn | null)?.abort();
        if (err instanceof ArchiveError) throw refuse(`${err.message} (the file changed while being restored?)`);
        throw err;
      }

      for (const t of manifest.tables) {
        const n = Number((await client.query<{ n: string }>(`select count(*) as n from ${qualified(t.schema, t.name)}`)).rows[0]!.n);
        if (n !== t.rows) throw new RestoreError(`${tableKey(t)} holds ${n} rows once loaded where the backup has ${t.rows}`);
      }
      for (const s of manifest.sequences) {
        const found = (await client.query(`select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relname = $2 and c.relkind = 'S'`, [s.schema, s.name])).rowCount;
        if (!found) throw refuse(`the code's migrations make no sequence ${s.schema}.${s.name}`);
        await client.query(`select setval($1::regclass, $2::bigint, $3)`, [qualified(s.schema, s.name), s.lastValue, s.isCalled]);
      }
      await client.query(`set local maintenance_work_mem = '256MB'`);
      for (const i of indexes) await client.query(i.definition);
      for (const k of [...keys, ...foreignKeys]) await client.query(`alter table ${k.tbl} add constraint ${ident(k.name)} ${k.definition}`);
      for (const n of names) await client.query(`alter table ${n} enable trigger user`);
      if ((await layoutOf(client, schemas)) !== layoutBefore) throw new RestoreError('the indexes and constraints put back after the load are not the ones the migrations made');
      await client.query('commit');
    } catch (err) {
      // Closing the connection (finally) rolls back too, should ROLLBACK itself not get through.
      await Promise.race([client.query('rollback'), new Promise((r) => setTimeout(r, 5000).unref())]).catch(() => undefined);
      if (err instanceof RestoreError) throw err;
      throw new RestoreError(`restoring ${file} failed and was rolled back: nothing was changed (${(err as Error).message})`);
    }
    return { file, seconds: (Date.now() - started) / 1000, manifest };
  } finally {
    for (const s of sources) await s.destroy().catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
