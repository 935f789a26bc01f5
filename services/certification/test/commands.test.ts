// Commands from ethics (applyCertificationCommand): each type, applied once per idempotency key,
// SERVICE only, and a bad command writes nothing.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Role } from '@cpss/domain';
import { errorCodes } from '@cpss/testkit';
import { completeParts, gqlOk, staff, submittedApplication } from './fixtures';
import { as, fieldsOf, gql, useCertificationDatabase, type App } from './harness';

const t = useCertificationDatabase();
const TODAY = '2026-11-23';
const TABLES = ['inbound_command', 'application', 'status_change', 'certification_event', 'certification'];

const APPLY = `mutation($input: CrossDomainCommandInput!) { applyCertificationCommand(input: $input) { idempotencyKey appliedNow outcome } }`;
const service = () => as([Role.Service], null, 'service:ethics');

let n = 0;
async function newPerson(): Promise<string> {
  n += 1;
  const [{ id }] = (await t.ds.query(`insert into person (legal_name, email, date_of_birth, county) values ($1, $2, '1985-03-03', 'Wake') returning id`, [`Command Person ${n}`, `cmd${n}-${Date.now()}@example.org`])) as { id: string }[];
  return id;
}

/** A certification last certified on 2025-06-10, due 2027-06-30. */
async function certified(personId: string): Promise<{ id: string; number: string }> {
  const [row] = (await t.ds.query(`insert into certification (number, person_id, issued_on, last_certified_on, due_on) values ($1, $2, '2023-06-10', '2025-06-10', '2027-06-30') returning id, number`, [`NC-CPSS-7${String(n).padStart(5, '0')}`, personId])) as { id: string; number: string }[];
  return row!;
}

async function send(app: App, type: string, payload: Record<string, unknown>, key = `test:${randomUUID()}`) {
  return gql(app, APPLY, { input: { idempotencyKey: key, type, sourceDomain: 'ethics', payload } }, await service());
}

async function receipt(app: App, type: string, payload: Record<string, unknown>, key?: string) {
  const res = await send(app, type, payload, key);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.data!['applyCertificationCommand'] as { idempotencyKey: string; appliedNow: boolean; outcome: string };
}

const statusOf = async (id: string) => ((await t.ds.query(`select status, version from application where id = $1`, [id])) as { status: string; version: number }[])[0]!;
const timeline = async (id: string) => (await t.ds.query(`select from_status, to_status, actor, reason, facts from status_change where subject_id = $1 order by at`, [id])) as { from_status: string; to_status: string; actor: string; reason: string; facts: Record<string, unknown> }[];

describe('HOLD_APPLICATION and RELEASE_APPLICATION_HOLD', () => {
  it('holds the open cases (not a draft), once per key; the release puts them back into review', async () => {
    const app = await t.appOn(TODAY);
    const personId = await newPerson();
    const submitted = await submittedApplication(app, personId, completeParts(TODAY));
    const me = await as([Role.Applicant], personId, `account-${personId}`);
    const draft = (await gqlOk(app, `mutation { createApplication(input: {}) { id } }`, {}, me))['createApplication'] as { id: string };
    const complaintId = randomUUID();

    const key = `complaint:${complaintId}:HOLD_APPLICATION`;
    const first = await receipt(app, 'HOLD_APPLICATION', { personId, complaintId, reason: 'complaint pending' }, key);
    expect(first).toEqual({ idempotencyKey: key, appliedNow: true, outcome: `1 application put on hold for complaint ${complaintId}` });
    expect((await statusOf(submitted.id)).status).toBe('ON_HOLD');
    expect((await statusOf(draft.id)).status).toBe('DRAFT');
    const held = (await timeline(submitted.id)).at(-1)!;
    expect(held).toMatchObject({ from_status: 'SUBMITTED', to_status: 'ON_HOLD', actor: 'system', facts: { complaintId } });
    expect(held.reason).toContain(`complaint ${complaintId} is pending`);
    // Staff see why it is held; the applicant is not told here.
    const HOLD = `query($id: ID!) { application(id: $id) { status holdReason heldForComplaint } }`;
    expect((await gqlOk(app, HOLD, { id: submitted.id }, await staff()))['application']).toEqual({ status: 'ON_HOLD', holdReason: held.reason, heldForComplaint: true });
    const own = await gql(app, HOLD, { id: submitted.id }, await as([Role.Applicant], personId, `account-${personId}`));
    expect(own.body.errors?.map((e) => e.extensions?.['code'])).toContain('FORBIDDEN');

    // Delivered again (the answer was lost): nothing more happens, the first outcome is returned.
    const before = await t.snapshot(...TABLES);
    const again = await receipt(app, 'HOLD_APPLICATION', { personId, complaintId, reason: 'complaint pending' }, key);
    expect(again).toEqual({ idempotencyKey: key, appliedNow: false, outcome: first.outcome });
    expect(await t.snapshot(...TABLES)).toBe(before);
    expect((await timeline(submitted.id)).filter((e) => e.to_status === 'ON_HOLD')).toHaveLength(1);

    // Staff cannot approve a held case; the release (complaint closed) puts it into review, once.
    const releaseKey = `complaint:${complaintId}:RELEASE_APPLICATION_HOLD`;
    const released = await receipt(app, 'RELEASE_APPLICATION_HOLD', { personId, complaintId, outcome: 'DISMISSED' }, releaseKey);
    expect(released).toMatchObject({ appliedNow: true, outcome: '1 application released from hold: 1 into review' });
    expect((await statusOf(submitted.id)).status).toBe('IN_REVIEW');
    const entry = (await timeline(submitted.id)).at(-1)!;
    expect(entry).toMatchObject({ from_status: 'ON_HOLD', to_status: 'IN_REVIEW', actor: 'system', facts: { complaintId, outcome: 'DISMISSED' } });
    expect(entry.reason).toBe(`hold released: complaint ${complaintId} closed (dismissed)`);
    expect(await receipt(app, 'RELEASE_APPLICATION_HOLD', { personId, complaintId, outcome: 'DISMISSED' }, releaseKey)).toMatchObject({ appliedNow: false });
    expect((await timeline(submitted.id)).filter((e) => e.to_status === 'IN_REVIEW')).toHaveLength(1);
    // The staff view shows it where staff release holds to.
    const seen = (await gqlOk(app, `query($id: ID!) { application(id: $id) { status } }`, { id: submitted.id }, await staff()))['application'];
    expect(seen).toEqual({ status: 'IN_REVIEW' });
    expect((await gqlOk(app, `query($id: ID!) { application(id: $id) { holdReason heldForComplaint } }`, { id: submitted.id }, await staff()))['application']).toEqual({ holdReason: null, heldForComplaint: false });
  });

  it('keeps the hold while another complaint is pending; nothing to hold or release still succeeds', async () => {
    const app = await t.appOn(TODAY);
    const personId = await newPerson();
    const sub = await submittedApplication(app, personId, completeParts(TODAY));
    const [a, b] = [randomUUID(), randomUUID()];
    await receipt(app, 'HOLD_APPLICATION', { personId, complaintId: a, reason: 'complaint pending' });
    expect(await receipt(app, 'HOLD_APPLICATION', { personId, complaintId: b, reason: 'complaint pending' })).toMatchObject({ appliedNow: true, outcome: 'no submitted, incomplete or in-review application: nothing put on hold' });
    expect(await receipt(app, 'RELEASE_APPLICATION_HOLD', { personId, complaintId: a, outcome: 'NO_ACTION' })).toMatchObject({ appliedNow: true, outcome: '1 application kept on hold: 1 other complaint is still pending' });
    expect((await statusOf(sub.id)).status).toBe('ON_HOLD');
    expect(await receipt(app, 'RELEASE_APPLICATION_HOLD', { personId, complaintId: b, outcome: 'DISMISSED' })).toMatchObject({ outcome: '1 application released from hold: 1 into review' });
    expect((await statusOf(sub.id)).status).toBe('IN_REVIEW');

    // A case held while awaiting documents goes back to awaiting them.
    const waiting = await newPerson();
    const incomplete = await submittedApplication(app, waiting, completeParts(TODAY));
    const asked = await gqlOk(app, `mutation($input: RequestMissingItemsInput!) { requestMissingItems(input: $input) { status } }`, { input: { applicationId: incomplete.id, expectedVersion: incomplete.version, items: ['Second Personal Reference Form'] } }, await staff());
    expect(asked['requestMissingItems']).toEqual({ status: 'INCOMPLETE' });
    const complaint = randomUUID();
    await receipt(app, 'HOLD_APPLICATION', { personId: waiting, complaintId: complaint, reason: 'complaint pending' });
    expect((await statusOf(incomplete.id)).status).toBe('ON_HOLD');
    expect(await receipt(app, 'RELEASE_APPLICATION_HOLD', { personId: waiting, complaintId: complaint, outcome: 'DISMISSED' })).toMatchObject({ outcome: '1 application released from hold: 1 back to awaiting documents' });
    expect(await statusOf(incomplete.id)).toMatchObject({ status: 'INCOMPLETE' });

    // Someone with no application at all.
    const nobody = await newPerson();
    expect(await receipt(app, 'HOLD_APPLICATION', { personId: nobody, complaintId: randomUUID() })).toMatchObject({ appliedNow: true, outcome: expect.stringContaining('nothing put on hold') });
    expect(await receipt(app, 'RELEASE_APPLICATION_HOLD', { personId: nobody, complaintId: randomUUID(), outcome: 'DISMISSED' })).toMatchObject({ appliedNow: true, outcome: 'no application on hold: nothing released' });
  });

  it('a hold delivered after its own release holds nothing', async () => {
    const app = await t.appOn(TODAY);
    const personId = await newPerson();
    const sub = await submittedApplication(app, personId, completeParts(TODAY));
    const complaintId = randomUUID();
    await receipt(app, 'RELEASE_APPLICATION_HOLD', { personId, complaintId, outcome: 'DISMISSED' });
    expect(await receipt(app, 'HOLD_APPLICATION', { personId, complaintId })).toMatchObject({ outcome: `complaint ${complaintId} was already closed: nothing put on hold` });
    expect((await statusOf(sub.id)).status).toBe('SUBMITTED');
  });
});

describe('SUSPEND_CERTIFICATION and REVOKE_CERTIFICATION', () => {
  const LOOKUP = `query($n: String!) { registryLookup(certificationNumber: $n) { status statusEffectiveOn goodThrough } }`;
  const EVENTS = `query($id: ID!) { certification(id: $id) { status events { kind effectiveOn effectiveUntil reason } timeline { fromStatus toStatus actor reason facts } } }`;

  it('suspends for the sanction period, once per key; the registry shows it and it ends by itself', async () => {
    const app = await t.appOn(TODAY);
    const personId = await newPerson();
    const cert = await certified(personId);
    const sanctionId = randomUUID();
    const payload = { personId, sanctionId, effectiveFrom: TODAY, effectiveUntil: '2027-01-31' };
    const key = `sanction:${sanctionId}:SUSPEND_CERTIFICATION`;
    const first = await receipt(app, 'SUSPEND_CERTIFICATION', payload, key);
    expect(first).toEqual({ idempotencyKey: key, appliedNow: true, outcome: `certification ${cert.number} suspended from ${TODAY} through 2027-01-31` });
    const again = await receipt(app, 'SUSPEND_CERTIFICATION', payload, key);
    expect(again).toEqual({ ...first, appliedNow: false });

    const seen = (await gqlOk(app, EVENTS, { id: cert.id }, await staff()))['certification'] as { status: string; events: unknown[]; timeline: { toStatus: string; actor: string; facts: Record<string, unknown> }[] };
    expect(seen.status).toBe('SUSPENDED');
    expect(seen.events).toEqual([{ kind: 'SUSPENDED', effectiveOn: TODAY, effectiveUntil: '2027-01-31', reason: `suspended from ${TODAY} through 2027-01-31 by ethics sanction ${sanctionId}` }]);
    expect(seen.timeline).toHaveLength(1);
    expect(seen.timeline[0]).toMatchObject({ toStatus: 'SUSPENDED', actor: 'system', facts: { sanctionId, effectiveOn: TODAY, effectiveUntil: '2027-01-31', sourceDomain: 'ethics' } });

    expect((await gql(app, LOOKUP, { n: cert.number })).body.data!['registryLookup']).toEqual({ status: 'SUSPENDED', statusEffectiveOn: TODAY, goodThrough: null });
    // The last day of the suspension, and the day after (good again, by its dates).
    expect((await gql(await t.appOn('2027-01-31'), LOOKUP, { n: cert.number })).body.data!['registryLookup']).toMatchObject({ status: 'SUSPENDED' });
    expect((await gql(await t.appOn('2027-02-01'), LOOKUP, { n: cert.number })).body.data!['registryLookup']).toEqual({ status: 'ACTIVE', statusEffectiveOn: null, goodThrough: '2027-07-30' });
  });

  it('revokes the certification in effect; a second revocation and someone without one change nothing but succeed', async () => {
    const app = await t.appOn(TODAY);
    const personId = await newPerson();
    const cert = await certified(personId);
    const revoked = await receipt(app, 'REVOKE_CERTIFICATION', { personId, sanctionId: randomUUID(), effectiveFrom: TODAY, effectiveUntil: null });
    expect(revoked).toMatchObject({ appliedNow: true, outcome: `certification ${cert.number} revoked from ${TODAY}` });
    expect((await gql(app, LOOKUP, { n: cert.number })).body.data!['registryLookup']).toEqual({ status: 'REVOKED', statusEffectiveOn: TODAY, goodThrough: null });

    const events = await t.count(`certification_event where certification_id = '${cert.id}'`);
    const twice = await receipt(app, 'REVOKE_CERTIFICATION', { personId, sanctionId: randomUUID(), effectiveFrom: TODAY, effectiveUntil: null });
    expect(twice).toMatchObject({ appliedNow: true, outcome: `certification ${cert.number} is already revoked on ${TODAY}: nothing changed` });
    const suspendRevoked = await receipt(app, 'SUSPEND_CERTIFICATION', { personId, sanctionId: randomUUID(), effectiveFrom: TODAY, effectiveUntil: null });
    expect(suspendRevoked.outcome).toContain('already revoked');
    expect(await t.count(`certification_event where certification_id = '${cert.id}'`)).toBe(events);

    const uncertified = await newPerson();
    expect(await receipt(app, 'SUSPEND_CERTIFICATION', { personId: uncertified, sanctionId: randomUUID(), effectiveFrom: TODAY, effectiveUntil: null })).toMatchObject({ appliedNow: true, outcome: 'no certification: nothing suspended' });
  });

  it('staff decisions take the same path: a staff suspension is refused on a suspended certification', async () => {
    const app = await t.appOn(TODAY);
    const personId = await newPerson();
    const cert = await certified(personId);
    await receipt(app, 'SUSPEND_CERTIFICATION', { personId, sanctionId: randomUUID(), effectiveFrom: TODAY, effectiveUntil: null });
    const { version } = (await gqlOk(app, `query($id: ID!) { certification(id: $id) { version } }`, { id: cert.id }, await staff()))['certification'] as { version: number };
    const res = await gql(app, `mutation($input: RecordCertificationEventInput!) { recordCertificationEvent(input: $input) { id } }`, { input: { certificationId: cert.id, expectedVersion: version, kind: 'SUSPENDED', reason: 'again' } }, await staff());
    expect(errorCodes(res)).toEqual(['FAILED_PRECONDITION']);
    const reinstated = await gqlOk(app, `mutation($input: RecordCertificationEventInput!) { recordCertificationEvent(input: $input) { status } }`, { input: { certificationId: cert.id, expectedVersion: version, kind: 'REINSTATED', reason: 'sanction lifted on appeal' } }, await staff());
    expect(reinstated['recordCertificationEvent']).toEqual({ status: 'ACTIVE' });
  });
});

describe('who may send commands, and bad commands', () => {
  it('only the SERVICE role: an admin is FORBIDDEN and nothing is written', async () => {
    const app = await t.appOn(TODAY);
    const personId = await newPerson();
    await submittedApplication(app, personId, completeParts(TODAY));
    const before = await t.snapshot(...TABLES);
    for (const roles of [[Role.Admin], [Role.EthicsStaff], [Role.CertificationReviewer]]) {
      const res = await gql(app, APPLY, { input: { idempotencyKey: `k-${randomUUID()}`, type: 'HOLD_APPLICATION', sourceDomain: 'ethics', payload: { personId, complaintId: randomUUID() } } }, await as(roles));
      expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    }
    const anonymous = await gql(app, APPLY, { input: { idempotencyKey: 'k', type: 'HOLD_APPLICATION', sourceDomain: 'ethics', payload: { personId, complaintId: randomUUID() } } });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(await t.snapshot(...TABLES)).toBe(before);
  });

  it('an unknown type or a payload missing its ids is BAD_USER_INPUT naming the field, and nothing is written', async () => {
    const app = await t.appOn(TODAY);
    const personId = await newPerson();
    await submittedApplication(app, personId, completeParts(TODAY));
    await certified(personId);
    const before = await t.snapshot(...TABLES);
    expect(fieldsOf(await send(app, 'DELETE_EVERYTHING', { personId }))).toEqual(['input.type']);
    expect(fieldsOf(await send(app, 'HOLD_APPLICATION', { complaintId: randomUUID() }))).toEqual(['input.payload.personId']);
    expect(fieldsOf(await send(app, 'HOLD_APPLICATION', { personId: 'not-a-uuid', complaintId: randomUUID() }))).toEqual(['input.payload.personId']);
    expect(fieldsOf(await send(app, 'RELEASE_APPLICATION_HOLD', { personId }))).toEqual(['input.payload.complaintId']);
    expect(fieldsOf(await send(app, 'SUSPEND_CERTIFICATION', { personId, effectiveFrom: '2026-13-01' })).sort()).toEqual(['input.payload.effectiveFrom', 'input.payload.sanctionId']);
    expect(fieldsOf(await send(app, 'SUSPEND_CERTIFICATION', { personId, sanctionId: randomUUID(), effectiveFrom: TODAY, effectiveUntil: '2026-01-01' }))).toEqual(['input.payload.effectiveUntil']);
    expect(fieldsOf(await send(app, 'HOLD_APPLICATION', { personId, complaintId: randomUUID() }, ' '))).toEqual(['input.idempotencyKey']);
    const res = await send(app, 'REVOKE_CERTIFICATION', { personId });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(await t.snapshot(...TABLES)).toBe(before);
  });
});
