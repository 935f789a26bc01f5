// What the public can do without signing in, through the gateway: look up the registry, find
// training, file a complaint; and what stays closed to them.
import { describe, expect, inject, it } from 'vitest';
import { DEMO_PEOPLE } from '@cpss/domain';
import { codes, graphql, signIn } from '../support/client';

const gateway = `${inject('gatewayUrl')}/graphql`;

describe('the public, without signing in', () => {
  it('finds a certified person in the registry by name and county, with nothing sensitive', async () => {
    const ben = DEMO_PEOPLE[1]!;
    const res = await graphql<{ registrySearch: { certificationNumber: string; name: string; status: string; goodThrough: string | null }[] }>(
      gateway,
      'query($n: String!, $c: String!) { registrySearch(name: $n, county: $c) { certificationNumber name county status goodThrough designations } }',
      { n: 'Okafor', c: ben.county },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.registrySearch.length).toBeGreaterThan(0);
    const body = JSON.stringify(res.data);
    expect(body).not.toContain(ben.dateOfBirth);
    expect(body).not.toContain(ben.email);
    const number = res.data!.registrySearch[0]!.certificationNumber;
    const one = await graphql<{ registryLookup: { name: string } | null }>(
      gateway,
      'query($n: String!) { registryLookup(certificationNumber: $n) { name status } }',
      { n: number },
    );
    expect(one.data!.registryLookup!.name).toBe(res.data!.registrySearch[0]!.name);
  });

  it('shows the public disciplinary status with a registry entry (from ethics), but not the person id behind it', async () => {
    const res = await graphql<{ registrySearch: { certificationNumber: string; disciplinaryStatus: { standing: string; actions: unknown[] } }[] }>(
      gateway,
      'query($n: String!, $c: String!) { registrySearch(name: $n, county: $c) { certificationNumber disciplinaryStatus { standing actions { __typename } } } }',
      { n: 'Okafor', c: DEMO_PEOPLE[1]!.county },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.registrySearch[0]!.disciplinaryStatus.standing).toMatch(/^[A-Z_]+$/);
    const hidden = await graphql(gateway, 'query($n: String!, $c: String!) { registrySearch(name: $n, county: $c) { personId } }', { n: 'Okafor', c: DEMO_PEOPLE[1]!.county });
    expect(codes(hidden)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('lists upcoming training in the catalog', async () => {
    const res = await graphql<{ trainingCatalog: { totalCount: number } }>(gateway, '{ trainingCatalog(first: 5) { totalCount } }');
    expect(res.errors).toBeUndefined();
    expect(res.data!.trainingCatalog.totalCount).toBeGreaterThanOrEqual(0);
  });

  it('files a complaint and gets only a reference number; ethics staff see it, an applicant does not', async () => {
    const filed = await graphql<{ fileComplaint: { referenceNumber: string } }>(
      gateway,
      'mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { referenceNumber } }',
      {
        i: {
          subjectKind: 'CPSS',
          respondentDescription: 'A peer support specialist at a Raleigh clinic',
          incidentOn: '2026-10-01',
          summary: 'Asked me for a personal loan during a support session.',
          complainant: { name: 'Pat Complainant', email: 'pat@example.org' },
        },
      },
    );
    expect(filed.errors).toBeUndefined();
    expect(Object.keys(filed.data!.fileComplaint)).toEqual(['referenceNumber']);
    const reference = filed.data!.fileComplaint.referenceNumber;
    const staff = await graphql<{ complaints: { edges: { node: { referenceNumber: string; summary: string } }[] } }>(
      gateway,
      '{ complaints(first: 100) { edges { node { referenceNumber summary } } } }',
      {},
      await signIn(inject('gatewayUrl'), 'ethics@demo.cpss'),
    );
    expect(staff.data!.complaints.edges.find((e) => e.node.referenceNumber === reference)?.node.summary).toContain('personal loan');
    const applicant = await signIn(inject('gatewayUrl'), 'applicant@demo.cpss');
    const refused = await graphql(gateway, '{ complaints(first: 100) { edges { node { referenceNumber summary } } } }', {}, applicant);
    expect(codes(refused)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(refused)).not.toContain('personal loan');
  });

  it('cannot read people', async () => {
    expect(codes(await graphql(gateway, '{ people { totalCount } }'))).toEqual(['UNAUTHENTICATED']);
  });
});
