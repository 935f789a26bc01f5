// `npm run db:backup`: every table of the platform's schemas, read in ONE snapshot (a repeatable
// read, read-only transaction on one connection), streamed with COPY into the archive (archive.ts).
import { rmSync, renameSync, statSync } from 'node:fs';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { ArchiveWriter, FORMAT, FORMAT_VERSION, type Manifest, type MigrationRow, type SequenceManifest, type TableManifest } from './archive';
import { MIGRATIONS_TABLE, PLATFORM_SCHEMAS } from './registry';

export class BackupError extends Error {}

export const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
export const qualified = (schema: string, name: string): string => `${ident(schema)}.${ident(name)}`;

/** host:port/database, never the credentials. */
export function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'the database';
  }
}

export interface CatalogTable {
  oid: number;
  schema: string;
  name: string;
  columns: string[];
}

type Queryable = Pick<Client, 'query'>;

/**
 * The tables of `schemas` (the migrations ledgers left out), each with the columns COPY moves
 * (generated ones left out: PostgreSQL computes them).
 */
export async function platformTables(db: Queryable, schemas: readonly string[]): Promise<CatalogTable[]> {
  const rows = (
    await db.query<{ oid: number; schema: string; name: string; columns: string[] | null }>(
      `select c.oid::int as oid, n.nspname as schema, c.relname as name,
              (select array_agg(a.attname::text order by a.attnum) from pg_attribute a
                where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = '') as columns
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = any($1) and c.relkind = 'r' and c.relname <> $2
        order by array_position($1, n.nspname::text), c.relname`,
      [schemas, MIGRATIONS_TABLE],
    )
  ).rows;
  return rows.map((t) => ({ ...t, columns: t.columns ?? [] }));
}

export async function readMigrations(db: Queryable, schema: string): Promise<MigrationRow[]> {
  const rows = (await db.query<{ timestamp: string; name: string }>(`select timestamp::text as timestamp, name from ${qualified(schema, MIGRATIONS_TABLE)} order by id`)).rows;
  return rows.map((r) => ({ timestamp: Number(r.timestamp), name: r.name }));
}

export interface BackupSummary {
  file: string;
  bytes: number;
  seconds: number;
  manifest: Manifest;
}

/**
 * Backs up the platform's schemas of the database at `url` into `file` (which must not exist; it
 * appears only once complete: written as `<file>.partial`, renamed at the end).
 */
export async function backupDatabase(url: string, file: string): Promise<BackupSummary> {
  const started = Date.now();
  const partial = `${file}.partial`;
  const client = new Client({ connectionString: url, application_name: 'cpss-backup' });
  await client.connect();
  let writer: ArchiveWriter | null = null;
  try {
    await client.query('begin transaction isolation level repeatable read, read only');
    const createdAt = new Date().toISOString();
    const schemas = PLATFORM_SCHEMAS.map((s) => s.schema);
    const present = new Set(
      (await client.query<{ schema: string }>(`select n.nspname as schema from pg_namespace n join pg_class c on c.relnamespace = n.oid where n.nspname = any($1) and c.relname = $2 and c.relkind = 'r'`, [schemas, MIGRATIONS_TABLE])).rows.map(
        (r) => r.schema,
      ),
    );
    const missing = schemas.filter((s) => !present.has(s));
    if (missing.length > 0) {
      throw new BackupError(`${describeDatabase(url)} has no ${missing.join(', ')} schema${missing.length > 1 ? 's' : ''} (with migrations): start the platform on it once (npm start) so every service creates its schema, then back up`);
    }
    const tables = await platformTables(client, schemas);
    // As pg_dump does: no table can be dropped or altered under the backup.
    if (tables.length > 0) await client.query(`lock table ${tables.map((t) => qualified(t.schema, t.name)).join(', ')} in access share mode`);
    const migrations: Record<string, MigrationRow[]> = {};
    for (const s of schemas) migrations[s] = await readMigrations(client, s);
    const serverVersion = (await client.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;

    if (statSync(file, { throwIfNoEntry: false })) throw new BackupError(`${file} already exists: give another file name`);
    rmSync(partial, { force: true });
    writer = new ArchiveWriter(partial);
    const written: TableManifest[] = [];
    for (const t of tables) {
      const cols = t.columns.map(ident).join(', ');
      const stream = client.query(copyTo(`copy ${qualified(t.schema, t.name)} (${cols}) to stdout`));
      written.push(await writer.table(t.schema, t.name, t.columns, stream));
    }
    // Read after the rows: sequences are not transactional, so this is at least every value the
    // rows above hold (a restore never hands out a value already in use).
    const sequences: SequenceManifest[] = [];
    const seqs = (await client.query<{ schema: string; name: string }>(`select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = any($1) and c.relkind = 'S' order by array_position($1, n.nspname::text), c.relname`, [schemas])).rows;
    for (const s of seqs) {
      const v = (await client.query<{ last_value: string; is_called: boolean }>(`select last_value::text as last_value, is_called from ${qualified(s.schema, s.name)}`)).rows[0]!;
      sequences.push({ schema: s.schema, name: s.name, lastValue: v.last_value, isCalled: v.is_called });
    }
    await client.query('commit');
    const manifest: Manifest = {
      format: FORMAT,
      version: FORMAT_VERSION,
      createdAt,
      source: describeDatabase(url),
      serverVersion,
      snapshot: 'one repeatable read, read-only transaction (every table in the same snapshot)',
      schemas,
      migrations,
      tables: written,
      sequences,
      totals: { tables: written.length, rows: written.reduce((n, t) => n + t.rows, 0), bytes: written.reduce((n, t) => n + t.bytes, 0) },
    };
    await writer.close(manifest);
    writer = null;
    if (statSync(file, { throwIfNoEntry: false })) throw new BackupError(`${file} already exists: give another file name`);
    renameSync(partial, file);
    return { file, bytes: statSync(file).size, seconds: (Date.now() - started) / 1000, manifest };
  } catch (err) {
    await writer?.abort(err as Error);
    rmSync(partial, { force: true });
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    await client.end().catch(() => undefined);
  }
}
