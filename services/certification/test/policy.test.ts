import { describe, expect, it } from 'vitest';
import { Role } from '@cpss/domain';
import { errorCodes } from '@cpss/testkit';
import { NC_CERTIFICATION_POLICY } from '../src/policy/certification-policy';
import { as, fieldsOf, gql, useCertificationDatabase } from './harness';

const t = useCertificationDatabase();

const IN_FORCE = `query($on: LocalDate) { certificationPolicyInForce(on: $on) { effectiveFrom values } }`;
const ADD = `mutation($input: AddCertificationPolicyVersionInput!) { addCertificationPolicyVersion(input: $input) { id effectiveFrom values } }`;

describe('certification policy versions', () => {
  it('seeds the earlier (12 months) and current (18 months) NC rules', async () => {
    const app = await t.appOn('2026-11-23');
    const auth = await as([Role.Applicant]);
    const old = await gql(app, IN_FORCE, { on: '2023-06-30' }, auth);
    expect(old.body.data!['certificationPolicyInForce']).toMatchObject({ effectiveFrom: '2013-01-01', values: { recoveryMonths: 12 } });
    const now = await gql(app, IN_FORCE, { on: '2023-07-01' }, auth);
    expect(now.body.data!['certificationPolicyInForce']).toMatchObject({ effectiveFrom: '2023-07-01', values: { recoveryMonths: 18, feesCents: { application: 2000, late: 2000 }, lateWindowDays: 30 } });
    const today = await gql(app, `{ certificationPolicyInForce { effectiveFrom } certificationPolicyVersions { effectiveFrom } }`, {}, auth);
    expect(today.body.data).toEqual({ certificationPolicyInForce: { effectiveFrom: '2023-07-01' }, certificationPolicyVersions: [{ effectiveFrom: '2023-07-01' }, { effectiveFrom: '2013-01-01' }] });
  });

  it('answers FAILED_PRECONDITION before the first version', async () => {
    const res = await gql(await t.appOn('2026-11-23'), IN_FORCE, { on: '2012-12-31' }, await as([Role.Admin]));
    expect(errorCodes(res)).toEqual(['FAILED_PRECONDITION']);
  });

  it('lets only an admin add a version', async () => {
    const app = await t.appOn('2026-11-23');
    const input = { effectiveFrom: '2027-01-01', values: { ...NC_CERTIFICATION_POLICY, recoveryMonths: 24 }, note: 'test' };
    const refused = await gql(app, ADD, { input }, await as([Role.CertificationReviewer]));
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(await t.count('policy_version')).toBe(2);
    const added = await gql(app, ADD, { input }, await as([Role.Admin]));
    expect(added.body.data!['addCertificationPolicyVersion']).toMatchObject({ effectiveFrom: '2027-01-01', values: { recoveryMonths: 24 } });
    const later = await gql(app, IN_FORCE, { on: '2027-01-01' }, await as([Role.Admin]));
    expect(later.body.data!['certificationPolicyInForce']).toMatchObject({ values: { recoveryMonths: 24 } });
  });

  it('rejects bad values naming each field, and writes nothing', async () => {
    const app = await t.appOn('2026-11-23');
    const before = await t.snapshot('policy_version');
    const values = { ...NC_CERTIFICATION_POLICY, recoveryMonths: -1, feesCents: { ...NC_CERTIFICATION_POLICY.feesCents, late: 'twenty' } };
    const res = await gql(app, ADD, { input: { effectiveFrom: '2028-01-01', values, note: 'bad' } }, await as([Role.Admin]));
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(res).sort()).toEqual(['input.values.feesCents.late', 'input.values.recoveryMonths']);
    const dup = await gql(app, ADD, { input: { effectiveFrom: '2023-07-01', values: NC_CERTIFICATION_POLICY, note: 'dup' } }, await as([Role.Admin]));
    expect(fieldsOf(dup)).toEqual(['input.effectiveFrom']);
    const empty = await gql(app, ADD, { input: { effectiveFrom: '2029-01-01', values: NC_CERTIFICATION_POLICY, note: '' } }, await as([Role.Admin]));
    expect(fieldsOf(empty)).toEqual(['input.note']);
    expect(await t.snapshot('policy_version')).toBe(before);
  });
});
