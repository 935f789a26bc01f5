// The urql client as configured for the gateway, against a fake fetch: how it calls /graphql,
// how "Load more" pages are stitched together, and when the session counts as expired.
import { describe, expect, it, vi } from 'vitest';
import { createGraphqlClient } from './graphql';
import { PeopleQuery } from './pages/PeoplePage';
import { OutboundCommandsDocument, StuckOutboundCommandsDocument } from './pages/commands/commandDocuments';

function person(id: string, legalName: string) {
  return {
    __typename: 'Person',
    id,
    legalName,
    preferredName: null,
    county: 'Wake',
    dateOfBirth: '1990-01-01',
    email: `${id}@example.org`,
    trainingHours: 12.5,
    trainingCompletions: [],
    ethicsAcknowledgments: [],
  };
}

function page(ids: string[], endCursor: string, hasNextPage: boolean, totalCount: number) {
  return {
    people: {
      __typename: 'PersonConnection',
      totalCount,
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor },
      edges: ids.map((id) => ({ __typename: 'PersonEdge', node: person(id, `Person ${id}`) })),
    },
  };
}

type Answer = (variables: Record<string, unknown>) => { data?: unknown; errors?: unknown[] };

function fakeGateway(answer: Answer) {
  const calls: { url: string; init: RequestInit; variables: Record<string, unknown> }[] = [];
  const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { variables?: Record<string, unknown> };
    const variables = body.variables ?? {};
    calls.push({ url: String(url), init: init ?? {}, variables });
    return new Response(JSON.stringify(answer(variables)), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

describe('createGraphqlClient', () => {
  it('POSTs to /graphql with the session cookie and the header Apollo wants', async () => {
    const gateway = fakeGateway(() => ({ data: page(['p1'], 'c1', false, 1) }));
    const client = createGraphqlClient({ onUnauthenticated: () => {}, fetch: gateway.fetch });

    await client.query(PeopleQuery, { first: 10 }).toPromise();

    expect(gateway.calls).toHaveLength(1);
    const [call] = gateway.calls;
    expect(call?.url).toBe('/graphql');
    expect(call?.init.method).toBe('POST');
    expect(call?.init.credentials).toBe('same-origin');
    expect(new Headers(call?.init.headers).get('apollo-require-preflight')).toBe('true');
  });

  it('sends a query as its hash, and its text only when the gateway asks for it', async () => {
    const seen = new Set<string>();
    const bodies: { query?: string; extensions?: { persistedQuery?: { sha256Hash: string } } }[] = [];
    const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body)) as { query?: string; extensions?: { persistedQuery?: { sha256Hash: string } } };
      bodies.push(body);
      const hash = body.extensions!.persistedQuery!.sha256Hash;
      if (!body.query && !seen.has(hash)) return new Response(JSON.stringify({ errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] }), { status: 200, headers: { 'content-type': 'application/json' } });
      seen.add(hash);
      return new Response(JSON.stringify({ data: page(['p1'], 'c1', false, 1) }), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    const client = createGraphqlClient({ onUnauthenticated: () => {}, fetch: fetch as unknown as typeof globalThis.fetch });

    const first = await client.query(PeopleQuery, { first: 10 }, { requestPolicy: 'network-only' }).toPromise();
    expect(first.error).toBeUndefined();
    const again = await client.query(PeopleQuery, { first: 10 }, { requestPolicy: 'network-only' }).toPromise();
    expect(again.error).toBeUndefined();
    // Hash alone, then hash and text once, then the hash alone is enough.
    expect(bodies.map((b) => Boolean(b.query))).toEqual([false, true, false]);
    expect(new Set(bodies.map((b) => b.extensions?.persistedQuery?.sha256Hash)).size).toBe(1);
  });

  it('appends the next page of the same search to the list already loaded', async () => {
    const gateway = fakeGateway((v) =>
      v['after'] === 'c2' ? { data: page(['p3'], 'c3', false, 3) } : { data: page(['p1', 'p2'], 'c2', true, 3) },
    );
    const client = createGraphqlClient({ onUnauthenticated: () => {}, fetch: gateway.fetch });

    const first = await client.query(PeopleQuery, { first: 2 }).toPromise();
    expect(first.data?.people.edges.map((e) => e.node.id)).toEqual(['p1', 'p2']);

    const more = await client.query(PeopleQuery, { first: 2, after: 'c2' }).toPromise();
    expect(more.error).toBeUndefined();
    expect(more.data?.people.edges.map((e) => e.node.id)).toEqual(['p1', 'p2', 'p3']);
    expect(more.data?.people.totalCount).toBe(3);
    expect(more.data?.people.pageInfo).toMatchObject({ hasNextPage: false, endCursor: 'c3' });
  });

  it('keeps each search its own list', async () => {
    const gateway = fakeGateway((v) => (v['search'] === 'ali' ? { data: page(['p9'], 'c9', false, 1) } : { data: page(['p1', 'p2'], 'c2', true, 3) }));
    const client = createGraphqlClient({ onUnauthenticated: () => {}, fetch: gateway.fetch });

    await client.query(PeopleQuery, { first: 2 }).toPromise();
    const searched = await client.query(PeopleQuery, { first: 2, search: 'ali' }).toPromise();

    expect(searched.data?.people.edges.map((e) => e.node.id)).toEqual(['p9']);
    expect(searched.data?.people.totalCount).toBe(1);
  });

  it("stitches the pages of ethics' commands, and keeps the stuck ones a list of their own", async () => {
    const command = (id: string, stuck = false) => ({
      __typename: 'OutboundCommand',
      id,
      type: 'HOLD_APPLICATION',
      targetDomain: 'certification',
      payload: { personId: 'p1' },
      idempotencyKey: `k-${id}`,
      status: 'pending',
      attempts: stuck ? 6 : 0,
      createdAt: '2026-01-05T12:00:00.000Z',
      nextAttemptAt: '2026-01-05T12:00:00.000Z',
      lastAttemptAt: null,
      lastError: null,
      deliveredAt: null,
      outcome: null,
      stuck,
    });
    const connection = (ids: string[], endCursor: string, hasNextPage: boolean, totalCount: number, stuck = false) => ({
      ethicsOutboundCommands: {
        __typename: 'EthicsOutboundCommandConnection',
        totalCount,
        pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor },
        edges: ids.map((id) => ({ __typename: 'EthicsOutboundCommandEdge', cursor: `cur-${id}`, node: command(id, stuck) })),
      },
    });
    const gateway = fakeGateway((v) =>
      v['after'] === 'c2' ? { data: connection(['o3'], 'c3', false, 3) } : v['first'] === 50 ? { data: connection(['o9'], 'c9', false, 1, true) } : { data: connection(['o1', 'o2'], 'c2', true, 3) },
    );
    const client = createGraphqlClient({ onUnauthenticated: () => {}, fetch: gateway.fetch });

    await client.query(OutboundCommandsDocument, { first: 2 }).toPromise();
    const stuck = await client.query(StuckOutboundCommandsDocument, { first: 50 }).toPromise();
    const more = await client.query(OutboundCommandsDocument, { first: 2, after: 'c2' }).toPromise();

    expect(more.data?.ethicsOutboundCommands.edges.map((e) => e.node.id)).toEqual(['o1', 'o2', 'o3']);
    expect(more.data?.ethicsOutboundCommands.pageInfo.hasNextPage).toBe(false);
    expect(stuck.data?.ethicsOutboundCommands.edges.map((e) => e.node.id)).toEqual(['o9']);
  });

  it('reports an expired session on UNAUTHENTICATED, not on other errors', async () => {
    let code = 'FORBIDDEN';
    const gateway = fakeGateway(() => ({ data: null, errors: [{ message: 'No', extensions: { code } }] }));
    const onUnauthenticated = vi.fn();
    const client = createGraphqlClient({ onUnauthenticated, fetch: gateway.fetch });

    const forbidden = await client.query(PeopleQuery, { first: 1 }).toPromise();
    await Promise.resolve();
    expect(forbidden.error?.graphQLErrors[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(onUnauthenticated).not.toHaveBeenCalled();

    code = 'UNAUTHENTICATED';
    await client.query(PeopleQuery, { first: 2 }).toPromise();
    await Promise.resolve();
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });
});

describe('errors for forms', () => {
  it("reads BAD_USER_INPUT's field reasons without the input prefix, and the error code", async () => {
    const { fieldProblems, errorCode } = await import('./graphql');
    const { CombinedError } = await import('urql');
    const error = new CombinedError({
      graphQLErrors: [
        {
          message: 'Invalid input',
          extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'input.complainant', reason: 'needs an email' }, { field: 'input.incidentOn', reason: 'must be a date' }] },
        },
      ],
    });
    expect(errorCode(error)).toBe('BAD_USER_INPUT');
    expect(fieldProblems(error)).toEqual([
      { field: 'complainant', reason: 'needs an email' },
      { field: 'incidentOn', reason: 'must be a date' },
    ]);
    expect(fieldProblems(undefined)).toEqual([]);
  });
});

describe('errorRequestId', () => {
  it('quotes the API request id of an internal error, else the response header', async () => {
    const { errorRequestId } = await import('./graphql');
    const { CombinedError } = await import('urql');
    expect(errorRequestId(new CombinedError({ graphQLErrors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-1' } }] }))).toBe('req-1');
    const response = new Response('{}', { status: 502, headers: { 'x-request-id': 'req-2' } });
    expect(errorRequestId(new CombinedError({ networkError: new Error('bad gateway'), response }))).toBe('req-2');
    expect(errorRequestId(new CombinedError({ networkError: new Error('offline') }))).toBeUndefined();
  });
});
