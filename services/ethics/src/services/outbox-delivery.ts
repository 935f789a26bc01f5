// Delivers the outbox: each pending command due for an attempt is sent through the gateway, as the
// ethics service, to the mutation of the domain that owns the state it changes. The receiver applies
// an idempotency key once, so a command whose answer was lost is simply sent again. A failed attempt
// waits longer each time (exponential backoff up to a ceiling) and keeps being retried until it
// lands: a command is never dropped. After `stuckAfterAttempts` failures it shows as stuck to admins,
// who can ask for an attempt now. Commands about the same person to the same domain land in the
// order they were decided (a hold is never overtaken by its release).
import { serviceUnavailable, type GatewayClient } from '@cpss/server-kit';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { OutboundCommand } from '../entities/outbound-command';

export interface OutboxSettings {
  retryBaseSeconds: number;
  retryMaxSeconds: number;
  stuckAfterAttempts: number;
  /** Commands sent per run of the delivery job. */
  batchSize: number;
}

export const DEFAULT_OUTBOX_SETTINGS: OutboxSettings = { retryBaseSeconds: 2, retryMaxSeconds: 300, stuckAfterAttempts: 5, batchSize: 20 };

/** The NOTIFY channel a decision signals on commit; the delivery job listens to it. */
export const OUTBOX_CHANNEL = 'ethics_outbox';

const MUTATIONS: Record<string, string> = {
  certification: 'applyCertificationCommand',
  training: 'applyTrainingCommand',
};

/** Seconds before attempt number `attempts + 1`: base × 2^(attempts − 1), at most the ceiling. */
export function retryDelaySeconds(attempts: number, settings: Pick<OutboxSettings, 'retryBaseSeconds' | 'retryMaxSeconds'>): number {
  return Math.min(settings.retryMaxSeconds, settings.retryBaseSeconds * 2 ** Math.max(0, attempts - 1));
}

export interface DeliveryRun {
  delivered: number;
  failed: number;
  /** When the earliest pending command is next due (null when none is pending). */
  nextDueAt: Date | null;
}

export class OutboxDelivery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly gateway: GatewayClient,
    private readonly settings: OutboxSettings,
    private readonly logger: Logger,
  ) {}

  /** Sends every command due now, oldest first; rows are locked so concurrent runs never send one twice at once. */
  async deliverDue(): Promise<DeliveryRun> {
    const run = await this.dataSource.transaction(async (tx) => {
      const due = await tx
        .getRepository(OutboundCommand)
        .createQueryBuilder('o')
        .where(`o.status = 'pending' and o.next_attempt_at <= now()`)
        // An older pending command to the same domain about the same person goes first.
        .andWhere(
          `not exists (select 1 from outbound_command e where e.status = 'pending' and e.target_domain = o.target_domain
             and coalesce(e.payload->>'personId', '') = coalesce(o.payload->>'personId', '') and (e.created_at, e.id) < (o.created_at, o.id))`,
        )
        .orderBy('o.created_at', 'ASC')
        .addOrderBy('o.id', 'ASC')
        .take(this.settings.batchSize)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      let delivered = 0;
      let failed = 0;
      const unreachable = new Set<string>();
      for (const command of due) {
        if (unreachable.has(command.targetDomain)) continue;
        const attempts = command.attempts + 1;
        try {
          const outcome = await this.send(command);
          await tx.getRepository(OutboundCommand).update({ id: command.id }, { status: 'delivered', attempts, lastAttemptAt: new Date(), deliveredAt: new Date(), lastError: null, outcome });
          delivered += 1;
          this.logger.info({ commandId: command.id, type: command.type, target: command.targetDomain, attempts }, 'cross-domain command delivered');
        } catch (err) {
          const message = (err as Error).message.slice(0, 500);
          const next = new Date(Date.now() + retryDelaySeconds(attempts, this.settings) * 1000);
          await tx.getRepository(OutboundCommand).update({ id: command.id }, { attempts, lastAttemptAt: new Date(), lastError: message, nextAttemptAt: next });
          failed += 1;
          // The domain is not answering: the rest of its commands wait for the next run.
          if ((err as { extensions?: { code?: string } }).extensions?.code === 'SERVICE_UNAVAILABLE') unreachable.add(command.targetDomain);
          this.logger.warn({ commandId: command.id, type: command.type, target: command.targetDomain, attempts, nextAttemptAt: next, reason: message }, 'cross-domain command not delivered; will retry');
        }
      }
      return { delivered, failed };
    });
    const [next] = (await this.dataSource.query(`select min(next_attempt_at) as at from outbound_command where status = 'pending'`)) as { at: Date | null }[];
    return { ...run, nextDueAt: next?.at ? new Date(next.at) : null };
  }

  private async send(command: OutboundCommand): Promise<string> {
    const mutation = MUTATIONS[command.targetDomain];
    if (!mutation) throw serviceUnavailable(command.targetDomain);
    const data = await this.gateway.request<Record<string, { outcome: string }>>(
      command.targetDomain,
      `mutation Deliver($input: CrossDomainCommandInput!) { ${mutation}(input: $input) { idempotencyKey appliedNow outcome } }`,
      { input: { idempotencyKey: command.idempotencyKey, type: command.type, sourceDomain: 'ethics', payload: command.payload } },
    );
    return data[mutation]!.outcome;
  }
}
