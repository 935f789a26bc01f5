// Scheduled and background work on a PostgreSQL-backed queue (pg-boss): safe with several
// instances, retried, visible. Each subgraph keeps its queue in a schema of its own. Every job's
// writes are in the audit trail as actor `system`, operation `job:<queue>`.
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { runInAuditScope } from './audit';

export { PgBoss };

export async function startJobQueue(options: { url: string; schema: string; logger: Logger }): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: options.url, schema: options.schema, max: 3 });
  boss.on('error', (err) => options.logger.error({ err }, 'job queue error'));
  const work = boss.work.bind(boss) as (name: string, ...rest: unknown[]) => Promise<string>;
  boss.work = ((name: string, ...rest: unknown[]) => {
    const handler = rest.pop() as (jobs: unknown) => Promise<unknown>;
    return work(name, ...rest, (jobs: unknown) => runInAuditScope({ actor: 'system', operation: `job:${name}` }, () => handler(jobs)));
  }) as typeof boss.work;
  await boss.start();
  return boss;
}
