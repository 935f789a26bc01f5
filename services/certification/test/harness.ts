// Servers standing on any date over the test file's own migrated database (with the demo people).
import { fixedClock } from '@cpss/server-kit';
import { capturingLogger, TEST_SUBGRAPH_SECRET, testVerifier } from '@cpss/testkit';
import { useMigratedDatabase } from '@cpss/testkit/vitest';
import { createCertificationDataSource } from '../src/data-source';
import { createServer } from '../src/server';
import { seedDemoPeople } from '../src/services/person.service';

export type Server = Awaited<ReturnType<typeof createServer>>;
export type App = Server['app'];

export function useCertificationDatabase(options: { seedPeople?: boolean } = {}) {
  const { logger, lines } = capturingLogger('certification');
  const db = useMigratedDatabase(createCertificationDataSource, options.seedPeople === false ? undefined : (ds) => seedDemoPeople(ds, logger));
  const servers = new Map<string, Server>();
  const serverOn = async (date: string): Promise<Server> => {
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
    get url() {
      return db.url;
    },
    logger,
    lines,
    serverOn,
    /** The subgraph with "today" fixed at `date`. */
    appOn: async (date: string): Promise<App> => (await serverOn(date)).app,
    count: db.count,
    snapshot: db.snapshot,
  };
}

export { as, fieldsOf, gql, unmetRules } from '@cpss/testkit';
