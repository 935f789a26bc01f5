// One throwaway database per test file, and servers standing on any date over it.
import { afterAll, beforeAll, inject } from 'vitest';
import { fixedClock, initializeAndMigrate } from '@cpss/server-kit';
import { capturingLogger, createThrowawayDatabase, errorCodes, gql, testVerifier, tokenFor, type ThrowawayDatabase } from '@cpss/testkit';
import type { Role } from '@cpss/domain';
import type { DataSource } from 'typeorm';
import { createEthicsDataSource } from '../src/data-source';
import { createServer } from '../src/server';

export type App = Awaited<ReturnType<typeof createServer>>['app'];

export function useEthicsDatabase() {
  const state = { db: null as ThrowawayDatabase | null, ds: null as unknown as DataSource };
  const captured = capturingLogger('ethics');
  const apps = new Map<string, App>();
  beforeAll(async () => {
    state.db = await createThrowawayDatabase(inject('pgAdminUrl'));
    state.ds = await initializeAndMigrate(createEthicsDataSource(state.db.url));
  });
  afterAll(async () => {
    await state.ds?.destroy();
    await state.db?.drop();
  });
  return {
    get ds() {
      return state.ds;
    },
    logLines: captured.lines,
    /** The subgraph with "today" fixed at `date`. */
    async appOn(date: string): Promise<App> {
      let app = apps.get(date);
      if (!app) {
        ({ app } = await createServer({ dataSource: state.ds, logger: captured.logger, verifier: testVerifier(), clock: fixedClock(date) }));
        apps.set(date, app);
      }
      return app;
    },
    count: async (table: string) => Number(((await state.ds.query(`select count(*)::int as n from ${table}`)) as { n: number }[])[0]!.n),
  };
}

export async function as(roles: Role[], personId: string | null = null, subject = 'test-account') {
  return { token: await tokenFor(roles, personId, subject) };
}

export { errorCodes, gql };

type Res = { body: { errors?: { extensions?: Record<string, unknown> }[] } };

export function fieldsOf(res: Res): string[] {
  return (res.body.errors ?? []).flatMap((e) => ((e.extensions?.['fields'] as { field: string }[] | undefined) ?? []).map((f) => f.field));
}

export function unmetRules(res: Res): string[] {
  return (res.body.errors ?? []).flatMap((e) => ((e.extensions?.['unmet'] as { rule: string }[] | undefined) ?? []).map((f) => f.rule));
}

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
