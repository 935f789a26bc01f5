// Redaction: journeys that write and read the platform's sensitive values (an applicant's recovery
// statement, a complaint's summary, complainant and allegations), well and badly (refused input,
// a GET with its variables in the URL), then every line the four services logged is searched for
// those values: none may appear, however the request went.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@cpss/devdb';
import type { RunningPlatform } from '@cpss/launcher';
import { graphql, signIn } from '../support/client';
import { startTestPlatform } from '../support/platform';

// A platform of its own: its logs hold only these journeys, and the demo applicant's new
// application disturbs no other suite.
let db: ThrowawayDatabase;
let platform: RunningPlatform;
let gatewayUrl: string;
let url: string;
const logDir = mkdtempSync(join(tmpdir(), 'cpss-redaction-'));

beforeAll(async () => {
  db = await createThrowawayDatabase(inject('pgAdminUrl'), 'redaction');
  platform = await startTestPlatform({ databaseUrl: db.url, logDir });
  gatewayUrl = platform.gatewayUrl;
  url = `${gatewayUrl}/graphql`;
});

afterAll(async () => {
  await platform?.stop();
  await db?.drop();
});
/** A value nobody else writes: found in a log, it can only have come from here. */
const secret = (what: string) => `${what}-${randomBytes(6).toString('hex')}`;

describe('redaction', () => {
  it('never logs a sensitive value, written or read, accepted or refused', async () => {
    const began = Date.now();
    const applicant = await signIn(gatewayUrl, 'applicant@demo.cpss');
    const reviewer = await signIn(gatewayUrl, 'reviewer@demo.cpss');
    const ethics = await signIn(gatewayUrl, 'ethics@demo.cpss');
    const admin = await signIn(gatewayUrl, 'admin@demo.cpss');
    const seeded: string[] = [];
    const plant = (what: string) => {
      const value = secret(what);
      seeded.push(value);
      return value;
    };

    // An application's recovery statement: saved, read back by the applicant and by staff.
    const created = await graphql<{ createApplication: { id: string; version: number } }>(url, `mutation { createApplication(input: {}) { id version } }`, {}, applicant);
    expect(created.errors).toBeUndefined();
    const app = created.data!.createApplication;
    const statement = plant('recovery');
    const saved = await graphql<{ saveApplicationDraft: { version: number } }>(
      url,
      `mutation($input: SaveApplicationDraftInput!) { saveApplicationDraft(input: $input) { version recoveryStatement } }`,
      { input: { applicationId: app.id, expectedVersion: app.version, recoveryStatement: `My recovery began ${statement}.`, recoveryStartDate: '2019-03-01' } },
      applicant,
    );
    expect(saved.errors).toBeUndefined();
    const read = await graphql<{ application: { recoveryStatement: string } }>(url, `query($id: ID!) { application(id: $id) { recoveryStatement } }`, { id: app.id }, reviewer);
    expect(read.data?.application.recoveryStatement).toContain(statement);
    // Refused: a stale version and an overlong statement, both carrying a sensitive value.
    const stale = plant('stale');
    const refused = await graphql(url, `mutation($input: SaveApplicationDraftInput!) { saveApplicationDraft(input: $input) { version } }`, { input: { applicationId: app.id, expectedVersion: 0, recoveryStatement: stale } }, applicant);
    expect(refused.errors?.length).toBeGreaterThan(0);
    const long = plant('long');
    const tooLong = await graphql(url, `mutation($input: SaveApplicationDraftInput!) { saveApplicationDraft(input: $input) { version } }`, { input: { applicationId: app.id, expectedVersion: saved.data!.saveApplicationDraft.version, recoveryStatement: `${long} ${'x'.repeat(100_000)}` } }, applicant);
    expect(tooLong.errors?.length).toBeGreaterThan(0);

    // A complaint recorded by staff, then read in full.
    const summary = plant('summary');
    const caller = plant('caller');
    const phone = `919-555-${String(randomBytes(2).readUInt16BE() % 10_000).padStart(4, '0')}`;
    seeded.push(phone);
    const allegation = plant('allegation');
    const recorded = await graphql<{ recordComplaint: { id: string } }>(
      url,
      `mutation($input: RecordComplaintInput!) { recordComplaint(input: $input) { id } }`,
      {
        input: {
          channel: 'PHONE',
          subjectKind: 'PROGRAM',
          incidentOn: '2026-10-01',
          summary: `The caller says ${summary}.`,
          complainant: { name: `Caller ${caller}`, phone },
          allegations: [{ principle: 'NO_DUAL_RELATIONSHIPS', description: `It happened: ${allegation}` }],
        },
      },
      ethics,
    );
    expect(recorded.errors).toBeUndefined();
    const full = await graphql<{ complaint: { summary: string; complainant: { name: string } } }>(
      url,
      `query($id: ID!) { complaint(id: $id) { summary complainant { name phone } allegations { description } } }`,
      { id: recorded.data!.recordComplaint.id },
      ethics,
    );
    expect(full.data?.complaint.summary).toContain(summary);

    // A complaint refused (no way to reach the complainant), with its summary.
    const refusedSummary = plant('refused-summary');
    const badComplaint = await graphql(
      url,
      `mutation($input: RecordComplaintInput!) { recordComplaint(input: $input) { id } }`,
      { input: { channel: 'PHONE', subjectKind: 'PROGRAM', incidentOn: '2026-10-01', summary: refusedSummary, complainant: { name: plant('unreachable') } } },
      ethics,
    );
    expect(badComplaint.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');

    // A GET carries its variables in the URL: a search by a name.
    const name = plant('name');
    const get = await fetch(`${url}?${new URLSearchParams({ query: 'query($q: String) { people(search: $q) { totalCount } }', variables: JSON.stringify({ q: name }) })}`, {
      headers: { authorization: `Bearer ${admin}`, 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(200);

    // Every line the services wrote, once they have written them.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const files = readdirSync(logDir).filter((f) => f.endsWith('.log'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    const logs = files.map((f) => ({ file: f, text: readFileSync(join(logDir, f), 'utf8') }));
    // The journeys were logged (a request line each), so an empty log cannot pass for a clean one.
    const since = (file: string) =>
      logs
        .find((l) => l.file.startsWith(file))!
        .text.split('\n')
        .filter((line) => line.startsWith('{') && (JSON.parse(line) as { time: number; msg?: string }).time >= began && line.includes('request completed')).length;
    expect(since('ethics')).toBeGreaterThanOrEqual(3);
    expect(since('certification')).toBeGreaterThanOrEqual(3);
    const leaks = logs.flatMap((l) => seeded.filter((s) => l.text.includes(s)).map((s) => `${l.file}: ${s}`));
    expect(leaks).toEqual([]);
  });
});
