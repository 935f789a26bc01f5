// Scheduled and background work on a PostgreSQL-backed queue (pg-boss): safe with several
// instances, retried, visible. Each subgraph keeps its queue in a schema of its own.
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';

export { PgBoss };

export async function startJobQueue(options: { url: string; schema: string; logger: Logger }): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: options.url, schema: options.schema, max: 3 });
  boss.on('error', (err) => options.logger.error({ err }, 'job queue error'));
  await boss.start();
  return boss;
}
