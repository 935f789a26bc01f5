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
import { auditScopeMiddleware, auditScopePlugin, auditWrites } from './audit';
import { GATEWAY_SIGNATURE_HEADER, gatewayOnlyFieldsPlugin, invalidGatewaySignature, notThroughGateway, verifyGatewaySignature } from './gateway-signature';
import type { Clock } from './clock';
import type { GatewayClient } from './gateway-client';

/** What a service's createServer() is given by main.ts (or by a test). */
export interface SubgraphDeps {
  dataSource: DataSource;
  logger: Logger;
  verifier: TokenVerifier;
  /** SUBGRAPH_SECRET: the gateway signs every request with it; see gateway-signature.ts. */
  gatewaySecret: string;
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

type RawBodyRequest = { rawBody?: Buffer };

export interface SubgraphServer {
  app: Express;
  stop(): Promise<void>;
}

export async function createSubgraphServer(options: SubgraphServerOptions): Promise<SubgraphServer> {
  // Checked here too: a service or test built without it must not quietly answer everyone.
  if (typeof options.gatewaySecret !== 'string' || options.gatewaySecret.length < 32) {
    throw new Error(`${options.name}: gatewaySecret (SUBGRAPH_SECRET) of at least 32 characters is required`);
  }
  const apollo = new ApolloServer<RequestContext>({
    schema: options.schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: !options.production,
    plugins: [errorLoggingPlugin(), gatewayOnlyFieldsPlugin(), auditScopePlugin(), ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.use(requestLogging(options.logger));
  app.use(sqlStatementCounting());
  // Every write a mutation makes is recorded with who made it (see audit.ts).
  app.use(auditScopeMiddleware());
  // (A server over a DataSource not yet connected, as some unit tests make, is not writing.)
  if (options.dataSource.isInitialized) auditWrites(options.dataSource);
  healthRoutes(app, async () => {
    await options.dataSource.query('select 1');
  });
  app.use(
    '/graphql',
    // The raw body is kept for the gateway's signature, which covers it.
    express.json({ limit: options.bodyLimit ?? '15mb', verify: (req, _res, buf) => void ((req as RawBodyRequest).rawBody = buf) }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<RequestContext> => {
        const requestId = requestIdOf(req);
        const logger = options.logger.child({ reqId: requestId });
        const gateway = verifyGatewaySignature(options.gatewaySecret, req.headers[GATEWAY_SIGNATURE_HEADER], (req as RawBodyRequest).rawBody);
        if (gateway === 'invalid') throw invalidGatewaySignature();
        const principal = await principalFromToken(options.verifier, bearerToken(req.headers.authorization));
        if (!principal && gateway !== 'valid') throw notThroughGateway();
        return { requestId, principal, logger, loaders: new LoaderRegistry(), viaGateway: gateway === 'valid' };
      },
    }),
  );
  return { app, stop: () => apollo.stop() };
}
