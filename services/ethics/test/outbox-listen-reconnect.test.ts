// The outbox's LISTEN connection comes back by itself after PostgreSQL restarts: a decision's NOTIFY
// after the restart starts a delivery run at once, not at the next sweep. The minute sweep is set to
// once a year here, and nothing else is pending, so only the NOTIFY can explain the delivery. The
// restart cuts every connection to the cluster, so this file runs on an embedded cluster of its own.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PEOPLE } from '@cpss/domain';
import { freePort, startEmbeddedPostgres, type RunningDatabase } from '@cpss/devdb';
import { initializeAndMigrate, type GatewayClient } from '@cpss/server-kit';
import { capturingLogger } from '@cpss/testkit';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_QUEUE, startEthicsBackground } from '../src/background';
import { createEthicsDataSource } from '../src/data-source';
import { OutboundCommand } from '../src/entities/outbound-command';
import { enqueueCommand } from '../src/services/outbox';
import { DEFAULT_OUTBOX_SETTINGS } from '../src/services/outbox-delivery';

let cluster: RunningDatabase;
let ds: DataSource;
/** The cluster as its owner (the job queue's tables, and every backend's activity). */
let owner: pg.Pool;
let stopBackground: (() => Promise<void>) | undefined;
const { logger, lines } = capturingLogger('ethics');
const delivered: string[] = [];

/** Certification and training answer every command. */
const gateway: GatewayClient = {
  async request<T>(domain: string, _query: string, variables: Record<string, unknown> = {}) {
    const input = variables['input'] as { idempotencyKey: string; type: string };
    delivered.push(input.idempotencyKey);
    const field = domain === 'certification' ? 'applyCertificationCommand' : 'applyTrainingCommand';
    return { [field]: { idempotencyKey: input.idempotencyKey, appliedNow: true, outcome: `${input.type} applied` } } as T;
  },
};

/** Polls `check` (a query may meet a connection the restart cut: that is asked again) until it holds. */
async function until(what: string, check: () => Promise<boolean> | boolean, limitMs = 30_000): Promise<void> {
  const end = Date.now() + limitMs;
  let last = '';
  for (;;) {
    try {
      if (await check()) return;
    } catch (err) {
      // the pool's connection was cut by the restart; the next one is fresh
      last = ` (last: ${(err as Error).message})`;
    }
    if (Date.now() > end) throw new Error(`gave up waiting: ${what}${last}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const jobs = async (states?: string[]) =>
  Number(
    (await owner.query<{ n: number }>(`select count(*)::int as n from ethics_jobs.job where name = $1 and ($2::text[] is null or state::text = any($2))`, [OUTBOX_QUEUE, states ?? null])).rows[0]!.n,
  );
const logged = (text: string) => lines().filter((l) => l.includes(text));

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cpss-ethics-listen-'));
  cluster = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port: await freePort(), persistent: false, fast: true, database: 'ethics_listen' });
  ds = await initializeAndMigrate(createEthicsDataSource(cluster.url));
  owner = new pg.Pool({ connectionString: cluster.url, max: 2 });
  owner.on('error', () => undefined); // an idle connection cut by the restart is dropped by the pool
  // The sweep once a year: within this test only a NOTIFY (or a start or a reconnection) starts a run.
  stopBackground = await startEthicsBackground({ dataSource: ds, logger, databaseUrl: cluster.url, gateway, sweepCron: '0 0 1 1 *' }, DEFAULT_OUTBOX_SETTINGS);
}, 120_000);

afterAll(async () => {
  await stopBackground?.();
  await ds?.destroy();
  await owner?.end();
  await cluster?.stop();
});

describe('the outbox listener across a PostgreSQL restart', () => {
  it('reconnects with LISTEN by itself, and a NOTIFY after the restart starts a delivery run', async () => {
    // The run queued at start is done.
    await until('the start run done', async () => (await jobs()) >= 1 && (await jobs(['created', 'retry', 'active'])) === 0);

    await cluster.restart();
    await until('the loss logged', () => logged('outbox listener lost its connection').length > 0);
    await until('the listener back', () => logged('outbox listener is listening again').length > 0);
    // LISTEN is in place on the restarted server (every backend from before the restart is gone).
    const listening = await owner.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where query ilike 'listen ethics_outbox'`);
    expect(listening.rows[0]!.n).toBe(1);
    // The run queued on reconnecting (for what was notified meanwhile) is done too: nothing is queued.
    await until('the reconnection run done', async () => (await jobs(['created', 'retry', 'active'])) === 0);
    const runsBefore = await jobs();

    const personId = DEMO_PEOPLE[3]!.id;
    await ds.transaction((tx) => enqueueCommand(tx, { type: 'REMOVE_TRAINER', targetDomain: 'training', payload: { personId, complaintId: 'listen-1' }, idempotencyKey: 'listen-1' }));
    await until('the command delivered', async () => (await ds.getRepository(OutboundCommand).findOneByOrFail({ idempotencyKey: 'listen-1' })).status === 'delivered');

    expect(await ds.getRepository(OutboundCommand).findOneByOrFail({ idempotencyKey: 'listen-1' })).toMatchObject({ status: 'delivered', attempts: 1, lastError: null });
    expect(delivered).toEqual(['listen-1']);
    // A run queued after the command was written: the NOTIFY's.
    expect(await jobs()).toBeGreaterThan(runsBefore);
    // The warnings say why, never how the database is reached.
    const warnings = logged('outbox listener');
    expect(warnings.length).toBeGreaterThan(0);
    expect(lines().filter((l) => l.includes('cpss-dev') || l.includes(cluster.url))).toEqual([]);
  }, 120_000);
});
