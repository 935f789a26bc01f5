import { describe, expect, it } from 'vitest';
import { Role } from '@cpss/domain';
import { NC_ETHICS_POLICY } from '../src/policy/ethics-policy';
import { as, errorCodes, fieldsOf, gql, useEthicsDatabase } from './harness';

const t = useEthicsDatabase();

const IN_FORCE = `query($on: LocalDate) { ethicsPolicyInForce(on: $on) { effectiveFrom values } }`;
const ADD = `mutation($input: AddEthicsPolicyVersionInput!) { addEthicsPolicyVersion(input: $input) { effectiveFrom values note createdBy } }`;

describe('ethics policy as data', () => {
  it('is seeded with North Carolina’s values', async () => {
    const app = await t.appOn('2026-11-23');
    const res = await gql(app, IN_FORCE, {}, await as([Role.Applicant]));
    const values = (res.body.data!['ethicsPolicyInForce'] as { values: Record<string, number> }).values;
    expect(values).toEqual(NC_ETHICS_POLICY);
    expect(values['complaintFilingLimitYears']).toBe(3);
    expect(values['acknowledgmentTargetBusinessDays']).toBe(5);
    expect(values['appealWindowBusinessDays']).toBe(10);
    expect(values['registryUpdateTargetHours']).toBe(72);
  });

  it('lets an admin add a version, in force from its date and not before', async () => {
    const app = await t.appOn('2026-11-23');
    const admin = await as([Role.Admin], null, 'admin-1');
    const values = { ...NC_ETHICS_POLICY, appealWindowBusinessDays: 15 };
    const res = await gql(app, ADD, { input: { effectiveFrom: '2027-07-01', values, note: 'Longer appeal window' } }, admin);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!['addEthicsPolicyVersion']).toMatchObject({ effectiveFrom: '2027-07-01', createdBy: 'admin-1' });
    const before = await gql(app, IN_FORCE, { on: '2027-06-30' }, admin);
    const after = await gql(app, IN_FORCE, { on: '2027-07-01' }, admin);
    expect((before.body.data!['ethicsPolicyInForce'] as { values: { appealWindowBusinessDays: number } }).values.appealWindowBusinessDays).toBe(10);
    expect((after.body.data!['ethicsPolicyInForce'] as { values: { appealWindowBusinessDays: number } }).values.appealWindowBusinessDays).toBe(15);
    const list = await gql(app, `{ ethicsPolicyVersions { effectiveFrom } }`, {}, admin);
    expect((list.body.data!['ethicsPolicyVersions'] as { effectiveFrom: string }[]).map((v) => v.effectiveFrom)).toEqual(['2027-07-01', '2013-01-01']);
  });

  it('refuses bad values with every field path and writes nothing', async () => {
    const app = await t.appOn('2026-11-23');
    const before = await t.count('policy_version');
    const values = { ...NC_ETHICS_POLICY, complaintFilingLimitYears: 0, registryUpdateTargetHours: 'soon' };
    const res = await gql(app, ADD, { input: { effectiveFrom: '2028-01-01', values, note: '' } }, await as([Role.Admin]));
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(res)).toEqual(expect.arrayContaining(['input.note', 'input.values.complaintFilingLimitYears', 'input.values.registryUpdateTargetHours']));
    expect(await t.count('policy_version')).toBe(before);
  });

  it('lets only an admin add a version', async () => {
    const app = await t.appOn('2026-11-23');
    const before = await t.count('policy_version');
    const res = await gql(app, ADD, { input: { effectiveFrom: '2028-01-01', values: NC_ETHICS_POLICY, note: 'x' } }, await as([Role.EthicsStaff]));
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expect(await t.count('policy_version')).toBe(before);
  });
});
