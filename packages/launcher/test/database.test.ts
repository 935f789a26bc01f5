// npm start against a DATABASE_URL where nothing listens: one clear line and exit 1, no stack trace.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '@cpss/devdb';

describe('npm start with an unreachable DATABASE_URL', () => {
  it('exits 1 with one line saying what failed and how to fix it', async () => {
    const port = await freePort();
    const run = spawnSync(process.execPath, [join(__dirname, '..', 'dist', 'cli.js')], {
      env: { PATH: process.env['PATH'], DATABASE_URL: `postgres://cpss:secret@127.0.0.1:${port}/cpss` },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Cannot reach PostgreSQL at 127.0.0.1:${port}/cpss (connection refused)`);
    expect(lines[0]).toContain('unset DATABASE_URL to use the embedded database');
    expect(run.stderr).not.toContain('secret');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).not.toContain('is running');
  });

  it('says which setting is wrong when one is malformed', () => {
    const run = spawnSync(process.execPath, [join(__dirname, '..', 'dist', 'cli.js')], {
      env: { PATH: process.env['PATH'], GATEWAY_PORT: 'eighty' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('GATEWAY_PORT');
  });
});
