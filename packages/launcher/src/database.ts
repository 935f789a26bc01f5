// Which PostgreSQL the platform uses: DATABASE_URL when set (checked up front, with one clear line
// when it cannot be reached), else the embedded one with its data under .data/.
import { join } from 'node:path';
import { Client } from 'pg';
import { claimDataDir, startEmbeddedPostgres } from '@cpss/devdb';

export class DatabaseUnavailableError extends Error {}

export interface PlatformDatabase {
  url: string;
  description: string;
  notice?: string;
  stop(): Promise<void>;
}

function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  '28P01': 'password authentication failed',
  '3D000': 'database does not exist',
  '28000': 'access refused by pg_hba.conf',
};

export async function checkDatabase(url: string): Promise<void> {
  let client: Client;
  try {
    client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  } catch {
    throw new DatabaseUnavailableError('DATABASE_URL is not a valid postgres:// url. Fix it, or unset it to use the embedded database.');
  }
  try {
    await client.connect();
    await client.query('select 1');
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { code?: string };
    const reason = (e.code && REASONS[e.code]) || e.message.split('\n')[0];
    throw new DatabaseUnavailableError(
      `Cannot reach PostgreSQL at ${describeUrl(url)} (${reason}). Start that server or fix DATABASE_URL, or unset DATABASE_URL to use the embedded database.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function openDatabase(options: { databaseUrl?: string; repoRoot: string; devdbPort: number }): Promise<PlatformDatabase> {
  if (options.databaseUrl) {
    await checkDatabase(options.databaseUrl);
    return { url: options.databaseUrl, description: `PostgreSQL at ${describeUrl(options.databaseUrl)}`, stop: async () => undefined };
  }
  const wanted = join(options.repoRoot, '.data', 'postgres');
  const owner = claimDataDir(wanted);
  if ('ownerPid' in owner) {
    throw new DatabaseUnavailableError(`The platform is already running (pid ${owner.ownerPid}) on this data folder. Stop it first (Ctrl-C in its terminal).`);
  }
  let running;
  try {
    running = await startEmbeddedPostgres({ dataDir: wanted, port: options.devdbPort, persistent: true, database: 'cpss' });
  } catch (err) {
    owner.release();
    throw new DatabaseUnavailableError(`Could not start the embedded PostgreSQL: ${(err as Error).message}`);
  }
  return {
    url: running.url,
    description: `embedded PostgreSQL on port ${options.devdbPort} (data in ${running.dataDir})`,
    notice: running.notice,
    stop: async () => {
      await running.stop();
      owner.release();
    },
  };
}
