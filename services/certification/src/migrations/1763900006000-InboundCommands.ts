// Commands from other domains (ethics: hold/release an application, suspend/revoke a certification)
// are recorded by idempotency key in the same transaction as their effect, so a redelivery acts once.
// A suspension decided for a period ends by itself: the event keeps its last day.
import { INBOUND_COMMAND_SQL } from '@cpss/server-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InboundCommands1763900006000 implements MigrationInterface {
  name = 'InboundCommands1763900006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(INBOUND_COMMAND_SQL);
    await q.query(`alter table certification_event add column effective_until date`);
    await q.query(`alter table certification_event add constraint certification_event_until_check
      check (effective_until is null or (kind = 'SUSPENDED' and effective_until >= effective_on))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table certification_event drop column effective_until`);
    await q.query(`drop table inbound_command`);
  }
}
