import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, Role } from '@cpss/domain';
import { errorCodes } from '@cpss/testkit';
import { as, fieldsOf, gql, useCertificationDatabase } from './harness';

const t = useCertificationDatabase();
const alicia = DEMO_PEOPLE[0]!; // born 1984-03-12
const ben = DEMO_PEOPLE[1]!;

const UPDATE = `mutation($input: UpdatePersonProfileInput!) { updatePersonProfile(input: $input) { id version phone mailingAddress { line1 city state postalCode } demographics { raceEthnicity gender veteranStatus ageBand } } }`;
const READ = `query($id: ID!) { person(id: $id) { version phone mailingAddress { city } demographics { ageBand veteranStatus } } }`;

describe('person profile', () => {
  it('lets the person set contact and demographics; the age band comes from the date of birth', async () => {
    const app = await t.appOn('2026-11-23');
    const input = {
      personId: alicia.id,
      expectedVersion: 1,
      phone: '(919) 555-0101',
      mailingAddress: { line1: '12 Oak St', city: 'Raleigh', state: 'NC', postalCode: '27601' },
      raceEthnicity: ['BLACK_AFRICAN_AMERICAN', 'HISPANIC_LATINO'],
      gender: 'WOMAN',
      veteranStatus: 'NOT_A_VETERAN',
    };
    const res = await gql(app, UPDATE, { input }, await as([Role.Applicant], alicia.id));
    expect(res.body.data!['updatePersonProfile']).toEqual({
      id: alicia.id,
      version: 2,
      phone: '(919) 555-0101',
      mailingAddress: { line1: '12 Oak St', city: 'Raleigh', state: 'NC', postalCode: '27601' },
      demographics: { raceEthnicity: ['BLACK_AFRICAN_AMERICAN', 'HISPANIC_LATINO'], gender: 'WOMAN', veteranStatus: 'NOT_A_VETERAN', ageBand: 'AGE_35_44' },
    });
    // 42 on 2026-11-23; 45 on 2029-03-12: the band follows the clock.
    const later = await gql(await t.appOn('2029-03-12'), READ, { id: alicia.id }, await as([Role.CertificationReviewer]));
    expect(later.body.data!['person']).toMatchObject({ demographics: { ageBand: 'AGE_45_54' }, mailingAddress: { city: 'Raleigh' } });
  });

  it('hides contact and demographics from another applicant', async () => {
    const app = await t.appOn('2026-11-23');
    const res = await gql(app, `query($id: ID!) { person(id: $id) { legalName } }`, { id: alicia.id }, await as([Role.Applicant], ben.id));
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    const refused = await gql(app, UPDATE, { input: { personId: alicia.id, expectedVersion: 2, phone: '9195550000' } }, await as([Role.Applicant], ben.id));
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
  });

  it('rejects bad input naming each field, and writes nothing', async () => {
    const app = await t.appOn('2026-11-23');
    const before = await t.snapshot('person');
    const input = { personId: alicia.id, expectedVersion: 2, phone: 'call me', mailingAddress: { line1: ' ', city: 'Raleigh', state: 'North Carolina', postalCode: '276' }, raceEthnicity: ['WHITE', 'WHITE'] };
    const res = await gql(app, UPDATE, { input }, await as([Role.Applicant], alicia.id));
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(res).sort()).toEqual(['input.mailingAddress.line1', 'input.mailingAddress.postalCode', 'input.mailingAddress.state', 'input.phone', 'input.raceEthnicity']);
    expect(await t.snapshot('person')).toBe(before);
  });

  it('refuses a stale version with CONFLICT', async () => {
    const app = await t.appOn('2026-11-23');
    const res = await gql(app, UPDATE, { input: { personId: alicia.id, expectedVersion: 1, phone: '9195550000' } }, await as([Role.Admin]));
    expect(errorCodes(res)).toEqual(['CONFLICT']);
    const now = await gql(app, READ, { id: alicia.id }, await as([Role.Admin]));
    expect(now.body.data!['person']).toMatchObject({ version: 2, phone: '(919) 555-0101' });
  });

  it('shows the linked account to staff only', async () => {
    const app = await t.appOn('2026-11-23');
    const own = await gql(app, `{ me { accountId } }`, {}, await as([Role.Applicant], alicia.id));
    expect(errorCodes(own)).toEqual(['FORBIDDEN']);
    const staff = await gql(app, `query($id: ID!) { person(id: $id) { accountId } }`, { id: alicia.id }, await as([Role.Admin]));
    expect(staff.body.data!['person']).toEqual({ accountId: null });
  });
});
