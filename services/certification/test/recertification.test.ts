import { describe, expect, it } from 'vitest';
import { Role } from '@cpss/domain';
import { errorCodes } from '@cpss/testkit';
import { APP_FIELDS, gqlOk, payFees, staff, approve, type AppShape } from './fixtures';
import { as, fieldsOf, gql, unmetRules, useCertificationDatabase } from './harness';

const t = useCertificationDatabase();
let n = 0;

/** A person holding a certification last certified on 2024-11-20 (due 2026-11-30, late window to 2026-12-30). */
async function holder(options: { designations?: string[] } = {}) {
  n += 1;
  const [{ id: personId }] = (await t.ds.query(`insert into person (legal_name, email, date_of_birth, county) values ($1, $2, '1980-01-01', 'Durham') returning id`, [`Holder ${n}`, `holder${n}@example.org`])) as { id: string }[];
  const [{ id: certId }] = (await t.ds.query(`insert into certification (number, person_id, issued_on, last_certified_on, due_on) values ($1, $2, '2022-11-20', '2024-11-20', '2026-11-30') returning id`, [`NC-CPSS-9${String(n).padStart(5, '0')}`, personId])) as { id: string }[];
  for (const d of options.designations ?? []) await t.ds.query(`insert into certification_designation (certification_id, designation, granted_on) values ($1, $2, '2022-11-20')`, [certId, d]);
  return { personId, certId, auth: await as([Role.Applicant], personId, `account-${personId}`) };
}

const RENEWAL_PARTS = {
  consumerOfServices: true,
  codeOfEthicsVersion: '2019',
  trainingLog: [
    { topic: 'Crisis Prevention', hours: 17, completedOn: '2025-06-01' },
    { topic: 'Ethics and Peer Support Boundaries', hours: 3, completedOn: '2025-07-01', ethics: true },
  ],
  references: [
    { name: 'Pat Doe', relation: 'Supervisor', yearsKnown: 2, knowsAboutRecovery: true },
    { name: 'Lee Poe', relation: 'Colleague', yearsKnown: 1, knowsAboutRecovery: false },
  ],
};

async function renewalSubmitted(date: string, h: Awaited<ReturnType<typeof holder>>) {
  const app = await t.appOn(date);
  const created = (await gqlOk(app, `mutation($input: CreateRecertificationInput!) { createRecertification(input: $input) { id version kind } }`, { input: { certificationId: h.certId } }, h.auth))['createRecertification'] as AppShape;
  const saved = (await gqlOk(app, `mutation($input: SaveApplicationDraftInput!) { saveApplicationDraft(input: $input) { version } }`, { input: { applicationId: created.id, expectedVersion: created.version, ...RENEWAL_PARTS } }, h.auth))['saveApplicationDraft'] as AppShape;
  return gql(app, `mutation($input: ApplicationVersionInput!) { submitApplication(input: $input) { ${APP_FIELDS} } }`, { input: { applicationId: created.id, expectedVersion: saved.version } }, h.auth);
}

const CERT = `query($id: ID!) { certification(id: $id) { number status dueOn lastCertifiedOn goodThrough designations { designation } timeline { toStatus reason } } }`;

describe('recertification', () => {
  it('on time: the processing fee only; approval moves the due date a term on, keeping the month', async () => {
    const h = await holder();
    const res = await renewalSubmitted('2026-11-23', h);
    const sub = res.body.data!['submitApplication'] as AppShape;
    expect(sub).toMatchObject({ kind: 'RECERTIFICATION', status: 'SUBMITTED', late: false, eligible: true });
    expect(sub.fees.map((f) => f.kind)).toEqual(['RECERTIFICATION']);
    const app = await t.appOn('2026-11-25');
    await payFees(app, sub, '2026-11-25');
    expect((await approve(app, sub.id)).status).toBe('APPROVED');
    const cert = (await gqlOk(app, CERT, { id: h.certId }, h.auth))['certification'];
    expect(cert).toMatchObject({ status: 'ACTIVE', dueOn: '2028-11-30', lastCertifiedOn: '2026-11-25', goodThrough: '2028-12-30' });
  });

  it('on the last day of the late window: accepted with the late fee, never backdated', async () => {
    const h = await holder();
    const before = await gqlOk(await t.appOn('2026-12-30'), CERT, { id: h.certId }, h.auth);
    expect(before['certification']).toMatchObject({ status: 'LATE', goodThrough: '2026-12-30' });
    const res = await renewalSubmitted('2026-12-30', h);
    const sub = res.body.data!['submitApplication'] as AppShape;
    expect(sub).toMatchObject({ status: 'SUBMITTED', late: true });
    expect(sub.fees.map((f) => [f.kind, f.amountCents])).toEqual([['RECERTIFICATION', 2000], ['LATE', 2000]]);
    // Approved in January, after the window: the renewal counts from the approval, not the old due date.
    const app = await t.appOn('2027-01-05');
    await payFees(app, sub, '2027-01-05');
    await approve(app, sub.id);
    const cert = (await gqlOk(app, CERT, { id: h.certId }, h.auth))['certification'];
    expect(cert).toMatchObject({ status: 'ACTIVE', lastCertifiedOn: '2027-01-05', dueOn: '2029-01-31' });
  });

  it('the day after the late window: lapsed, refused, told to apply as new', async () => {
    const h = await holder();
    const app = await t.appOn('2026-12-31');
    expect((await gqlOk(app, CERT, { id: h.certId }, h.auth))['certification']).toMatchObject({ status: 'LAPSED' });
    const before = await t.snapshot('application', 'status_change');
    const res = await gql(app, `mutation($input: CreateRecertificationInput!) { createRecertification(input: $input) { id } }`, { input: { certificationId: h.certId } }, h.auth);
    expect(errorCodes(res)).toEqual(['FAILED_PRECONDITION']);
    expect(unmetRules(res)).toEqual(['CERTIFICATION_RENEWABLE']);
    expect(JSON.stringify(res.body.errors)).toContain('apply again as a new applicant');
    expect(await t.snapshot('application', 'status_change')).toBe(before);
  });

  it('a renewal drafted in the late window but submitted after it is refused', async () => {
    const h = await holder();
    const draftDay = await t.appOn('2026-12-30');
    const created = (await gqlOk(draftDay, `mutation($input: CreateRecertificationInput!) { createRecertification(input: $input) { id version } }`, { input: { certificationId: h.certId } }, h.auth))['createRecertification'] as AppShape;
    const saved = (await gqlOk(draftDay, `mutation($input: SaveApplicationDraftInput!) { saveApplicationDraft(input: $input) { version } }`, { input: { applicationId: created.id, expectedVersion: created.version, ...RENEWAL_PARTS } }, h.auth))['saveApplicationDraft'] as AppShape;
    const res = await gql(await t.appOn('2026-12-31'), `mutation($input: ApplicationVersionInput!) { submitApplication(input: $input) { id } }`, { input: { applicationId: created.id, expectedVersion: saved.version } }, h.auth);
    expect(unmetRules(res)).toEqual(['CERTIFICATION_RENEWABLE']);
    expect(await t.count(`fee where application_id = '${created.id}'`)).toBe(0);
  });

  it('before the reminder window, renewal is not open yet', async () => {
    const h = await holder();
    const res = await renewalSubmitted('2026-08-31', h);
    expect(unmetRules(res)).toEqual(['CERTIFICATION_RENEWABLE']);
    expect(JSON.stringify(res.body.errors)).toContain('renewal opens on 2026-09-01');
  });

  it('military upkeep not met: recertified, the designation is dropped', async () => {
    const h = await holder({ designations: ['VETERAN_SERVICE_MEMBER'] });
    const sub = (await renewalSubmitted('2026-11-23', h)).body.data!['submitApplication'] as AppShape;
    expect(sub.checklist.find((c) => c.rule === 'MILITARY_UPKEEP')).toMatchObject({ met: false });
    const app = await t.appOn('2026-11-24');
    await payFees(app, sub, '2026-11-24');
    await approve(app, sub.id);
    expect((await gqlOk(app, CERT, { id: h.certId }, h.auth))['certification']).toMatchObject({ status: 'ACTIVE', designations: [] });
  });

  it('suspension by staff shows everywhere and blocks renewal; bad event input writes nothing', async () => {
    const h = await holder();
    const app = await t.appOn('2026-11-23');
    const before = await t.snapshot('certification_event', 'certification');
    const bad = await gql(app, `mutation($input: RecordCertificationEventInput!) { recordCertificationEvent(input: $input) { id } }`, { input: { certificationId: h.certId, expectedVersion: 1, kind: 'SUSPENDED', reason: '', effectiveOn: '2026-11-01' } }, await staff());
    expect(fieldsOf(bad).sort()).toEqual(['input.effectiveOn', 'input.reason']);
    const own = await gql(app, `mutation($input: RecordCertificationEventInput!) { recordCertificationEvent(input: $input) { id } }`, { input: { certificationId: h.certId, expectedVersion: 1, kind: 'SUSPENDED', reason: 'x' } }, h.auth);
    expect(errorCodes(own)).toEqual(['FORBIDDEN']);
    expect(await t.snapshot('certification_event', 'certification')).toBe(before);
    await gqlOk(app, `mutation($input: RecordCertificationEventInput!) { recordCertificationEvent(input: $input) { id } }`, { input: { certificationId: h.certId, expectedVersion: 1, kind: 'SUSPENDED', reason: 'Ethics outcome: suspension' } }, await staff());
    const cert = (await gqlOk(app, CERT, { id: h.certId }, h.auth))['certification'] as { status: string; goodThrough: string | null; timeline: { toStatus: string }[] };
    expect(cert).toMatchObject({ status: 'SUSPENDED', goodThrough: null });
    expect(cert.timeline.map((e) => e.toStatus)).toEqual(['SUSPENDED']);
    const res = await gql(app, `mutation($input: CreateRecertificationInput!) { createRecertification(input: $input) { id } }`, { input: { certificationId: h.certId } }, h.auth);
    expect(unmetRules(res)).toEqual(['CERTIFICATION_RENEWABLE']);
    const stale = await gql(app, `mutation($input: RecordCertificationEventInput!) { recordCertificationEvent(input: $input) { id } }`, { input: { certificationId: h.certId, expectedVersion: 1, kind: 'REINSTATED', reason: 'appeal upheld' } }, await staff());
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
  });

  it('renewals started at once: one draft, the others refused as already open (never a server error)', async () => {
    const app = await t.appOn('2026-11-23');
    // A few holders, each starting four at once (the race is short: each round may or may not meet it).
    for (let round = 0; round < 5; round++) {
      const h = await holder();
      const start = () => gql(app, `mutation($input: CreateRecertificationInput!) { createRecertification(input: $input) { id } }`, { input: { certificationId: h.certId } }, h.auth);
      const results = await Promise.all([start(), start(), start(), start()]);
      expect(results.map((r) => (r.body.errors ? unmetRules(r).join(',') || errorCodes(r).join(',') : 'created')).sort()).toEqual(['ONE_OPEN_RENEWAL', 'ONE_OPEN_RENEWAL', 'ONE_OPEN_RENEWAL', 'created']);
    }
  });

  it('a holder may relinquish their own certification', async () => {
    const h = await holder();
    const app = await t.appOn('2026-11-23');
    await gqlOk(app, `mutation($input: RecordCertificationEventInput!) { recordCertificationEvent(input: $input) { id } }`, { input: { certificationId: h.certId, expectedVersion: 1, kind: 'RELINQUISHED', reason: 'Retiring' } }, h.auth);
    expect((await gqlOk(app, CERT, { id: h.certId }, h.auth))['certification']).toMatchObject({ status: 'RELINQUISHED' });
    const other = await gql(app, CERT, { id: h.certId }, await as([Role.Applicant], '00000000-0000-4000-8000-000000000001'));
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);
  });

  it('a holder applies as new only once the certification has lapsed; hours must postdate the last certification', async () => {
    const h = await holder();
    const still = await gql(await t.appOn('2026-12-30'), `mutation { createApplication(input: {}) { id } }`, {}, h.auth);
    expect(unmetRules(still)).toEqual(['NOT_CERTIFIED']);
    const app = await t.appOn('2026-12-31');
    const created = (await gqlOk(app, `mutation { createApplication(input: {}) { id version } }`, {}, h.auth))['createApplication'] as AppShape;
    const saved = await gqlOk(app, `mutation($input: SaveApplicationDraftInput!) { saveApplicationDraft(input: $input) { checklist { rule met evidence } } }`, { input: { applicationId: created.id, expectedVersion: created.version, trainingLog: [{ topic: 'Old WRAP', hours: 20, completedOn: '2024-06-01', ethics: true }] } }, h.auth);
    const hours = (saved['saveApplicationDraft'] as { checklist: { rule: string; met: boolean; evidence: Record<string, unknown> }[] }).checklist.find((c) => c.rule === 'ADDITIONAL_HOURS');
    expect(hours).toMatchObject({ met: false, evidence: { countedHours: 0, after: '2024-11-20' } });
  });
});
