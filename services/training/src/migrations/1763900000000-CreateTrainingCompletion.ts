import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTrainingCompletion1763900000000 implements MigrationInterface {
  name = 'CreateTrainingCompletion1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table training_completion (
        id uuid primary key default gen_random_uuid(),
        person_id uuid not null,
        course_title text not null,
        kind text not null check (kind in ('CORE_PSS','ETHICS_AND_BOUNDARIES','ELECTIVE','DESIGNATION','TRAINING_OF_TRAINERS','SUPERVISOR')),
        hours numeric(5,2) not null check (hours > 0),
        completed_on date not null,
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index training_completion_person_idx on training_completion (person_id, completed_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table training_completion`);
  }
}
