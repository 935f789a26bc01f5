// CSV import of past disciplinary actions (DISCIPLINARY_ACTIONS) through the subgraph's GraphQL
// operations: a realistic file (a summary spanning two lines, kinds and yes/no in any case), and a
// copy with deliberate errors (a bad date, an unknown kind, a duplicate action number, a person not
// in the platform, a probation without its end). Certification (who holds a number) is a small
// in-memory port here, as in certification's cross-domain test; the path through the gateway is
// the platform's (peopleByCertificationNumbers).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { Role, SANCTION_OUTCOMES } from '@cpss/domain';
import { fixedClock, SENSITIVE_LEFT_OUT, serviceUnavailable } from '@cpss/server-kit';
import { capturingLogger, errorCodes, gql, TEST_SUBGRAPH_SECRET, testVerifier, tokenFor } from '@cpss/testkit';
import { createServer } from '../src/server';
import type { CertificationHolders } from '../src/services/certification-holders';
import { useEthicsDatabase } from './harness';

const db = useEthicsDatabase();
const TODAY = '2026-12-07';
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const GOOD = fixture('disciplinary-actions.csv');
const WITH_ERRORS = fixture('disciplinary-actions-errors.csv');

/** Certification as the test controls it: who holds each number, up or down. */
class Certification implements CertificationHolders {
  up = true;
  readonly holders = new Map<string, string>([
    ['NC-PSS-100231', '0b6f6c55-8f5b-4d0e-9a51-000000100231'],
    ['NC-PSS-100452', '0b6f6c55-8f5b-4d0e-9a51-000000100452'],
    ['NC-PSS-100778', '0b6f6c55-8f5b-4d0e-9a51-000000100778'],
    ['NC-PSS-101006', '0b6f6c55-8f5b-4d0e-9a51-000000101006'],
    ['NC-PSS-101120', '0b6f6c55-8f5b-4d0e-9a51-000000101120'],
  ]);
  async personIdsOf(numbers: readonly string[]) {
    if (!this.up) throw serviceUnavailable('certification');
    return new Map(numbers.filter((n) => this.holders.has(n)).map((n) => [n, this.holders.get(n)!]));
  }
}

const certification = new Certification();
const captured = capturingLogger('ethics-import');
let server: Awaited<ReturnType<typeof createServer>> | null = null;
async function platform() {
  server ??= await createServer({ dataSource: db.ds, logger: captured.logger, verifier: testVerifier(), gatewaySecret: TEST_SUBGRAPH_SECRET, clock: fixedClock(TODAY), certificationHolders: certification });
  return server;
}

const START = `mutation($input: StartEthicsImportInput!) { startEthicsImport(input: $input) { id status kind mode fileName dryRun startedBy } }`;
const RUN = `query($id: ID!) {
  ethicsImportRun(id: $id) { id status kind rowsTotal rowsProcessed rowsValid rowsInvalid created updated unchanged problemCount problems { line column reason } errorFileCsv startedBy finishedAt }
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
}

const admin = () => tokenFor([Role.Admin], null, 'admin-1');

async function runImport(csv: string, mode: 'ALL_OR_NOTHING' | 'VALID_ROWS_ONLY', dryRun = false): Promise<Run> {
  const { app, services } = await platform();
  const token = await admin();
  const started = await gql(app, START, { input: { kind: 'DISCIPLINARY_ACTIONS', mode, fileName: 'actions.csv', contentBase64: Buffer.from(csv).toString('base64'), dryRun } }, { token });
  expect(started.body.errors).toBeUndefined();
  expect(started.body.data!['startEthicsImport']).toMatchObject({ status: 'RUNNING', kind: 'DISCIPLINARY_ACTIONS', startedBy: 'admin-1', dryRun });
  await services.imports.settle();
  const res = await gql(app, RUN, { id: (started.body.data!['startEthicsImport'] as { id: string }).id }, { token });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!['ethicsImportRun'] as Run;
}

/** What an import writes (its import_run row and that row's audit entries aside). */
async function counts() {
  const [row] = (await db.ds.query(`select
      (select count(*)::int from sanction) as sanction,
      (select count(*)::int from public_disciplinary_action) as public_disciplinary_action,
      (select count(*)::int from outbound_command) as outbound_command,
      (select count(*)::int from audit_entry where subject_type <> 'import_run') as audit_entry`)) as Record<string, number>[];
  return row!;
}

const SUMMARIES = parse(GOOD, { columns: true }).map((r: Record<string, string>) => r['summary']).filter(Boolean) as string[];
const KINDS = SANCTION_OUTCOMES.join(', ');
const EXPECTED_PROBLEMS = [
  { line: 3, column: 'decided_on', reason: 'must be a date as YYYY-MM-DD' },
  { line: 4, column: 'kind', reason: `is not a disciplinary action (${KINDS})` },
  { line: 5, column: 'action_reference', reason: 'repeats the action_reference of line 2' },
  { line: 6, column: 'certification_number', reason: 'names NC-PSS-999999: no certification in the platform has this number (import the person first)' },
  { line: 7, column: 'effective_until', reason: 'is required for PROBATION' },
];

describe('DISCIPLINARY_ACTIONS import', () => {
  it('all or nothing: a file with errors is rejected with every problem on its line and column, and nothing is written', async () => {
    const before = await counts();
    const run = await runImport(WITH_ERRORS, 'ALL_OR_NOTHING');
    expect(run).toMatchObject({ status: 'REJECTED', rowsTotal: 7, rowsValid: 2, rowsInvalid: 5, created: 0, updated: 0, unchanged: 0, problemCount: EXPECTED_PROBLEMS.length });
    expect(run.problems).toEqual(EXPECTED_PROBLEMS);
    expect(await counts()).toEqual(before);
  });

  it('imports the realistic file as final sanctions without a case, publishes the public ones, sends no command; a second run changes nothing', async () => {
    const before = await counts();
    const run = await runImport(GOOD, 'ALL_OR_NOTHING');
    expect(run).toMatchObject({ status: 'DONE', rowsTotal: 7, rowsValid: 7, rowsInvalid: 0, created: 7, updated: 0, unchanged: 0, problemCount: 0, errorFileCsv: null });
    const after = await counts();
    // 7 sanctions, 5 public; the audit trail: each row written, each public row, and the 6 summaries' writes.
    expect(after.sanction - before.sanction).toBe(7);
    expect(after.public_disciplinary_action - before.public_disciplinary_action).toBe(5);
    expect(after.outbound_command).toBe(before.outbound_command); // historical: certification's import carries the status
    const summaryWrites = (await db.ds.query(`select subject_id, actor, action from audit_entry where subject_type = 'Sanction' and fields = '{summary}'`)) as { actor: string; action: string }[];
    expect(summaryWrites).toHaveLength(6);
    expect(summaryWrites.every((e) => e.actor === 'admin-1' && e.action === 'create')).toBe(true);

    const revocation = (await db.ds.query(`select complaint_id, person_id, kind, status, to_char(effective_from, 'YYYY-MM-DD') as effective_from, effective_until, to_char(finalized_on, 'YYYY-MM-DD') as finalized_on, summary from sanction where action_reference = 'DA-2022-007'`)) as Record<string, unknown>[];
    expect(revocation).toEqual([
      {
        complaint_id: null,
        person_id: certification.holders.get('NC-PSS-100778'),
        kind: 'REVOCATION',
        status: 'FINAL',
        effective_from: '2022-10-01',
        effective_until: null,
        finalized_on: '2022-09-20',
        summary: 'Revoked: falsified training records,\nincluding a completion certificate for a course never attended.',
      },
    ]);
    // Keys and kinds as the program writes them, in any case.
    expect((await db.ds.query(`select kind, summary from sanction where action_reference = 'DA-2024-002'`)) as unknown[]).toEqual([{ kind: 'CORRECTIVE_ACTION', summary: null }]);
    // The public standing: the second probation is in effect today; the older actions are over.
    const { services } = await platform();
    const [status] = await services.disciplinary.publicStatusOf([certification.holders.get('NC-PSS-100231')!]);
    expect(status).toMatchObject({ standing: 'PROBATION', removedAsTrainer: false });
    expect(status!.actions.map((a) => a.effectiveFrom)).toEqual(['2025-08-01', '2019-04-01']);

    const again = await runImport(GOOD, 'ALL_OR_NOTHING');
    expect(again).toMatchObject({ status: 'DONE', created: 0, updated: 0, unchanged: 7 });
    expect(await counts()).toEqual(after);

    // A corrected file: one action no longer public, one summary reworded: those two rows change.
    const corrected = GOOD.replace('2022-10-01,,yes,', '2022-10-01,,no,').replace('weekly supervision.', 'weekly supervision by the program.');
    const fixed = await runImport(corrected, 'ALL_OR_NOTHING');
    expect(fixed).toMatchObject({ status: 'DONE', created: 0, updated: 2, unchanged: 5 });
    const last = await counts();
    expect(last.sanction).toBe(after.sanction);
    expect(last.public_disciplinary_action).toBe(after.public_disciplinary_action - 1);
    expect((await db.ds.query(`select action from audit_entry where subject_type = 'Sanction' and fields = '{summary}' and action = 'update'`)) as unknown[]).toHaveLength(1);
  });

  it('valid rows only: the two valid rows are written, the rejected ones come back in the error file; a dry run writes nothing', async () => {
    const before = await counts();
    const dry = await runImport(WITH_ERRORS, 'VALID_ROWS_ONLY', true);
    expect(dry).toMatchObject({ status: 'DONE', created: 2, rowsInvalid: 5 });
    expect(await counts()).toEqual(before);

    const run = await runImport(WITH_ERRORS, 'VALID_ROWS_ONLY');
    expect(run).toMatchObject({ status: 'DONE', rowsTotal: 7, rowsValid: 2, rowsInvalid: 5, created: 2, updated: 0, unchanged: 0 });
    expect(run.problems).toEqual(EXPECTED_PROBLEMS);
    const errors = parse(run.errorFileCsv!, { columns: true }) as Record<string, string>[];
    expect(errors.map((r) => r['action_reference'])).toEqual(['DA-2018-002', 'DA-2018-003', 'DA-2018-001', 'DA-2018-005', 'DA-2018-006']);
    // The summaries of the rejected rows are not kept in the error file.
    const fileSummaries = parse(WITH_ERRORS, { columns: true }) as Record<string, string>[];
    for (const row of errors) {
      const original = fileSummaries.find((r) => r['action_reference'] === row['action_reference'])!;
      expect(row['summary']).toBe(original['summary'] ? SENSITIVE_LEFT_OUT : '');
    }
    expect(fileSummaries.filter((r) => r['summary']).length).toBeGreaterThan(0);
    for (const r of fileSummaries.filter((r) => r['summary'])) expect(run.errorFileCsv).not.toContain(r['summary']!);
    expect(errors[3]!['error']).toBe('certification_number: names NC-PSS-999999: no certification in the platform has this number (import the person first)');
    const written = (await db.ds.query(`select action_reference from sanction where action_reference like 'DA-2018-%' order by action_reference`)) as { action_reference: string }[];
    expect(written.map((r) => r.action_reference)).toEqual(['DA-2018-001', 'DA-2018-007']);
    expect((await counts()).sanction).toBe(before.sanction + 2);
  });

  it('when certification does not answer, every row is refused and nothing is written', async () => {
    const before = await counts();
    certification.up = false;
    try {
      const run = await runImport(GOOD.replace(/DA-/g, 'DB-'), 'VALID_ROWS_ONLY');
      expect(run).toMatchObject({ status: 'DONE', rowsInvalid: 7, created: 0 });
      expect(new Set(run.problems.map((p) => p.reason))).toEqual(new Set(['could not be checked: certification did not answer (try again shortly)']));
    } finally {
      certification.up = true;
    }
    expect(await counts()).toEqual(before);
  });

  it('only admins import or read imports', async () => {
    const { app } = await platform();
    const input = { kind: 'DISCIPLINARY_ACTIONS', mode: 'ALL_OR_NOTHING', fileName: 'a.csv', contentBase64: Buffer.from(GOOD).toString('base64') };
    for (const role of [Role.EthicsStaff, Role.CertificationReviewer]) {
      const token = await tokenFor([role], null, `staff-${role}`);
      expect(errorCodes(await gql(app, START, { input }, { token }))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await gql(app, `{ ethicsImportRuns { id } }`, {}, { token }))).toEqual(['FORBIDDEN']);
    }
    expect(errorCodes(await gql(app, START, { input }, {}))).toContain('UNAUTHENTICATED');
    const runs = await gql(app, `{ ethicsImportRuns(first: 3) { kind status startedBy } }`, {}, { token: await admin() });
    expect(runs.body.data!['ethicsImportRuns']).toHaveLength(3);
  });

  it('never logs a summary', () => {
    const lines = [...captured.lines(), ...db.logLines()].join('\n');
    expect(lines).toContain('import finished');
    for (const s of SUMMARIES) expect(lines).not.toContain(s.slice(0, 30));
  });
});
