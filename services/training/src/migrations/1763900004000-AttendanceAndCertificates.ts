// Attendance per day (and pre-work), completion certificates with a public verification code, and
// the facts certification needs on each completion: where it came from, the child/family flag, the
// evidence of an external completion.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AttendanceAndCertificates1763900004000 implements MigrationInterface {
  name = 'AttendanceAndCertificates1763900004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table attendance (
        id uuid primary key default gen_random_uuid(),
        enrollment_id uuid not null references enrollment(id),
        date date,
        hours numeric(5,2) not null check (hours >= 0),
        recorded_by text not null,
        recorded_at timestamptz not null default now()
      )`);
    // One row per participant per session day; date null is the course's pre-work.
    await q.query(`create unique index attendance_day_idx on attendance (enrollment_id, coalesce(date, '0001-01-01'::date))`);
    await q.query(`
      create table completion_certificate (
        id uuid primary key default gen_random_uuid(),
        enrollment_id uuid not null unique references enrollment(id),
        person_id uuid not null,
        course_id uuid not null references course(id),
        course_title text not null,
        course_kind text not null,
        hours numeric(5,2) not null check (hours > 0),
        completed_on date not null,
        verification_code text not null unique,
        trainer_person_id uuid not null,
        issued_at timestamptz not null default now()
      )`);
    await q.query(`create index completion_certificate_person_idx on completion_certificate (person_id)`);
    await q.query(`alter table training_completion
      add column source text not null default 'LEGACY' check (source in ('SESSION','EXTERNAL','LEGACY')),
      add column child_and_family boolean not null default false,
      add column course_id uuid references course(id),
      add column certificate_id uuid references completion_certificate(id),
      add column provider text,
      add column evidence_document_id uuid references document(id),
      add column entered_by text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table training_completion drop column source, drop column child_and_family, drop column course_id, drop column certificate_id, drop column provider, drop column evidence_document_id, drop column entered_by`);
    await q.query(`drop table completion_certificate`);
    await q.query(`drop table attendance`);
  }
}
