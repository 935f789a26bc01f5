// The public registry: no sign-in, and no sensitive field reachable (schema and responses).
import { describe, expect, it } from 'vitest';
import { getNamedType, isObjectType, type GraphQLNamedType } from 'graphql';
import { Role } from '@cpss/domain';
import { errorCodes } from '@cpss/testkit';
import { buildCertificationSchema } from '../src/schema';
import { gql, useCertificationDatabase } from './harness';

const t = useCertificationDatabase({ seedPeople: false });
let certNumber = '';

async function seedHolder() {
  const [{ id: personId }] = (await t.ds.query(
    `insert into person (legal_name, preferred_name, email, date_of_birth, county, phone) values ('Marisol Vega', 'Mari', 'marisol.vega@example.org', '1987-04-09', 'Orange', '919-555-0199') returning id`,
  )) as { id: string }[];
  const [{ id: certId, number }] = (await t.ds.query(`insert into certification (number, person_id, issued_on, last_certified_on, due_on) values ('NC-CPSS-001234', $1, '2022-11-20', '2024-11-20', '2026-11-30') returning id, number`, [personId])) as { id: string; number: string }[];
  await t.ds.query(`insert into certification_designation (certification_id, designation, granted_on) values ($1, 'VETERAN_SERVICE_MEMBER', '2022-11-20')`, [certId]);
  await t.ds.query(
    `insert into application (person_id, kind, channel, status, recovery_start_date, recovery_statement, statement_own_work, created_by) values ($1, 'INITIAL', 'ONLINE', 'APPROVED', '2019-03-03', 'SECRET-RECOVERY-STORY', true, 'x')`,
    [personId],
  );
  certNumber = number;
}

const LOOKUP = `query($n: String!) { registryLookup(certificationNumber: $n) { certificationNumber name county status goodThrough designations } }`;
const SEARCH = `query($name: String!, $county: String!) { registrySearch(name: $name, county: $county) { certificationNumber name status goodThrough } }`;

describe('public registry', () => {
  it('looks a certification up by number without signing in, good through the late window', async () => {
    await seedHolder();
    const res = await gql(await t.appOn('2026-12-15'), LOOKUP, { n: certNumber.toLowerCase() });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!['registryLookup']).toEqual({ certificationNumber: 'NC-CPSS-001234', name: 'Mari (Marisol Vega)', county: 'Orange', status: 'LATE', goodThrough: '2026-12-30', designations: ['VETERAN_SERVICE_MEMBER'] });
    const lapsed = await gql(await t.appOn('2026-12-31'), LOOKUP, { n: certNumber });
    expect(lapsed.body.data!['registryLookup']).toMatchObject({ status: 'LAPSED' });
    // A suspension shows publicly with the day it took effect, never its reason.
    await t.ds.query(`insert into certification_event (certification_id, kind, effective_on, reason, actor) select id, 'SUSPENDED', '2026-12-20', 'PRIVATE-REASON', 'x' from certification where number = $1`, [certNumber]);
    const suspended = await gql(await t.appOn('2026-12-21'), `query($n: String!) { registryLookup(certificationNumber: $n) { status statusEffectiveOn goodThrough } }`, { n: certNumber });
    expect(suspended.body.data!['registryLookup']).toEqual({ status: 'SUSPENDED', statusEffectiveOn: '2026-12-20', goodThrough: null });
    expect(JSON.stringify(suspended.body)).not.toContain('PRIVATE-REASON');
    await t.ds.query(`delete from certification_event`);
    const none = await gql(await t.appOn('2026-12-15'), LOOKUP, { n: 'NC-CPSS-999999' });
    expect(none.body.data!['registryLookup']).toBeNull();
  });

  it('searches by part of a name within a county', async () => {
    const app = await t.appOn('2026-11-23');
    const hit = await gql(app, SEARCH, { name: 'vega', county: 'orange' });
    expect(hit.body.errors).toBeUndefined();
    expect(hit.body.data!['registrySearch']).toEqual([{ certificationNumber: 'NC-CPSS-001234', name: 'Mari (Marisol Vega)', status: 'DUE', goodThrough: '2026-12-30' }]);
    const elsewhere = await gql(app, SEARCH, { name: 'vega', county: 'Wake' });
    expect(elsewhere.body.data!['registrySearch']).toEqual([]);
    const tooShort = await gql(app, SEARCH, { name: 'v', county: 'Orange' });
    expect(errorCodes(tooShort)).toEqual(['BAD_USER_INPUT']);
  });

  it('answers the first 25 by name and then number, a person with two certifications twice; % and _ are letters', async () => {
    // 30 people named "Lane Pat 01".."Lane Pat 30" in Wake (numbers issued in the reverse order), one more
    // in Durham; "Lane Pat 05" holds a second certification with a lower number.
    for (let i = 1; i <= 30; i++) {
      const nn = String(i).padStart(2, '0');
      await t.ds.query(
        `with p as (insert into person (legal_name, email, date_of_birth, county) values ($1, $2, '1980-01-01', 'Wake') returning id)
         insert into certification (number, person_id, issued_on, last_certified_on, due_on) select $3, id, '2025-01-10', '2025-01-10', '2027-01-31' from p`,
        [`Lane Pat ${nn}`, `lane.pat${nn}@example.org`, `NC-CPSS-9${String(100 - i).padStart(5, '0')}`],
      );
    }
    await t.ds.query(
      `insert into certification (number, person_id, issued_on, last_certified_on, due_on) select 'NC-CPSS-800001', id, '2025-01-10', '2025-01-10', '2027-01-31' from person where legal_name = 'Lane Pat 05'`,
    );
    await t.ds.query(
      `with p as (insert into person (legal_name, email, date_of_birth, county) values ('Lane Pat 00', 'lane.pat00@example.org', '1980-01-01', 'Durham') returning id)
       insert into certification (number, person_id, issued_on, last_certified_on, due_on) select 'NC-CPSS-800002', id, '2025-01-10', '2025-01-10', '2027-01-31' from p`,
    );
    const app = await t.appOn('2026-11-23');
    const res = await gql(app, SEARCH, { name: 'lane pat', county: 'WAKE' });
    expect(res.body.errors).toBeUndefined();
    const found = res.body.data!['registrySearch'] as { certificationNumber: string; name: string }[];
    const expected = [1, 2, 3, 4, 5, 5, ...Array.from({ length: 19 }, (_, i) => i + 6)].map((i) => `Lane Pat ${String(i).padStart(2, '0')}`);
    expect(found.map((r) => r.name)).toEqual(expected);
    expect(found.slice(4, 6).map((r) => r.certificationNumber)).toEqual(['NC-CPSS-800001', 'NC-CPSS-900095']);
    expect((await gql(app, SEARCH, { name: 'ne_Pat', county: 'Wake' })).body.data!['registrySearch']).toEqual([]);
    expect((await gql(app, SEARCH, { name: 'Pat 1%', county: 'Wake' })).body.data!['registrySearch']).toEqual([]);
  });

  it('never answers with a sensitive value', async () => {
    const app = await t.appOn('2026-11-23');
    const text = JSON.stringify([(await gql(app, LOOKUP, { n: certNumber })).body, (await gql(app, SEARCH, { name: 'Mari', county: 'Orange' })).body]);
    for (const secret of ['1987-04-09', 'marisol.vega@example.org', '919-555-0199', 'SECRET-RECOVERY-STORY', '2019-03-03']) expect(text).not.toContain(secret);
  });

  it('reaches only RegistryEntry and scalars/enums from its fields (schema)', async () => {
    const { schema } = await buildCertificationSchema();
    const reached = new Set<string>();
    const visit = (type: GraphQLNamedType) => {
      if (reached.has(type.name)) return;
      reached.add(type.name);
      if (isObjectType(type)) for (const f of Object.values(type.getFields())) visit(getNamedType(f.type));
    };
    const query = schema.getQueryType()!.getFields();
    for (const name of ['registryLookup', 'registrySearch']) visit(getNamedType(query[name]!.type));
    expect([...reached].sort()).toEqual(['CertificationStatus', 'DesignationKind', 'ID', 'LocalDate', 'RegistryEntry', 'String']);
    const fields = Object.keys((schema.getType('RegistryEntry') as unknown as { getFields(): Record<string, unknown> }).getFields()).sort();
    // personId is @inaccessible: in the subgraph for ethics to key on, absent from the gateway's API.
    expect(fields).toEqual(['certificationNumber', 'county', 'designations', 'goodThrough', 'name', 'personId', 'status', 'statusEffectiveOn']);
    expect((schema.getType('RegistryEntry') as unknown as { getFields(): Record<string, { astNode?: { directives?: { name: { value: string } }[] } }> }).getFields()['personId']!.astNode!.directives!.map((d) => d.name.value)).toContain('inaccessible');
  });

  it('keeps Person, applications and certifications protected', async () => {
    const app = await t.appOn('2026-11-23');
    for (const q of [`{ people { totalCount } }`, `{ applications { totalCount } }`, `query { certification(id: "00000000-0000-4000-8000-000000000000") { number } }`]) {
      expect(errorCodes(await gql(app, q))).toEqual(['UNAUTHENTICATED']);
    }
    const reference = await gql(app, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Certification { number } } }`, { r: [{ __typename: 'Certification', id: '00000000-0000-4000-8000-000000000000' }] });
    expect(errorCodes(reference)).toContain('UNAUTHENTICATED');
    expect(Role.Admin).toBe('ADMIN');
  });
});
