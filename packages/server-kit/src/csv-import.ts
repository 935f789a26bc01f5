// The CSV import engine every import kind runs on (people with certifications first; courses,
// trainers, completions and disciplinary actions next), streaming:
// - parse (csv-parse, a header row; line numbers are the file's physical lines, header = 1, even
//   when a quoted value spans lines), every row validated by the kind's zod schema, natural keys
//   unique in the file, references to rows of the same file or of the database, then the kind's
//   own checks against the database (in batches);
// - ALL_OR_NOTHING: any problem and nothing is written (REJECTED); else every row is written in ONE
//   transaction (a database error rolls it all back). VALID_ROWS_ONLY: the valid rows are written
//   (one transaction too) and the rejected rows come back as an error file (csv-stringify: the rows
//   as they were, with an added last column `error`). dryRun: the writes run and are rolled back,
//   so the counts say what an import would do.
// - Idempotent by natural key: the kind compares each row with what is stored and writes only what
//   differs (created, updated, unchanged): a second run of the same file writes nothing at all.
// Row values are personal data: nothing here logs them (counts only).
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';

export type ImportMode = 'ALL_OR_NOTHING' | 'VALID_ROWS_ONLY';
export const ImportMode = { AllOrNothing: 'ALL_OR_NOTHING', ValidRowsOnly: 'VALID_ROWS_ONLY' } as const;
export type ImportRunStatus = 'RUNNING' | 'DONE' | 'REJECTED' | 'FAILED';
export const ImportRunStatus = { Running: 'RUNNING', Done: 'DONE', Rejected: 'REJECTED', Failed: 'FAILED' } as const;
export type RowOutcome = 'created' | 'updated' | 'unchanged';

/** One problem: the file's line (header = 1), the column when one is at fault, and why. */
export interface ImportProblem {
  line: number;
  column: string | null;
  reason: string;
}

/** A row that passed the schema: its first line in the file, its values, and the record as read. */
export interface ParsedRow<Row> {
  line: number;
  row: Row;
  record: string[];
}

/** What the error file holds in place of a sensitive cell (see CsvImportKind.sensitiveColumns). */
export const SENSITIVE_LEFT_OUT = '(left out: sensitive; take it from your file)';

export interface CsvImportKind<Row> {
  /** E.g. PEOPLE_CERTIFICATIONS. */
  name: string;
  /** The header's columns (matched case-insensitively, surrounding spaces ignored). */
  columns: readonly { name: string; required?: boolean }[];
  /** The row as column -> trimmed text (an empty cell is absent); issues name the column by their path. */
  schema: z.ZodType<Row>;
  /** The natural key: unique in the file, and what a second run matches on. */
  keyColumn: string;
  /**
   * The natural key's columns when it is more than keyColumn (e.g. person, course and date): unique
   * together in the file (each normalized by normalizeKey); keyColumn is still what references name.
   */
  keyColumns?: readonly string[];
  /** The key as compared (e.g. upper-cased), from the cell's text. */
  normalizeKey?(value: string): string;
  /**
   * Columns holding sensitive text (e.g. a disciplinary summary): never copied into the error file,
   * which is kept with the run and read back later; the rejected row's cell says it was left out.
   */
  sensitiveColumns?: readonly string[];
  /** Columns naming a row of some kind, found in this file (this kind's keys) or in the database. */
  references?: readonly { column: string; kind: string; value(row: Row): string | null | undefined }[];
  /** Checks of the valid rows against each other and the database, before any write (batch the reads). */
  check?(rows: ParsedRow<Row>[], manager: EntityManager): Promise<ImportProblem[]>;
  /** Writes a batch inside the import's transaction, comparing first: one outcome per row. */
  writeBatch(tx: EntityManager, rows: ParsedRow<Row>[]): Promise<RowOutcome[]>;
}

export interface CsvImportProgress {
  rowsTotal: number | null;
  rowsProcessed: number;
}

export interface CsvImportOptions {
  dataSource: DataSource;
  mode: ImportMode;
  dryRun?: boolean;
  /** Whether each value of a referenced kind exists in the database (references not found in the file). */
  referenceExists?(kind: string, values: string[]): Promise<Set<string>>;
  /** Called at most every `progressEveryMs` (and every `progressEveryRows` rows), and once at the end. */
  onProgress?(progress: CsvImportProgress): Promise<void> | void;
  progressEveryMs?: number;
  progressEveryRows?: number;
  /** Rows per database round of checks and writes. */
  batchSize?: number;
}

export interface CsvImportResult {
  status: 'DONE' | 'REJECTED';
  rowsTotal: number;
  rowsProcessed: number;
  rowsValid: number;
  rowsInvalid: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Every problem, by line (the caller caps what it stores). */
  problems: ImportProblem[];
  /** The rejected rows as CSV (header + `error`), when any row was rejected. */
  errorFileCsv: string | null;
}

/** Thrown to roll a dry run's transaction back. */
class DryRunRollback extends Error {}

/** Physical lines: \r\n and lone \r become \n (a \r at a chunk's end waits for the next chunk). */
class NewlineNormalizer extends Transform {
  private pendingCr = false;
  override _transform(chunk: Buffer | string, _enc: BufferEncoding, done: TransformCallback): void {
    let text = (this.pendingCr ? '\r' : '') + (typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
    this.pendingCr = text.endsWith('\r');
    if (this.pendingCr) text = text.slice(0, -1);
    done(null, text.replace(/\r\n?/g, '\n'));
  }
  override _flush(done: TransformCallback): void {
    const rest = this.decoder.end() + (this.pendingCr ? '\r' : '');
    done(null, rest.replace(/\r\n?/g, '\n'));
  }
  private readonly decoder = new StringDecoder('utf8');
}

const countNewlines = (s: string) => {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
};
const leadingNewlines = (s: string) => {
  let n = 0;
  while (s[n] === '\n') n++;
  return n;
};

/** A zod issue as a problem: the first path element names the column. */
function problemsOfIssues(line: number, issues: z.ZodError['issues']): ImportProblem[] {
  return issues.map((i) => {
    const column = typeof i.path[0] === 'string' ? i.path[0] : null;
    const reason = i.code === 'invalid_type' && /received undefined$/.test(i.message) ? 'is required' : i.message;
    return { line, column, reason };
  });
}

/**
 * Runs an import of `source` (the CSV bytes, streamed) of `kind`. Resolves with the outcome (DONE or
 * REJECTED); a database error rejects the promise with nothing written.
 */
export async function runCsvImport<Row>(source: Readable | AsyncIterable<Buffer | string> | Buffer | string, kind: CsvImportKind<Row>, options: CsvImportOptions): Promise<CsvImportResult> {
  const batchSize = options.batchSize ?? 500;
  const everyMs = options.progressEveryMs ?? 250;
  const everyRows = options.progressEveryRows ?? 500;
  const problems: ImportProblem[] = [];
  const problemsByLine = new Map<number, ImportProblem[]>();
  const addProblem = (p: ImportProblem) => {
    problems.push(p);
    if (p.line > 1) {
      const list = problemsByLine.get(p.line) ?? [];
      list.push(p);
      problemsByLine.set(p.line, list);
    }
  };
  const records = new Map<number, string[]>(); // line -> record, for the error file
  let header: string[] | null = null;
  let columnIndex: Map<string, number> | null = null;
  const valid: ParsedRow<Row>[] = [];
  const keyLines = new Map<string, number>();
  let rowsTotal = 0;
  let rowsProcessed = 0;
  let fatal = false;

  let lastReport = Date.now();
  let lastReportedRows = 0;
  const report = async (force: boolean, total: number | null) => {
    if (!options.onProgress) return;
    if (!force && Date.now() - lastReport < everyMs && rowsProcessed - lastReportedRows < everyRows) return;
    lastReport = Date.now();
    lastReportedRows = rowsProcessed;
    await options.onProgress({ rowsTotal: total, rowsProcessed });
  };

  // ---- 1. Parse and validate each row as it streams in.
  const input = typeof source === 'string' || Buffer.isBuffer(source) ? Readable.from([source]) : Readable.from(source as AsyncIterable<Buffer | string>);
  const parser = input.pipe(new NewlineNormalizer()).pipe(
    parse({ raw: true, bom: true, skip_empty_lines: true, relax_column_count: true, record_delimiter: '\n', max_record_size: 1_000_000 }),
  );
  input.on('error', (err) => parser.destroy(err));
  let consumedLines = 0;
  const known = new Map(kind.columns.map((c) => [c.name.toLowerCase(), c]));
  const keyColumns = kind.keyColumns ?? [kind.keyColumn];
  try {
    for await (const { raw, record } of parser as AsyncIterable<{ raw: string; record: string[] }>) {
      const line = consumedLines + leadingNewlines(raw) + 1;
      consumedLines += countNewlines(raw);
      if (!header) {
        header = record.map((h) => h.trim());
        columnIndex = new Map();
        header.forEach((h, i) => {
          const name = h.toLowerCase();
          if (!known.has(name)) addProblem({ line, column: h, reason: `is not a column of ${kind.name} (expected: ${kind.columns.map((c) => c.name).join(', ')})` });
          else if (columnIndex!.has(name)) addProblem({ line, column: h, reason: 'appears twice in the header' });
          else columnIndex!.set(name, i);
        });
        for (const c of kind.columns) if (c.required && !columnIndex.has(c.name.toLowerCase())) addProblem({ line, column: c.name, reason: 'is missing from the header' });
        if (problems.length) {
          fatal = true;
          break;
        }
        continue;
      }
      if (record.every((v) => v.trim() === '')) continue; // a line of bare delimiters
      rowsTotal++;
      records.set(line, record);
      if (record.length !== header.length) {
        addProblem({ line, column: null, reason: `has ${record.length} values, the header has ${header.length} columns` });
        continue;
      }
      const values: Record<string, string> = {};
      for (const [name, i] of columnIndex!) {
        const v = record[i]!.trim();
        if (v !== '') values[name] = v;
      }
      const keyParts = keyColumns.map((c) => values[c]);
      if (keyParts.every((v) => v !== undefined)) {
        const key = keyParts.map((v) => (kind.normalizeKey ? kind.normalizeKey(v!) : v!)).join('\u0000');
        const first = keyLines.get(key);
        if (first !== undefined) addProblem({ line, column: kind.keyColumn, reason: `repeats the ${keyColumns.join(', ')} of line ${first}` });
        else keyLines.set(key, line);
      }
      const parsed = kind.schema.safeParse(values);
      if (!parsed.success) for (const p of problemsOfIssues(line, parsed.error.issues)) addProblem(p);
      else if (!problemsByLine.has(line)) valid.push({ line, row: parsed.data, record });
    }
  } catch (err) {
    const e = err as Error & { code?: string; lines?: number };
    if (!e.code?.startsWith('CSV_')) throw err;
    // The file cannot be read past here (an unclosed quote...): nothing of it is written.
    addProblem({ line: Math.max(1, e.lines ?? consumedLines + 1), column: null, reason: `cannot be read as CSV: ${e.message.replace(/^[^:]*:\s*/, '')}` });
    fatal = true;
  }
  if (!header && !fatal) {
    addProblem({ line: 1, column: null, reason: 'the file is empty: a header row is expected' });
    fatal = true;
  }

  // ---- 2. References and the kind's checks against the database, in batches.
  const manager = options.dataSource.manager;
  let checked = valid;
  if (!fatal) {
    // A reference is good when it names a valid row of this file (of the kind imported) or a row
    // in the platform; a row dropped for a bad reference can leave another's dangling: again.
    const found = new Map<string, Set<string>>(); // kind -> values the platform has
    const asked = new Map<string, Set<string>>(); // kind -> values asked of it already
    for (let dropped = true; dropped && checked.length; ) {
      dropped = false;
      const validKeys = new Set(checked.map((r) => r.record[columnIndex!.get(kind.keyColumn)!]!.trim()).map((k) => (kind.normalizeKey ? kind.normalizeKey(k) : k)));
      for (const ref of kind.references ?? []) {
        const norm = (v: string) => (ref.kind === kind.name && kind.normalizeKey ? kind.normalizeKey(v) : v);
        const inFile = ref.kind === kind.name ? validKeys : new Set<string>();
        const known = found.get(ref.kind) ?? new Set<string>();
        const done = asked.get(ref.kind) ?? new Set<string>();
        found.set(ref.kind, known);
        asked.set(ref.kind, done);
        const ask = [...new Set(checked.map((r) => ref.value(r.row)).filter((v): v is string => !!v).map(norm).filter((v) => !inFile.has(v) && !done.has(v)))];
        for (const v of ask) done.add(v);
        if (ask.length && options.referenceExists) for (const v of await options.referenceExists(ref.kind, ask)) known.add(v);
        for (const r of checked) {
          const raw = ref.value(r.row);
          const v = raw ? norm(raw) : null;
          if (v && !inFile.has(v) && !known.has(v) && !problemsByLine.has(r.line)) {
            addProblem({ line: r.line, column: ref.column, reason: `names ${raw}, found neither in this file nor in the platform` });
            dropped = true;
          }
        }
      }
      checked = checked.filter((r) => !problemsByLine.has(r.line));
    }
    if (kind.check && checked.length) for (const p of await kind.check(checked, manager)) addProblem(p);
    // A row found at fault by a later check is no longer valid.
    checked = checked.filter((r) => !problemsByLine.has(r.line));
  }

  const rejected = fatal || (options.mode === 'ALL_OR_NOTHING' && problems.length > 0);
  const counts = { created: 0, updated: 0, unchanged: 0 };
  await report(true, fatal ? null : rowsTotal);

  // ---- 3. Write in one transaction (rolled back for a dry run).
  if (!rejected && checked.length) {
    rowsProcessed = rowsTotal - checked.length; // the rejected rows are done with
    try {
      await options.dataSource.transaction(async (tx) => {
        for (let i = 0; i < checked.length; i += batchSize) {
          const batch = checked.slice(i, i + batchSize);
          const outcomes = await kind.writeBatch(tx, batch);
          for (const o of outcomes) counts[o]++;
          rowsProcessed += batch.length;
          await report(false, rowsTotal);
        }
        if (options.dryRun) throw new DryRunRollback();
      });
    } catch (err) {
      if (!(err instanceof DryRunRollback)) throw err;
    }
  }
  rowsProcessed = fatal ? 0 : rowsTotal;
  await report(true, fatal ? null : rowsTotal);

  problems.sort((a, b) => a.line - b.line);
  const rejectedLines = [...problemsByLine.keys()].sort((a, b) => a - b);
  const sensitive = new Set((kind.sensitiveColumns ?? []).map((c) => c.toLowerCase()));
  const errorFileCsv =
    header && rejectedLines.length
      ? stringify([
          [...header, 'error'],
          ...rejectedLines.map((line) => {
            const record = records.get(line) ?? [];
            const padded = header!.map((column, i) => (sensitive.has(column.trim().toLowerCase()) && record[i] ? SENSITIVE_LEFT_OUT : (record[i] ?? '')));
            return [...padded, problemsByLine.get(line)!.map((p) => (p.column ? `${p.column}: ${p.reason}` : p.reason)).join('; ')];
          }),
        ])
      : null;
  const rowsInvalid = rejectedLines.length;
  return {
    status: rejected ? 'REJECTED' : 'DONE',
    rowsTotal,
    rowsProcessed,
    rowsValid: fatal ? 0 : rowsTotal - rowsInvalid,
    rowsInvalid,
    ...(rejected ? { created: 0, updated: 0, unchanged: 0 } : counts),
    problems,
    errorFileCsv,
  };
}
