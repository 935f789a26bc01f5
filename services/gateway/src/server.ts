// createServer(): the gateway as an Express app, listening on nothing. It serves sign-in, the
// supergraph at /graphql, health, and the built web UI.
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import {
  errorLoggingPlugin,
  formatError,
  healthRoutes,
  principalFromToken,
  requestIdOf,
  requestLogging,
  type AuthConfig,
  type Logger,
  type TokenVerifier,
} from '@cpss/server-kit';
import cookieParser from 'cookie-parser';
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import type { DataSource } from 'typeorm';
import { createGateway, type GatewayContext } from './gateway';
import { authRoutes, tokenOf } from './routes/auth';
import { AccountService } from './services/account.service';
import type { SubgraphName } from './supergraph';

export interface GatewayDeps {
  dataSource: DataSource;
  logger: Logger;
  auth: AuthConfig;
  verifier: TokenVerifier;
  subgraphUrls: Record<SubgraphName, string>;
  /** SUBGRAPH_SECRET: every request to a subgraph is signed with it (see gateway.ts). */
  subgraphSecret: string;
  sessionTtlSeconds: number;
  secureCookie: boolean;
  loginAttemptsPerMinute: number;
  /** Callers without a token (the public registry, complaint intake): requests per minute per address. */
  anonymousRequestsPerMinute: number;
  webDistDir?: string;
  production?: boolean;
  /** Size of the query-plan cache (QUERY_PLAN_CACHE_MIB). */
  queryPlanCacheMiB?: number;
}

type Context = GatewayContext & { logger: Logger };

export async function createServer(deps: GatewayDeps) {
  const gateway = createGateway(deps.subgraphUrls, { subgraphSecret: deps.subgraphSecret, queryPlanCacheMiB: deps.queryPlanCacheMiB });
  const apollo = new ApolloServer<Context>({
    gateway,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: !deps.production,
    plugins: [errorLoggingPlugin(), ...(deps.production ? [ApolloServerPluginLandingPageDisabled()] : [])],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestLogging(deps.logger));
  app.use(cookieParser());
  healthRoutes(app, async () => {
    await deps.dataSource.query('select 1');
  });
  app.use(
    '/auth',
    authRoutes({
      accounts: new AccountService(deps.dataSource),
      auth: deps.auth,
      verifier: deps.verifier,
      ttlSeconds: deps.sessionTtlSeconds,
      secureCookie: deps.secureCookie,
      loginAttemptsPerMinute: deps.loginAttemptsPerMinute,
    }),
  );
  app.use(
    '/graphql',
    rateLimit({
      windowMs: 60_000,
      limit: deps.anonymousRequestsPerMinute,
      skip: (req) => tokenOf(req) !== null,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      message: { errors: [{ message: 'Too many requests; wait a minute and try again', extensions: { code: 'TOO_MANY_REQUESTS' } }] },
    }),
    express.json({ limit: '15mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<Context> => {
        const requestId = requestIdOf(req);
        const token = tokenOf(req);
        // Refuse a bad token at the door rather than letting every subgraph refuse it.
        await principalFromToken(deps.verifier, token);
        return { requestId, token, logger: deps.logger.child({ reqId: requestId }) };
      },
    }),
  );

  const webDist = deps.webDistDir;
  if (webDist && existsSync(join(webDist, 'index.html'))) {
    app.use(express.static(webDist, { index: false, maxAge: '1h' }));
    // The UI routes on the client: every other GET is its index.html.
    app.get(/^\/(?!graphql|auth|health).*/, (_req, res) => {
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(join(webDist, 'index.html'));
    });
  }

  return { app, stop: () => apollo.stop() };
}
