// Throwaway databases for tests: one per test file, created on a shared server and dropped after.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { Client } from 'pg';
import { startEmbeddedPostgres, type RunningDatabase } from './embedded';

export interface ThrowawayDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The server tests create their databases on: the one at `databaseUrl` when given (CI with its own
 * PostgreSQL), else a fresh embedded cluster in a temporary folder, deleted when stopped.
 */
export async function startTestServer(databaseUrl?: string): Promise<{ adminUrl: string; stop(): Promise<void> }> {
  if (databaseUrl) return { adminUrl: databaseUrl, stop: async () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'cpss-test-pg-'));
  const running: RunningDatabase = await startEmbeddedPostgres({
    dataDir: join(dir, 'data'),
    port: await freePort(),
    persistent: false,
    fast: true,
  });
  return { adminUrl: running.adminUrl, stop: () => running.stop() };
}

export async function createThrowawayDatabase(adminUrl: string, prefix = 't'): Promise<ThrowawayDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(adminUrl, name),
    name,
    async drop() {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
