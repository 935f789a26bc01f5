// The Apollo Gateway over the committed supergraph: no composition at start-up. Each subgraph is
// reached at the URL from the env, and receives the caller's token and the request id.
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { serviceUnavailable } from '@cpss/server-kit';
import { supergraphFile, type SubgraphName } from './supergraph';

export interface GatewayContext {
  requestId: string;
  /** The caller's token, forwarded so each subgraph verifies it again. */
  token: string | null;
}

class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    url: string,
  ) {
    super({ url });
  }

  /** A subgraph that cannot be reached is SERVICE_UNAVAILABLE for its fields; the rest still answers. */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    try {
      return await super.process(options);
    } catch (err) {
      const cause = err as { code?: string; cause?: { code?: string }; name?: string };
      const code = cause.code ?? cause.cause?.code;
      if (cause.name === 'FetchError' || (code && /^E[A-Z]+/.test(code))) throw serviceUnavailable(this.serviceName);
      throw err;
    }
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!('requestId' in context)) return;
    if (context.token) request.http?.headers.set('authorization', `Bearer ${context.token}`);
    request.http?.headers.set('x-request-id', context.requestId);
  }
}

export function createGateway(urls: Record<SubgraphName, string>): ApolloGateway {
  return new ApolloGateway({
    supergraphSdl: readFileSync(supergraphFile, 'utf8'),
    buildService: ({ name, url }) => new ForwardingDataSource(name, urls[name as SubgraphName] ?? url!),
  });
}
