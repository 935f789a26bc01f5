// Which database db:backup and db:restore work on: DATABASE_URL when set, else the launcher's
// embedded cluster in .data/ (started for the command when not running, and stopped after it).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { claimDataDir, startEmbeddedPostgres } from '@cpss/devdb';
import { checkDatabase } from '../database';
import { describeDatabase } from './backup';

export interface BackupTarget {
  url: string;
  description: string;
  stop(): Promise<void>;
}

export class TargetError extends Error {}

/** The embedded cluster's credentials (packages/devdb/src/embedded.ts): a local dev database. */
const embeddedUrl = (port: number) => `postgres://postgres:cpss-dev@127.0.0.1:${port}/cpss`;

export async function openTarget(purpose: 'backup' | 'restore', options: { databaseUrl?: string; repoRoot: string; devdbPort: number }): Promise<BackupTarget> {
  if (options.databaseUrl) {
    await checkDatabase(options.databaseUrl);
    return { url: options.databaseUrl, description: describeDatabase(options.databaseUrl), stop: async () => undefined };
  }
  const dataDir = join(options.repoRoot, '.data', 'postgres');
  if (purpose === 'backup' && !existsSync(dataDir)) {
    throw new TargetError(`there is no embedded database yet (${dataDir}): nothing to back up. Start the platform once (npm start), or set DATABASE_URL`);
  }
  const owner = claimDataDir(dataDir);
  if ('ownerPid' in owner) {
    if (purpose === 'restore') {
      throw new TargetError(`the platform is running (pid ${owner.ownerPid}) on the embedded database: stop it first (Ctrl-C in its terminal), then restore`);
    }
    // A backup reads the running platform's database in one snapshot: no need to stop it.
    const url = embeddedUrl(options.devdbPort);
    return { url, description: `the running platform's embedded PostgreSQL (port ${options.devdbPort})`, stop: async () => undefined };
  }
  let running;
  try {
    running = await startEmbeddedPostgres({ dataDir, port: options.devdbPort, persistent: true, database: 'cpss' });
  } catch (err) {
    owner.release();
    throw new TargetError(`could not start the embedded PostgreSQL: ${(err as Error).message}`);
  }
  return {
    url: running.url,
    description: `the embedded PostgreSQL (data in ${running.dataDir}, started for this command)`,
    stop: async () => {
      await running.stop();
      owner.release();
    },
  };
}
