// Servers standing on any date over the test file's own migrated database.
import { fixedClock } from '@cpss/server-kit';
import { capturingLogger, gql, TEST_SUBGRAPH_SECRET, testVerifier } from '@cpss/testkit';
import { useMigratedDatabase } from '@cpss/testkit/vitest';
import { createEthicsDataSource } from '../src/data-source';
import { createServer } from '../src/server';

export type App = Awaited<ReturnType<typeof createServer>>['app'];

export function useEthicsDatabase() {
  const db = useMigratedDatabase(createEthicsDataSource);
  const captured = capturingLogger('ethics');
  const servers = new Map<string, Awaited<ReturnType<typeof createServer>>>();
  async function serverOn(date: string) {
    let server = servers.get(date);
    if (!server) {
      server = await createServer({ dataSource: db.ds, logger: captured.logger, verifier: testVerifier(), gatewaySecret: TEST_SUBGRAPH_SECRET, clock: fixedClock(date) });
      servers.set(date, server);
    }
    return server;
  }
  return {
    get ds() {
      return db.ds;
    },
    /** The database's URL as its owner (what the service's connections act as is narrower). */
    get url() {
      return db.url;
    },
    logLines: captured.lines,
    /** The subgraph with "today" fixed at `date`, and its services. */
    serverOn,
    /** The subgraph with "today" fixed at `date`. */
    async appOn(date: string): Promise<App> {
      return (await serverOn(date)).app;
    },
    count: db.count,
  };
}

export { as, errorCodes, fieldsOf, gql, unmetRules } from '@cpss/testkit';

export const STEP_FIELDS = 'id referenceNumber status version';

/** Runs a case-flow mutation `name(input: $input) { ...fields }` and returns [data, response]. */
export async function step(app: App, name: string, inputType: string, input: Record<string, unknown>, auth: { token?: string }, fields = STEP_FIELDS) {
  const res = await gql(app, `mutation($input: ${inputType}!) { r: ${name}(input: $input) { ${fields} } }`, { input }, auth);
  return { data: (res.body.data?.['r'] ?? null) as Record<string, unknown> | null, res };
}

export function staffComplaint(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'PHONE',
    subjectKind: 'CPSS',
    respondentDescription: 'Peer specialist at Northside clinic',
    incidentOn: '2026-10-15',
    summary: 'Met a person they support for paid side work.',
    complainant: { name: 'Robin Caller', phone: '919-555-0100' },
    allegations: [{ principle: 'NO_DUAL_RELATIONSHIPS', description: 'Paid side work with a person served.' }],
    ...overrides,
  };
}
