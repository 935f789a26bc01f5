// Building blocks for application tests: a complete draft, submitted and paid, through GraphQL.
import { Role } from '@cpss/domain';
import { expect } from 'vitest';
import { as, gql, type App } from './harness';

export const APP_FIELDS = `id status version kind submittedOn late missingItems decisionReasons appealRights eligible
  checklist { rule met required why evidence }
  fees { id kind amountCents status version }
  policyVersion { effectiveFrom }
  timeline { fromStatus toStatus actor reason facts }`;

export const staff = () => as([Role.CertificationReviewer], null, 'reviewer-1');

export function completeParts(today: string) {
  return {
    consumerOfServices: true,
    recoveryStartDate: '2020-02-01',
    educationProofKind: 'HIGH_SCHOOL_DIPLOMA',
    coreCourse: { title: 'NC Peer Support Specialist Training', completedOn: '2026-01-15', hours: 40 },
    trainingLog: [
      { topic: 'WRAP Seminar I', hours: 14, completedOn: '2026-03-01' },
      { topic: 'Ethics and Peer Support Boundaries', hours: 6, completedOn: '2026-04-01', ethics: true },
    ],
    references: [
      { name: 'Pat Doe', relation: 'Former supervisor', yearsKnown: 3, knowsAboutRecovery: false },
      { name: 'Sam Roe', relation: 'Sponsor', yearsKnown: 0.5, knowsAboutRecovery: true },
    ],
    codeOfEthicsVersion: '2019',
    recoveryStatement: 'My recovery began when...',
    statementOwnWork: true,
    workHistory: today ? 'Peer mentor, 2022-2025' : null,
  };
}

export async function gqlOk(app: App, query: string, variables: Record<string, unknown>, auth: { token: string }) {
  const res = await gql(app, query, variables, auth);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.data!;
}

export type AppShape = { id: string; status: string; version: number; fees: { id: string; version: number; status: string; kind: string; amountCents: number }[]; checklist: { rule: string; met: boolean }[] } & Record<string, unknown>;

/** Creates, fills and submits an application for `personId`, as that person, on the app's date. */
export async function submittedApplication(app: App, personId: string, parts: Record<string, unknown>): Promise<AppShape> {
  const me = await as([Role.Applicant], personId, `account-${personId}`);
  const created = (await gqlOk(app, `mutation { createApplication(input: {}) { id version } }`, {}, me))['createApplication'] as { id: string; version: number };
  const saved = (await gqlOk(app, `mutation($input: SaveApplicationDraftInput!) { saveApplicationDraft(input: $input) { version } }`, { input: { applicationId: created.id, expectedVersion: created.version, ...parts } }, me))['saveApplicationDraft'] as { version: number };
  return (await gqlOk(app, `mutation($input: ApplicationVersionInput!) { submitApplication(input: $input) { ${APP_FIELDS} } }`, { input: { applicationId: created.id, expectedVersion: saved.version } }, me))['submitApplication'] as AppShape;
}

/** Staff pay every due fee of the application by check. */
export async function payFees(app: App, application: AppShape, paidOn: string) {
  for (const fee of application.fees.filter((f) => f.status === 'DUE')) {
    await gqlOk(app, `mutation($input: RecordFeePaymentInput!) { recordFeePayment(input: $input) { status } }`, { input: { feeId: fee.id, expectedVersion: fee.version, method: 'CHECK', referenceNumber: `CHK-${fee.id.slice(0, 6)}`, paidOn } }, await staff());
  }
}

export async function approve(app: App, id: string): Promise<AppShape> {
  const current = (await gqlOk(app, `query($id: ID!) { application(id: $id) { version } }`, { id }, await staff()))['application'] as { version: number };
  return (await gqlOk(app, `mutation($input: ApplicationVersionInput!) { approveApplication(input: $input) { ${APP_FIELDS} certification { id number dueOn } } }`, { input: { applicationId: id, expectedVersion: current.version } }, await staff()))['approveApplication'] as AppShape;
}
