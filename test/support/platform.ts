// A whole platform for end-to-end tests: the three subgraphs and the gateway as processes on free
// ports over a database of its own, with the demo data seeded. The shared one (platform-setup.ts)
// and suites that need their own (a test clock, a service to stop) start it the same way.
import { randomBytes } from 'node:crypto';
import { freePort } from '@cpss/devdb';
import { repoRoot, startPlatform, type RunningPlatform } from '@cpss/launcher';

export async function startTestPlatform(options: { databaseUrl: string; logDir: string; extraEnv?: Record<string, string | undefined> }): Promise<RunningPlatform> {
  return startPlatform({
    repoRoot: repoRoot(),
    databaseUrl: options.databaseUrl,
    host: '127.0.0.1',
    ports: { gateway: await freePort(), certification: await freePort(), training: await freePort(), ethics: await freePort() },
    secret: randomBytes(32).toString('hex'),
    seedDemo: true,
    logLevel: 'info',
    logDir: options.logDir,
    extraEnv: options.extraEnv,
  }).catch((err: Error) => {
    throw new Error(`${err.message} (service logs in ${options.logDir})`);
  });
}
