// A gateway for tests: real PostgreSQL (identity schema, demo accounts), and every subgraph URL
// pointing at one counting listener, so a test can tell whether a request went past the gateway.
// The listener drops the connection (it is no subgraph): a request that reaches it fails as
// SERVICE_UNAVAILABLE.
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { initializeAndMigrate } from '@cpss/server-kit';
import { capturingLogger, createThrowawayDatabase, TEST_AUTH, TEST_SUBGRAPH_SECRET, testVerifier, type ThrowawayDatabase } from '@cpss/testkit';
import type { DataSource } from 'typeorm';
import { createIdentityDataSource } from '../src/data-source';
import { createServer, type GatewayDeps } from '../src/server';
import { seedDemoAccounts } from '../src/services/account.service';

export interface SubgraphCounter {
  /** Requests that reached any subgraph URL so far. */
  hits: () => number;
  close: () => Promise<void>;
}

export async function subgraphCounter(): Promise<SubgraphCounter & { url: string }> {
  let hits = 0;
  const server: Server = createHttpServer((req, res) => {
    hits++;
    req.socket.destroy();
    res.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    hits: () => hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface TestGateway {
  app: Awaited<ReturnType<typeof createServer>>['app'];
  subgraphs: SubgraphCounter;
  dataSource: DataSource;
  lines: () => string[];
  stop: () => Promise<void>;
}

/** One database per call; options override the deps (limits, production, clock...). */
export async function startTestGateway(pgAdminUrl: string, options: Partial<GatewayDeps> = {}): Promise<TestGateway> {
  const db: ThrowawayDatabase = await createThrowawayDatabase(pgAdminUrl);
  const dataSource = await initializeAndMigrate(createIdentityDataSource(db.url));
  const { logger, lines } = capturingLogger('gateway');
  await seedDemoAccounts(dataSource, logger);
  const counter = await subgraphCounter();
  const server = await createServer({
    dataSource,
    logger,
    auth: TEST_AUTH,
    verifier: testVerifier(),
    subgraphUrls: { certification: counter.url, training: counter.url, ethics: counter.url },
    subgraphSecret: TEST_SUBGRAPH_SECRET,
    sessionTtlSeconds: 900,
    secureCookie: false,
    loginAttemptsPerMinute: 1000,
    anonymousRequestsPerMinute: 1000,
    ...options,
  });
  return {
    app: server.app,
    subgraphs: counter,
    dataSource,
    lines,
    stop: async () => {
      await server.stop();
      await counter.close();
      await dataSource.destroy();
      await db.drop();
    },
  };
}
