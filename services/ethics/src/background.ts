// The ethics subgraph's background work on its own pg-boss queue: delivering the outbox. A run
// sends what is due and, while commands are pending, queues the next run for when the earliest is
// due. Runs are started by a decision's commit (NOTIFY, sent in the deciding transaction), at start,
// and every minute as a safety net, so a command waits for no one to land. The LISTEN connection
// comes back by itself when PostgreSQL restarts or the connection drops (with backoff), and a run
// follows each return, for what was notified while no one listened.
import { startJobQueue, type GatewayClient, type Logger } from '@cpss/server-kit';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { OUTBOX_CHANNEL, OutboxDelivery, type OutboxSettings } from './services/outbox-delivery';

export const OUTBOX_QUEUE = 'ethics-outbox-delivery';
/** The safety net: a run every minute. */
export const OUTBOX_SWEEP_CRON = '* * * * *';

export interface ListenerOptions {
  databaseUrl: string;
  channel: string;
  logger: Logger;
  onNotification: () => void;
  /** After each LISTEN that follows a lost connection (notifications were missed meanwhile). */
  onRelisten: () => Promise<void>;
  /** First wait before reconnecting; each failed attempt doubles it, up to `maxDelayMs`. */
  minDelayMs?: number;
  maxDelayMs?: number;
}

/** What may be logged of a connection error: its code and message, never the connection string. */
function reasonOf(err: unknown): { code?: string; reason: string } {
  if (!(err instanceof Error)) return { reason: 'the connection ended' };
  const code = (err as { code?: unknown }).code;
  return { ...(typeof code === 'string' ? { code } : {}), reason: err.message };
}

/**
 * A LISTEN connection that reconnects by itself. Resolves once the first LISTEN is in place (a
 * failure there is the caller's, as at start); later losses are logged at warn and retried with
 * backoff until `stop()`.
 */
export async function listenWithReconnect(options: ListenerOptions): Promise<{ stop(): Promise<void> }> {
  const minDelay = options.minDelayMs ?? 250;
  const maxDelay = options.maxDelayMs ?? 30_000;
  const log = options.logger;
  let stopped = false;
  let current: pg.Client | null = null;
  let timer: NodeJS.Timeout | null = null;
  let failures = 0;

  /** Connects and LISTENs; on a later loss, schedules the next attempt. */
  async function open(): Promise<void> {
    const client = new pg.Client({ connectionString: options.databaseUrl });
    // Only the connection in use is mourned (not one that failed to open, nor one stopped on purpose).
    const onLost = (err?: unknown) => {
      if (current !== client) return;
      current = null;
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      if (stopped) return;
      log.warn({ ...reasonOf(err), channel: options.channel }, 'outbox listener lost its connection; reconnecting (the minute schedule still delivers meanwhile)');
      retryLater();
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', () => options.onNotification());
    try {
      await client.connect();
      await client.query(`listen ${options.channel}`);
    } catch (err) {
      // Not yet listening: the caller decides what a failed attempt means.
      client.removeAllListeners('notification');
      await client.end().catch(() => undefined);
      throw err;
    }
    if (stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    current = client;
  }

  function retryLater(): void {
    if (stopped || timer) return;
    const delay = Math.min(maxDelay, minDelay * 2 ** failures);
    timer = setTimeout(() => {
      timer = null;
      void reconnect();
    }, delay);
    timer.unref();
  }

  async function reconnect(): Promise<void> {
    if (stopped) return;
    try {
      await open();
    } catch (err) {
      failures += 1;
      log.warn({ ...reasonOf(err), attempt: failures, channel: options.channel }, 'outbox listener could not reconnect yet; trying again');
      retryLater();
      return;
    }
    if (stopped) return;
    const attempts = failures + 1;
    failures = 0;
    await options.onRelisten().catch((err: unknown) => log.warn(reasonOf(err), 'could not queue outbox delivery after reconnecting'));
    log.info({ attempts, channel: options.channel }, 'outbox listener is listening again');
  }

  await open();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const client = current;
      current = null;
      await client?.end().catch(() => undefined);
    },
  };
}

export async function startEthicsBackground(
  deps: { dataSource: DataSource; logger: Logger; databaseUrl: string; gateway?: GatewayClient; sweepCron?: string },
  settings: OutboxSettings,
): Promise<() => Promise<void>> {
  if (!deps.gateway) {
    deps.logger.warn('GATEWAY_URL is not set: cross-domain commands wait in the outbox until it is');
    return async () => undefined;
  }
  const delivery = new OutboxDelivery(deps.dataSource, deps.gateway, settings, deps.logger);
  const boss = await startJobQueue({ url: deps.databaseUrl, schema: 'ethics_jobs', logger: deps.logger });
  await boss.createQueue(OUTBOX_QUEUE);
  await boss.schedule(OUTBOX_QUEUE, deps.sweepCron ?? OUTBOX_SWEEP_CRON, {});
  await boss.work(OUTBOX_QUEUE, { pollingIntervalSeconds: 1 }, async () => {
    const run = await delivery.deliverDue();
    if (run.nextDueAt) {
      await boss.send(OUTBOX_QUEUE, {}, { startAfter: run.nextDueAt, singletonKey: `retry-${run.nextDueAt.getTime()}` });
    }
  });
  const queueRun = async () => {
    await boss.send(OUTBOX_QUEUE, {});
  };
  const kick = () => void queueRun().catch((err: unknown) => deps.logger.warn(reasonOf(err), 'could not queue outbox delivery'));

  // A decision's transaction notifies on commit; the minute schedule covers a lost notification.
  const listener = await listenWithReconnect({ databaseUrl: deps.databaseUrl, channel: OUTBOX_CHANNEL, logger: deps.logger, onNotification: kick, onRelisten: queueRun });
  kick();
  return async () => {
    await listener.stop();
    await boss.stop({ graceful: true });
  };
}
