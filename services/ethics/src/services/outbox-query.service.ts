// The outbox as admins see it: commands waiting or delivered, the stuck ones (failed at least
// `stuckAfterAttempts` times and still retried), and "try again now" for one of them.
import { conflict, decodeCursor, notFound, toConnection, type ConnectionShape } from '@cpss/server-kit';
import type { DataSource } from 'typeorm';
import { OutboundCommand } from '../entities/outbound-command';
import { OUTBOX_CHANNEL, type OutboxSettings } from './outbox-delivery';

export class OutboxQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: OutboxSettings,
  ) {}

  isStuck(command: OutboundCommand): boolean {
    return command.status === 'pending' && command.attempts >= this.settings.stuckAfterAttempts;
  }

  /** Oldest first, keyed at millisecond precision (the precision the cursor carries). */
  async list(filter: { status: string | null; stuck: boolean | null }, first: number, after?: string | null): Promise<ConnectionShape<OutboundCommand>> {
    const qb = this.dataSource.getRepository(OutboundCommand).createQueryBuilder('o');
    if (filter.status) qb.andWhere('o.status = :status', { status: filter.status });
    if (filter.stuck === true) qb.andWhere(`o.status = 'pending' and o.attempts >= :stuckAfter`, { stuckAfter: this.settings.stuckAfterAttempts });
    if (filter.stuck === false) qb.andWhere(`not (o.status = 'pending' and o.attempts >= :stuckAfter)`, { stuckAfter: this.settings.stuckAfterAttempts });
    const counting = qb.clone();
    const total = () => counting.getCount(); // counted only when asked for
    if (after) {
      const [createdAt, id] = decodeCursor(after, 2) as [string, string];
      qb.andWhere(`(date_trunc('milliseconds', o.created_at), o.id) > (:createdAt, :id)`, { createdAt, id });
    }
    const rows = await qb.orderBy(`date_trunc('milliseconds', o.created_at)`, 'ASC').addOrderBy('o.id', 'ASC').take(first + 1).getMany();
    return toConnection(rows, first, total, (o) => [o.createdAt.toISOString(), o.id]);
  }

  /** Makes a pending command due now and wakes the delivery job. */
  async retryNow(id: string): Promise<OutboundCommand> {
    return this.dataSource.transaction(async (tx) => {
      const repo = tx.getRepository(OutboundCommand);
      const command = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!command) throw notFound('Outbound command', id);
      if (command.status !== 'pending') throw conflict('This command was already delivered');
      command.nextAttemptAt = new Date();
      await repo.update({ id }, { nextAttemptAt: command.nextAttemptAt });
      await tx.query(`select pg_notify($1, '')`, [OUTBOX_CHANNEL]);
      return command;
    });
  }
}
