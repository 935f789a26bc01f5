// CSV import of people with their certifications (PEOPLE_CERTIFICATIONS), through the subgraph's
// GraphQL operations: a realistic file, and a copy with deliberate errors (a bad date, an unknown
// status, a quoted line break, a duplicate number, a missing value, an inconsistent due date...).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Client } from 'pg';
import { describe, expect, it } from 'vitest';
import { CertificationStatus, Role } from '@cpss/domain';
import { errorCodes, tokenFor } from '@cpss/testkit';
import { Certification } from '../src/entities/certification';
import { gql, useCertificationDatabase } from './harness';

const db = useCertificationDatabase();
const TODAY = '2026-12-07';
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const GOOD = fixture('people-certifications.csv');
const WITH_ERRORS = fixture('people-certifications-errors.csv');

const START = `mutation($input: StartCertificationImportInput!) {
  startCertificationImport(input: $input) { id status kind mode fileName dryRun startedBy rowsProcessed }
}`;
const RUN = `query($id: ID!) {
  certificationImportRun(id: $id) {
    id status rowsTotal rowsProcessed rowsValid rowsInvalid created updated unchanged
    problemCount problems { line column reason } errorFileCsv startedBy finishedAt
  }
}`;

interface Run {
  id: string;
  status: string;
  rowsTotal: number;
  rowsProcessed: number;
  rowsValid: number;
  rowsInvalid: number;
  created: number;
  updated: number;
  unchanged: number;
  problemCount: number;
  problems: { line: number; column: string | null; reason: string }[];
  errorFileCsv: string | null;
  startedBy: string;
  finishedAt: string | null;
}

async function runImport(csv: string, mode: 'ALL_OR_NOTHING' | 'VALID_ROWS_ONLY', dryRun = false, fileName = 'people.csv'): Promise<Run> {
  const server = await db.serverOn(TODAY);
  const token = await tokenFor([Role.Admin], null, 'admin-1');
  const started = await gql(server.app, START, { input: { kind: 'PEOPLE_CERTIFICATIONS', mode, fileName, contentBase64: Buffer.from(csv).toString('base64'), dryRun } }, { token });
  expect(started.body.errors).toBeUndefined();
  const run = started.body.data!['startCertificationImport'] as { id: string; status: string; dryRun: boolean; startedBy: string; fileName: string };
  expect(run).toMatchObject({ status: 'RUNNING', dryRun, startedBy: 'admin-1', fileName });
  await server.services.imports.settle();
  const res = await gql(server.app, RUN, { id: run.id }, { token });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!['certificationImportRun'] as Run;
}

/** What an import writes (the import_run row and its own audit entries aside). */
async function counts() {
  const [row] = (await db.ds.query(`select
      (select count(*)::int from person) as person,
      (select count(*)::int from certification) as certification,
      (select count(*)::int from certification_event) as certification_event,
      (select count(*)::int from certification_designation) as certification_designation,
      (select count(*)::int from status_change) as status_change,
      (select count(*)::int from audit_entry where subject_type <> 'import_run') as audit_entry`)) as Record<string, number>[];
  return row!;
}

async function statusOf(number: string): Promise<string> {
  const server = await db.serverOn(TODAY);
  const cert = await db.ds.getRepository(Certification).findOneByOrFail({ number });
  return (await server.services.certifications.statusesOn([cert], TODAY))[0]!.status;
}

const EXPECTED_PROBLEMS = [
  { line: 3, column: 'date_of_birth', reason: 'must be a date as YYYY-MM-DD' },
  { line: 4, column: 'status', reason: `is not a certification status (${Object.values(CertificationStatus).join(', ')})` },
  // Lines 6-7: one row whose quoted legal name spans two lines; the next row is line 8.
  { line: 6, column: 'legal_name', reason: 'must be on one line' },
  { line: 8, column: 'certification_number', reason: 'repeats the certification_number of line 2' },
  { line: 9, column: 'email', reason: 'is required' },
  { line: 10, column: 'due_on', reason: 'must be after issued_on (2022-11-07)' },
  { line: 11, column: 'status', reason: 'is LAPSED, but with due_on 2027-03-31 the certification is good through 2027-04-30 (its late window)' },
  { line: 13, column: 'county', reason: 'is not a North Carolina county' },
  { line: 14, column: 'designations', reason: 'PEER_MENTOR: not a designation (MILITARY_SERVICE_MEMBER, VETERAN_SERVICE_MEMBER, COAPS)' },
];

describe('importing people with their certifications', () => {
  it('is for admins only, and checks the file it is sent', async () => {
    const { app } = await db.serverOn(TODAY);
    const input = { kind: 'PEOPLE_CERTIFICATIONS', mode: 'ALL_OR_NOTHING', fileName: 'p.csv', contentBase64: Buffer.from(GOOD).toString('base64') };
    for (const role of [Role.CertificationReviewer, Role.Applicant]) {
      const res = await gql(app, START, { input }, { token: await tokenFor([role]) });
      expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    }
    expect(errorCodes(await gql(app, START, { input }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await gql(app, `{ certificationImportRuns { id } }`, {}, { token: await tokenFor([Role.CertificationReviewer]) }))).toEqual(['FORBIDDEN']);
    const admin = await tokenFor([Role.Admin]);
    const bad = await gql(app, START, { input: { ...input, contentBase64: 'not base64!' } }, { token: admin });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.body.errors![0]!.extensions!['fields']).toEqual([{ field: 'input.contentBase64', reason: 'is not base64' }]);
    const empty = await gql(app, START, { input: { ...input, contentBase64: '' } }, { token: admin });
    expect(bad.body.errors![0]!.extensions!['fields']).toBeDefined();
    expect(empty.body.errors![0]!.extensions!['fields']).toEqual([{ field: 'input.contentBase64', reason: 'the file is empty' }]);
    expect(await db.count('import_run')).toBe(0);
  });

  it('all or nothing: reports every problem with its line and column, and writes nothing', async () => {
    const before = await counts();
    const run = await runImport(WITH_ERRORS, 'ALL_OR_NOTHING');
    expect(run).toMatchObject({ status: 'REJECTED', rowsTotal: 13, rowsValid: 4, rowsInvalid: 9, created: 0, updated: 0, unchanged: 0, problemCount: 9, startedBy: 'admin-1' });
    expect(run.problems).toEqual(EXPECTED_PROBLEMS);
    expect(run.finishedAt).not.toBeNull();
    expect(await counts()).toEqual(before);
    // The same file with Windows line ends: the same lines.
    const crlf = await runImport(WITH_ERRORS.replace(/\n/g, '\r\n'), 'ALL_OR_NOTHING');
    expect(crlf.problems).toEqual(EXPECTED_PROBLEMS);
    // A blank line after line 5 is skipped, and counted: the later problems are a line further down.
    const lines = WITH_ERRORS.split('\n');
    const blank = await runImport([...lines.slice(0, 5), '', ...lines.slice(5)].join('\n'), 'ALL_OR_NOTHING');
    expect(blank.rowsTotal).toBe(13);
    expect(blank.problems).toEqual(EXPECTED_PROBLEMS.map((p) => (p.line > 5 ? { ...p, line: p.line + 1 } : p)));
    expect(await counts()).toEqual(before);
  });

  it('a header with an unknown or a missing column is refused on line 1', async () => {
    const before = await counts();
    const lines = GOOD.split('\n');
    const header = lines[0]!.replace('email', 'e_mail');
    const run = await runImport([header, ...lines.slice(1)].join('\n'), 'VALID_ROWS_ONLY');
    expect(run.status).toBe('REJECTED');
    expect(run.problems).toEqual([
      { line: 1, column: 'e_mail', reason: expect.stringMatching(/^is not a column of PEOPLE_CERTIFICATIONS \(expected: certification_number, /) },
      { line: 1, column: 'email', reason: 'is missing from the header' },
    ]);
    const unclosed = await runImport(`${lines[0]}\n${lines[1]}\n"NC-CPSS-1,unclosed\n`, 'VALID_ROWS_ONLY');
    expect(unclosed.status).toBe('REJECTED');
    expect(unclosed.problems).toEqual([{ line: 3, column: null, reason: expect.stringMatching(/^cannot be read as CSV: /) }]);
    expect(await counts()).toEqual(before);
  });

  it('a dry run counts what would change and writes nothing', async () => {
    const before = await counts();
    const run = await runImport(WITH_ERRORS, 'VALID_ROWS_ONLY', true);
    expect(run).toMatchObject({ status: 'DONE', rowsTotal: 13, rowsProcessed: 13, rowsValid: 4, rowsInvalid: 9, created: 4, updated: 0, unchanged: 0, problemCount: 9 });
    expect(await counts()).toEqual(before);
  });

  it('valid rows only: writes the good rows and returns the bad ones, with why, as an error file', async () => {
    const before = await counts();
    const run = await runImport(WITH_ERRORS, 'VALID_ROWS_ONLY');
    expect(run).toMatchObject({ status: 'DONE', rowsValid: 4, rowsInvalid: 9, created: 4, updated: 0, unchanged: 0 });
    expect(run.problems).toEqual(EXPECTED_PROBLEMS);
    const after = await counts();
    expect(after.person - before.person).toBe(4);
    expect(after.certification - before.certification).toBe(4);
    expect(after.certification_event - before.certification_event).toBe(1); // 300010's revocation
    expect(after.certification_designation - before.certification_designation).toBe(2);
    for (const number of ['NC-CPSS-300001', 'NC-CPSS-300004', 'NC-CPSS-300010', 'NC-CPSS-300013']) expect(await db.ds.getRepository(Certification).countBy({ number })).toBe(1);
    expect(await statusOf('NC-CPSS-300010')).toBe('REVOKED');
    expect(await statusOf('NC-CPSS-300004')).toBe('LAPSED');

    const rows = parse(run.errorFileCsv!, { columns: true }) as Record<string, string>[];
    const header = WITH_ERRORS.split('\n')[0]!.split(',');
    expect(Object.keys(rows[0]!)).toEqual([...header, 'error']);
    expect(rows.map((r) => r['certification_number'])).toEqual(['NC-CPSS-300002', 'NC-CPSS-300003', 'NC-CPSS-300005', 'NC-CPSS-300001', 'NC-CPSS-300007', 'NC-CPSS-300008', 'NC-CPSS-300009', 'NC-CPSS-300011', 'NC-CPSS-300012']);
    expect(rows.map((r) => r['error'])).toEqual(EXPECTED_PROBLEMS.map((p) => `${p.column}: ${p.reason}`));
    // The rows as they were: the legal name's line break and the duplicate's own values.
    expect(rows[2]!['legal_name']).toBe('Keisha\nMonroe');
    expect(rows[3]!['email']).toBe('lramirez@example.org');

    // The writes are the admin's in the audit trail (the trigger names the mutation and them).
    const audit = (await db.ds.query(`select distinct actor, operation from audit_entry where subject_type = 'certification' and action = 'create'`)) as { actor: string; operation: string }[];
    expect(audit).toEqual([{ actor: 'admin-1', operation: 'startCertificationImport' }]);
  });

  it('imports a realistic file; a person already known by email keeps one record; a second run changes nothing', async () => {
    const before = await counts();
    const run = await runImport(GOOD, 'ALL_OR_NOTHING');
    expect(run).toMatchObject({ status: 'DONE', rowsTotal: 20, rowsProcessed: 20, rowsValid: 20, rowsInvalid: 0, created: 20, updated: 0, unchanged: 0, problemCount: 0, problems: [], errorFileCsv: null });
    const after = await counts();
    // Four of the file's people came with the earlier file (same emails): a second certification each.
    expect(after.person - before.person).toBe(16);
    expect(after.certification - before.certification).toBe(20);
    expect(after.certification_event - before.certification_event).toBe(3);
    const [{ holders }] = (await db.ds.query(`select count(distinct person_id)::int as holders from certification where number in ('NC-CPSS-200001', 'NC-CPSS-300001')`)) as { holders: number }[];
    expect(holders).toBe(1);
    expect(await statusOf('NC-CPSS-200008')).toBe('SUSPENDED');
    expect(await statusOf('NC-CPSS-200010')).toBe('REVOKED');
    expect(await statusOf('NC-CPSS-200002')).toBe('LAPSED');
    expect(await statusOf('NC-CPSS-200019')).toBe('DUE'); // ACTIVE in the file, in its reminder window today
    const luis = await db.ds.getRepository(Certification).findOneByOrFail({ number: 'NC-CPSS-200006' });
    expect((await db.ds.query(`select designation from certification_designation where certification_id = $1 order by 1`, [luis.id])).map((d: { designation: string }) => d.designation)).toEqual(['MILITARY_SERVICE_MEMBER', 'VETERAN_SERVICE_MEMBER']);

    const again = await runImport(GOOD, 'ALL_OR_NOTHING');
    expect(again).toMatchObject({ status: 'DONE', created: 0, updated: 0, unchanged: 20, problemCount: 0 });
    expect(await counts()).toEqual(after);

    // Another domain's import (training's trainers, ethics' actions) finds the holders by number.
    const HOLDERS = `query($numbers: [String!]!) { peopleByCertificationNumbers(numbers: $numbers) { certificationNumber personId } }`;
    const app = (await db.serverOn(TODAY)).app;
    const asService = await gql(app, HOLDERS, { numbers: ['nc-cpss-200006', 'NC-CPSS-999999'] }, { token: await tokenFor([Role.Service], null, 'service:training') });
    expect(asService.body.data!['peopleByCertificationNumbers']).toEqual([{ certificationNumber: 'NC-CPSS-200006', personId: luis.personId }]);
    expect(errorCodes(await gql(app, HOLDERS, { numbers: ['NC-CPSS-200006'] }, { token: await tokenFor([Role.CertificationReviewer]) }))).toEqual(['FORBIDDEN']);
    const tooMany = Array.from({ length: 1001 }, (_, i) => `NC-CPSS-${700000 + i}`);
    expect(errorCodes(await gql(app, HOLDERS, { numbers: tooMany }, { token: await tokenFor([Role.Admin]) }))).toEqual(['BAD_USER_INPUT']);
  });

  it('a changed row is updated: person details, designations and a new status event', async () => {
    const changed = GOOD.replace('919-555-0150', '919-555-0999') // Tamika Boyd's phone
      .replace('2027-05-31,ACTIVE,,MILITARY_SERVICE_MEMBER;VETERAN_SERVICE_MEMBER', '2027-05-31,ACTIVE,,VETERAN_SERVICE_MEMBER') // Luis: one designation
      .replace('2027-04-30,ACTIVE,,', `2027-04-30,SUSPENDED,${TODAY},`); // Marisol: suspended today
    const before = await counts();
    const run = await runImport(changed, 'ALL_OR_NOTHING');
    expect(run).toMatchObject({ status: 'DONE', created: 0, updated: 3, unchanged: 17 });
    const after = await counts();
    expect(after.person).toBe(before.person);
    expect(after.certification).toBe(before.certification);
    expect(after.certification_event - before.certification_event).toBe(1);
    expect(after.certification_designation - before.certification_designation).toBe(-1);
    expect(await statusOf('NC-CPSS-200001')).toBe('SUSPENDED');
    // Only what changed is written: one person, one designation, one event (and its timeline entry).
    const writes = (await db.ds.query(`select subject_type, action, fields from audit_entry where subject_type <> 'import_run' order by at desc, id desc limit $1`, [after.audit_entry - before.audit_entry])) as { subject_type: string; action: string; fields: string[] }[];
    expect(writes.map((w) => `${w.subject_type}:${w.action}`).sort()).toEqual(['certification_designation:delete', 'certification_event:create', 'person:update', 'status_change:create']);
    expect(writes.find((w) => w.subject_type === 'person')!.fields).toEqual(expect.arrayContaining(['phone']));

    // Back to ACTIVE in the file: a reinstatement, not a rewrite of the past.
    const reinstated = await runImport(GOOD, 'ALL_OR_NOTHING');
    expect(reinstated).toMatchObject({ status: 'DONE', created: 0, updated: 3, unchanged: 17 });
    expect(await statusOf('NC-CPSS-200001')).toBe('ACTIVE');
    // A new certification for a person known by email only: refused when the date of birth differs.
    const stranger = await runImport(`${GOOD.split('\n')[0]}\nNC-CPSS-200099,Marisol Vega-Torres,Mari,1984-03-15,mvega.torres@example.org,919-555-0134,Wake,2025-04-11,2025-04-11,2027-04-30,ACTIVE,,\n`, 'ALL_OR_NOTHING');
    expect(stranger.problems).toEqual([{ line: 2, column: 'date_of_birth', reason: 'differs from that of the person in the platform with this email' }]);
    // A revocation is not undone by a file.
    const unrevoke = await runImport(GOOD.replace('2025-10-31,REVOKED,2024-05-17,', '2025-10-31,LAPSED,,'), 'ALL_OR_NOTHING');
    expect(unrevoke.status).toBe('REJECTED');
    expect(unrevoke.problems).toEqual([{ line: 11, column: 'status', reason: 'is LAPSED, but NC-CPSS-200010 is REVOKED in the platform: an import does not undo that' }]);
  });

  it('a database error rolls the whole import back: FAILED, nothing written, logged without row values', async () => {
    const header = GOOD.split('\n')[0]!;
    const csv = [
      header,
      'NC-CPSS-400001,Dana Whitlock,,1983-02-11,dana.whitlock@example.org,,Wake,2025-03-03,2025-03-03,2027-03-31,ACTIVE,,',
      'NC-CPSS-400002,Evan Pruitt,,1979-09-09,evan.pruitt@example.org,,Durham,2025-04-07,2025-04-07,2027-04-30,ACTIVE,,COAPS',
    ].join('\n');
    // A rule of the database the checks do not know: the second row's designation breaks it.
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    try {
      await admin.query(`alter table certification.certification_designation add constraint import_test_no_coaps check (designation <> 'COAPS') not valid`);
      const before = await counts();
      const run = await runImport(csv, 'VALID_ROWS_ONLY');
      expect(run).toMatchObject({ status: 'FAILED', created: 0, updated: 0, unchanged: 0, problemCount: 1 });
      expect(run.problems[0]!.reason).toMatch(/^The import failed \(the database refused a row: import_test_no_coaps\); nothing was written \(request \S+\)$/);
      expect(await counts()).toEqual(before);
      const logged = db.lines().filter((l) => l.includes('"import failed"'));
      expect(logged).toHaveLength(1);
      expect(logged[0]).toContain(run.id);
      expect(logged[0]).toContain(run.problems[0]!.reason.match(/request (\S+)\)$/)![1]!);
      for (const value of ['Evan', 'Pruitt', 'evan.pruitt', 'NC-CPSS-4000', '1979-09-09']) expect(logged[0]).not.toContain(value);
    } finally {
      await admin.query(`alter table certification.certification_designation drop constraint if exists import_test_no_coaps`);
      await admin.end();
    }
  });

  it('lists the runs newest first; a run left RUNNING by a stopped process is FAILED once the service starts again', async () => {
    const server = await db.serverOn(TODAY);
    const token = await tokenFor([Role.Admin]);
    const res = await gql(server.app, `{ certificationImportRuns(first: 2) { id status startedAt } }`, {}, { token });
    const runs = res.body.data!['certificationImportRuns'] as { status: string; startedAt: string }[];
    expect(runs).toHaveLength(2);
    expect(runs[0]!.startedAt >= runs[1]!.startedAt).toBe(true);
    const [{ id }] = (await db.ds.query(
      `insert into import_run (kind, mode, file_name, dry_run, status, started_by, runner, started_at) values ('PEOPLE_CERTIFICATIONS', 'ALL_OR_NOTHING', 'x.csv', false, 'RUNNING', 'admin-1', 'a-stopped-process', now() - interval '1 day') returning id`,
    )) as { id: string }[];
    // One another process (the command line) began since this one started: still its own.
    const [{ id: cliRun }] = (await db.ds.query(
      `insert into import_run (kind, mode, file_name, dry_run, status, started_by, runner) values ('PEOPLE_CERTIFICATIONS', 'ALL_OR_NOTHING', 'y.csv', false, 'RUNNING', 'cli', 'another-process') returning id`,
    )) as { id: string }[];
    // A service started after the process that ran it stopped (a server of its own): its first answer says FAILED.
    const restarted = await db.serverOn('2026-12-08');
    const run = await gql(restarted.app, RUN, { id }, { token });
    expect(run.body.data!['certificationImportRun']).toMatchObject({ status: 'FAILED', problems: [{ line: 0, column: null, reason: expect.stringMatching(/^interrupted/) }] });
    const other = await gql(restarted.app, RUN, { id: cliRun }, { token });
    expect(other.body.data!['certificationImportRun']).toMatchObject({ status: 'RUNNING', problems: [] });
  });
});
