// Outbox delivery: when the next attempt is due (exponential backoff), what the last one said,
// and when and how the command landed. Pending rows due soonest are read by the delivery job.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxDelivery1763900006000 implements MigrationInterface {
  name = 'OutboxDelivery1763900006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table outbound_command
        add column next_attempt_at timestamptz not null default now(),
        add column last_attempt_at timestamptz,
        add column last_error text,
        add column delivered_at timestamptz,
        add column outcome text`);
    await q.query(`drop index outbound_command_pending_idx`);
    await q.query(`create index outbound_command_due_idx on outbound_command (next_attempt_at) where status = 'pending'`);
    await q.query(`create index outbound_command_order_idx on outbound_command (target_domain, (payload->>'personId'), created_at) where status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index outbound_command_order_idx`);
    await q.query(`drop index outbound_command_due_idx`);
    await q.query(`create index outbound_command_pending_idx on outbound_command (created_at) where status = 'pending'`);
    await q.query(`alter table outbound_command drop column next_attempt_at, drop column last_attempt_at, drop column last_error, drop column delivered_at, drop column outcome`);
  }
}
