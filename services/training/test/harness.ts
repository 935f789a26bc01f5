// One throwaway database per test file, and servers standing on any date over it.
import { afterAll, beforeAll, inject } from 'vitest';
import { fixedClock, initializeAndMigrate } from '@cpss/server-kit';
import { capturingLogger, createThrowawayDatabase, gql, testVerifier, tokenFor, type ThrowawayDatabase } from '@cpss/testkit';
import type { Role } from '@cpss/domain';
import type { DataSource } from 'typeorm';
import { createTrainingDataSource } from '../src/data-source';
import { createServer } from '../src/server';

export type App = Awaited<ReturnType<typeof createServer>>['app'];

export function useTrainingDatabase() {
  const state = { db: null as ThrowawayDatabase | null, ds: null as unknown as DataSource };
  const { logger, lines } = capturingLogger('training');
  const apps = new Map<string, App>();
  beforeAll(async () => {
    state.db = await createThrowawayDatabase(inject('pgAdminUrl'));
    state.ds = await initializeAndMigrate(createTrainingDataSource(state.db.url));
  });
  afterAll(async () => {
    await state.ds?.destroy();
    await state.db?.drop();
  });
  return {
    get ds() {
      return state.ds;
    },
    /** The subgraph with "today" fixed at `date`. */
    async appOn(date: string): Promise<App> {
      let app = apps.get(date);
      if (!app) {
        ({ app } = await createServer({ dataSource: state.ds, logger, verifier: testVerifier(), clock: fixedClock(date) }));
        apps.set(date, app);
      }
      return app;
    },
    /** A fresh subgraph on `date` with other dependencies (e.g. a trainer standing that refuses). */
    async appWith(date: string, extra: Omit<Parameters<typeof createServer>[0], 'dataSource' | 'logger' | 'verifier' | 'clock'>): Promise<App> {
      return (await createServer({ dataSource: state.ds, logger, verifier: testVerifier(), clock: fixedClock(date), ...extra })).app;
    },
    logLines: lines,
    count: async (table: string) => Number(((await state.ds.query(`select count(*)::int as n from ${table}`)) as { n: number }[])[0]!.n),
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
