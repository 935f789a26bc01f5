// Commands from other domains are received once (inbound_command), and a trainer registration can
// be REMOVED: ethics removes a person as a trainer by a final sanction (REMOVE_TRAINER).
import { INBOUND_COMMAND_SQL } from '@cpss/server-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TrainerRemoval1763900008000 implements MigrationInterface {
  name = 'TrainerRemoval1763900008000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(INBOUND_COMMAND_SQL);
    await q.query(`
      alter table course_trainer
        add column status text not null default 'ACTIVE' check (status in ('ACTIVE','REMOVED')),
        add column removed_on date,
        add column removal_reason text,
        add column removal_sanction_id uuid,
        add constraint course_trainer_removed_check check ((status = 'REMOVED') = (removed_on is not null))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table course_trainer drop constraint course_trainer_removed_check, drop column removal_sanction_id, drop column removal_reason, drop column removed_on, drop column status`);
    await q.query(`drop table inbound_command`);
  }
}
