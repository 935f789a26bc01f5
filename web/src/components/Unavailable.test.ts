// A partial answer through the app's urql client (graphcache) against a fake gateway: the data of the
// domains that answered comes through together with the error naming the one that did not, and the
// page helpers tell that apart from a real failure.
import { describe, expect, it } from 'vitest';
import { createGraphqlClient } from '../graphql';
import { PeopleQuery } from '../pages/PeoplePage';
import { onlyUnavailable, unavailableDomains } from './Unavailable';

const person = (id: string, ethics: boolean) => ({
  __typename: 'Person',
  id,
  legalName: `Person ${id}`,
  preferredName: null,
  county: 'Wake',
  dateOfBirth: '1990-01-01',
  email: `${id}@example.org`,
  trainingHours: 12.5,
  trainingCompletions: [],
  ethicsAcknowledgments: ethics ? [] : null,
});

function gatewayAnswering(body: unknown): typeof fetch {
  return (async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } })) as unknown as typeof fetch;
}

const people = (ethics: boolean) => ({
  people: {
    __typename: 'PersonConnection',
    totalCount: 2,
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c2' },
    edges: ['p1', 'p2'].map((id) => ({ __typename: 'PersonEdge', node: person(id, ethics) })),
  },
});

const unavailable = (service: string, path?: (string | number)[]) => ({ message: `${service} is unavailable; nothing was changed, try again shortly`, ...(path ? { path } : {}), extensions: { code: 'SERVICE_UNAVAILABLE', service } });

describe('a partial answer', () => {
  it('keeps the data of the domains that answered next to the error naming the one that did not', async () => {
    const client = createGraphqlClient({ fetch: gatewayAnswering({ data: people(false), errors: [unavailable('ethics', ['people', 'edges', 0, 'node', 'ethicsAcknowledgments']), unavailable('ethics', ['people', 'edges', 1, 'node', 'ethicsAcknowledgments'])] }) });

    const result = await client.query(PeopleQuery, { first: 10 }).toPromise();

    expect(result.data?.people.edges.map((e) => [e.node.legalName, e.node.trainingHours, e.node.ethicsAcknowledgments])).toEqual([
      ['Person p1', 12.5, null],
      ['Person p2', 12.5, null],
    ]);
    expect(onlyUnavailable(result.error)).toBe(true);
    expect(unavailableDomains(result.error)).toEqual(['ethics']);
  });

  it('names each domain once, in order, and treats any other error as a failure', async () => {
    const client = createGraphqlClient({
      fetch: gatewayAnswering({ data: people(false), errors: [unavailable('training'), unavailable('ethics'), unavailable('training'), { message: 'Not allowed', extensions: { code: 'FORBIDDEN' } }] }),
    });

    const result = await client.query(PeopleQuery, { first: 10 }).toPromise();

    expect(unavailableDomains(result.error)).toEqual(['training', 'ethics']);
    expect(onlyUnavailable(result.error)).toBe(false);
    expect(onlyUnavailable(undefined)).toBe(false);
  });
});
