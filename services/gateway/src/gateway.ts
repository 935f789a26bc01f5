// The Apollo Gateway over the committed supergraph: no composition at start-up. Each subgraph is
// reached at the URL from the env, and receives the caller's token and the request id. Subgraph
// calls go through Node's own fetch (undici: pooled keep-alive connections) rather than the
// gateway's default make-fetch-happen stack, whose caching layers a gateway never uses and which
// cost about a third of the gateway's CPU per request (issue 8's profile).
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { serviceUnavailable } from '@cpss/server-kit';
import { supergraphFile, type SubgraphName } from './supergraph';

export interface GatewayContext {
  requestId: string;
  /** The caller's token, forwarded so each subgraph verifies it again. */
  token: string | null;
}

type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher']>;
const keepAliveFetch = globalThis.fetch.bind(globalThis) as unknown as Fetcher;

class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    url: string,
  ) {
    super({ url, fetcher: keepAliveFetch });
  }

  /** A subgraph that cannot be reached is SERVICE_UNAVAILABLE for its fields; the rest still answers. */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    try {
      return await super.process(options);
    } catch (err) {
      const cause = err as { code?: string; cause?: { code?: string }; name?: string; message?: string };
      const code = cause.code ?? cause.cause?.code;
      // Node's fetch says "fetch failed" for any network error (refused, reset, blocked port).
      const network = (cause.name === 'TypeError' && cause.message === 'fetch failed') || cause.name === 'FetchError' || (code && /^E[A-Z]+/.test(code));
      if (network) throw serviceUnavailable(this.serviceName);
      throw err;
    }
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!('requestId' in context)) return;
    if (context.token) request.http?.headers.set('authorization', `Bearer ${context.token}`);
    request.http?.headers.set('x-request-id', context.requestId);
  }
}

/** `queryPlanCacheMiB` sizes the cache of query plans (a plan is computed once per distinct operation). */
export function createGateway(urls: Record<SubgraphName, string>, queryPlanCacheMiB = 30): ApolloGateway {
  return new ApolloGateway({
    supergraphSdl: readFileSync(supergraphFile, 'utf8'),
    experimental_approximateQueryPlanStoreMiB: queryPlanCacheMiB,
    buildService: ({ name, url }) => new ForwardingDataSource(name, urls[name as SubgraphName] ?? url!),
  });
}
