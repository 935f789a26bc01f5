// createServer(): the gateway as an Express app, listening on nothing. It serves sign-in, the
// supergraph at /graphql, health, and the built web UI.
import { ErrorCode } from '@cpss/domain';
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import {
  auditScopeMiddleware,
  auditWrites,
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
import express, { type ErrorRequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { DataSource } from 'typeorm';
import { createGateway, type GatewayContext } from './gateway';
import { DEFAULT_QUERY_LIMITS, formatLimitError, queryLimits, type QueryLimits } from './limits';
import { DEFAULT_PUBLIC_LIMITS, publicRateLimitPlugin, publicRateLimits, type ClientAddressContext, type PublicLimitSettings } from './public-rate-limits';
import { authRoutes, tokenOf } from './routes/auth';
import { exportRoutes } from './routes/export';
import { AccountService, type LockoutPolicy } from './services/account.service';
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
  /** GRAPHQL_MAX_*: what one operation may ask (suggestions are hidden in production). */
  queryLimits?: Omit<QueryLimits, 'blockFieldSuggestions'>;
  /** REGISTRY_REQUESTS_PER_MINUTE, CERTIFICATE_VERIFICATIONS_PER_MINUTE, COMPLAINTS_PER_HOUR. */
  publicLimits?: PublicLimitSettings;
  /** SIGN_IN_FAILURES_BEFORE_LOCKOUT, SIGN_IN_FAILURE_WINDOW_MINUTES, SIGN_IN_LOCKOUT_MINUTES. */
  lockout?: LockoutPolicy;
  /** GRAPHQL_BODY_LIMIT_MIB: the largest /graphql request body (uploads travel base64 in it). */
  bodyLimitMiB?: number;
  /** Tests: the time sign-in lockouts are reckoned by. */
  clock?: () => Date;
}

type Context = GatewayContext & ClientAddressContext & { logger: Logger };

export async function createServer(deps: GatewayDeps) {
  const gateway = createGateway(deps.subgraphUrls, { subgraphSecret: deps.subgraphSecret, queryPlanCacheMiB: deps.queryPlanCacheMiB });
  const limits = queryLimits({ ...DEFAULT_QUERY_LIMITS, ...deps.queryLimits, blockFieldSuggestions: deps.production === true });
  const rateLimits = publicRateLimitPlugin(publicRateLimits(deps.publicLimits ?? DEFAULT_PUBLIC_LIMITS));
  const apollo = new ApolloServer<Context>({
    gateway,
    formatError: (formatted, error) => formatLimitError(formatError(formatted, error)),
    includeStacktraceInErrorResponses: false,
    introspection: !deps.production,
    // Refuses requests a browser could send cross-site without a preflight (a form post, a plain
    // GET): the session cookie rides along with them.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    plugins: [errorLoggingPlugin(), rateLimits, ...limits.plugins, ...(deps.production ? [ApolloServerPluginLandingPageDisabled()] : [])],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestLogging(deps.logger));
  app.use(cookieParser());
  // Changes to accounts (a sign-in's failure count, a lockout) are in the identity audit trail too.
  app.use(auditScopeMiddleware());
  auditWrites(deps.dataSource);
  healthRoutes(app, async () => {
    await deps.dataSource.query('select 1');
  });
  app.use(
    '/auth',
    authRoutes({
      accounts: new AccountService(deps.dataSource, deps.lockout, deps.clock),
      dataSource: deps.dataSource,
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
      message: { errors: [{ message: 'Too many requests; wait a minute and try again', extensions: { code: ErrorCode.TooManyRequests } }] },
    }),
    express.json({ limit: `${deps.bodyLimitMiB ?? DEFAULT_BODY_LIMIT_MIB}mb` }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<Context> => {
        const requestId = requestIdOf(req);
        const token = tokenOf(req);
        // Refuse a bad token at the door rather than letting every subgraph refuse it.
        await principalFromToken(deps.verifier, token);
        return { requestId, token, clientAddress: req.ip ?? '', logger: deps.logger.child({ reqId: requestId }) };
      },
    }),
  );
  app.use('/graphql', bodyErrors(deps.bodyLimitMiB ?? DEFAULT_BODY_LIMIT_MIB));
  // CSV exports of the admin lists: each runs its list's operation through this gateway as the caller.
  app.use(
    '/export',
    exportRoutes({
      verifier: deps.verifier,
      dataSource: deps.dataSource,
      logger: deps.logger,
      execute: async (request, caller) => {
        const logger = deps.logger.child({ reqId: caller.requestId });
        const answer = await apollo.executeOperation(request, { contextValue: { ...caller, logger } });
        const body = answer.body.kind === 'single' ? answer.body.singleResult : { errors: [{ message: 'An export cannot read an incremental answer' }] };
        return { status: answer.http.status, data: body.data, errors: body.errors, retryAfter: answer.http.headers.get('retry-after') ?? undefined };
      },
    }),
  );

  const webDist = deps.webDistDir;
  if (webDist && existsSync(join(webDist, 'index.html'))) {
    app.use(express.static(webDist, { index: false, maxAge: '1h' }));
    // The UI routes on the client: every other GET is its index.html.
    app.get(/^\/(?!graphql|auth|health|export\/).*/, (_req, res) => {
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(join(webDist, 'index.html'));
    });
  }

  return {
    app,
    stop: async () => {
      rateLimits.shutdown();
      await apollo.stop();
    },
  };
}

export const DEFAULT_BODY_LIMIT_MIB = 15;

/** A body the JSON parser refuses (too large, not JSON) is a GraphQL-shaped JSON error, not Express's HTML page. */
function bodyErrors(limitMiB: number): ErrorRequestHandler {
  return (err: { type?: string; status?: number; statusCode?: number }, _req, res, next) => {
    const status = err.status ?? err.statusCode;
    if (!status || status < 400 || status >= 500) {
      next(err);
      return;
    }
    const [message, code] =
      err.type === 'entity.too.large'
        ? [`The request body is larger than the limit of ${limitMiB} MiB`, 'PAYLOAD_TOO_LARGE']
        : err.type === 'entity.parse.failed'
          ? ['The request body is not valid JSON', 'BAD_REQUEST']
          : ['The request body could not be read', 'BAD_REQUEST'];
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  };
}
