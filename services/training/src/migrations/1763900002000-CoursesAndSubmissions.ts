// Courses, their submissions (agenda, crosswalk, materials) and the review team's findings.
import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `('CORE_PSS','ETHICS_AND_BOUNDARIES','ELECTIVE','DESIGNATION','TRAINING_OF_TRAINERS','SUPERVISOR')`;
const MATERIALS = `('INSTRUCTOR_MANUAL','PARTICIPANT_MANUAL','DAILY_AGENDA','TOT_MANUAL','OTHER')`;

export class CoursesAndSubmissions1763900002000 implements MigrationInterface {
  name = 'CoursesAndSubmissions1763900002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table course (
        id uuid primary key default gen_random_uuid(),
        owner_id text not null,
        title text not null,
        kind text not null check (kind in ${KINDS}),
        face_to_face_hours numeric(5,2) not null check (face_to_face_hours > 0),
        pre_work_hours numeric(5,2) not null default 0 check (pre_work_hours >= 0),
        child_and_family boolean not null default false,
        status text not null default 'DRAFT' check (status in ('DRAFT','IN_REVIEW','APPROVED','DENIED','EXPIRED')),
        approved_on date,
        expires_on date,
        version integer not null default 1,
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index course_owner_idx on course (owner_id, created_at)`);
    await q.query(`
      create table course_submission (
        id uuid primary key default gen_random_uuid(),
        course_id uuid not null references course(id),
        owner_id text not null,
        status text not null check (status in ('DRAFT','RECEIVED','TEAM_REVIEW','TECHNICAL_ASSISTANCE','APPROVED','DENIED')),
        attempt integer not null default 1 check (attempt >= 1),
        standards_version_id uuid not null references standards_version(id),
        policy_version_id uuid references policy_version(id),
        submitted_on date,
        fee_usd numeric(8,2),
        decided_on date,
        version integer not null default 1,
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index course_submission_owner_idx on course_submission (owner_id, created_at)`);
    await q.query(`create index course_submission_course_idx on course_submission (course_id)`);
    // At most one submission of a course is open at a time.
    await q.query(`create unique index course_submission_open_idx on course_submission (course_id) where status not in ('APPROVED','DENIED')`);
    await q.query(`
      create table course_agenda_entry (
        id uuid primary key default gen_random_uuid(),
        submission_id uuid not null references course_submission(id) on delete cascade,
        day integer not null check (day >= 0),
        position integer not null,
        title text not null,
        hours numeric(5,2) not null check (hours > 0)
      )`);
    await q.query(`create index course_agenda_submission_idx on course_agenda_entry (submission_id, day, position)`);
    await q.query(`
      create table crosswalk_entry (
        id uuid primary key default gen_random_uuid(),
        submission_id uuid not null references course_submission(id) on delete cascade,
        concept_id uuid not null references core_concept(id),
        material text not null check (material in ${MATERIALS}),
        location text not null,
        agenda_block text not null,
        unique (submission_id, concept_id)
      )`);
    await q.query(`
      create table course_material (
        id uuid primary key default gen_random_uuid(),
        submission_id uuid not null references course_submission(id),
        kind text not null check (kind in ${MATERIALS}),
        document_id uuid not null references document(id),
        file_name text not null,
        format text not null,
        size_bytes integer not null,
        attempt integer not null,
        uploaded_at timestamptz not null default now()
      )`);
    await q.query(`create index course_material_submission_idx on course_material (submission_id)`);
    await q.query(`
      create table concept_review (
        id uuid primary key default gen_random_uuid(),
        submission_id uuid not null references course_submission(id),
        attempt integer not null,
        concept_id uuid not null references core_concept(id),
        met boolean not null,
        comment text not null,
        reviewer text not null,
        reviewed_at timestamptz not null default now(),
        unique (submission_id, attempt, concept_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['concept_review', 'course_material', 'crosswalk_entry', 'course_agenda_entry', 'course_submission', 'course']) await q.query(`drop table ${t}`);
  }
}
