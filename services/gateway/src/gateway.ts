// The Apollo Gateway over the committed supergraph: no composition at start-up. Each subgraph is
// reached at the URL from the env, and receives the caller's token and the request id. Subgraph
// calls go through undici's `request` on a pool of keep-alive connections: neither the gateway's
// default make-fetch-happen stack (caching layers a gateway never uses: about a third of its CPU
// per request, issue 8's profile) nor Node's fetch (the same undici under WHATWG streams and
// Request/Response objects, a tenth of the gateway's CPU in the person view's profile).
// Every subgraph request is signed with SUBGRAPH_SECRET (x-cpss-gateway, over a timestamp and the
// body): subgraphs answer callers without a token, and `_entities` / `_service`, only when signed.
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GATEWAY_SIGNATURE_HEADER, serviceUnavailable, signGatewayRequest } from '@cpss/server-kit';
import { Kind, parse, type DocumentNode, type SelectionSetNode } from 'graphql';
import { Agent, request as undiciRequest } from 'undici';
import { supergraphFile, type SubgraphName } from './supergraph';

export interface GatewayContext {
  requestId: string;
  /** The caller's token, forwarded so each subgraph verifies it again. */
  token: string | null;
}

type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher']>;

/** Keep-alive connections to the subgraphs, shared by every data source of the process. */
const subgraphPool = new Agent({ keepAliveTimeout: 30_000, connections: 128, pipelining: 1 });

/**
 * The part of fetch the gateway's data sources use (method, headers and a string body in; status,
 * headers.get and the body as text or JSON out) over undici's request: the body is read once as
 * text, with no stream or Request/Response objects in between. The exact body sent is signed here.
 */
const subgraphFetch = (subgraphSecret: string) => (async (url: string, init: { method?: string; headers?: Record<string, string>; body?: string }) => {
  const headers = { ...init.headers, [GATEWAY_SIGNATURE_HEADER]: signGatewayRequest(subgraphSecret, init.body ?? '') };
  const res = await undiciRequest(url, { method: (init.method ?? 'POST') as 'POST', headers, body: init.body, dispatcher: subgraphPool });
  const text = await res.body.text();
  const header = (name: string) => {
    const value = res.headers[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  };
  return {
    url,
    status: res.statusCode,
    statusText: '',
    ok: res.statusCode >= 200 && res.statusCode < 300,
    headers: { get: header, has: (name: string) => header(name) !== null },
    text: async () => text,
    json: async () => JSON.parse(text) as unknown,
  };
}) as unknown as Fetcher;

class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    url: string,
    subgraphSecret: string,
  ) {
    super({ url, fetcher: subgraphFetch(subgraphSecret) });
  }

  /** A subgraph that cannot be reached is SERVICE_UNAVAILABLE for its fields; the rest still answers. */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    try {
      return await super.process(options);
    } catch (err) {
      const cause = err as { code?: string; cause?: { code?: string }; name?: string; message?: string };
      const code = cause.code ?? cause.cause?.code;
      // A network error: the system's (ECONNREFUSED, ECONNRESET...) or undici's own (UND_ERR_SOCKET...).
      const network = cause.name === 'FetchError' || (code && /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test(code));
      if (network) return unavailableAnswer(this.serviceName, options);
      throw err;
    }
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!('requestId' in context)) return;
    if (context.token) request.http?.headers.set('authorization', `Bearer ${context.token}`);
    request.http?.headers.set('x-request-id', context.requestId);
  }
}

/**
 * The response keys a fetch asks at its root (`complaints`, `q: people`), and for an entity fetch
 * those it asks of each representation (`_entities { ... on Person { a b } }`: a, b).
 */
function fetchKeys(document: DocumentNode): { root: string[]; entity: string[] } {
  const root = new Set<string>();
  const entity = new Set<string>();
  const collect = (set: SelectionSetNode | undefined, into: Set<string>) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD && s.name.value !== '__typename') into.add(s.alias?.value ?? s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) collect(s.selectionSet, into);
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const s of definition.selectionSet.selections) {
      if (s.kind === Kind.FIELD && s.name.value === '_entities') collect(s.selectionSet, entity);
      else if (s.kind === Kind.FIELD && s.name.value !== '__typename') root.add(s.alias?.value ?? s.name.value);
    }
  }
  return { root: [...root], entity: [...entity] };
}

/**
 * A subgraph out of reach, as its answer: SERVICE_UNAVAILABLE on each field it was asked for, so a
 * client sees exactly what is missing. For an entity fetch (the fields a domain adds to another
 * domain's entities: a person's complaints, a registry entry's disciplinary status) on each of those
 * fields of each entity, which are nullable and come back null; for its own root fields, on each.
 */
function unavailableAnswer(service: string, options: GraphQLDataSourceProcessOptions<GatewayContext>) {
  const error = serviceUnavailable(service);
  const at = (path: (string | number)[]) => ({ message: error.message, extensions: { ...error.extensions }, path });
  // The fetch's operation text (the plan's document node is only kept when the gateway is told to).
  const keys = options.request.query ? fetchKeys(parse(options.request.query)) : { root: [], entity: [] };
  const representations = options.request.variables?.['representations'];
  if (Array.isArray(representations) && keys.entity.length > 0) {
    return { errors: representations.flatMap((_, i) => keys.entity.map((field) => at(['_entities', i, field]))) };
  }
  if (keys.root.length > 0 && !Array.isArray(representations)) return { data: null, errors: keys.root.map((field) => at([field])) };
  throw error;
}

export interface GatewayOptions {
  /** SUBGRAPH_SECRET, shared with the subgraphs: every request to them is signed with it. */
  subgraphSecret: string;
  /** Sizes the cache of query plans (a plan is computed once per distinct operation). */
  queryPlanCacheMiB?: number;
}

export function createGateway(urls: Record<SubgraphName, string>, { subgraphSecret, queryPlanCacheMiB = 30 }: GatewayOptions): ApolloGateway {
  if (typeof subgraphSecret !== 'string' || subgraphSecret.length < 32) throw new Error('gateway: subgraphSecret (SUBGRAPH_SECRET) of at least 32 characters is required');
  return new ApolloGateway({
    supergraphSdl: readFileSync(supergraphFile, 'utf8'),
    experimental_approximateQueryPlanStoreMiB: queryPlanCacheMiB,
    buildService: ({ name, url }) => new ForwardingDataSource(name, urls[name as SubgraphName] ?? url!, subgraphSecret),
  });
}
