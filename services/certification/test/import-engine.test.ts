// The CSV import engine (server-kit csv-import.ts) with a kind of its own over this domain's
// database: references found in the same file or in the platform, progress reported as rows are
// written, the error file's quoting, and a file streamed in small chunks (a \r\n split between two).
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCsvImport, type CsvImportKind, type CsvImportProgress } from '@cpss/server-kit';
import { z } from 'zod';
import { useCertificationDatabase } from './harness';

const db = useCertificationDatabase({ seedPeople: false });

interface LinkRow {
  code: string;
  parent: string | null;
  label: string;
}

/** Codes naming a parent: a valid row of the file, or (in the platform) a certification number. */
function linkKind(written: LinkRow[]): CsvImportKind<LinkRow> {
  return {
    name: 'LINKS',
    columns: [{ name: 'code', required: true }, { name: 'parent' }, { name: 'label', required: true }],
    schema: z.object({
      code: z.string({ error: 'is required' }),
      parent: z.string().nullable().default(null),
      label: z.string({ error: 'is required' }).max(20, { message: 'must be at most 20 characters' }),
    }),
    keyColumn: 'code',
    references: [{ column: 'parent', kind: 'LINKS', value: (r) => r.parent }],
    async writeBatch(_tx, rows) {
      written.push(...rows.map((r) => r.row));
      return rows.map(() => 'created');
    },
  };
}

async function referenceExists(kind: string, values: string[]): Promise<Set<string>> {
  if (kind !== 'LINKS') return new Set();
  const rows = (await db.ds.query(`select number from certification where number = any($1::text[])`, [values])) as { number: string }[];
  return new Set(rows.map((r) => r.number));
}

describe('the CSV import engine', () => {
  it('checks references against the same file and the platform, reports progress, and streams in chunks', async () => {
    await db.ds.query(`insert into person (id, legal_name, email, date_of_birth, county) values ('5d7a3c1e-0000-4000-8000-00000000e001', 'Engine Person', 'engine@example.org', '1980-01-01', 'Wake')`);
    await db.ds.query(`insert into certification (number, person_id, issued_on, last_certified_on, due_on) values ('NC-ENGINE-1', '5d7a3c1e-0000-4000-8000-00000000e001', '2025-01-01', '2025-01-01', '2027-01-31')`);
    const rows = [
      'code,parent,label',
      'A,,"top, with a comma"',
      'B,A,child of A',
      'C,NC-ENGINE-1,cert child',
      'D,Z,"a ""missing"" parent"',
      'E,NC-NOPE,no such cert',
      'F,,"a label far too long, this"',
      'G,F,child of a bad row',
    ];
    for (let i = 0; i < 1200; i++) rows.push(`R${i},B,row ${i}`);
    const text = `${rows.join('\r\n')}\r\n`;
    // 7-byte chunks: a \r\n is split between two of them somewhere.
    const chunks = Array.from({ length: Math.ceil(text.length / 7) }, (_, i) => Buffer.from(text.slice(i * 7, i * 7 + 7)));
    const beforeProblems = text.indexOf('D,Z');
    expect(chunks.some((c, i) => (i + 1) * 7 < beforeProblems && c.toString().endsWith('\r'))).toBe(true);
    const written: LinkRow[] = [];
    const progress: CsvImportProgress[] = [];
    const result = await runCsvImport(Readable.from(chunks), linkKind(written), {
      dataSource: db.ds,
      mode: 'VALID_ROWS_ONLY',
      referenceExists,
      batchSize: 100,
      progressEveryMs: 60_000,
      progressEveryRows: 300,
      onProgress: (p) => void progress.push(p),
    });
    expect(result).toMatchObject({ status: 'DONE', rowsTotal: 1207, rowsValid: 1203, rowsInvalid: 4, created: 1203, updated: 0, unchanged: 0 });
    expect(result.problems).toEqual([
      { line: 5, column: 'parent', reason: 'names Z, found neither in this file nor in the platform' },
      { line: 6, column: 'parent', reason: 'names NC-NOPE, found neither in this file nor in the platform' },
      { line: 7, column: 'label', reason: 'must be at most 20 characters' },
      // Its parent is in the file but not written (line 7): the reference would dangle.
      { line: 8, column: 'parent', reason: 'names F, found neither in this file nor in the platform' },
    ]);
    expect(written.map((r) => r.code).slice(0, 4)).toEqual(['A', 'B', 'C', 'R0']);
    expect(written.find((r) => r.code === 'A')!.label).toBe('top, with a comma');
    // Progress: the total once read, then rows written in steps, never backwards, ending at the total.
    expect(progress[0]).toEqual({ rowsTotal: 1207, rowsProcessed: 0 });
    expect(progress.at(-1)).toEqual({ rowsTotal: 1207, rowsProcessed: 1207 });
    const processed = progress.map((p) => p.rowsProcessed);
    expect(processed).toEqual([...processed].sort((a, b) => a - b));
    expect(progress.length).toBeGreaterThanOrEqual(5);
    // The error file: the rows as they were (quotes and all), with why.
    const errors = parse(result.errorFileCsv!, { columns: true }) as Record<string, string>[];
    expect(errors).toEqual([
      { code: 'D', parent: 'Z', label: 'a "missing" parent', error: 'parent: names Z, found neither in this file nor in the platform' },
      { code: 'E', parent: 'NC-NOPE', label: 'no such cert', error: 'parent: names NC-NOPE, found neither in this file nor in the platform' },
      { code: 'F', parent: '', label: 'a label far too long, this', error: 'label: must be at most 20 characters' },
      { code: 'G', parent: 'F', label: 'child of a bad row', error: 'parent: names F, found neither in this file nor in the platform' },
    ]);
  });

  it('all or nothing writes no row when one fails; a row of the wrong width is a problem of its own', async () => {
    const written: LinkRow[] = [];
    const result = await runCsvImport('code,parent,label\nA,,one\nB,A,two,extra\nA,,again\n', linkKind(written), { dataSource: db.ds, mode: 'ALL_OR_NOTHING', referenceExists });
    expect(result).toMatchObject({ status: 'REJECTED', rowsTotal: 3, rowsValid: 1, rowsInvalid: 2, created: 0 });
    expect(result.problems).toEqual([
      { line: 3, column: null, reason: 'has 4 values, the header has 3 columns' },
      { line: 4, column: 'code', reason: 'repeats the code of line 2' },
    ]);
    expect(written).toEqual([]);
    const empty = await runCsvImport('', linkKind(written), { dataSource: db.ds, mode: 'VALID_ROWS_ONLY' });
    expect(empty).toMatchObject({ status: 'REJECTED', problems: [{ line: 1, column: null, reason: 'the file is empty: a header row is expected' }] });
  });
});
