// Who sees what, asked through the gateway with each role's own sign-in: ownership in every domain,
// and complaint detail kept from everyone but ethics staff, the respondent included.
import { describe, expect, inject, it } from 'vitest';
import { DEMO_PEOPLE } from '@cpss/domain';
import { codes, graphql, signIn } from '../support/client';

const gatewayUrl = inject('gatewayUrl');
const gateway = `${gatewayUrl}/graphql`;

interface Ids {
  applications: { totalCount: number; edges: { node: { id: string } }[] };
}

describe('ownership through the gateway', () => {
  it('an applicant sees only their own applications; staff see all', async () => {
    const LIST = '{ applications(first: 100) { totalCount edges { node { id } } } }';
    const staff = await graphql<Ids>(gateway, LIST, {}, await signIn(gatewayUrl, 'reviewer@demo.cpss'));
    const applicantToken = await signIn(gatewayUrl, 'applicant@demo.cpss');
    const own = await graphql<Ids>(gateway, LIST, {}, applicantToken);
    const mine = await graphql<Ids>(
      gateway,
      'query($p: ID!) { applications(first: 100, personId: $p) { totalCount edges { node { id } } } }',
      { p: DEMO_PEOPLE[0]!.id },
      await signIn(gatewayUrl, 'reviewer@demo.cpss'),
    );
    expect(own.errors).toBeUndefined();
    const ownIds = own.data!.applications.edges.map((e) => e.node.id).sort();
    expect(ownIds).toEqual(mine.data!.applications.edges.map((e) => e.node.id).sort());
    expect(staff.data!.applications.totalCount).toBeGreaterThan(ownIds.length);

    const someoneElses = staff.data!.applications.edges.map((e) => e.node.id).find((id) => !ownIds.includes(id))!;
    const refused = await graphql(gateway, 'query($id: ID!) { application(id: $id) { id status } }', { id: someoneElses }, applicantToken);
    expect(codes(refused)).toEqual(['FORBIDDEN']);
  });

  it('a trainer sees their own sessions; an applicant may not list sessions', async () => {
    const trainer = await graphql<{ trainingSessions: { totalCount: number } }>(
      gateway,
      '{ trainingSessions { totalCount } }',
      {},
      await signIn(gatewayUrl, 'trainer@demo.cpss'),
    );
    expect(trainer.errors).toBeUndefined();
    expect(trainer.data!.trainingSessions.totalCount).toBeGreaterThan(0);
    const applicant = await graphql(gateway, '{ trainingSessions { totalCount } }', {}, await signIn(gatewayUrl, 'applicant@demo.cpss'));
    expect(codes(applicant)).toEqual(['FORBIDDEN']);
  });
});

describe('complaint confidentiality through the gateway', () => {
  const DETAIL = `{ complaints(first: 100) { edges { node { id referenceNumber summary complainant { name email } } } } }`;

  it('ethics staff read the case detail', async () => {
    const res = await graphql<{ complaints: { edges: { node: { summary: string; complainant: { name: string } } }[] } }>(
      gateway,
      DETAIL,
      {},
      await signIn(gatewayUrl, 'ethics@demo.cpss'),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.complaints.edges.length).toBeGreaterThan(0);
  });

  it('the respondent, a certification reviewer and an applicant reach no detail by any path', async () => {
    const staff = await graphql<{ complaints: { edges: { node: { id: string; referenceNumber: string; summary: string; complainant: { name: string } } }[] } }>(
      gateway,
      DETAIL,
      {},
      await signIn(gatewayUrl, 'ethics@demo.cpss'),
    );
    const secrets = staff.data!.complaints.edges.flatMap((e) => [e.node.summary, e.node.complainant.name]);
    const anyId = staff.data!.complaints.edges[0]!.node.id;
    const respondent = DEMO_PEOPLE[1]!; // the demo trainer, respondent of a demo complaint
    for (const email of ['trainer@demo.cpss', 'reviewer@demo.cpss', 'applicant@demo.cpss']) {
      const token = await signIn(gatewayUrl, email);
      const attempts = [
        await graphql(gateway, DETAIL, {}, token),
        await graphql(gateway, 'query($id: ID!) { complaint(id: $id) { summary complainant { name } } }', { id: anyId }, token),
        await graphql(gateway, '{ me { complaints { summary complainant { name } } } }', {}, token),
        await graphql(gateway, 'query($id: ID!) { person(id: $id) { complaints { summary } sanctions { kind } } }', { id: respondent.id }, token),
      ];
      for (const res of attempts) {
        const noPersonLinked = (res.data as { me?: unknown } | null | undefined)?.me === null;
        expect(codes(res).length > 0 || noPersonLinked, `${email} got no error`).toBe(true);
        expect(codes(res).every((c) => c === 'FORBIDDEN' || c === 'UNAUTHENTICATED'), `${email}: ${JSON.stringify(codes(res))}`).toBe(true);
        const body = JSON.stringify(res);
        for (const secret of secrets) expect(body).not.toContain(secret);
      }
    }
  });
});

describe('one question across the three domains', () => {
  it('gives an admin a person’s certification, training hours and complaint history in one query', async () => {
    const ben = DEMO_PEOPLE[1]!;
    const res = await graphql<{
      person: { legalName: string; certifications: { number: string; status: string }[]; trainingHours: number; complaints: { referenceNumber: string }[]; publicDisciplinaryStatus: { standing: string } };
    }>(
      gateway,
      'query($id: ID!) { person(id: $id) { legalName certifications { number status } trainingHours complaints { referenceNumber } publicDisciplinaryStatus { standing } } }',
      { id: ben.id },
      await signIn(gatewayUrl, 'admin@demo.cpss'),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.person.legalName).toBe(ben.legalName);
    expect(res.data!.person.certifications.length).toBeGreaterThan(0);
    expect(res.data!.person.trainingHours).toBeGreaterThan(0);
    expect(res.data!.person.complaints.length).toBeGreaterThan(0);
    expect(res.data!.person.publicDisciplinaryStatus.standing).toBeTruthy();
  });
});
