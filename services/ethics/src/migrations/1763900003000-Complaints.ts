// Complaints (intake, confidential detail and complainant identity, case-flow dates), their
// allegations mapped to Code of Ethics principles, and the outbox of commands to other domains.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Complaints1763900003000 implements MigrationInterface {
  name = 'Complaints1763900003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create sequence complaint_reference_seq`);
    await q.query(`
      create table complaint (
        id uuid primary key default gen_random_uuid(),
        reference_number text not null unique,
        channel text not null check (channel in ('ONLINE_FORM', 'PHONE', 'EMAIL', 'MAIL')),
        subject_kind text not null check (subject_kind in ('CPSS', 'TRAINER', 'COURSE_OWNER', 'PROGRAM')),
        respondent_person_id uuid,
        respondent_description text,
        incident_on date not null,
        received_on date not null,
        policy_version_id uuid not null references policy_version(id),
        code_of_ethics_version_id uuid not null references code_of_ethics_version(id),
        summary text not null,
        complainant_name text not null,
        complainant_email text,
        complainant_phone text,
        complainant_address text,
        status text not null,
        version integer not null default 1,
        triage_level text,
        acknowledged_on date,
        triaged_on date,
        referred_on date,
        referred_to text,
        respondent_notified_on date,
        respondent_response text,
        respondent_responded_on date,
        cooperation text,
        cooperation_note text,
        findings_on date,
        substantiated boolean,
        findings text,
        outcome text,
        outcome_reason text,
        outcome_notice_on date,
        appeal_deadline date,
        appealed_on date,
        appeal_grounds text,
        appeal_decision text,
        appeal_decided_on date,
        closed_on date,
        next_due_on date,
        application_hold boolean not null default false,
        created_by text not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (respondent_person_id is not null or respondent_description is not null or subject_kind = 'PROGRAM')
      )`);
    await q.query(`create index complaint_queue_idx on complaint (received_on, id) where status <> 'CLOSED'`);
    await q.query(`create index complaint_respondent_idx on complaint (respondent_person_id, received_on)`);
    await q.query(`
      create table complaint_allegation (
        id uuid primary key default gen_random_uuid(),
        complaint_id uuid not null references complaint(id),
        position integer not null,
        principle text not null,
        description text not null,
        unique (complaint_id, position)
      )`);
    await q.query(`
      create table outbound_command (
        id uuid primary key default gen_random_uuid(),
        type text not null,
        target_domain text not null,
        payload jsonb not null,
        idempotency_key text not null unique,
        status text not null default 'pending',
        deliver_by timestamptz,
        attempts integer not null default 0,
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index outbound_command_pending_idx on outbound_command (created_at) where status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['outbound_command', 'complaint_allegation', 'complaint']) await q.query(`drop table ${t}`);
    await q.query(`drop sequence complaint_reference_seq`);
  }
}
