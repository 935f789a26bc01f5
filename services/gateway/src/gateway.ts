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

/** The response keys an entity fetch asks of each representation (`_entities { ... on Person { a b } }`: a, b). */
function entityFieldKeys(document: DocumentNode): string[] {
  const keys = new Set<string>();
  const collect = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD && s.name.value !== '__typename') keys.add(s.alias?.value ?? s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) collect(s.selectionSet);
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const s of definition.selectionSet.selections) if (s.kind === Kind.FIELD && s.name.value === '_entities') collect(s.selectionSet);
  }
  return [...keys];
}

/**
 * A subgraph out of reach, as its answer. For an entity fetch (the fields a domain adds to another
 * domain's entities: a person's complaints, a registry entry's disciplinary status) SERVICE_UNAVAILABLE
 * on each of those fields of each entity, which the gateway maps to its path in the response, so a
 * client sees exactly what is missing; those fields are nullable and come back null. For its own root
 * fields, one error, as before.
 */
function unavailableAnswer(service: string, options: GraphQLDataSourceProcessOptions<GatewayContext>) {
  const error = serviceUnavailable(service);
  const representations = options.request.variables?.['representations'];
  // The fetch's operation text (the plan's document node is only kept when the gateway is told to).
  const fields = Array.isArray(representations) && options.request.query ? entityFieldKeys(parse(options.request.query)) : [];
  if (!Array.isArray(representations) || fields.length === 0) throw error;
  return {
    errors: representations.flatMap((_, i) => fields.map((field) => ({ message: error.message, extensions: { ...error.extensions }, path: ['_entities', i, field] }))),
  };
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
