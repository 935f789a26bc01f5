// certificationsDue: certifications falling due within N days, soonest first, paginated, with the
// renewal hours from the policy; suspended, revoked and relinquished ones left out.
import { describe, expect, it } from 'vitest';
import { Role } from '@cpss/domain';
import { errorCodes } from '@cpss/testkit';
import { sqlStatementsOf } from '@cpss/testkit/vitest';
import { NC_CERTIFICATION_POLICY } from '../src/policy/certification-policy';
import { gqlOk, staff } from './fixtures';
import { as, fieldsOf, gql, useCertificationDatabase } from './harness';

const t = useCertificationDatabase();
const TODAY = '2026-11-23';
const RENEWAL_HOURS = NC_CERTIFICATION_POLICY.recertificationHours;

let n = 0;
/** A certification due on `dueOn` (last certified two years before), with status events. */
async function cert(dueOn: string, events: { kind: string; on: string; until?: string }[] = []): Promise<string> {
  n += 1;
  const [{ id: personId }] = (await t.ds.query(`insert into person (legal_name, email, date_of_birth, county) values ($1, $2, '1980-01-01', 'Durham') returning id`, [`Due Holder ${n}`, `due${n}@example.org`])) as { id: string }[];
  const lastCertifiedOn = `${Number(dueOn.slice(0, 4)) - 2}${dueOn.slice(4, 8)}01`;
  const [{ id }] = (await t.ds.query(`insert into certification (number, person_id, issued_on, last_certified_on, due_on) values ($1, $2, $3, $3, $4) returning id`, [`NC-CPSS-6${String(n).padStart(5, '0')}`, personId, lastCertifiedOn, dueOn])) as { id: string }[];
  for (const e of events) await t.ds.query(`insert into certification_event (certification_id, kind, effective_on, effective_until, reason, actor) values ($1, $2, $3, $4, 'test', 'test')`, [id, e.kind, e.on, e.until ?? null]);
  return id;
}

const DUE = `query($within: Int, $first: Int, $after: String) { certificationsDue(withinDays: $within, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id dueOn status renewalHoursRequired } } } }`;
type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string; dueOn: string; status: string; renewalHoursRequired: number } }[] };

const ids: Record<string, string> = {};

describe('certificationsDue', () => {
  it('soonest first within the window, leaving out suspended, revoked, relinquished and past-due ones; pages by cursor', async () => {
    ids['late'] = await cert('2026-10-31');
    ids['week'] = await cert('2026-11-30');
    ids['month'] = await cert('2026-12-31');
    ids['suspended'] = await cert('2027-01-31', [{ kind: 'SUSPENDED', on: '2026-11-01' }]);
    ids['suspensionOver'] = await cert('2027-01-31', [{ kind: 'SUSPENDED', on: '2026-10-01', until: '2026-11-10' }]);
    ids['reinstated'] = await cert('2027-02-15', [{ kind: 'SUSPENDED', on: '2026-10-01' }, { kind: 'REINSTATED', on: '2026-11-02' }]);
    ids['revoked'] = await cert('2027-01-15', [{ kind: 'REVOKED', on: '2026-11-20' }]);
    ids['relinquished'] = await cert('2026-12-15', [{ kind: 'RELINQUISHED', on: '2026-06-01' }]);
    ids['suspendedLater'] = await cert('2027-01-10', [{ kind: 'SUSPENDED', on: '2026-12-01' }]);
    ids['farther'] = await cert('2027-02-28');

    const app = await t.appOn(TODAY);
    const all = (await gqlOk(app, DUE, {}, await staff()))['certificationsDue'] as Page;
    expect(all.edges.map((e) => e.node.id)).toEqual([ids['week'], ids['month'], ids['suspendedLater'], ids['suspensionOver'], ids['reinstated']]);
    expect(all.totalCount).toBe(5);
    expect(all.edges.every((e) => ['ACTIVE', 'DUE'].includes(e.node.status) && e.node.renewalHoursRequired === RENEWAL_HOURS)).toBe(true);

    const first = (await gqlOk(app, DUE, { first: 2 }, await staff()))['certificationsDue'] as Page;
    expect(first.edges.map((e) => e.node.id)).toEqual([ids['week'], ids['month']]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (await gqlOk(app, DUE, { first: 10, after: first.pageInfo.endCursor }, await staff()))['certificationsDue'] as Page;
    expect(rest.edges.map((e) => e.node.id)).toEqual([ids['suspendedLater'], ids['suspensionOver'], ids['reinstated']]);
    expect(rest.pageInfo.hasNextPage).toBe(false);

    const wider = (await gqlOk(app, DUE, { within: 97 }, await staff()))['certificationsDue'] as Page;
    expect(wider.edges.at(-1)!.node.id).toBe(ids['farther']);
    const narrow = (await gqlOk(app, DUE, { within: 7 }, await staff()))['certificationsDue'] as Page;
    expect(narrow.edges.map((e) => e.node.id)).toEqual([ids['week']]);
  });

  it('withinDays is 1 to 365; certification staff and admins only', async () => {
    const app = await t.appOn(TODAY);
    for (const within of [0, 366, -5]) expect(fieldsOf(await gql(app, DUE, { within }, await staff()))).toEqual(['withinDays']);
    expect(fieldsOf(await gql(app, DUE, { after: 'garbage' }, await staff()))).toEqual(['after']);
    expect(errorCodes(await gql(app, DUE, {}, await as([Role.Admin])))).toEqual([]);
    for (const roles of [[Role.Applicant], [Role.TrainingReviewer], [Role.Service]]) expect(errorCodes(await gql(app, DUE, {}, await as(roles)))).toEqual(['FORBIDDEN']);
  });

  it('costs the same number of SQL statements for one certification as for fifty', async () => {
    for (let i = 0; i < 6; i += 1) await cert(`2026-12-${String(10 + i).padStart(2, '0')}`);
    const app = await t.appOn(TODAY);
    const Q = `query($first: Int) { certificationsDue(first: $first) { totalCount edges { cursor node { id number personId dueOn lastCertifiedOn renewalHoursRequired status goodThrough renewalOpensOn person { legalName } designations { designation } events { kind } } } } }`;
    const auth = await staff();
    const { result: one, statements: forOne } = await sqlStatementsOf(() => gql(app, Q, { first: 1 }, auth));
    const { result: many, statements: forMany } = await sqlStatementsOf(() => gql(app, Q, { first: 50 }, auth));
    expect(one.body.errors).toBeUndefined();
    expect((many.body.data!['certificationsDue'] as { edges: unknown[] }).edges.length).toBeGreaterThan(5);
    expect(forOne).toBeGreaterThan(0);
    expect(forMany).toBe(forOne);
  });

  it('renewal hours come from the policy in force when renewal can first be submitted', async () => {
    const app = await t.appOn(TODAY);
    const later = await cert('2027-06-30');
    const stricter = { ...NC_CERTIFICATION_POLICY, recertificationHours: NC_CERTIFICATION_POLICY.recertificationHours + 4 };
    await gqlOk(app, `mutation($input: AddCertificationPolicyVersionInput!) { addCertificationPolicyVersion(input: $input) { id } }`, { input: { effectiveFrom: '2027-01-01', values: stricter, note: 'hypothetical: more renewal hours' } }, await as([Role.Admin]));
    const page = (await gqlOk(app, DUE, { within: 365, first: 100 }, await staff()))['certificationsDue'] as Page;
    // Renewal of a certification due 2027-06-30 opens 90 days before, under the new version.
    expect(page.edges.find((e) => e.node.id === later)!.node.renewalHoursRequired).toBe(stricter.recertificationHours);
    expect(page.edges.find((e) => e.node.id === ids['week'])!.node.renewalHoursRequired).toBe(RENEWAL_HOURS);
  });
});
