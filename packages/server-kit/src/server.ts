// A subgraph's HTTP server: Apollo Server on Express with request ids, token verification, error
// masking and health routes. Each service's createServer() calls this with its schema.
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { bearerToken, InvalidTokenError, type Principal, type TokenVerifier } from './auth';
import type { RequestContext } from './context';
import { errorLoggingPlugin, formatError, invalidToken } from './errors';
import { healthRoutes, requestIdOf, requestLogging } from './http';
import { LoaderRegistry } from './loaders';
import { sqlStatementCounting } from './sql-count';
import type { Clock } from './clock';
import type { GatewayClient } from './gateway-client';

/** What a service's createServer() is given by main.ts (or by a test). */
export interface SubgraphDeps {
  dataSource: DataSource;
  logger: Logger;
  verifier: TokenVerifier;
  production?: boolean;
  /** "Today" for every rule; tests stand on any date with fixedClock(). Defaults to the system clock. */
  clock?: Clock;
  /** Asks other domains through the gateway as this service (absent in single-subgraph tests). */
  gateway?: GatewayClient;
}

export interface SubgraphServerOptions extends SubgraphDeps {
  name: string;
  schema: GraphQLSchema;
  /** Request body limit: uploads travel base64 inside GraphQL requests. */
  bodyLimit?: string;
}

/**
 * The caller's principal from a token (or null without one). A token that is present but bad
 * refuses the whole request with 401 rather than reading as anonymous.
 */
export async function principalFromToken(verifier: TokenVerifier, token: string | null): Promise<Principal | null> {
  if (!token) return null;
  try {
    return await verifier.verify(token);
  } catch (err) {
    if (err instanceof InvalidTokenError) throw invalidToken();
    throw err;
  }
}

export interface SubgraphServer {
  app: Express;
  stop(): Promise<void>;
}

export async function createSubgraphServer(options: SubgraphServerOptions): Promise<SubgraphServer> {
  const apollo = new ApolloServer<RequestContext>({
    schema: options.schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: !options.production,
    plugins: [errorLoggingPlugin(), ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.use(requestLogging(options.logger));
  app.use(sqlStatementCounting());
  healthRoutes(app, async () => {
    await options.dataSource.query('select 1');
  });
  app.use(
    '/graphql',
    express.json({ limit: options.bodyLimit ?? '15mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<RequestContext> => {
        const requestId = requestIdOf(req);
        const logger = options.logger.child({ reqId: requestId });
        const principal = await principalFromToken(options.verifier, bearerToken(req.headers.authorization));
        return { requestId, principal, logger, loaders: new LoaderRegistry() };
      },
    }),
  );
  return { app, stop: () => apollo.stop() };
}
