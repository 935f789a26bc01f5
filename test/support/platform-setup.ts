// Boots the real composed platform once for the end-to-end suites: a throwaway database (on the
// embedded PostgreSQL unless DATABASE_URL), the three subgraphs and the gateway as processes on
// free ports, with the demo data seeded. Tests receive the URLs through `inject`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createThrowawayDatabase, startTestServer } from '@cpss/devdb';
import { startTestPlatform } from './platform';

interface SetupContext {
  provide(key: string, value: unknown): void;
}

export default async function setup(ctx: SetupContext): Promise<() => Promise<void>> {
  const server = await startTestServer(process.env['DATABASE_URL']);
  const db = await createThrowawayDatabase(server.adminUrl, 'e2e');
  const logDir = mkdtempSync(join(tmpdir(), 'cpss-e2e-logs-'));
  // A UI built elsewhere (e.g. `vite build --outDir /tmp/web-x`) can be served instead of web/dist.
  const platform = await startTestPlatform({
    databaseUrl: db.url,
    logDir,
    extraEnv: process.env['WEB_DIST_DIR'] ? { WEB_DIST_DIR: process.env['WEB_DIST_DIR'] } : undefined,
  });
  ctx.provide('gatewayUrl', platform.gatewayUrl);
  ctx.provide('subgraphUrls', { certification: platform.urls.certification, training: platform.urls.training, ethics: platform.urls.ethics });
  // What the gateway signs its subgraph requests with: a suite calling a subgraph as the gateway needs it.
  ctx.provide('subgraphSecret', platform.subgraphSecret);
  ctx.provide('logDir', logDir);
  // The platform's database, for suites that check what the services' database role may do.
  ctx.provide('databaseUrl', db.url);
  // Suites that need a platform of their own (a test clock, a service stopped) make their database here.
  ctx.provide('pgAdminUrl', server.adminUrl);
  return async () => {
    await platform.stop();
    await db.drop();
    await server.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    gatewayUrl: string;
    subgraphUrls: { certification: string; training: string; ethics: string };
    subgraphSecret: string;
    logDir: string;
    databaseUrl: string;
    pgAdminUrl: string;
  }
}
