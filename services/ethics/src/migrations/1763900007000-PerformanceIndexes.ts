// Indexes for the complaint lists and look-ups at program scale (test/e2e/explain.test.ts checks
// their plans on generated data):
// - the complaints list pages by (received_on, id): all cases, and within a status (closed cases,
//   cases awaiting acknowledgment); open cases already have complaint_queue_idx;
// - the open cases past their next step's due day (the overdue view);
// - the people with an open complaint (the work queue) and the open complaints of a page of people
//   (openComplaintCount), from the open cases only;
// - a complaint's sanctions.
import type { MigrationInterface, QueryRunner } from 'typeorm';

const INDEXES: [name: string, definition: string][] = [
  ['complaint_received_idx', 'complaint (received_on, id)'],
  ['complaint_status_received_idx', 'complaint (status, received_on, id)'],
  ['complaint_open_respondent_idx', `complaint (respondent_person_id) where status <> 'CLOSED' and respondent_person_id is not null`],
  ['complaint_open_due_idx', `complaint (next_due_on) where status <> 'CLOSED'`],
  ['sanction_complaint_idx', 'sanction (complaint_id)'],
];

export class PerformanceIndexes1763900007000 implements MigrationInterface {
  name = 'PerformanceIndexes1763900007000';

  async up(q: QueryRunner): Promise<void> {
    for (const [name, definition] of INDEXES) await q.query(`create index ${name} on ${definition}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name] of [...INDEXES].reverse()) await q.query(`drop index ${name}`);
  }
}
