import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, EthicsPrinciple, Role } from '@cpss/domain';
import { as, errorCodes, fieldsOf, gql, unmetRules, useEthicsDatabase } from './harness';

const t = useEthicsDatabase();

const CODE = `query($on: LocalDate) { codeOfEthicsInForce(on: $on) { version effectiveFrom principles { code number title statement } } }`;
const SIGN = `mutation { signCodeOfEthics { codeVersion signedOn codeOfEthics { version } } }`;

describe('Code of Ethics versions', () => {
  it('are public: the 2019 code lists every principle of DOMAIN.md, the 2013 code fewer', async () => {
    const app = await t.appOn('2026-11-23');
    const current = await gql(app, CODE, {});
    const code = current.body.data!['codeOfEthicsInForce'] as { version: string; principles: { code: string; number: number }[] };
    expect(code.version).toBe('2019');
    expect(code.principles.map((p) => p.code).sort()).toEqual(Object.values(EthicsPrinciple).sort());
    expect(code.principles.map((p) => p.number)).toEqual(code.principles.map((_, i) => i + 1));
    const old = await gql(app, CODE, { on: '2018-01-01' });
    const oldCode = old.body.data!['codeOfEthicsInForce'] as { version: string; principles: { code: string }[] };
    expect(oldCode.version).toBe('2013');
    expect(oldCode.principles.map((p) => p.code)).not.toContain('NO_DUAL_RELATIONSHIPS');
    const all = await gql(app, `{ codesOfEthics { version } }`, {});
    expect((all.body.data!['codesOfEthics'] as { version: string }[]).map((v) => v.version)).toEqual(['2019', '2013']);
  });

  it('has none in force before the first version', async () => {
    const app = await t.appOn('2026-11-23');
    const res = await gql(app, CODE, { on: '2012-12-31' });
    expect(errorCodes(res)).toEqual(['FAILED_PRECONDITION']);
  });

  it('lets an admin add a version, refusing a repeated principle with its field path and writing nothing', async () => {
    const app = await t.appOn('2026-11-23');
    const admin = await as([Role.Admin]);
    const ADD = `mutation($input: AddCodeOfEthicsVersionInput!) { addCodeOfEthicsVersion(input: $input) { version principles { code } } }`;
    const p = { code: 'HONESTY', title: 'Honesty', statement: 'Be honest.' };
    const before = [await t.count('code_of_ethics_version'), await t.count('code_of_ethics_principle')];
    const bad = await gql(app, ADD, { input: { version: '2027', effectiveFrom: '2027-01-01', title: 'Code 2027', principles: [p, { ...p, statement: '' }, p] } }, admin);
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(bad)).toEqual(['input.principles.1.statement']);
    const dup = await gql(app, ADD, { input: { version: '2027', effectiveFrom: '2027-01-01', title: 'Code 2027', principles: [p, p] } }, admin);
    expect(fieldsOf(dup)).toEqual(['input.principles.1.code']);
    expect([await t.count('code_of_ethics_version'), await t.count('code_of_ethics_principle')]).toEqual(before);
    const staff = await gql(app, ADD, { input: { version: '2027', effectiveFrom: '2027-01-01', title: 'Code 2027', principles: [p] } }, await as([Role.EthicsStaff]));
    expect(errorCodes(staff)).toEqual(['FORBIDDEN']);
  });
});

describe('signing the Code of Ethics', () => {
  it('a person signs the version in force today, once', async () => {
    const app = await t.appOn('2026-11-23');
    const me = await as([Role.Applicant], DEMO_PEOPLE[6]!.id);
    const res = await gql(app, SIGN, {}, me);
    expect(res.body.data!['signCodeOfEthics']).toEqual({ codeVersion: '2019', signedOn: '2026-11-23', codeOfEthics: { version: '2019' } });
    const mine = await gql(app, `query($id: ID!) { ethicsAcknowledgments(personId: $id) { codeVersion signedOn } }`, { id: DEMO_PEOPLE[6]!.id }, me);
    expect(mine.body.data!['ethicsAcknowledgments']).toEqual([{ codeVersion: '2019', signedOn: '2026-11-23' }]);
    const before = await t.count('ethics_acknowledgment');
    const again = await gql(app, SIGN, {}, me);
    expect(unmetRules(again)).toEqual(['NOT_ALREADY_SIGNED']);
    expect(await t.count('ethics_acknowledgment')).toBe(before);
  });

  it('on a date under the 2013 code signs 2013', async () => {
    const app = await t.appOn('2018-03-01');
    const res = await gql(app, SIGN, {}, await as([Role.Applicant], DEMO_PEOPLE[7]!.id));
    expect((res.body.data!['signCodeOfEthics'] as { codeVersion: string }).codeVersion).toBe('2013');
  });

  it('needs an account linked to a person, and a sign-in', async () => {
    const app = await t.appOn('2026-11-23');
    const staff = await gql(app, SIGN, {}, await as([Role.EthicsStaff]));
    expect(unmetRules(staff)).toEqual(['PERSON_ACCOUNT']);
    const anonymous = await gql(app, SIGN, {});
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });
});
