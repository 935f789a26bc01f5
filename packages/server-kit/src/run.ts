// The body of every subgraph's main.ts: connect, migrate, seed the demo data when asked, listen,
// and stop cleanly on a signal. A database that cannot be reached is one clear line, not a trace.
import type { DataSource } from 'typeorm';
import { createTokenVerifier, type TokenVerifier } from './auth';
import { createGatewayClient, type GatewayClient } from './gateway-client';
import { fileClock, systemClock, type Clock } from './clock';
import { initializeAndMigrate } from './datasource';
import { auditWrites, runInAuditScope } from './audit';
import { traceSqlTo } from './sql-count';
import { authConfigFrom, type CommonEnv } from './env';
import { listen, stopOnSignals } from './listen';
import { createLogger, type Logger } from './logger';
import type { SubgraphServer } from './server';

export interface RunSubgraphOptions {
  name: string;
  env: CommonEnv & { PORT: number };
  dataSource: DataSource;
  seedDemo?: (dataSource: DataSource, logger: Logger) => Promise<void>;
  createServer: (deps: { dataSource: DataSource; logger: Logger; verifier: TokenVerifier; gatewaySecret: string; production: boolean; gateway?: GatewayClient; clock: Clock }) => Promise<SubgraphServer>;
  /** Background work (pg-boss workers and schedules); returns how to stop it. */
  startBackground?: (deps: { dataSource: DataSource; logger: Logger; databaseUrl: string; gateway?: GatewayClient; clock: Clock }) => Promise<() => Promise<void>>;
}

export async function runSubgraph(options: RunSubgraphOptions): Promise<void> {
  const { env, name } = options;
  const logger = createLogger(name, env.LOG_LEVEL);
  try {
    await initializeAndMigrate(options.dataSource, env.MIGRATE_ON_START);
  } catch (err) {
    process.stderr.write(`${name}: cannot prepare the database (${(err as Error).message}); check DATABASE_URL\n`);
    process.exit(1);
  }
  // Writes are audited from the first one on (the demo seed's too); createSubgraphServer asks again.
  auditWrites(options.dataSource);
  if (env.SEED_DEMO && options.seedDemo) await runInAuditScope({ operation: 'demo-seed' }, () => options.seedDemo!(options.dataSource, logger));
  if (env.SQL_TRACE_FILE) traceSqlTo(env.SQL_TRACE_FILE, name);
  const clock = env.CLOCK_FILE ? fileClock(env.CLOCK_FILE) : systemClock;
  const gateway = env.GATEWAY_URL ? createGatewayClient({ url: env.GATEWAY_URL, auth: authConfigFrom(env), service: name }) : undefined;
  const server = await options.createServer({
    dataSource: options.dataSource,
    logger,
    verifier: createTokenVerifier(authConfigFrom(env)),
    gatewaySecret: env.SUBGRAPH_SECRET,
    production: env.NODE_ENV === 'production',
    gateway,
    clock,
  });
  const stopBackground = options.startBackground
    ? await options.startBackground({ dataSource: options.dataSource, logger, databaseUrl: env.DATABASE_URL, gateway, clock })
    : async () => undefined;
  const http = await listen(server.app, env.PORT, env.HOST);
  logger.info({ port: env.PORT }, `${name} subgraph listening`);
  stopOnSignals(logger, [
    () => new Promise((resolve) => http.close(resolve)),
    () => server.stop(),
    () => stopBackground(),
    () => options.dataSource.destroy(),
  ], { exitWithStdin: env.EXIT_WITH_STDIN });
}
