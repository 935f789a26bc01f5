// Decisions on other domains' facts, with small in-memory ports standing for training and ethics
// (the path through the gateway is tested end to end by the platform): the snapshot kept on the
// application, best effort for drafts, required for submission and approval (SERVICE_UNAVAILABLE
// and nothing written when a domain does not answer), and the facts in the decisions' timeline.
import { describe, expect, it } from 'vitest';
import { Role } from '@cpss/domain';
import { fixedClock, serviceUnavailable, type GatewayClient } from '@cpss/server-kit';
import { errorCodes, TEST_SUBGRAPH_SECRET, testVerifier } from '@cpss/testkit';
import { createServer } from '../src/server';
import type { EthicsFacts, TrainingCompletionFact, TrainingFacts } from '../src/services/cross-domain';
import { APP_FIELDS, completeParts, gqlOk, payFees, staff, type AppShape } from './fixtures';
import { as, gql, unmetRules, useCertificationDatabase, type App } from './harness';

const t = useCertificationDatabase();
const TODAY = '2026-11-23';
const TABLES = ['application', 'training_log_entry', 'application_reference', 'designation_request', 'fee', 'status_change', 'audit_entry', 'certification', 'certification_designation'];

/** Training and ethics as a test controls them: up or down, with what they know, counting the calls. */
class OtherDomains implements TrainingFacts, EthicsFacts {
  up = { training: true, ethics: true };
  calls = 0;
  readonly records = new Map<string, TrainingCompletionFact[]>();
  readonly complaints = new Map<string, number>();

  async trainingRecordOf(personId: string): Promise<TrainingCompletionFact[]> {
    this.calls += 1;
    if (!this.up.training) throw serviceUnavailable('training');
    return this.records.get(personId) ?? [];
  }

  async openComplaintCount(personId: string): Promise<number> {
    this.calls += 1;
    if (!this.up.ethics) throw serviceUnavailable('ethics');
    return this.complaints.get(personId) ?? 0;
  }
}

const RECORD: TrainingCompletionFact[] = [
  { courseTitle: 'NC Peer Support Specialist Training', kind: 'CORE_PSS', hours: 40, completedOn: '2026-02-10', childAndFamily: false, countsTowardCertification: true, source: 'SESSION' },
  { courseTitle: 'WRAP Seminar I', kind: 'ELECTIVE', hours: 14, completedOn: '2026-03-01', childAndFamily: false, countsTowardCertification: true, source: 'SESSION' },
  { courseTitle: 'Ethics and Peer Support Boundaries', kind: 'ETHICS_AND_BOUNDARIES', hours: 6, completedOn: '2026-04-01', childAndFamily: false, countsTowardCertification: true, source: 'EXTERNAL' },
];

let n = 0;
async function newPerson(): Promise<{ id: string; name: string; email: string }> {
  n += 1;
  const name = `Crossdomain Applicant ${n}`;
  const email = `xd${n}-${Date.now()}@example.org`;
  const [{ id }] = (await t.ds.query(`insert into person (legal_name, email, date_of_birth, county) values ($1, $2, '1990-05-05', 'Wake') returning id`, [name, email])) as { id: string }[];
  return { id, name, email };
}

async function serverWith(domains: OtherDomains): Promise<App> {
  return (await createServer({ dataSource: t.ds, logger: t.logger, verifier: testVerifier(), gatewaySecret: TEST_SUBGRAPH_SECRET, clock: fixedClock(TODAY), training: domains, ethics: domains })).app;
}

const applicant = (personId: string) => as([Role.Applicant], personId, `account-${personId}`);
const CREATE = `mutation { createApplication(input: {}) { id version externalFactsAt } }`;
const SAVE = `mutation($input: SaveApplicationDraftInput!) { saveApplicationDraft(input: $input) { version externalFactsAt checklist { rule met why evidence } } }`;
const SUBMIT = `mutation($input: ApplicationVersionInput!) { submitApplication(input: $input) { ${APP_FIELDS} externalFactsAt } }`;
const APPROVE = `mutation($input: ApplicationVersionInput!) { approveApplication(input: $input) { ${APP_FIELDS} certification { number } } }`;
const rule = (list: { rule: string }[], name: string) => list.find((c) => c.rule === name) as { rule: string; met: boolean; why: string; evidence: Record<string, unknown> };

describe('eligibility from the training record', () => {
  it('the checklist reads the snapshot taken with the draft; submission and approval record the facts they stood on', async () => {
    const domains = new OtherDomains();
    const app = await serverWith(domains);
    const person = await newPerson();
    domains.records.set(person.id, RECORD);
    const me = await applicant(person.id);
    const created = (await gqlOk(app, CREATE, {}, me))['createApplication'] as { id: string; version: number; externalFactsAt: string };
    expect(created.externalFactsAt).toEqual(expect.any(String));
    // The applicant enters the same WRAP and ethics training in their log: counted once, from the record.
    const saved = (await gqlOk(app, SAVE, { input: { applicationId: created.id, expectedVersion: created.version, ...completeParts(TODAY) } }, me))['saveApplicationDraft'] as { version: number; checklist: { rule: string }[] };
    expect(rule(saved.checklist, 'CORE_COURSE')).toMatchObject({ met: true, evidence: { source: 'TRAINING_RECORD', completedOn: '2026-02-10', approvedOnCompletion: true } });
    expect(rule(saved.checklist, 'ADDITIONAL_HOURS')).toMatchObject({ met: true, evidence: { countedHours: 20, trainingRecordHours: 20, trainingLogHours: 0, logEntriesAlsoOnRecord: 2 } });

    const submitted = (await gqlOk(app, SUBMIT, { input: { applicationId: created.id, expectedVersion: saved.version } }, me))['submitApplication'] as AppShape & { timeline: { toStatus: string; facts: Record<string, unknown> }[] };
    expect(submitted).toMatchObject({ status: 'SUBMITTED', eligible: true });
    const submission = submitted.timeline.at(-1)!;
    expect(submission.facts).toMatchObject({
      trainingHoursByKind: { CORE_PSS: 40, ELECTIVE: 14, ETHICS_AND_BOUNDARIES: 6 },
      applicantLogHours: 0,
      coreCourse: { title: 'NC Peer Support Specialist Training', completedOn: '2026-02-10', approvedOnCompletion: true, source: 'TRAINING_RECORD' },
      openComplaintCount: 0,
      otherDomainsAskedAt: expect.any(String),
    });

    // Reading the case (and the list) never asks another domain: a changed record shows only at the next refresh.
    domains.records.set(person.id, []);
    const before = domains.calls;
    const list = (await gqlOk(app, `{ applications(first: 50) { edges { node { id eligible checklist { rule met } } } } }`, {}, await staff()))['applications'] as { edges: { node: { id: string; eligible: boolean } }[] };
    expect(list.edges.find((e) => e.node.id === created.id)!.node.eligible).toBe(true);
    expect(domains.calls).toBe(before);

    // Approval asks again: the record now shows a course completed since, and the decision records it.
    domains.records.set(person.id, [...RECORD, { courseTitle: 'Crisis Prevention', kind: 'ELECTIVE', hours: 3, completedOn: '2026-05-01', childAndFamily: false, countsTowardCertification: true, source: 'SESSION' }]);
    await payFees(app, submitted, TODAY);
    const current = (await gqlOk(app, `query($id: ID!) { application(id: $id) { version } }`, { id: created.id }, await staff()))['application'] as { version: number };
    const approved = (await gqlOk(app, APPROVE, { input: { applicationId: created.id, expectedVersion: current.version } }, await staff()))['approveApplication'] as AppShape & { timeline: { toStatus: string; facts: Record<string, unknown> }[] };
    expect(approved.status).toBe('APPROVED');
    expect(approved.timeline.at(-1)!.facts).toMatchObject({ trainingHoursByKind: { CORE_PSS: 40, ELECTIVE: 17, ETHICS_AND_BOUNDARIES: 6 }, openComplaintCount: 0, coreCourse: { approvedOnCompletion: true } });
    // The decided checklist is frozen with the hours it was decided on.
    expect(rule(approved.checklist, 'ADDITIONAL_HOURS')).toMatchObject({ met: true, evidence: { trainingRecordHours: 23, trainingLogHours: 0 } });
  });

  it('a core course on the record that was not approved on its completion date does not make the applicant eligible', async () => {
    const domains = new OtherDomains();
    const app = await serverWith(domains);
    const person = await newPerson();
    // The same course the applicant enters (completeParts: 2026-01-15, 40 hours), from an expired approval.
    domains.records.set(person.id, [{ courseTitle: 'NC Peer Support Specialist Training', kind: 'CORE_PSS', hours: 40, completedOn: '2026-01-15', childAndFamily: false, countsTowardCertification: false, source: 'SESSION' }]);
    const me = await applicant(person.id);
    const created = (await gqlOk(app, CREATE, {}, me))['createApplication'] as { id: string; version: number };
    const saved = (await gqlOk(app, SAVE, { input: { applicationId: created.id, expectedVersion: created.version, ...completeParts(TODAY) } }, me))['saveApplicationDraft'] as { checklist: { rule: string }[] };
    const core = rule(saved.checklist, 'CORE_COURSE');
    expect(core).toMatchObject({ met: false, evidence: { source: 'APPLICANT', approvedOnCompletion: false } });
    expect(core.why).toContain('was not approved on its completion date');
  });
});

describe('when another domain does not answer', () => {
  it('a draft still saves (keeping its earlier facts, a warning without personal data); submission is refused and nothing is written', async () => {
    const domains = new OtherDomains();
    const app = await serverWith(domains);
    const person = await newPerson();
    domains.records.set(person.id, RECORD);
    const me = await applicant(person.id);
    const created = (await gqlOk(app, CREATE, {}, me))['createApplication'] as { id: string; version: number; externalFactsAt: string };

    domains.up.training = false;
    const linesBefore = t.lines().length;
    const saved = (await gqlOk(app, SAVE, { input: { applicationId: created.id, expectedVersion: created.version, ...completeParts(TODAY) } }, me))['saveApplicationDraft'] as { version: number; externalFactsAt: string; checklist: { rule: string }[] };
    expect(saved.externalFactsAt).toBe(created.externalFactsAt);
    expect(rule(saved.checklist, 'CORE_COURSE')).toMatchObject({ evidence: { source: 'TRAINING_RECORD' } });
    const warnings = t.lines().slice(linesBefore).filter((l) => l.includes('another domain did not answer'));
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0]!)).toMatchObject({ level: 40, service: 'training', step: 'saveApplicationDraft', applicationId: created.id });
    for (const personal of [person.id, person.name, person.email, 'My recovery began']) expect(warnings[0]).not.toContain(personal);

    const before = await t.snapshot(...TABLES);
    const refused = await gql(app, SUBMIT, { input: { applicationId: created.id, expectedVersion: saved.version } }, me);
    expect(errorCodes(refused)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(refused.body.errors![0]!.extensions).toMatchObject({ service: 'training' });
    expect(await t.snapshot(...TABLES)).toBe(before);

    // Ethics down refuses the same way.
    domains.up = { training: true, ethics: false };
    const noEthics = await gql(app, SUBMIT, { input: { applicationId: created.id, expectedVersion: saved.version } }, me);
    expect(errorCodes(noEthics)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(noEthics.body.errors![0]!.extensions).toMatchObject({ service: 'ethics' });
    expect(await t.snapshot(...TABLES)).toBe(before);

    // Back up: it submits. A creation while training is down still starts the draft (without facts).
    domains.up.ethics = true;
    expect(((await gqlOk(app, SUBMIT, { input: { applicationId: created.id, expectedVersion: saved.version } }, me))['submitApplication'] as AppShape).status).toBe('SUBMITTED');
    domains.up.training = false;
    const other = await newPerson();
    const draft = (await gqlOk(app, CREATE, {}, await applicant(other.id)))['createApplication'] as { externalFactsAt: string | null };
    expect(draft.externalFactsAt).toBeNull();
  });

  it('resubmission after missing items and approval are refused while training is down; the case is unchanged', async () => {
    const domains = new OtherDomains();
    const app = await serverWith(domains);
    const person = await newPerson();
    domains.records.set(person.id, RECORD);
    const me = await applicant(person.id);
    const created = (await gqlOk(app, CREATE, {}, me))['createApplication'] as { id: string; version: number };
    const saved = (await gqlOk(app, SAVE, { input: { applicationId: created.id, expectedVersion: created.version, ...completeParts(TODAY) } }, me))['saveApplicationDraft'] as { version: number };
    const submitted = (await gqlOk(app, SUBMIT, { input: { applicationId: created.id, expectedVersion: saved.version } }, me))['submitApplication'] as AppShape;
    await payFees(app, submitted, TODAY);

    const incomplete = (await gqlOk(app, `mutation($input: RequestMissingItemsInput!) { requestMissingItems(input: $input) { version } }`, { input: { applicationId: created.id, expectedVersion: submitted.version, items: ['Signed reference form'] } }, await staff()))['requestMissingItems'] as { version: number };
    domains.up.training = false;
    let before = await t.snapshot(...TABLES);
    const resubmit = await gql(app, SUBMIT, { input: { applicationId: created.id, expectedVersion: incomplete.version } }, me);
    expect(errorCodes(resubmit)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(await t.snapshot(...TABLES)).toBe(before);
    domains.up.training = true;
    const resubmitted = (await gqlOk(app, SUBMIT, { input: { applicationId: created.id, expectedVersion: incomplete.version } }, me))['submitApplication'] as AppShape & { timeline: { facts: Record<string, unknown> }[] };
    expect(resubmitted.timeline.at(-1)!.facts).toMatchObject({ supplied: ['Signed reference form'], trainingHoursByKind: { CORE_PSS: 40 }, openComplaintCount: 0 });

    domains.up.training = false;
    before = await t.snapshot(...TABLES);
    const certifications = await t.count(`certification where person_id = '${person.id}'`);
    const refused = await gql(app, APPROVE, { input: { applicationId: created.id, expectedVersion: resubmitted.version } }, await staff());
    expect(errorCodes(refused)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(await t.snapshot(...TABLES)).toBe(before);
    expect(await t.count(`certification where person_id = '${person.id}'`)).toBe(certifications);
    expect(((await t.ds.query(`select status from application where id = $1`, [created.id])) as { status: string }[])[0]!.status).toBe('SUBMITTED');

    domains.up.training = true;
    expect(((await gqlOk(app, APPROVE, { input: { applicationId: created.id, expectedVersion: resubmitted.version } }, await staff()))['approveApplication'] as AppShape).status).toBe('APPROVED');
  });
});

describe('open complaints', () => {
  it('a complaint open at submission holds the case; one opened since refuses approval', async () => {
    const domains = new OtherDomains();
    const app = await serverWith(domains);
    const held = await newPerson();
    domains.complaints.set(held.id, 2);
    const me = await applicant(held.id);
    const created = (await gqlOk(app, CREATE, {}, me))['createApplication'] as { id: string; version: number };
    const saved = (await gqlOk(app, SAVE, { input: { applicationId: created.id, expectedVersion: created.version, ...completeParts(TODAY) } }, me))['saveApplicationDraft'] as { version: number };
    const submitted = (await gqlOk(app, SUBMIT, { input: { applicationId: created.id, expectedVersion: saved.version } }, me))['submitApplication'] as AppShape & { timeline: { toStatus: string; reason: string; facts: Record<string, unknown> }[] };
    expect(submitted.status).toBe('ON_HOLD');
    expect(submitted.timeline.at(-1)).toMatchObject({ toStatus: 'ON_HOLD', reason: expect.stringContaining('complaint is pending'), facts: { openComplaintCount: 2, complaintPending: true } });

    const later = await newPerson();
    const mine = await applicant(later.id);
    const c2 = (await gqlOk(app, CREATE, {}, mine))['createApplication'] as { id: string; version: number };
    const s2 = (await gqlOk(app, SAVE, { input: { applicationId: c2.id, expectedVersion: c2.version, ...completeParts(TODAY) } }, mine))['saveApplicationDraft'] as { version: number };
    const sub2 = (await gqlOk(app, SUBMIT, { input: { applicationId: c2.id, expectedVersion: s2.version } }, mine))['submitApplication'] as AppShape;
    await payFees(app, sub2, TODAY);
    domains.complaints.set(later.id, 1);
    const refused = await gql(app, APPROVE, { input: { applicationId: c2.id, expectedVersion: sub2.version } }, await staff());
    expect(unmetRules(refused)).toEqual(['NO_PENDING_COMPLAINT']);
  });
});

describe('through the gateway', () => {
  it('with deps.gateway, asks training and ethics with the contract queries, under the request id', async () => {
    const asked: { domain: string; query: string; variables: unknown; requestId: string | undefined }[] = [];
    const gateway: GatewayClient = {
      request: async <T>(domain: string, query: string, variables?: Record<string, unknown>, options?: { requestId?: string }) => {
        asked.push({ domain, query, variables, requestId: options?.requestId });
        return (domain === 'training' ? { person: { trainingCompletions: RECORD } } : { person: { openComplaintCount: 0 } }) as T;
      },
    };
    const { app } = await createServer({ dataSource: t.ds, logger: t.logger, verifier: testVerifier(), gatewaySecret: TEST_SUBGRAPH_SECRET, clock: fixedClock(TODAY), gateway });
    const person = await newPerson();
    const res = await gql(app, CREATE, {}, { ...(await applicant(person.id)), headers: { 'x-request-id': 'req-gateway-1' } });
    expect(res.body.errors).toBeUndefined();
    expect(asked.sort((a, b) => a.domain.localeCompare(b.domain))).toEqual([
      { domain: 'ethics', query: 'query($id: ID!) { person(id: $id) { openComplaintCount } }', variables: { id: person.id }, requestId: 'req-gateway-1' },
      {
        domain: 'training',
        query: 'query($id: ID!) { person(id: $id) { trainingCompletions { courseTitle kind hours completedOn childAndFamily countsTowardCertification source } } }',
        variables: { id: person.id },
        requestId: 'req-gateway-1',
      },
    ]);
    const stored = (await t.ds.query(`select external_facts from application where person_id = $1`, [person.id])) as { external_facts: { trainingRecord: unknown[]; openComplaintCount: number } }[];
    expect(stored[0]!.external_facts).toEqual({ trainingRecord: RECORD, openComplaintCount: 0 });
  });
});
