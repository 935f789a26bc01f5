// The backup file: a gzip-compressed tar (`tar tzf` lists it) holding, in this order,
//   data/<schema>/<table>/<n>.copy   each table's rows in PostgreSQL's COPY text format, cut into
//                                    numbered pieces of at most PIECE_BYTES (0 pieces: no rows);
//                                    tables by schema, then name
//   manifest.json                    what was backed up, from where and when, each table's columns,
//                                    row count, byte count and SHA-256 of its COPY text, the
//                                    sequences' values and each schema's migrations
// Written and read as streams: a table is never held whole, only one piece of it.
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import * as tar from 'tar-stream';

export const FORMAT = 'cpss-backup';
export const FORMAT_VERSION = 1;
export const MANIFEST_ENTRY = 'manifest.json';
/** The largest piece of a table kept in memory while writing. */
export const PIECE_BYTES = 4 * 1024 * 1024;

export interface MigrationRow {
  timestamp: number;
  name: string;
}

export interface TableManifest {
  schema: string;
  name: string;
  /** The columns COPY wrote, in order (generated columns are left out: PostgreSQL computes them). */
  columns: string[];
  rows: number;
  bytes: number;
  /** SHA-256 (hex) of the table's COPY text, all pieces in order. */
  sha256: string;
  pieces: number;
}

export interface SequenceManifest {
  schema: string;
  name: string;
  /** bigint, as text. */
  lastValue: string;
  isCalled: boolean;
}

export interface Manifest {
  format: typeof FORMAT;
  version: typeof FORMAT_VERSION;
  /** When the snapshot was taken (ISO 8601). */
  createdAt: string;
  /** host:port/database of the source (never its credentials). */
  source: string;
  serverVersion: string;
  /** How the rows were read. */
  snapshot: string;
  schemas: string[];
  /** Each schema's TypeORM migrations ledger, in the order they ran. */
  migrations: Record<string, MigrationRow[]>;
  tables: TableManifest[];
  sequences: SequenceManifest[];
  totals: { tables: number; rows: number; bytes: number };
}

/** The archive is not a complete, unaltered CPSS backup. */
export class ArchiveError extends Error {}

export const tableKey = (t: { schema: string; name: string }): string => `${t.schema}.${t.name}`;
export const pieceName = (schema: string, table: string, n: number): string => `data/${schema}/${table}/${String(n).padStart(6, '0')}.copy`;
const PIECE = /^data\/([^/]+)\/([^/]+)\/(\d{6})\.copy$/;

const NEWLINE = 0x0a;
export function countNewlines(buf: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(NEWLINE); i !== -1; i = buf.indexOf(NEWLINE, i + 1)) n++;
  return n;
}

/** Writes the archive to `file`; each call waits while the file is behind (backpressure). */
export class ArchiveWriter {
  private readonly pack = tar.pack();
  private readonly done: Promise<void>;
  private readonly mtime = new Date();

  constructor(file: string) {
    const gzip = createGzip({ level: 6 });
    const out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
    this.pack.on('error', (err: Error) => gzip.destroy(err));
    this.pack.pipe(gzip);
    gzip.on('error', (err) => out.destroy(err));
    gzip.pipe(out);
    this.done = finished(out);
    // An early failure is seen by close() or abort(); not an unhandled rejection meanwhile.
    this.done.catch(() => undefined);
  }

  entry(name: string, body: Buffer): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pack.entry({ name, size: body.byteLength, mtime: this.mtime, mode: 0o600 }, body, (err?: Error | null) => (err ? reject(err) : resolve()));
    });
  }

  /** Writes one table from its COPY stream, in pieces; returns what the manifest says of it. */
  async table(schema: string, name: string, columns: string[], copy: AsyncIterable<Buffer>): Promise<TableManifest> {
    const hash = createHash('sha256');
    let rows = 0;
    let bytes = 0;
    let pieces = 0;
    let held: Buffer[] = [];
    let heldBytes = 0;
    const flush = async () => {
      if (heldBytes === 0) return;
      pieces += 1;
      const body = Buffer.concat(held, heldBytes);
      held = [];
      heldBytes = 0;
      await this.entry(pieceName(schema, name, pieces), body);
    };
    for await (const chunk of copy) {
      hash.update(chunk);
      rows += countNewlines(chunk);
      bytes += chunk.byteLength;
      held.push(chunk);
      heldBytes += chunk.byteLength;
      if (heldBytes >= PIECE_BYTES) await flush();
    }
    await flush();
    return { schema, name, columns, rows, bytes, sha256: hash.digest('hex'), pieces };
  }

  async close(manifest: Manifest): Promise<void> {
    await this.entry(MANIFEST_ENTRY, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
    this.pack.finalize();
    await this.done;
  }

  /** Stops writing (the file is left incomplete: the caller deletes it). */
  async abort(err: Error): Promise<void> {
    this.pack.destroy(err);
    await this.done.catch(() => undefined);
  }
}

/** What reading met of one table: counted and hashed on the way. */
export interface TableTally {
  rows: number;
  bytes: number;
  pieces: number;
  hash: Hash;
}

export interface ReadHandlers {
  /** Called for each piece of a table's data, in order; `data` must be consumed. */
  piece?(schema: string, table: string, n: number, data: AsyncIterable<Buffer>): Promise<void>;
}

/**
 * Reads the archive from start to end, handing each piece to `handlers.piece` while counting and
 * hashing it, and checks everything against the manifest (which comes last). Throws ArchiveError
 * for anything amiss: not gzip, cut short, an unknown entry, pieces out of order, a table's rows,
 * bytes or checksum not the manifest's.
 */
export async function readArchive(file: string, handlers: ReadHandlers = {}): Promise<Manifest> {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  const extract = tar.extract();
  const fail = (what: string) => (err: Error) => extract.destroy(new ArchiveError(`${what}: ${err.message}`));
  source.on('error', (err) => extract.destroy(err));
  gunzip.on('error', fail('not a readable gzip file'));
  source.pipe(gunzip).pipe(extract);

  const tallies = new Map<string, TableTally>();
  const order: string[] = [];
  let manifestText: string | null = null;
  try {
    for await (const entry of extract) {
      const name = entry.header.name;
      if (manifestText !== null) throw new ArchiveError(`an entry after the manifest (${name})`);
      if (name === MANIFEST_ENTRY) {
        const parts: Buffer[] = [];
        for await (const chunk of entry) parts.push(chunk as Buffer);
        manifestText = Buffer.concat(parts).toString('utf8');
        continue;
      }
      const m = PIECE.exec(name);
      if (!m || entry.header.type !== 'file') throw new ArchiveError(`an unexpected entry (${name})`);
      const [, schema, table, num] = m as unknown as [string, string, string, string];
      const key = `${schema}.${table}`;
      let tally = tallies.get(key);
      if (!tally) {
        tally = { rows: 0, bytes: 0, pieces: 0, hash: createHash('sha256') };
        tallies.set(key, tally);
        order.push(key);
      } else if (order[order.length - 1] !== key) {
        throw new ArchiveError(`the pieces of ${key} are not together`);
      }
      const n = Number(num);
      if (n !== tally.pieces + 1) throw new ArchiveError(`piece ${n} of ${key} where piece ${tally.pieces + 1} was due`);
      tally.pieces = n;
      const counted = (async function* () {
        for await (const chunk of entry) {
          const buf = chunk as Buffer;
          tally.hash.update(buf);
          tally.rows += countNewlines(buf);
          tally.bytes += buf.byteLength;
          yield buf;
        }
      })();
      if (handlers.piece) await handlers.piece(schema, table, n, counted);
      // Whatever the handler left unread still counts.
      for await (const _ of counted) void _;
    }
  } catch (err) {
    if (err instanceof ArchiveError) throw err;
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw new ArchiveError(`no such file`);
    if (/gzip|header|tar|unexpected end|Unexpected end/i.test(e.message)) throw new ArchiveError(`not a complete backup archive: ${e.message}`);
    throw err;
  }
  if (manifestText === null) throw new ArchiveError('no manifest: the archive is cut short or is not a CPSS backup');
  let manifest: Manifest;
  try {
    manifest = JSON.parse(manifestText) as Manifest;
  } catch {
    throw new ArchiveError('the manifest is not valid JSON');
  }
  if (manifest.format !== FORMAT || manifest.version !== FORMAT_VERSION) {
    throw new ArchiveError(`not a ${FORMAT} version ${FORMAT_VERSION} archive (format ${String(manifest.format)}, version ${String(manifest.version)})`);
  }
  if (!Array.isArray(manifest.tables) || !Array.isArray(manifest.sequences) || typeof manifest.migrations !== 'object' || manifest.migrations === null) {
    throw new ArchiveError('the manifest lacks its tables, sequences or migrations');
  }
  const listed = new Set(manifest.tables.map(tableKey));
  for (const key of order) if (!listed.has(key)) throw new ArchiveError(`data for ${key}, which the manifest does not list`);
  const withData = manifest.tables.filter((t) => t.pieces > 0).map(tableKey);
  if (withData.join(',') !== order.join(',')) throw new ArchiveError('the tables are not in the order the manifest lists them');
  for (const t of manifest.tables) {
    const tally = tallies.get(tableKey(t)) ?? { rows: 0, bytes: 0, pieces: 0, hash: createHash('sha256') };
    const sha256 = tally.hash.digest('hex');
    if (tally.pieces !== t.pieces || tally.rows !== t.rows || tally.bytes !== t.bytes || sha256 !== t.sha256) {
      throw new ArchiveError(`${tableKey(t)} does not match the manifest (${tally.rows} rows, ${tally.bytes} bytes, sha256 ${sha256.slice(0, 12)}… read; ${t.rows} rows, ${t.bytes} bytes, sha256 ${String(t.sha256).slice(0, 12)}… listed)`);
    }
  }
  return manifest;
}
