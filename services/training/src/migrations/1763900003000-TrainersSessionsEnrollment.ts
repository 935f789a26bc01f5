// Trainers registered per course, sessions with their days, enrollment with a waitlist kept in
// arrival order (a sequence drawn while the session row is locked), and notices to participants.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TrainersSessionsEnrollment1763900003000 implements MigrationInterface {
  name = 'TrainersSessionsEnrollment1763900003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table course_trainer (
        id uuid primary key default gen_random_uuid(),
        course_id uuid not null references course(id),
        person_id uuid not null,
        registered_by text not null,
        registered_on date not null,
        unique (course_id, person_id)
      )`);
    await q.query(`create index course_trainer_person_idx on course_trainer (person_id)`);
    await q.query(`
      create table training_session (
        id uuid primary key default gen_random_uuid(),
        course_id uuid not null references course(id),
        trainer_person_id uuid not null,
        status text not null check (status in ('SCHEDULED','CANCELLED')),
        delivery text not null check (delivery in ('IN_PERSON','VIRTUAL')),
        address text,
        county text,
        meeting_url text,
        capacity integer not null check (capacity > 0),
        registration_opens_on date not null,
        registration_closes_on date not null check (registration_closes_on >= registration_opens_on),
        first_day date not null,
        last_day date not null check (last_day >= first_day),
        version integer not null default 1,
        created_at timestamptz not null default now(),
        check (delivery = 'VIRTUAL' or (address is not null and county is not null))
      )`);
    await q.query(`create index training_session_trainer_idx on training_session (trainer_person_id, first_day)`);
    await q.query(`create index training_session_first_day_idx on training_session (first_day) where status = 'SCHEDULED'`);
    await q.query(`
      create table session_day (
        id uuid primary key default gen_random_uuid(),
        session_id uuid not null references training_session(id) on delete cascade,
        date date not null,
        hours numeric(5,2) not null check (hours > 0),
        unique (session_id, date)
      )`);
    await q.query(`create sequence enrollment_arrival_seq`);
    await q.query(`
      create table enrollment (
        id uuid primary key default gen_random_uuid(),
        session_id uuid not null references training_session(id),
        person_id uuid not null,
        status text not null check (status in ('ENROLLED','WAITLISTED','WITHDRAWN','COMPLETED')),
        arrival bigint not null default nextval('enrollment_arrival_seq'),
        registered_at timestamptz not null default now(),
        version integer not null default 1
      )`);
    // One live place per person per session (a withdrawn person may register again).
    await q.query(`create unique index enrollment_live_idx on enrollment (session_id, person_id) where status <> 'WITHDRAWN'`);
    await q.query(`create index enrollment_session_idx on enrollment (session_id, status, arrival)`);
    await q.query(`create index enrollment_person_idx on enrollment (person_id)`);
    await q.query(`
      create table training_notice (
        id uuid primary key default gen_random_uuid(),
        person_id uuid not null,
        subject_type text not null,
        subject_id uuid not null,
        message text not null,
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index training_notice_person_idx on training_notice (person_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['training_notice', 'enrollment', 'session_day', 'training_session', 'course_trainer']) await q.query(`drop table ${t}`);
    await q.query(`drop sequence enrollment_arrival_seq`);
  }
}
