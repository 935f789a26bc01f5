// Fields other subgraphs and the person view rely on: Person.applications, Certification.personId
// and lastCertifiedOn (training @requires them), and what another domain (SERVICE) may read.
import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, Role } from '@cpss/domain';
import { errorCodes } from '@cpss/testkit';
import { sqlStatementsOf } from '@cpss/testkit/vitest';
import { completeParts, gqlOk, staff, submittedApplication } from './fixtures';
import { as, gql, useCertificationDatabase } from './harness';

const t = useCertificationDatabase();
const TODAY = '2026-11-23';
const service = () => as([Role.Service], null, 'service:training');

let n = 0;
async function newPerson(): Promise<string> {
  n += 1;
  const [{ id }] = (await t.ds.query(`insert into person (legal_name, email, date_of_birth, county) values ($1, $2, '1984-04-04', 'Wake') returning id`, [`Federated Person ${n}`, `fed${n}-${Date.now()}@example.org`])) as { id: string }[];
  return id;
}

describe('what another domain (SERVICE) may read', () => {
  it('a person and their certifications with status, never contact, date of birth, applications or sensitive parts', async () => {
    const app = await t.appOn(TODAY);
    const personId = await newPerson();
    const [{ id: certId }] = (await t.ds.query(`insert into certification (number, person_id, issued_on, last_certified_on, due_on) values ('NC-CPSS-880001', $1, '2023-06-10', '2025-06-10', '2027-06-30') returning id`, [personId])) as { id: string }[];
    const ok = await gqlOk(app, `query($id: ID!) { person(id: $id) { id legalName certifications { id personId lastCertifiedOn status } } }`, { id: personId }, await service());
    expect(ok['person']).toEqual({ id: personId, legalName: expect.any(String), certifications: [{ id: certId, personId, lastCertifiedOn: '2025-06-10', status: 'ACTIVE' }] });
    for (const field of ['email', 'phone', 'dateOfBirth', 'demographics { gender }', 'applications { id }', 'applications { recoveryStatement }']) {
      const res = await gql(app, `query($id: ID!) { person(id: $id) { id ${field} } }`, { id: personId }, await service());
      expect(errorCodes(res), field).toEqual(['FORBIDDEN']);
    }
    // Training's @requires fetch of the certification's holder and last certification.
    const entities = await gqlOk(app, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Certification { id personId lastCertifiedOn } } }`, { r: [{ __typename: 'Certification', id: certId }] }, await service());
    expect(entities['_entities']).toEqual([{ id: certId, personId, lastCertifiedOn: '2025-06-10' }]);
  });

  it('other roles are still refused someone else', async () => {
    const app = await t.appOn(TODAY);
    const personId = await newPerson();
    const res = await gql(app, `query($id: ID!) { person(id: $id) { id } }`, { id: personId }, await as([Role.Trainer], DEMO_PEOPLE[0]!.id));
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
  });
});

describe('Person.applications', () => {
  const Q = `query($id: ID!) { person(id: $id) { applications { id status kind } } }`;

  it('newest first, for the person themself and certification staff only', async () => {
    const app = await t.appOn(TODAY);
    const personId = await newPerson();
    const older = await submittedApplication(app, personId, completeParts(TODAY));
    const me = await as([Role.Applicant], personId, `account-${personId}`);
    const newer = (await gqlOk(app, `mutation { createApplication(input: {}) { id } }`, {}, me))['createApplication'] as { id: string };
    const expected = { person: { applications: [{ id: newer.id, status: 'DRAFT', kind: 'INITIAL' }, { id: older.id, status: 'SUBMITTED', kind: 'INITIAL' }] } };
    expect(await gqlOk(app, Q, { id: personId }, me)).toEqual(expected);
    expect(await gqlOk(app, Q, { id: personId }, await staff())).toEqual(expected);
    expect(await gqlOk(app, Q, { id: personId }, await as([Role.Admin]))).toEqual(expected);
    for (const roles of [[Role.TrainingReviewer], [Role.EthicsStaff]]) {
      expect(errorCodes(await gql(app, Q, { id: personId }, await as(roles)))).toEqual(['FORBIDDEN']);
    }
    expect(await gqlOk(app, Q, { id: await newPerson() }, await staff())).toEqual({ person: { applications: [] } });
  });

  it('batches: the statements for a page of people do not grow with the page', async () => {
    const app = await t.appOn(TODAY);
    for (let i = 0; i < 3; i += 1) await submittedApplication(app, await newPerson(), completeParts(TODAY));
    const PAGE = `query($first: Int) { people(first: $first, search: "Federated") { edges { node { id applications { id status } certifications { id status } } } } }`;
    const auth = await as([Role.Admin]);
    const { result: one, statements: forOne } = await sqlStatementsOf(() => gql(app, PAGE, { first: 1 }, auth));
    const { result: many, statements: forMany } = await sqlStatementsOf(() => gql(app, PAGE, { first: 50 }, auth));
    expect(one.body.errors).toBeUndefined();
    expect((many.body.data!['people'] as { edges: unknown[] }).edges.length).toBeGreaterThan(3);
    expect(forMany).toBe(forOne);
  });
});
