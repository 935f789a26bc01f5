import { Client } from 'pg';
import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, Role } from '@cpss/domain';
import { as, errorCodes, fieldsOf, gql, staffComplaint, step, unmetRules, useEthicsDatabase } from './harness';

const t = useEthicsDatabase();
const TABLES = ['complaint', 'complaint_allegation', 'status_change', 'audit_entry', 'outbound_command'];
const counts = async () => Promise.all(TABLES.map((table) => t.count(table)));

const FILE = `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { referenceNumber } }`;
const publicComplaint = (overrides: Record<string, unknown> = {}) => ({
  subjectKind: 'CPSS',
  respondentDescription: 'Sam, peer specialist at Eastside Recovery Center',
  incidentOn: '2026-09-30',
  summary: 'UNIQUE-PUBLIC-SUMMARY: asked me for money after our sessions.',
  complainant: { name: 'Quinn Publicfiler', email: 'quinn.publicfiler@example.net' },
  allegations: [{ principle: 'NO_DUAL_RELATIONSHIPS', description: 'Asked to borrow money.' }],
  ...overrides,
});

describe('the public online form', () => {
  it('files a complaint without sign-in and answers with the reference number only', async () => {
    const app = await t.appOn('2026-11-23');
    const before = await counts();
    const res = await gql(app, FILE, { input: publicComplaint() });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ fileComplaint: { referenceNumber: expect.stringMatching(/^ETH-2026-\d{6}$/) } });
    // The audit trail: the sensitive fields' entry, and one per row written (complaint, allegation, status change).
    expect(await counts()).toEqual([before[0]! + 1, before[1]! + 1, before[2]! + 1, before[3]! + 4, before[4]!]);
    const [row] = (await t.ds.query(`select channel, status, received_on::text, created_by from complaint order by created_at desc limit 1`)) as Record<string, string>[];
    expect(row).toEqual({ channel: 'ONLINE_FORM', status: 'RECEIVED', received_on: '2026-11-23', created_by: 'public-form' });
    const [audit] = (await t.ds.query(`select actor, action, fields from audit_entry where subject_type = 'Complaint' order by at desc limit 1`)) as { actor: string; action: string; fields: string[] }[];
    expect(audit).toEqual({ actor: 'anonymous', action: 'create', fields: ['summary', 'complainant', 'allegations'] });
    // Neither the detail nor the identity reaches the log.
    expect(t.logLines().join('\n')).not.toMatch(/UNIQUE-PUBLIC-SUMMARY|Publicfiler|quinn\.publicfiler/);
  });

  it('keeps the complainant out of the log even when the database refuses the row', async () => {
    const app = await t.appOn('2026-11-23');
    const before = await counts();
    // A check the input rules do not know of makes PostgreSQL refuse the row: an unexpected error,
    // masked for the caller and logged without the query's parameters or the failing row.
    // (As the owner: the service's own role may not alter tables.)
    const owner = new Client({ connectionString: t.url, options: '-c search_path=ethics' } as never);
    await owner.connect();
    await owner.query(`alter table complaint add constraint test_refuse_row check (summary not like '%REFUSE-ME%')`);
    try {
      const res = await gql(app, FILE, { input: publicComplaint({ summary: 'REFUSE-ME-SUMMARY of what happened', complainant: { name: 'Nadia Refused', email: 'nadia.refused@example.net' } }) });
      expect(errorCodes(res)).toEqual(['INTERNAL_SERVER_ERROR']);
    } finally {
      await owner.query(`alter table complaint drop constraint test_refuse_row`);
      await owner.end();
    }
    const log = t.logLines().join('\n');
    expect(log).toMatch(/the database refused a complaint change \(code 23514, constraint test_refuse_row\)/);
    expect(log).not.toMatch(/REFUSE-ME|Nadia Refused|nadia\.refused/);
    expect(await counts()).toEqual(before);
    // A NUL character, which PostgreSQL refuses in text, is refused as input first.
    const nul = await gql(app, FILE, { input: publicComplaint({ summary: 'NULBYTE-SUMMARY \u0000', complainant: { name: 'Nadia Nullbyte', email: 'nadia.nullbyte@example.net' } }) });
    expect(errorCodes(nul)).toEqual(['BAD_USER_INPUT']);
    expect(t.logLines().join('\n')).not.toMatch(/NULBYTE|Nullbyte|nadia\.nullbyte/);
    expect(await counts()).toEqual(before);
  });

  it('cannot be asked for anything but the reference number', async () => {
    const app = await t.appOn('2026-11-23');
    const before = await counts();
    const res = await gql(app, `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { referenceNumber id status } }`, { input: publicComplaint() });
    expect(errorCodes(res)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(await counts()).toEqual(before);
  });

  it('refuses bad input with every field path and writes nothing', async () => {
    const app = await t.appOn('2026-11-23');
    const before = await counts();
    const bad = publicComplaint({
      summary: '',
      complainant: { name: '', email: 'not-an-email' },
      allegations: [{ principle: 'HONESTY', description: '' }],
    });
    const res = await gql(app, FILE, { input: bad });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(res).sort()).toEqual(['input.allegations.0.description', 'input.complainant.email', 'input.complainant.name', 'input.summary']);
    const rules = await gql(app, FILE, { input: publicComplaint({ respondentDescription: null, incidentOn: '2026-11-24', complainant: { name: 'No Contact' } }) });
    expect(fieldsOf(rules).sort()).toEqual(['input.complainant', 'input.incidentOn', 'input.respondentDescription']);
    expect(await counts()).toEqual(before);
  });

  it('refuses conduct older than the 3-year filing limit, accepting the limit’s last day', async () => {
    const app = await t.appOn('2026-11-23');
    const before = await counts();
    const old = await gql(app, FILE, { input: publicComplaint({ incidentOn: '2023-11-22' }) });
    expect(errorCodes(old)).toEqual(['FAILED_PRECONDITION']);
    expect(unmetRules(old)).toEqual(['FILING_LIMIT']);
    expect(await counts()).toEqual(before);
    const onLimit = await gql(app, FILE, { input: publicComplaint({ incidentOn: '2023-11-23' }) });
    expect(onLimit.body.errors).toBeUndefined();
  });

  it('maps allegations to the principles of the code in force on the incident date', async () => {
    // 2019-06: the 2013 code, which has no explicit dual-relationship principle.
    const app = await t.appOn('2019-06-20');
    const before = await counts();
    const res = await gql(app, FILE, { input: publicComplaint({ incidentOn: '2019-06-01' }) });
    expect(fieldsOf(res)).toEqual(['input.allegations.0.principle']);
    expect(await counts()).toEqual(before);
    const ok = await gql(app, FILE, { input: publicComplaint({ incidentOn: '2019-06-01', allegations: [{ principle: 'CONFIDENTIALITY', description: 'Told my employer.' }] }) });
    expect(ok.body.errors).toBeUndefined();
  });
});

describe('staff entry of phone, email and mail complaints', () => {
  it('records the complaint, its receipt date, and holds the respondent’s application', async () => {
    const app = await t.appOn('2026-11-23');
    const staff = await as([Role.EthicsStaff], null, 'esther');
    const respondent = DEMO_PEOPLE[2]!.id;
    const { data, res } = await step(
      app,
      'recordComplaint',
      'RecordComplaintInput',
      staffComplaint({ channel: 'MAIL', receivedOn: '2026-11-18', respondentPersonId: respondent }),
      staff,
      'id channel status receivedOn respondent { id } allegations { principle description } timeline { fromStatus toStatus actor }',
    );
    expect(res.body.errors).toBeUndefined();
    expect(data).toMatchObject({ channel: 'MAIL', status: 'RECEIVED', receivedOn: '2026-11-18', respondent: { id: respondent } });
    expect(data!['allegations']).toEqual([{ principle: 'NO_DUAL_RELATIONSHIPS', description: 'Paid side work with a person served.' }]);
    expect(data!['timeline']).toEqual([{ fromStatus: null, toStatus: 'RECEIVED', actor: 'esther' }]);
    const commands = (await t.ds.query(`select type, target_domain, status, payload, idempotency_key from outbound_command where payload->>'complaintId' = $1`, [data!['id']])) as Record<string, unknown>[];
    expect(commands).toEqual([
      { type: 'HOLD_APPLICATION', target_domain: 'certification', status: 'pending', payload: { personId: respondent, complaintId: data!['id'], reason: 'complaint pending' }, idempotency_key: `complaint:${data!['id']}:HOLD_APPLICATION` },
    ]);
  });

  it('refuses the online-form channel, a future receipt date and a malformed person id, writing nothing', async () => {
    const app = await t.appOn('2026-11-23');
    const staff = await as([Role.EthicsStaff]);
    const before = await counts();
    const { res } = await step(app, 'recordComplaint', 'RecordComplaintInput', staffComplaint({ channel: 'ONLINE_FORM', respondentPersonId: 'bob' }), staff);
    expect(fieldsOf(res).sort()).toEqual(['input.channel', 'input.respondentPersonId']);
    const future = await step(app, 'recordComplaint', 'RecordComplaintInput', staffComplaint({ receivedOn: '2026-11-24' }), staff);
    expect(fieldsOf(future.res)).toEqual(['input.receivedOn']);
    expect(await counts()).toEqual(before);
  });

  it('is for ethics staff only', async () => {
    const app = await t.appOn('2026-11-23');
    const before = await counts();
    for (const roles of [[Role.Applicant], [Role.CertificationReviewer], [Role.Admin]]) {
      const { res } = await step(app, 'recordComplaint', 'RecordComplaintInput', staffComplaint(), await as(roles));
      expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    }
    const anonymous = await step(app, 'recordComplaint', 'RecordComplaintInput', staffComplaint(), {});
    expect(errorCodes(anonymous.res)).toEqual(['UNAUTHENTICATED']);
    expect(await counts()).toEqual(before);
  });
});
