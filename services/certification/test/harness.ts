// One throwaway database per test file, and servers standing on any date over it.
import { afterAll, beforeAll, inject } from 'vitest';
import { fixedClock, initializeAndMigrate } from '@cpss/server-kit';
import { capturingLogger, createThrowawayDatabase, gql, testVerifier, tokenFor, type ThrowawayDatabase } from '@cpss/testkit';
import type { Role } from '@cpss/domain';
import type { DataSource } from 'typeorm';
import { createCertificationDataSource } from '../src/data-source';
import { createServer } from '../src/server';
import { seedDemoPeople } from '../src/services/person.service';

export type Server = Awaited<ReturnType<typeof createServer>>;
export type App = Server['app'];

export function useCertificationDatabase(options: { seedPeople?: boolean } = {}) {
  const state = { db: null as ThrowawayDatabase | null, ds: null as unknown as DataSource };
  const { logger, lines } = capturingLogger('certification');
  const servers = new Map<string, Server>();
  beforeAll(async () => {
    state.db = await createThrowawayDatabase(inject('pgAdminUrl'));
    state.ds = await initializeAndMigrate(createCertificationDataSource(state.db.url));
    if (options.seedPeople !== false) await seedDemoPeople(state.ds, logger);
  });
  afterAll(async () => {
    await state.ds?.destroy();
    await state.db?.drop();
  });
  const serverOn = async (date: string): Promise<Server> => {
    let server = servers.get(date);
    if (!server) {
      server = await createServer({ dataSource: state.ds, logger, verifier: testVerifier(), clock: fixedClock(date) });
      servers.set(date, server);
    }
    return server;
  };
  return {
    get ds() {
      return state.ds;
    },
    get url() {
      return state.db!.url;
    },
    logger,
    lines,
    serverOn,
    /** The subgraph with "today" fixed at `date`. */
    appOn: async (date: string): Promise<App> => (await serverOn(date)).app,
    count: async (table: string) => Number(((await state.ds.query(`select count(*)::int as n from ${table}`)) as { n: number }[])[0]!.n),
    /** Every row of a table as JSON text, to compare before and after a refused mutation. */
    snapshot: async (...tables: string[]) => {
      const out: Record<string, unknown> = {};
      for (const t of tables) out[t] = await state.ds.query(`select * from ${t} order by 1`);
      return JSON.stringify(out);
    },
  };
}

export async function as(roles: Role[], personId: string | null = null, subject = 'test-account') {
  return { token: await tokenFor(roles, personId, subject) };
}

export { gql };

export function fieldsOf(res: { body: { errors?: { extensions?: Record<string, unknown> }[] } }): string[] {
  return (res.body.errors ?? []).flatMap((e) => ((e.extensions?.['fields'] as { field: string }[] | undefined) ?? []).map((f) => f.field));
}

export function unmetRules(res: { body: { errors?: { extensions?: Record<string, unknown> }[] } }): string[] {
  return (res.body.errors ?? []).flatMap((e) => ((e.extensions?.['unmet'] as { rule: string }[] | undefined) ?? []).map((f) => f.rule));
}
