// vitest globalSetup shared by every package: one PostgreSQL server per test run, handed to test
// files as `pgAdminUrl`; each file makes its own throwaway database on it.
import { startTestServer } from './throwaway';

interface SetupContext {
  provide(key: string, value: unknown): void;
}

export default async function setup(ctx: SetupContext): Promise<() => Promise<void>> {
  // The one place tests learn of a configured server: DATABASE_URL points at its maintenance db.
  const server = await startTestServer(process.env['DATABASE_URL']);
  ctx.provide('pgAdminUrl', server.adminUrl);
  return () => server.stop();
}
