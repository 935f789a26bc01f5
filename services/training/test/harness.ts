// Servers standing on any date over the test file's own migrated database.
import { fixedClock } from '@cpss/server-kit';
import { capturingLogger, gql, TEST_SUBGRAPH_SECRET, testVerifier } from '@cpss/testkit';
import { useMigratedDatabase } from '@cpss/testkit/vitest';
import { createTrainingDataSource } from '../src/data-source';
import { createServer } from '../src/server';

export type App = Awaited<ReturnType<typeof createServer>>['app'];

export function useTrainingDatabase() {
  const db = useMigratedDatabase(createTrainingDataSource);
  const { logger, lines } = capturingLogger('training');
  const servers = new Map<string, Awaited<ReturnType<typeof createServer>>>();
  const serverOn = async (date: string) => {
    let server = servers.get(date);
    if (!server) {
      server = await createServer({ dataSource: db.ds, logger, verifier: testVerifier(), gatewaySecret: TEST_SUBGRAPH_SECRET, clock: fixedClock(date) });
      servers.set(date, server);
    }
    return server;
  };
  return {
    get ds() {
      return db.ds;
    },
    /** The database's URL as its owner (what the service's connections act as is narrower). */
    get url() {
      return db.url;
    },
    /** The subgraph with "today" fixed at `date`. */
    async appOn(date: string): Promise<App> {
      return (await serverOn(date)).app;
    },
    /** The subgraph on `date` with its services (e.g. to wait for the imports it started). */
    serverOn,
    /** A fresh subgraph on `date` with other dependencies (e.g. a trainer standing that refuses). */
    async appWith(date: string, extra: Omit<Parameters<typeof createServer>[0], 'dataSource' | 'logger' | 'verifier' | 'clock'>): Promise<App> {
      return (await createServer({ dataSource: db.ds, logger, verifier: testVerifier(), gatewaySecret: TEST_SUBGRAPH_SECRET, clock: fixedClock(date), ...extra })).app;
    },
    logLines: lines,
    count: db.count,
    snapshot: db.snapshot,
  };
}

export { as, fieldsOf, gql, unmetRules } from '@cpss/testkit';
