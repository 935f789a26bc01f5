import 'reflect-metadata';
import { join } from 'node:path';
import { auditWrites, runInAuditScope, authConfigFrom, createLogger, createTokenVerifier, initializeAndMigrate, listen, stopOnSignals } from '@cpss/server-kit';
import { createIdentityDataSource } from './data-source';
import { readEnv } from './env';
import { createServer } from './server';
import { seedDemoAccounts } from './services/account.service';

async function main() {
  const env = readEnv();
  const logger = createLogger('gateway', env.LOG_LEVEL);
  const dataSource = createIdentityDataSource(env.DATABASE_URL);
  try {
    await initializeAndMigrate(dataSource, env.MIGRATE_ON_START);
  } catch (err) {
    process.stderr.write(`gateway: cannot prepare the database (${(err as Error).message}); check DATABASE_URL\n`);
    process.exit(1);
  }
  auditWrites(dataSource);
  if (env.SEED_DEMO) await runInAuditScope({ operation: 'demo-seed' }, () => seedDemoAccounts(dataSource, logger));
  const auth = authConfigFrom(env);
  const server = await createServer({
    dataSource,
    logger,
    auth,
    verifier: createTokenVerifier(auth),
    subgraphUrls: { certification: env.CERTIFICATION_URL, training: env.TRAINING_URL, ethics: env.ETHICS_URL },
    subgraphSecret: env.SUBGRAPH_SECRET,
    sessionTtlSeconds: env.SESSION_TTL_SECONDS,
    secureCookie: env.COOKIE_SECURE,
    loginAttemptsPerMinute: env.LOGIN_ATTEMPTS_PER_MINUTE,
    anonymousRequestsPerMinute: env.ANONYMOUS_REQUESTS_PER_MINUTE,
    webDistDir: env.WEB_DIST_DIR ?? join(__dirname, '..', '..', '..', 'web', 'dist'),
    production: env.NODE_ENV === 'production',
    queryPlanCacheMiB: env.QUERY_PLAN_CACHE_MIB,
    queryLimits: {
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxAliases: env.GRAPHQL_MAX_ALIASES,
      maxDirectives: env.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: env.GRAPHQL_MAX_TOKENS,
      maxCost: env.GRAPHQL_MAX_COST,
    },
    publicLimits: {
      registryPerMinute: env.REGISTRY_REQUESTS_PER_MINUTE,
      certificateVerificationsPerMinute: env.CERTIFICATE_VERIFICATIONS_PER_MINUTE,
      complaintsPerHour: env.COMPLAINTS_PER_HOUR,
    },
    lockout: {
      maxFailures: env.SIGN_IN_FAILURES_BEFORE_LOCKOUT,
      windowMinutes: env.SIGN_IN_FAILURE_WINDOW_MINUTES,
      lockoutMinutes: env.SIGN_IN_LOCKOUT_MINUTES,
    },
    bodyLimitMiB: env.GRAPHQL_BODY_LIMIT_MIB,
  });
  const http = await listen(server.app, env.PORT, env.HOST);
  logger.info({ port: env.PORT }, 'gateway listening');
  stopOnSignals(logger, [() => new Promise((resolve) => http.close(resolve)), () => server.stop(), () => dataSource.destroy()], {
    exitWithStdin: env.EXIT_WITH_STDIN,
  });
}

void main();
