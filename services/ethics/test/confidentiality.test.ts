// Complaint detail and complainant identity: never visible to other roles or to the respondent,
// through any field path; ethics staff and admins read them, and every read is audited.
import { beforeAll, describe, expect, it } from 'vitest';
import { sqlStatementsOf } from '@cpss/testkit/vitest';
import { DEMO_PEOPLE, Role } from '@cpss/domain';
import { as, errorCodes, gql, staffComplaint, step, useEthicsDatabase, type App } from './harness';

const t = useEthicsDatabase();
const respondent = DEMO_PEOPLE[0]!.id;
const SECRETS = ['SECRET-SUMMARY-7731', 'Zelda Confidential', 'zelda.confidential@example.org', '919-555-7731', 'SECRET-ALLEGATION-7731', 'SECRET-RESPONSE-7731', 'SECRET-FINDINGS-7731'];
let app: App;
let complaintId: string;
let reference: string;

beforeAll(async () => {
  app = await t.appOn('2026-11-23');
  const staff = await as([Role.EthicsStaff]);
  const { data } = await step(
    app,
    'recordComplaint',
    'RecordComplaintInput',
    staffComplaint({
      channel: 'EMAIL',
      respondentPersonId: respondent,
      summary: 'SECRET-SUMMARY-7731',
      complainant: { name: 'Zelda Confidential', email: 'zelda.confidential@example.org', phone: '919-555-7731' },
      allegations: [{ principle: 'CONFIDENTIALITY', description: 'SECRET-ALLEGATION-7731' }],
    }),
    staff,
  );
  complaintId = data!['id'] as string;
  reference = data!['referenceNumber'] as string;
  let version = data!['version'] as number;
  const next = async (name: string, type: string, extra: Record<string, unknown>) => {
    const r = await step(app, name, type, { id: complaintId, expectedVersion: version, ...extra }, staff);
    expect(r.res.body.errors).toBeUndefined();
    version = r.data!['version'] as number;
  };
  await next('acknowledgeComplaint', 'ComplaintStepInput', {});
  await next('triageComplaint', 'TriageComplaintInput', { level: 'DESK_REVIEW' });
  await next('notifyRespondent', 'ComplaintStepInput', {});
  await next('recordRespondentResponse', 'RespondentResponseInput', { response: 'SECRET-RESPONSE-7731' });
  await next('recordComplaintFindings', 'FindingsInput', { substantiated: true, findings: 'SECRET-FINDINGS-7731' });
});

const DETAIL = 'id referenceNumber summary complainant { name email phone postalAddress } allegations { principle description } findings respondentResponse timeline { facts reason }';
const PATHS: { name: string; query: string; vars: () => Record<string, unknown> }[] = [
  { name: 'complaint(id)', query: `query($id: ID!) { complaint(id: $id) { ${DETAIL} } }`, vars: () => ({ id: complaintId }) },
  { name: 'complaints queue', query: `{ complaints(filter: { open: null }) { edges { node { ${DETAIL} } } } }`, vars: () => ({}) },
  {
    name: 'complaints by respondent',
    query: `query($p: ID!) { complaints(filter: { respondentPersonId: $p }) { totalCount edges { node { referenceNumber summary } } } }`,
    vars: () => ({ p: respondent }),
  },
  {
    name: 'Person.complaints and Person.sanctions',
    query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id complaints { ${DETAIL} } sanctions { kind } } } }`,
    vars: () => ({ r: [{ __typename: 'Person', id: respondent }] }),
  },
  {
    name: 'Person.complaints alone',
    query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { complaints { complainant { name } } } } }`,
    vars: () => ({ r: [{ __typename: 'Person', id: respondent }] }),
  },
];

const OUTSIDERS: { who: string; roles: Role[]; personId: string | null }[] = [
  { who: 'the respondent (an applicant)', roles: [Role.Applicant], personId: respondent },
  { who: 'a certification reviewer', roles: [Role.CertificationReviewer], personId: null },
  { who: 'a trainer', roles: [Role.Trainer, Role.Applicant], personId: DEMO_PEOPLE[1]!.id },
  { who: 'a training reviewer', roles: [Role.TrainingReviewer], personId: null },
  { who: 'a supervisor', roles: [Role.Supervisor], personId: null },
];

describe('complaint detail and complainant identity', () => {
  for (const outsider of OUTSIDERS) {
    it(`are refused to ${outsider.who} through every field path, and never in the body`, async () => {
      const auth = await as(outsider.roles, outsider.personId);
      for (const path of PATHS) {
        const res = await gql(app, path.query, path.vars(), auth);
        expect(errorCodes(res), path.name).toContain('FORBIDDEN');
        const body = JSON.stringify(res.body);
        for (const secret of [...SECRETS, reference]) expect(body, `${path.name} leaks ${secret}`).not.toContain(secret);
      }
    });
  }

  it('are refused without a sign-in', async () => {
    for (const path of PATHS) {
      const res = await gql(app, path.query, path.vars());
      expect(errorCodes(res), path.name).toContain('UNAUTHENTICATED');
      const body = JSON.stringify(res.body);
      for (const secret of SECRETS) expect(body).not.toContain(secret);
    }
  });

  it('leave only final actions, without detail, in the public status the respondent may read', async () => {
    const res = await gql(app, `query($id: ID!) { publicDisciplinaryStatus(personId: $id) { standing actions { kind effectiveFrom } } }`, { id: respondent }, await as([Role.Applicant], respondent));
    expect(res.body.data!['publicDisciplinaryStatus']).toEqual({ standing: 'NO_ACTION', actions: [] });
    const own = await gql(app, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { publicDisciplinaryStatus { standing } } } }`, { r: [{ __typename: 'Person', id: respondent }] }, await as([Role.Applicant], respondent));
    expect(own.body.data!['_entities']).toEqual([{ publicDisciplinaryStatus: { standing: 'NO_ACTION' } }]);
    for (const secret of SECRETS) expect(JSON.stringify([res.body, own.body])).not.toContain(secret);
  });

  it('are refused to outsiders on the case-work mutations too, which change nothing', async () => {
    const before = await t.count('status_change');
    const res = await step(app, 'decideComplaintOutcome', 'OutcomeInput', { id: complaintId, expectedVersion: 6, outcome: 'NO_ACTION', reason: 'x' }, await as([Role.Applicant], respondent), 'summary complainant { name }');
    expect(errorCodes(res.res)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(res.res.body)).not.toContain('SECRET');
    expect(await t.count('status_change')).toBe(before);
  });

  for (const role of [Role.EthicsStaff, Role.Admin]) {
    it(`are read by ${role}, each read audited by field name (never by value)`, async () => {
      const subject = `reader-${role}`;
      const res = await gql(app, `query($id: ID!) { complaint(id: $id) { ${DETAIL} } }`, { id: complaintId }, await as([role], null, subject));
      expect(res.body.errors).toBeUndefined();
      const c = res.body.data!['complaint'] as Record<string, unknown>;
      expect(c).toMatchObject({
        summary: 'SECRET-SUMMARY-7731',
        complainant: { name: 'Zelda Confidential', email: 'zelda.confidential@example.org', phone: '919-555-7731', postalAddress: null },
        allegations: [{ principle: 'CONFIDENTIALITY', description: 'SECRET-ALLEGATION-7731' }],
        findings: 'SECRET-FINDINGS-7731',
        respondentResponse: 'SECRET-RESPONSE-7731',
      });
      const audits = (await t.ds.query(`select action, subject_id, fields from audit_entry where actor = $1`, [subject])) as { action: string; subject_id: string; fields: string[] }[];
      expect(audits).toHaveLength(1);
      expect(audits[0]!.action).toBe('read');
      expect(audits[0]!.subject_id).toBe(complaintId);
      expect(audits[0]!.fields.sort()).toEqual(['allegations', 'complainant', 'findings', 'respondentResponse', 'summary']);
      const stored = JSON.stringify(await t.ds.query(`select * from audit_entry`));
      for (const secret of SECRETS) expect(stored).not.toContain(secret);
      expect(t.logLines().join('\n')).not.toMatch(/SECRET-|Zelda/);
    });
  }

  it('audits the reads of a whole queue page in one statement, however long the page', async () => {
    const staff = await as([Role.EthicsStaff]);
    for (let i = 0; i < 3; i += 1) await step(app, 'recordComplaint', 'RecordComplaintInput', staffComplaint(), staff);
    const Q = `query($first: Int) { complaints(first: $first) { edges { node { summary complainant { name } allegations { description } clocks { dueOn } timeline { toStatus } } } } }`;
    const { statements: forTwo } = await sqlStatementsOf(() => gql(app, Q, { first: 2 }, staff));
    const { statements: forFour } = await sqlStatementsOf(() => gql(app, Q, { first: 4 }, staff));
    expect(forFour).toBe(forTwo);
  });
});
