import { beforeAll, describe, expect, it } from 'vitest';
import { sqlStatementsOf } from '@cpss/testkit/vitest';
import { DEMO_PEOPLE, Role } from '@cpss/domain';
import { as, errorCodes, fieldsOf, gql, staffComplaint, step, useEthicsDatabase } from './harness';

const t = useEthicsDatabase();
const [alicia, ben, carmen] = DEMO_PEOPLE.map((p) => p.id);
const ids: Record<string, string> = {};

// Four cases received on different days; one closed with a probation.
beforeAll(async () => {
  const staff = await as([Role.EthicsStaff]);
  const intake = async (key: string, on: string, overrides: Record<string, unknown>) => {
    const { data, res } = await step(await t.appOn(on), 'recordComplaint', 'RecordComplaintInput', staffComplaint({ receivedOn: on, incidentOn: '2026-09-01', ...overrides }), staff);
    expect(res.body.errors).toBeUndefined();
    ids[key] = data!['id'] as string;
    return { id: data!['id'] as string, version: data!['version'] as number };
  };
  await intake('oldAlicia', '2026-09-14', { respondentPersonId: alicia });
  await intake('trainerBen', '2026-10-05', { respondentPersonId: ben, subjectKind: 'TRAINER' });
  await intake('program', '2026-10-19', { subjectKind: 'PROGRAM', respondentDescription: null, allegations: [] });
  const closed = await intake('closedCarmen', '2026-09-01', { respondentPersonId: carmen });
  const go = async (on: string, name: string, type: string, extra: Record<string, unknown> = {}) => {
    const r = await step(await t.appOn(on), name, type, { id: closed.id, expectedVersion: closed.version, ...extra }, staff);
    expect(r.res.body.errors).toBeUndefined();
    closed.version = r.data!['version'] as number;
  };
  await go('2026-09-02', 'acknowledgeComplaint', 'ComplaintStepInput');
  await go('2026-09-03', 'triageComplaint', 'TriageComplaintInput', { level: 'DESK_REVIEW' });
  await go('2026-09-03', 'notifyRespondent', 'ComplaintStepInput');
  await go('2026-09-10', 'recordComplaintFindings', 'FindingsInput', { substantiated: true, findings: 'Late notes, repeatedly.' });
  await go('2026-09-11', 'decideComplaintOutcome', 'OutcomeInput', { outcome: 'PROBATION', reason: 'Pattern of missed commitments.', effectiveFrom: '2026-10-01', effectiveUntil: '2027-03-31', conditions: 'Monthly supervision reports.' });
  await go('2026-10-01', 'closeComplaint', 'ComplaintStepInput');
});

type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string; ageBusinessDays: number; overdue: boolean } }[] };
const QUEUE = `query($first: Int, $after: String, $filter: ComplaintFilterInput) {
  complaints(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { node { id ageBusinessDays overdue } } }
}`;
const page = (res: { body: { data?: Record<string, unknown> | null } }) => res.body.data!['complaints'] as Page;

describe('the complaint queue', () => {
  it('lists open cases oldest first, in keyset pages, with their age and overdue flag', async () => {
    const app = await t.appOn('2026-11-23');
    const staff = await as([Role.EthicsStaff]);
    const first = page(await gql(app, QUEUE, { first: 2 }, staff));
    expect(first.totalCount).toBe(3);
    expect(first.edges.map((e) => e.node.id)).toEqual([ids['oldAlicia'], ids['trainerBen']]);
    // Mon 14 Sep to Mon 23 Nov: 50 weekdays after receipt, less Veterans Day (11 Nov).
    expect(first.edges[0]!.node).toMatchObject({ overdue: true, ageBusinessDays: 49 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = page(await gql(app, QUEUE, { first: 2, after: first.pageInfo.endCursor }, staff));
    expect(second.edges.map((e) => e.node.id)).toEqual([ids['program']]);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('filters by respondent, subject, status and closed', async () => {
    const app = await t.appOn('2026-11-23');
    const admin = await as([Role.Admin]);
    const idsOf = async (filter: Record<string, unknown>) => page(await gql(app, QUEUE, { filter }, admin)).edges.map((e) => e.node.id);
    expect(await idsOf({ respondentPersonId: ben })).toEqual([ids['trainerBen']]);
    expect(await idsOf({ subjectKind: 'PROGRAM' })).toEqual([ids['program']]);
    expect(await idsOf({ open: false })).toEqual([ids['closedCarmen']]);
    expect(await idsOf({ open: null, respondentPersonId: carmen })).toEqual([ids['closedCarmen']]);
    expect(await idsOf({ statuses: ['CLOSED'] })).toEqual([]);
    const [{ reference_number }] = (await t.ds.query(`select reference_number from complaint where id = $1`, [ids['program']])) as { reference_number: string }[];
    expect(await idsOf({ open: null, referenceNumber: reference_number.toLowerCase() })).toEqual([ids['program']]);
    expect(await idsOf({ open: null, statuses: ['CLOSED'] })).toEqual([ids['closedCarmen']]);
  });

  it('refuses a page over 100, a foreign cursor and a malformed person id', async () => {
    const app = await t.appOn('2026-11-23');
    const staff = await as([Role.EthicsStaff]);
    expect(fieldsOf(await gql(app, QUEUE, { first: 101 }, staff))).toEqual(['first']);
    expect(fieldsOf(await gql(app, QUEUE, { after: 'nonsense' }, staff))).toEqual(['after']);
    expect(fieldsOf(await gql(app, QUEUE, { filter: { respondentPersonId: 'x' } }, staff))).toEqual(['filter.respondentPersonId']);
  });
});

describe("a person's complaint and sanction history", () => {
  const HISTORY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id complaints { referenceNumber status outcome } sanctions { kind status effectiveFrom effectiveUntil conditions } publicDisciplinaryStatus { standing actions { kind effectiveFrom effectiveUntil } } } } }`;
  const reps = (people: string[]) => ({ r: people.map((id) => ({ __typename: 'Person', id })) });

  it('is on Person for ethics staff and admins', async () => {
    const app = await t.appOn('2026-11-23');
    const res = await gql(app, HISTORY, reps([carmen!, alicia!]), await as([Role.Admin]));
    expect(res.body.errors).toBeUndefined();
    const [c, a] = res.body.data!['_entities'] as Record<string, unknown>[];
    expect(c).toMatchObject({
      complaints: [{ status: 'CLOSED', outcome: 'PROBATION' }],
      sanctions: [{ kind: 'PROBATION', status: 'FINAL', effectiveFrom: '2026-10-01', effectiveUntil: '2027-03-31', conditions: 'Monthly supervision reports.' }],
      publicDisciplinaryStatus: { standing: 'PROBATION', actions: [{ kind: 'PROBATION', effectiveFrom: '2026-10-01', effectiveUntil: '2027-03-31' }] },
    });
    expect(a).toMatchObject({ complaints: [{ status: 'RECEIVED', outcome: null }], sanctions: [], publicDisciplinaryStatus: { standing: 'NO_ACTION', actions: [] } });
  });

  it('reads many people’s history in the same number of statements as one person’s', async () => {
    const app = await t.appOn('2026-11-23');
    const staff = await as([Role.EthicsStaff]);
    const { statements: forOne } = await sqlStatementsOf(() => gql(app, HISTORY, reps([carmen!]), staff));
    const { statements: forAll } = await sqlStatementsOf(() => gql(app, HISTORY, reps(DEMO_PEOPLE.map((p) => p.id)), staff));
    expect(forAll).toBe(forOne);
  });

  it('shows others only the public status: anyone signed in on Person, anyone at all through the public query', async () => {
    const app = await t.appOn('2026-11-23');
    const trainer = await as([Role.Trainer, Role.Applicant], ben);
    const res = await gql(app, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { publicDisciplinaryStatus { standing } } } }`, reps([carmen!]), trainer);
    expect(res.body.data!['_entities']).toEqual([{ publicDisciplinaryStatus: { standing: 'PROBATION' } }]);
    const history = await gql(app, HISTORY, reps([carmen!]), trainer);
    expect(errorCodes(history)).toContain('FORBIDDEN');
    expect(JSON.stringify(history.body)).not.toContain('Monthly supervision');
    const anonymous = await gql(app, `query($id: ID!) { publicDisciplinaryStatus(personId: $id) { personId standing removedAsTrainer actions { kind effectiveFrom effectiveUntil publishedOn } } }`, { id: carmen });
    expect(anonymous.body.data!['publicDisciplinaryStatus']).toEqual({
      personId: carmen,
      standing: 'PROBATION',
      removedAsTrainer: false,
      actions: [{ kind: 'PROBATION', effectiveFrom: '2026-10-01', effectiveUntil: '2027-03-31', publishedOn: '2026-10-01' }],
    });
    const afterPeriod = await gql(await t.appOn('2027-04-01'), `query($id: ID!) { publicDisciplinaryStatus(personId: $id) { standing } }`, { id: carmen });
    expect(afterPeriod.body.data!['publicDisciplinaryStatus']).toEqual({ standing: 'NO_ACTION' });
    expect(fieldsOf(await gql(app, `{ publicDisciplinaryStatus(personId: "x") { standing } }`))).toEqual(['personId']);
  });
});

describe('the outbox', () => {
  it('shows admins the pending commands, oldest first, page by page', async () => {
    const app = await t.appOn('2026-11-23');
    const admin = await as([Role.Admin]);
    const Q = `query($after: String) { ethicsOutboundCommands(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { type targetDomain status idempotencyKey } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res = await gql(app, Q, { after }, admin);
      const conn = res.body.data!['ethicsOutboundCommands'] as { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { type: string; status: string; idempotencyKey: string } }[] };
      expect(conn.totalCount).toBe(Number(((await t.ds.query(`select count(*)::int as n from outbound_command where status = 'pending'`)) as { n: number }[])[0]!.n));
      seen.push(...conn.edges.map((e) => e.node.idempotencyKey));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    // Holds for Alicia, Ben and Carmen; Carmen's released when her case closed.
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
    expect(seen.filter((k) => k.endsWith('RELEASE_APPLICATION_HOLD'))).toEqual([`complaint:${ids['closedCarmen']}:RELEASE_APPLICATION_HOLD`]);
    expect(errorCodes(await gql(app, Q, {}, await as([Role.EthicsStaff])))).toEqual(['FORBIDDEN']);
  });
});
