// The outbox: commands to other domains recorded in the deciding transaction and delivered by the
// outbox job (outbox-delivery.ts); the idempotency key makes re-recording harmless. The NOTIFY is
// transactional too: the job hears of the command when, and only if, the decision commits.
import type { EthicsCommandType } from '@cpss/domain';
import type { EntityManager } from 'typeorm';
import { OutboundCommand } from '../entities/outbound-command';
import { OUTBOX_CHANNEL } from './outbox-delivery';

export async function enqueueCommand(
  tx: EntityManager,
  command: { type: EthicsCommandType; targetDomain: 'certification' | 'training'; payload: Record<string, unknown>; idempotencyKey: string; deliverBy?: Date | null },
): Promise<void> {
  await tx
    .createQueryBuilder()
    .insert()
    .into(OutboundCommand)
    .values({ type: command.type, targetDomain: command.targetDomain, payload: command.payload as never, idempotencyKey: command.idempotencyKey, status: 'pending', deliverBy: command.deliverBy ?? null })
    .orIgnore()
    .execute();
  await tx.query(`select pg_notify($1, '')`, [OUTBOX_CHANNEL]);
}
