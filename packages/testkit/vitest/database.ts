// Loaded by vitest as TypeScript source (ESM): vitest itself cannot be required from the CommonJS build in dist/.
// A test file's own migrated database: created before its tests, dropped after, on the server the
// vitest global setup provides (`pgAdminUrl`). Each service's test harness builds its servers on it.
import { afterAll, beforeAll, inject, vi } from 'vitest';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import type { DataSource } from 'typeorm';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@cpss/devdb';
import { initializeAndMigrate } from '@cpss/server-kit';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

export function useMigratedDatabase(createDataSource: (url: string) => DataSource, afterMigrate?: (ds: DataSource) => Promise<void>) {
  let db: ThrowawayDatabase | null = null;
  let ds: DataSource | null = null;
  beforeAll(async () => {
    db = await createThrowawayDatabase(inject('pgAdminUrl'));
    ds = await initializeAndMigrate(createDataSource(db.url));
    if (afterMigrate) await afterMigrate(ds);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });
  const current = () => ds!;
  return {
    get ds() {
      return current();
    },
    get url() {
      return db!.url;
    },
    /** Rows in a table: asserted unchanged after a refused mutation. */
    count: async (table: string) => Number(((await current().query(`select count(*)::int as n from ${table}`)) as { n: number }[])[0]!.n),
    /** Every row of some tables as JSON text, to compare before and after a refused mutation. */
    snapshot: async (...tables: string[]) => {
      const out: Record<string, unknown> = {};
      for (const t of tables) out[t] = await current().query(`select * from ${t} order by 1`);
      return JSON.stringify(out);
    },
  };
}

/** Runs `run` and counts the SQL statements it sent: list fields must batch, so this must not grow with a list's length. */
export async function sqlStatementsOf<T>(run: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const spy = vi.spyOn(PostgresQueryRunner.prototype, 'query');
  try {
    const result = await run();
    return { result, statements: spy.mock.calls.length };
  } finally {
    spy.mockRestore();
  }
}
