// The outbox: commands to other domains recorded in the deciding transaction, to be delivered
// (retried until they land) by a later job; the idempotency key makes re-recording harmless.
import type { EthicsCommandType } from '@cpss/domain';
import type { EntityManager } from 'typeorm';
import { OutboundCommand } from '../entities/outbound-command';

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
}
