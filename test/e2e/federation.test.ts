// One question at the gateway answered by all three subgraphs, and every door locked without a token.
import { createHash } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { DEMO_ACKNOWLEDGMENTS, DEMO_COMPLETIONS, DEMO_PEOPLE } from '@cpss/domain';
import { codes, graphql, signIn } from '../support/client';

const gateway = inject('gatewayUrl');
const subgraphs = inject('subgraphUrls');
const subgraphSecret = inject('subgraphSecret');

const PEOPLE = `query {
  people(first: 100) {
    totalCount
    edges { node { id legalName dateOfBirth trainingHours trainingCompletions { courseTitle hours countsTowardCertification } ethicsAcknowledgments { codeVersion signedOn } } }
  }
}`;

interface PeopleData {
  people: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        legalName: string;
        dateOfBirth: string;
        trainingHours: number;
        trainingCompletions: { courseTitle: string; hours: number; countsTowardCertification: boolean }[];
        ethicsAcknowledgments: { codeVersion: string }[];
      };
    }[];
  };
}

describe('the composed platform', () => {
  it('answers one query with fields from certification, training and ethics', async () => {
    const token = await signIn(gateway, 'admin@demo.cpss');
    const res = await graphql<PeopleData>(`${gateway}/graphql`, PEOPLE, {}, token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.people.totalCount).toBe(DEMO_PEOPLE.length);
    for (const { node } of res.data!.people.edges) {
      const person = DEMO_PEOPLE.find((p) => p.id === node.id)!;
      expect(node.legalName).toBe(person.legalName);
      expect(node.dateOfBirth).toBe(person.dateOfBirth);
      // The seeded completions are there (other suites may add more, e.g. the trainer's attendance),
      // and the total is the sum of those that count.
      const seeded = DEMO_COMPLETIONS.filter((c) => c.personId === node.id);
      for (const c of seeded) expect(node.trainingCompletions.map((t) => t.courseTitle)).toContain(c.courseTitle);
      expect(node.trainingHours).toBe(node.trainingCompletions.filter((t) => t.countsTowardCertification).reduce((s, t) => s + t.hours, 0));
      expect(node.trainingHours).toBeGreaterThanOrEqual(seeded.reduce((s, c) => s + c.hours, 0));
      expect(node.ethicsAcknowledgments.map((a) => a.codeVersion).sort()).toEqual(
        DEMO_ACKNOWLEDGMENTS.filter((a) => a.personId === node.id).map((a) => a.codeVersion).sort(),
      );
    }
  });

  it('refuses protected fields to a caller who has not signed in', async () => {
    const res = await graphql(`${gateway}/graphql`, PEOPLE);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.data ?? null).toBeNull();
  });

  it('lets an applicant see their own record across domains, without staff-only fields', async () => {
    const token = await signIn(gateway, 'applicant@demo.cpss');
    const own = await graphql<{ me: { legalName: string; trainingHours: number } }>(
      `${gateway}/graphql`,
      '{ me { legalName trainingHours ethicsAcknowledgments { codeVersion } } }',
      {},
      token,
    );
    expect(own.errors).toBeUndefined();
    expect(own.data!.me.legalName).toBe(DEMO_PEOPLE[0]!.legalName);
    const list = await graphql(`${gateway}/graphql`, '{ people { totalCount } }', {}, token);
    expect(codes(list)).toEqual(['FORBIDDEN']);
    const dob = await graphql(`${gateway}/graphql`, '{ me { dateOfBirth } }', {}, token);
    expect(codes(dob)).toEqual(['FORBIDDEN']);
  });

  it('refuses a wrong password without saying which part was wrong', async () => {
    const res = await fetch(`${gateway}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.cpss', password: 'wrong-password' }),
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('Email or password is incorrect');
  });

  it.each(Object.entries(subgraphs))('%s subgraph called directly answers only with a token, and _entities only to the gateway', async (_name, url) => {
    const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`;
    const r = [{ __typename: 'Person', id: DEMO_PEOPLE[0]!.id }];
    const anonymous = await graphql(url, ENTITIES, { r });
    expect(anonymous.status).toBe(401);
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const bad = await graphql(url, '{ __typename }', {}, 'not-a-token');
    expect(bad.status).toBe(401);
    expect(codes(bad)).toEqual(['UNAUTHENTICATED']);
    // A real user's token opens ordinary fields, never _entities / _service.
    const token = await signIn(gateway, 'admin@demo.cpss');
    expect(await graphql(url, '{ __typename }', {}, token)).toEqual({ status: 200, data: { __typename: 'Query' } });
    const entities = await graphql(url, ENTITIES, { r }, token);
    expect(entities.status).toBe(403);
    expect(codes(entities)).toEqual(['FORBIDDEN']);
    expect(codes(await graphql(url, '{ _service { sdl } }', {}, token))).toEqual(['FORBIDDEN']);
    // Signed with the platform's SUBGRAPH_SECRET, as the gateway signs: answered; with another secret: refused.
    expect(await graphql(url, ENTITIES, { r }, token, { subgraphSecret })).toEqual({ status: 200, data: { _entities: [{ __typename: 'Person' }] } });
    const forged = await graphql(url, ENTITIES, { r }, token, { subgraphSecret: `${subgraphSecret}-not-it` });
    expect(forged.status).toBe(401);
    expect(codes(forged)).toEqual(['UNAUTHENTICATED']);
  });

  it('takes automatic persisted queries: the hash alone once the gateway has seen the text', async () => {
    const token = await signIn(gateway, 'admin@demo.cpss');
    const query = `query PersistedProbe { people(first: 3) { totalCount } } # ${Date.now()}`;
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const send = async (body: Record<string, unknown>) => {
      const res = await fetch(`${gateway}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
      return (await res.json()) as { data?: { people: { totalCount: number } }; errors?: { extensions?: { code?: string } }[] };
    };
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    expect((await send({ extensions })).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await send({ query, extensions });
    expect(registered.errors).toBeUndefined();
    const byHash = await send({ extensions });
    expect(byHash.errors).toBeUndefined();
    expect(byHash.data).toEqual(registered.data);
  });
});
