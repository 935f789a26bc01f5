// Indexes for the lists the UI pages through at program scale (test/e2e/explain.test.ts checks
// their plans on generated data):
// - training sessions: keyset on (first_day, id), for all sessions and for one course's; the
//   upcoming ones (last day on or after a day) found without reading the past ones;
// - courses: keyset on (title, id), also within a status;
// - course submissions (the review queue): keyset on (created_at, id), also within a status.
import type { MigrationInterface, QueryRunner } from 'typeorm';

const INDEXES: [name: string, definition: string][] = [
  ['training_session_order_idx', 'training_session (first_day, id)'],
  ['training_session_course_idx', 'training_session (course_id, first_day, id)'],
  ['training_session_last_day_idx', 'training_session (last_day)'],
  ['course_title_idx', 'course (title, id)'],
  ['course_status_title_idx', 'course (status, title, id)'],
  ['course_submission_order_idx', 'course_submission (created_at, id)'],
  ['course_submission_status_idx', 'course_submission (status, created_at, id)'],
];

export class PerformanceIndexes1763900010000 implements MigrationInterface {
  name = 'PerformanceIndexes1763900010000';

  async up(q: QueryRunner): Promise<void> {
    for (const [name, definition] of INDEXES) await q.query(`create index ${name} on ${definition}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name] of [...INDEXES].reverse()) await q.query(`drop index ${name}`);
  }
}
