// The ethics subgraph's background work on its own pg-boss queue: delivering the outbox. A run
// sends what is due and, while commands are pending, queues the next run for when the earliest is
// due. Runs are started by a decision's commit (NOTIFY, sent in the deciding transaction), at start,
// and every minute as a safety net, so a command waits for no one to land.
import { startJobQueue, type GatewayClient, type Logger } from '@cpss/server-kit';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { OUTBOX_CHANNEL, OutboxDelivery, type OutboxSettings } from './services/outbox-delivery';

export const OUTBOX_QUEUE = 'ethics-outbox-delivery';

export async function startEthicsBackground(
  deps: { dataSource: DataSource; logger: Logger; databaseUrl: string; gateway?: GatewayClient },
  settings: OutboxSettings,
): Promise<() => Promise<void>> {
  if (!deps.gateway) {
    deps.logger.warn('GATEWAY_URL is not set: cross-domain commands wait in the outbox until it is');
    return async () => undefined;
  }
  const delivery = new OutboxDelivery(deps.dataSource, deps.gateway, settings, deps.logger);
  const boss = await startJobQueue({ url: deps.databaseUrl, schema: 'ethics_jobs', logger: deps.logger });
  await boss.createQueue(OUTBOX_QUEUE);
  await boss.schedule(OUTBOX_QUEUE, '* * * * *', {});
  await boss.work(OUTBOX_QUEUE, { pollingIntervalSeconds: 1 }, async () => {
    const run = await delivery.deliverDue();
    if (run.nextDueAt) {
      await boss.send(OUTBOX_QUEUE, {}, { startAfter: run.nextDueAt, singletonKey: `retry-${run.nextDueAt.getTime()}` });
    }
  });
  const kick = () => void boss.send(OUTBOX_QUEUE, {}).catch((err: Error) => deps.logger.warn({ err }, 'could not queue outbox delivery'));

  // A decision's transaction notifies on commit; the minute schedule covers a lost notification.
  const listener = new pg.Client({ connectionString: deps.databaseUrl });
  listener.on('error', (err) => deps.logger.warn({ err }, 'outbox listener lost its connection; the minute schedule still delivers'));
  listener.on('notification', kick);
  await listener.connect();
  await listener.query(`listen ${OUTBOX_CHANNEL}`);
  kick();
  return async () => {
    await listener.end().catch(() => undefined);
    await boss.stop({ graceful: true });
  };
}
