// CSV exports of the admin lists (GET /export/<list>.csv at the gateway) on the running platform:
// each file parses with its declared header and holds the rows the API gives for the same filters,
// filters apply, a role the list refuses gets 403 and a role that may not read a sensitive column
// gets a file without it, every export is in the identity audit trail, the 42 CFR § 2.32 notice
// heads exactly the files about people in recovery, and bad filters are refused naming the field.
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_COMPLETIONS, DEMO_PEOPLE } from '@cpss/domain';
import { graphql, signIn, type GraphQLResponse } from '../support/client';

const gatewayUrl = inject('gatewayUrl');
const gateway = `${gatewayUrl}/graphql`;
const accountOf = (email: string) => DEMO_ACCOUNTS.find((a) => a.email === email)!;
// 42 CFR § 2.32(a)(1), word for word.
const REDISCLOSURE_NOTICE =
  'This record which has been disclosed to you is protected by federal confidentiality rules (42 CFR part 2). The federal rules prohibit you from making ' +
  'any further disclosure of this record unless further disclosure is expressly permitted by the written consent of the individual whose information is ' +
  'being disclosed in this record or, is otherwise permitted by 42 CFR part 2. A general authorization for the release of medical or other information is ' +
  'NOT sufficient for this purpose (see § 2.31). The federal rules restrict any use of the information to investigate or prosecute with regard to a crime ' +
  'any patient with a substance use disorder, except as provided at §§ 2.12(c)(5) and 2.65.';
const NOTICE_START = '# NOTICE: This record which has been disclosed to you is protected by federal confidentiality rules (42 CFR part 2).';

interface Download {
  status: number;
  headers: Headers;
  text: string;
  /** The file without its notice line: header, then rows. */
  header: string[];
  rows: Record<string, string>[];
  json?: { error: { code: string; message: string; fields?: { field: string; reason: string }[] } };
}

async function download(list: string, params: Record<string, string>, token: string | null): Promise<Download> {
  const qs = new URLSearchParams(params).toString();
  const res = await fetch(`${gatewayUrl}/export/${list}.csv${qs ? `?${qs}` : ''}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  if (res.status !== 200) return { status: res.status, headers: res.headers, text, header: [], rows: [], json: JSON.parse(text) as Download['json'] };
  expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
  expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="${list}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
  // A `#` line at the start is the notice; `#` inside a value is data.
  const records = parse(text, { comment: '#', comment_no_infix: true, relax_column_count: false }) as string[][];
  const [header, ...data] = records;
  return {
    status: res.status,
    headers: res.headers,
    text,
    header: header!,
    rows: data.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))),
  };
}

type Connection<T> = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: T }[] };

/** Every node of a connection, page by page. */
async function everyNode<T>(token: string, root: string, decl: string, args: string, selection: string, variables: Record<string, unknown>): Promise<{ totalCount: number; nodes: T[] }> {
  const nodes: T[] = [];
  let after: string | null = null;
  let totalCount = 0;
  for (;;) {
    const res: GraphQLResponse<Record<string, Connection<T>>> = await graphql<Record<string, Connection<T>>>(
      gateway,
      `query($first: Int!, $after: String${decl ? `, ${decl}` : ''}) { c: ${root}(first: $first, after: $after${args ? `, ${args}` : ''}) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${selection} } } } }`,
      { ...variables, first: 100, after },
      token,
    );
    expect(res.errors).toBeUndefined();
    const c: Connection<T> = res.data!['c']!;
    totalCount = c.totalCount;
    nodes.push(...c.edges.map((e) => e.node));
    if (!c.pageInfo.hasNextPage) return { totalCount, nodes };
    after = c.pageInfo.endCursor;
  }
}

/**
 * The file's rows are the API's for the same filters: `key` names each row in the file, `list` asks
 * the API. Other suites write as this one runs: when the API's answer changed between the asks
 * before and after the download, every row of the file must be in one of them; otherwise exactly
 * the API's rows, as many as its totalCount.
 */
async function expectApiRows(key: string, list: () => Promise<{ totalCount: number; keys: string[] }>, file: () => Promise<Download>): Promise<Download> {
  const before = await list();
  const got = await file();
  const after = await list();
  expect(got.status).toBe(200);
  const keys = got.rows.map((r) => r[key]!);
  const same = (a: string[], b: string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
  if (same(before.keys, after.keys) && before.totalCount === after.totalCount) {
    expect([...keys].sort()).toEqual([...before.keys].sort());
    expect(keys.length).toBe(before.totalCount);
  } else {
    const known = new Set([...before.keys, ...after.keys]);
    for (const k of keys) expect(known).toContain(k);
  }
  return got;
}
const keysOf = <T>(field: (n: T) => string) => (r: { totalCount: number; nodes: T[] }) => ({ totalCount: r.totalCount, keys: r.nodes.map(field) });

interface AuditEntry {
  actor: string;
  actorRoles: string[];
  action: string;
  subjectType: string;
  subjectId: string;
  fields: string[];
  requestId: string | null;
  operation: string | null;
}
async function exportEntries(admin: string, subjectType: string): Promise<AuditEntry[]> {
  const res = await fetch(`${gatewayUrl}/auth/audit?action=export&subjectType=${subjectType}&first=100`, { headers: { authorization: `Bearer ${admin}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { edges: { node: AuditEntry }[] }).edges.map((e) => e.node);
}

let admin: string;
let reviewer: string;
let trainingReviewer: string;
let ethics: string;
let applicant: string;
let trainer: string;
beforeAll(async () => {
  [admin, reviewer, trainingReviewer, ethics, applicant, trainer] = await Promise.all(
    ['admin@demo.cpss', 'reviewer@demo.cpss', 'training.reviewer@demo.cpss', 'ethics@demo.cpss', 'applicant@demo.cpss', 'trainer@demo.cpss'].map((e) => signIn(gatewayUrl, e)),
  );
});

describe('the registry', () => {
  it('exports a search by name and county as the API answers it, without the notice, to anyone signed in', async () => {
    const search = { name: 'Okafor', county: 'Durham' };
    const api = async () => {
      const res = await graphql<{ registrySearch: { certificationNumber: string }[] }>(
        gateway,
        'query($name: String!, $county: String!) { registrySearch(name: $name, county: $county) { certificationNumber } }',
        search,
        admin,
      );
      return { totalCount: res.data!.registrySearch.length, keys: res.data!.registrySearch.map((e) => e.certificationNumber) };
    };
    const file = await expectApiRows('Certification number', api, () => download('registry', search, applicant));
    expect(file.text.startsWith('Certification number,')).toBe(true);
    expect(file.headers.get('x-redisclosure-notice')).toBeNull();
    expect(file.header).toEqual(['Certification number', 'Name', 'County', 'Status', 'Status effective on', 'Good through', 'Designations']);
    expect(file.rows.find((r) => r['Certification number'] === 'NC-CPSS-000101')).toMatchObject({ County: 'Durham' });

    const byNumber = await download('registry', { number: 'NC-CPSS-000101' }, admin);
    expect(byNumber.rows.map((r) => r['Certification number'])).toEqual(['NC-CPSS-000101']);
    expect(byNumber.rows[0]!['Name']).toContain('Okafor');

    const entry = (await exportEntries(admin, 'registry')).find((e) => e.actor === accountOf('applicant@demo.cpss').id)!;
    // The name searched for is personal: the trail says only that one was given.
    expect(entry).toMatchObject({ action: 'export', subjectId: 'county=Durham&name=(given)', operation: 'export:registry', fields: file.header });
  });

  it('refuses a search without its county, naming it, and a caller not signed in', async () => {
    const bad = await download('registry', { name: 'Okafor' }, admin);
    expect(bad.status).toBe(400);
    expect(bad.json!.error.code).toBe('BAD_USER_INPUT');
    expect(bad.json!.error.fields!.map((f) => f.field)).toEqual(['county']);
    expect((await download('registry', { name: 'Okafor', county: 'Durham' }, null)).status).toBe(401);
    expect((await download('registry', { name: 'Okafor', county: 'Durham' }, 'not-a-token')).status).toBe(401);
  });
});

describe('people', () => {
  type P = { id: string };
  const people = (search: string | null) => everyNode<P>(admin, 'people', '$search: String', 'search: $search', 'id', { search }).then(keysOf((p) => p.id));

  it('exports every person the API lists, with the notice, and the columns an admin may read', async () => {
    const file = await expectApiRows('Person ID', () => people(null), () => download('people', {}, admin));
    expect(file.text.startsWith(NOTICE_START)).toBe(true);
    expect(file.text.split('\r\n')[0]).toBe(`# NOTICE: ${REDISCLOSURE_NOTICE}`);
    expect(file.headers.get('x-redisclosure-notice')).toBe(REDISCLOSURE_NOTICE);
    expect(file.header).toEqual([
      'Person ID', 'Legal name', 'Preferred name', 'County', 'Date of birth', 'Email', 'Training hours', 'Completions', 'Code of Ethics signed', 'Applications', 'Complaints', 'Sanctions',
    ]);
    const alicia = DEMO_PEOPLE[0]!;
    const row = file.rows.find((r) => r['Person ID'] === alicia.id)!;
    expect(row).toMatchObject({ 'Legal name': alicia.legalName, 'Preferred name': alicia.preferredName ?? '', County: alicia.county, 'Date of birth': alicia.dateOfBirth, Email: alicia.email });
    const hours = DEMO_COMPLETIONS.filter((c) => c.personId === alicia.id).reduce((s, c) => s + c.hours, 0);
    expect(Number(row['Training hours'])).toBeGreaterThanOrEqual(hours);
    expect(Number(row['Applications'])).toBeGreaterThanOrEqual(1);
  });

  it('applies the search, and records the export with its filters and columns', async () => {
    const all = await download('people', {}, admin);
    const file = await expectApiRows('Person ID', () => people('Moore'), () => download('people', { search: 'Moore' }, admin));
    expect(file.rows.length).toBeGreaterThan(0);
    expect(file.rows.length).toBeLessThan(all.rows.length);
    for (const r of file.rows) expect(`${r['Legal name']} ${r['Preferred name']}`).toMatch(/moore/i);

    const mine = (await exportEntries(admin, 'people')).filter((e) => e.actor === accountOf('admin@demo.cpss').id);
    expect(mine.map((e) => e.subjectId)).toContain('');
    const entry = mine.find((e) => e.subjectId === 'search=(given)')!;
    expect(entry).toMatchObject({ action: 'export', subjectType: 'people', operation: 'export:people', actorRoles: ['ADMIN'], fields: file.header });
    expect(entry.requestId).toBeTruthy();
  });

  it('leaves out the columns a role may not read, and refuses roles the list refuses', async () => {
    const cert = await download('people', { search: 'Moore' }, reviewer);
    expect(cert.header).toContain('Applications');
    expect(cert.header).not.toContain('Complaints');
    expect(cert.header).not.toContain('Sanctions');
    const eth = await download('people', { search: 'Moore' }, ethics);
    expect(eth.header).toEqual(expect.arrayContaining(['Complaints', 'Sanctions', 'Date of birth', 'Email']));
    expect(eth.header).not.toContain('Applications');
    const training = await download('people', { search: 'Moore' }, trainingReviewer);
    expect(training.status).toBe(200);
    expect(training.header.filter((h) => ['Applications', 'Complaints', 'Sanctions'].includes(h))).toEqual([]);
    expect(training.rows.length).toBe(cert.rows.length);
    // Each file's audit entry names the columns it gave.
    const entry = (await exportEntries(admin, 'people')).find((e) => e.actor === accountOf('training.reviewer@demo.cpss').id)!;
    expect(entry.fields).toEqual(training.header);

    const refused = await download('people', {}, applicant);
    expect(refused.status).toBe(403);
    expect(refused.json!.error.code).toBe('FORBIDDEN');
    expect((await exportEntries(admin, 'people')).some((e) => e.actor === accountOf('applicant@demo.cpss').id)).toBe(false);
  });

  it('refuses an unknown filter and an unknown list', async () => {
    const bad = await download('people', { serach: 'Moore' }, admin);
    expect(bad.status).toBe(400);
    expect(bad.json!.error).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(bad.json!.error.fields!.map((f) => f.field)).toEqual(['serach']);
    expect((await download('passwords', {}, admin)).status).toBe(404);
  });
});

describe('the application queue', () => {
  const ALL = ['SUBMITTED', 'IN_REVIEW', 'INCOMPLETE', 'ON_HOLD', 'DRAFT', 'APPROVED', 'DENIED', 'WITHDRAWN', 'CLOSED'];
  const queue = (statuses?: string[]) =>
    everyNode<{ id: string }>(reviewer, 'applicationQueue', '$statuses: [ApplicationStatus!]', 'statuses: $statuses', 'id', { statuses: statuses ?? null }).then(keysOf((a) => a.id));

  it('exports the queue as the API lists it for the same statuses, with the notice', async () => {
    const file = await expectApiRows('Application ID', () => queue(ALL), () => download('applications', { statuses: ALL.join(',') }, reviewer));
    expect(file.text.startsWith(NOTICE_START)).toBe(true);
    expect(file.headers.get('x-redisclosure-notice')).toBe(REDISCLOSURE_NOTICE);
    expect(file.header).toEqual([
      'Application ID', 'Person ID', 'Legal name', 'Preferred name', 'County', 'Kind', 'Channel', 'Status', 'Submitted on', 'Queued on', 'Missing items',
      'Business days waiting', 'Target business days', 'Due by', 'Overdue', 'Held for complaint', 'Hold reason',
    ]);
    expect(file.rows.length).toBeGreaterThan(0);

    const open = await expectApiRows('Application ID', () => queue(), () => download('applications', {}, reviewer));
    for (const r of open.rows) expect(['SUBMITTED', 'IN_REVIEW']).toContain(r['Status']);

    // The status with the fewest applications, so the filter leaves some out.
    const perStatus = new Map<string, number>();
    for (const r of file.rows) perStatus.set(r['Status']!, (perStatus.get(r['Status']!) ?? 0) + 1);
    expect(perStatus.size).toBeGreaterThan(1);
    const status = [...perStatus].sort((a, b) => a[1] - b[1])[0]![0];
    const one = await expectApiRows('Application ID', () => queue([status]), () => download('applications', { statuses: status }, reviewer));
    expect(one.rows.length).toBeGreaterThan(0);
    expect(one.rows.length).toBeLessThan(file.rows.length);
    expect(one.rows.every((r) => r['Status'] === status)).toBe(true);

    const entry = (await exportEntries(admin, 'applications')).find((e) => e.actor === accountOf('reviewer@demo.cpss').id && e.subjectId === `statuses=${status}`);
    expect(entry).toMatchObject({ operation: 'export:applications', fields: one.header });
  });

  it('refuses other staff, and a status that does not exist', async () => {
    expect((await download('applications', {}, trainingReviewer)).status).toBe(403);
    const bad = await download('applications', { statuses: 'SUBMITTED,BOGUS' }, reviewer);
    expect(bad.status).toBe(400);
    expect(bad.json!.error.fields!.map((f) => f.field)).toEqual(['statuses.1']);
    const days = await download('applications', { waitingAtLeastBusinessDays: 'soon' }, reviewer);
    expect(days.json!.error.fields!.map((f) => f.field)).toEqual(['waitingAtLeastBusinessDays']);
  });

  it("the work queues' applications leave hold details out for staff outside certification", async () => {
    const admins = await download('queue-applications', {}, admin);
    expect(admins.header).toEqual(expect.arrayContaining(['Held for complaint', 'Hold reason']));
    expect(admins.text.startsWith(NOTICE_START)).toBe(true);
    for (const r of admins.rows) expect(['SUBMITTED', 'IN_REVIEW', 'ON_HOLD']).toContain(r['Status']);
    const training = await download('queue-applications', {}, trainingReviewer);
    expect(training.status).toBe(200);
    expect(training.header).not.toContain('Held for complaint');
    expect(training.header).not.toContain('Hold reason');
    expect(training.header).toContain('Business days waiting');
  });
});

describe('training sessions', () => {
  type S = { id: string; course: { id: string } };
  const sessions = (token: string, from: string | null, courseId: string | null = null) =>
    everyNode<S>(token, 'trainingSessions', '$from: LocalDate, $courseId: ID', 'from: $from, courseId: $courseId', 'id course { id }', { from, courseId });

  it('exports every session for staff, a course filter narrowing them, without the notice', async () => {
    const file = await expectApiRows('Session ID', () => sessions(admin, null).then(keysOf((s) => s.id)), () => download('sessions', { view: 'all' }, admin));
    expect(file.headers.get('x-redisclosure-notice')).toBeNull();
    expect(file.text.startsWith('Session ID,')).toBe(true);
    expect(file.header).toEqual([
      'Session ID', 'Course ID', 'Course', 'Course kind', 'First day', 'Last day', 'Status', 'Delivery', 'Address', 'County', 'Capacity', 'Enrolled', 'Waitlist', 'Trainer person ID',
    ]);
    // The course with the fewest sessions, so the filter leaves some out.
    const perCourse = new Map<string, number>();
    for (const r of file.rows) perCourse.set(r['Course ID']!, (perCourse.get(r['Course ID']!) ?? 0) + 1);
    expect(perCourse.size).toBeGreaterThan(1);
    const course = [...perCourse].sort((a, b) => a[1] - b[1])[0]![0];
    const one = await expectApiRows('Session ID', () => sessions(admin, null, course).then(keysOf((s) => s.id)), () => download('sessions', { view: 'all', courseId: course }, admin));
    expect(one.rows.every((r) => r['Course ID'] === course)).toBe(true);
    expect(one.rows.length).toBeLessThan(file.rows.length);

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
    const upcoming = await expectApiRows('Session ID', () => sessions(admin, today).then(keysOf((s) => s.id)), () => download('sessions', {}, admin));
    expect(upcoming.rows.every((r) => r['Last day']! >= today)).toBe(true);
    const past = await download('sessions', { view: 'past' }, admin);
    expect(past.rows.length).toBeGreaterThan(0);
    expect(past.rows.every((r) => r['Last day']! < today)).toBe(true);
  });

  it('gives a trainer their own sessions, and refuses an applicant and a bad view', async () => {
    const mine = await expectApiRows('Session ID', () => sessions(trainer, null).then(keysOf((s) => s.id)), () => download('sessions', { view: 'all' }, trainer));
    expect(mine.rows.length).toBeGreaterThan(0);
    expect(mine.rows.every((r) => r['Trainer person ID'] === accountOf('trainer@demo.cpss').personId)).toBe(true);
    expect((await download('sessions', {}, applicant)).status).toBe(403);
    const bad = await download('sessions', { view: 'tomorrow' }, admin);
    expect(bad.status).toBe(400);
    expect(bad.json!.error.fields!.map((f) => f.field)).toEqual(['view']);
  });
});

describe("a person's training completions", () => {
  const alicia = DEMO_PEOPLE[0]!;

  it('exports the completions the API lists, with the notice, to staff and the person themself only', async () => {
    const api = await graphql<{ trainingCompletions: { id: string; courseTitle: string; hours: number; completedOn: string }[] }>(
      gateway,
      'query($id: ID!) { trainingCompletions(personId: $id) { id courseTitle hours completedOn } }',
      { id: alicia.id },
      admin,
    );
    const file = await download('completions', { personId: alicia.id }, admin);
    expect(file.text.startsWith(NOTICE_START)).toBe(true);
    expect(file.header).toEqual(['Completion ID', 'Course', 'Kind', 'Hours', 'Completed on', 'Source', 'Child and family', 'Provider', 'Counts toward certification']);
    expect(file.rows.map((r) => [r['Completion ID'], r['Course'], Number(r['Hours']), r['Completed on']])).toEqual(
      api.data!.trainingCompletions.map((c) => [c.id, c.courseTitle, c.hours, c.completedOn]),
    );
    for (const c of DEMO_COMPLETIONS.filter((d) => d.personId === alicia.id)) expect(file.rows.map((r) => r['Course'])).toContain(c.courseTitle);

    const own = await download('completions', { personId: alicia.id }, applicant);
    expect(own.rows.length).toBe(file.rows.length);
    expect([403, 404]).toContain((await download('completions', { personId: DEMO_PEOPLE[2]!.id }, applicant)).status);
    const entry = (await exportEntries(admin, 'completions')).find((e) => e.actor === accountOf('applicant@demo.cpss').id)!;
    expect(entry.subjectId).toBe(`personId=${alicia.id}`);
  });

  it('refuses a person id that is not one, and no person', async () => {
    expect((await download('completions', { personId: 'alicia' }, admin)).json!.error.fields!.map((f) => f.field)).toEqual(['personId']);
    expect((await download('completions', {}, admin)).json!.error.fields!.map((f) => f.field)).toEqual(['personId']);
  });
});

describe('statistics', () => {
  it('exports certification per month and by county as the API gives them on a date, without the notice, to staff', async () => {
    const on = '2026-06-30';
    const api = await graphql<{ certificationStatistics: { perMonth: { month: string; issued: number; lapsed: number; inGoodStanding: number }[]; inGoodStandingByCounty: { key: string; count: number }[] } }>(
      gateway,
      'query($on: LocalDate) { certificationStatistics(on: $on) { perMonth { month issued lapsed inGoodStanding } inGoodStandingByCounty { key count } } }',
      { on },
      admin,
    );
    const stats = api.data!.certificationStatistics;
    const perMonth = await download('certification-per-month', { on }, trainingReviewer);
    expect(perMonth.status).toBe(200);
    expect(perMonth.headers.get('x-redisclosure-notice')).toBeNull();
    expect(perMonth.text.startsWith('Month,')).toBe(true);
    expect(perMonth.header).toEqual(['Month', 'Issued', 'Lapsed', 'In good standing']);
    expect(perMonth.rows.length).toBeGreaterThan(0);
    expect(perMonth.rows.map((r) => [r['Month'], Number(r['Issued']), Number(r['Lapsed']), Number(r['In good standing'])])).toEqual(
      stats.perMonth.map((m) => [m.month, m.issued, m.lapsed, m.inGoodStanding]),
    );
    const byCounty = await download('certification-by-county', { on }, admin);
    expect(byCounty.rows.length).toBeGreaterThan(0);
    expect(byCounty.rows.map((r) => [r['County'], Number(r['In good standing'])])).toEqual(stats.inGoodStandingByCounty.map((c) => [c.key, c.count]));
    const entry = (await exportEntries(admin, 'certification-per-month')).find((e) => e.actor === accountOf('training.reviewer@demo.cpss').id)!;
    expect(entry.subjectId).toBe(`on=${on}`);

    expect((await download('certification-per-month', {}, applicant)).status).toBe(403);
    const bad = await download('certification-by-county', { on: '2026-02-30' }, admin);
    expect(bad.status).toBe(400);
    expect(bad.json!.error.fields!.map((f) => f.field)).toEqual(['on']);
  });

  it('exports training completions per month and by kind for a range', async () => {
    const range = { from: '2025-01-01', to: '2026-06-30' };
    const api = await graphql<{ trainingStatistics: { perMonth: { month: string; completions: number }[]; byKind: { kind: string; completions: number; hours: number }[] } }>(
      gateway,
      'query($from: LocalDate, $to: LocalDate) { trainingStatistics(from: $from, to: $to) { perMonth { month completions } byKind { kind completions hours } } }',
      range,
      admin,
    );
    const perMonth = await download('training-per-month', range, admin);
    expect(perMonth.rows.length).toBeGreaterThan(0);
    expect(perMonth.rows.map((r) => [r['Month'], Number(r['Completions'])])).toEqual(api.data!.trainingStatistics.perMonth.map((m) => [m.month, m.completions]));
    const byKind = await download('training-by-kind', range, admin);
    expect(byKind.header).toEqual(['Course kind', 'Completions', 'Hours']);
    expect(byKind.rows.map((r) => [r['Course kind'], Number(r['Completions']), Number(r['Hours'])])).toEqual(
      api.data!.trainingStatistics.byKind.map((k) => [k.kind, k.completions, k.hours]),
    );
    expect((await download('training-by-kind', { from: 'last year' }, admin)).json!.error.fields!.map((f) => f.field)).toEqual(['from']);
  });
});

describe('complaints and the other queues', () => {
  const complaints = (filter: Record<string, unknown>) =>
    everyNode<{ referenceNumber: string }>(ethics, 'complaints', '$filter: ComplaintFilterInput', 'filter: $filter', 'referenceNumber', { filter }).then(keysOf((c) => c.referenceNumber));

  it('exports the complaint queue by view and by reference, with the notice, to ethics staff and admins only', async () => {
    const all = await expectApiRows('Reference', () => complaints({ open: null }), () => download('complaints', { view: 'all' }, ethics));
    expect(all.text.startsWith(NOTICE_START)).toBe(true);
    expect(all.rows.length).toBeGreaterThan(0);
    const reference = all.rows[0]!['Reference']!;
    const one = await download('complaints', { reference }, admin);
    expect(one.rows.map((r) => r['Reference'])).toEqual([reference]);
    await expectApiRows('Reference', () => complaints({ open: true }), () => download('complaints', {}, admin));
    expect((await download('complaints', {}, reviewer)).status).toBe(403);
    expect((await download('complaints', { view: 'mine' }, ethics)).json!.error.fields!.map((f) => f.field)).toEqual(['view']);
  });

  it("exports the work queues' renewals, complaints and course submissions; submissions without the notice", async () => {
    const renewals = await expectApiRows(
      'Certification number',
      () => everyNode<{ number: string }>(admin, 'certificationsDue', '$d: Int', 'withinDays: $d', 'number', { d: 90 }).then(keysOf((c) => c.number)),
      () => download('queue-renewals', { withinDays: '90' }, admin),
    );
    expect(renewals.text.startsWith(NOTICE_START)).toBe(true);
    const received = await download('queue-complaints', {}, admin);
    expect(received.rows.every((r) => r['Status'] === 'RECEIVED')).toBe(true);
    const submissions = await download('queue-submissions', {}, admin);
    expect(submissions.status).toBe(200);
    expect(submissions.headers.get('x-redisclosure-notice')).toBeNull();
    expect(submissions.rows.every((r) => ['RECEIVED', 'TEAM_REVIEW'].includes(r['Status']!))).toBe(true);
    await expectApiRows(
      'Submission ID',
      () => everyNode<{ id: string }>(trainingReviewer, 'courseSubmissions', '', '', 'id', {}).then(keysOf((s) => s.id)),
      () => download('course-submissions', {}, trainingReviewer),
    );
    expect((await download('queue-renewals', { withinDays: '0' }, admin)).json!.error.fields!.map((f) => f.field)).toEqual(['withinDays']);
  });
});
