// A session keeps the trainer's standing it was scheduled on: the certification statuses and the
// barring reason the other domains gave, and when they were asked.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionStandingFacts1763900009000 implements MigrationInterface {
  name = 'SessionStandingFacts1763900009000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table training_session add column standing_facts jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table training_session drop column standing_facts`);
  }
}
