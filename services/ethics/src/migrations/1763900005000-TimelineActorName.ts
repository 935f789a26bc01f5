// Timelines keep the actor's name as signed in, so they read as people rather than account ids.
import { STATUS_CHANGE_ACTOR_NAME_SQL } from '@cpss/server-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TimelineActorName1763900005000 implements MigrationInterface {
  name = 'TimelineActorName1763900005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(STATUS_CHANGE_ACTOR_NAME_SQL);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table status_change drop column actor_name`);
  }
}
