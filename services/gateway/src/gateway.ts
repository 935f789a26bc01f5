// The Apollo Gateway over the committed supergraph: no composition at start-up. Each subgraph is
// reached at the URL from the env, and receives the caller's token and the request id.
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { supergraphFile, type SubgraphName } from './supergraph';

export interface GatewayContext {
  requestId: string;
  /** The caller's token, forwarded so each subgraph verifies it again. */
  token: string | null;
}

class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!('requestId' in context)) return;
    if (context.token) request.http?.headers.set('authorization', `Bearer ${context.token}`);
    request.http?.headers.set('x-request-id', context.requestId);
  }
}

export function createGateway(urls: Record<SubgraphName, string>): ApolloGateway {
  return new ApolloGateway({
    supergraphSdl: readFileSync(supergraphFile, 'utf8'),
    buildService: ({ name, url }) => new ForwardingDataSource({ url: urls[name as SubgraphName] ?? url }),
  });
}
