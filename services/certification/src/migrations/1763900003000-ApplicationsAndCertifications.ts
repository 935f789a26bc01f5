// Applications (initial and recertification) with their parts, the fee ledger, certifications with
// their designations and status events.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ApplicationsAndCertifications1763900003000 implements MigrationInterface {
  name = 'ApplicationsAndCertifications1763900003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table certification (
        id uuid primary key default gen_random_uuid(),
        number text not null unique,
        person_id uuid not null references person(id),
        issued_on date not null,
        last_certified_on date not null,
        due_on date not null check (due_on > last_certified_on),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        version integer not null default 1
      )`);
    await q.query(`create index certification_person_idx on certification (person_id)`);
    // Certification numbers are issued in order, never reused.
    await q.query(`create sequence certification_number_seq start 1000`);
    await q.query(`
      create table certification_designation (
        id uuid primary key default gen_random_uuid(),
        certification_id uuid not null references certification(id),
        designation text not null,
        granted_on date not null,
        unique (certification_id, designation)
      )`);
    await q.query(`
      create table certification_event (
        id uuid primary key default gen_random_uuid(),
        certification_id uuid not null references certification(id),
        kind text not null,
        effective_on date not null,
        reason text not null,
        actor text not null,
        at timestamptz not null default now()
      )`);
    await q.query(`create index certification_event_cert_idx on certification_event (certification_id, effective_on)`);

    await q.query(`
      create table application (
        id uuid primary key default gen_random_uuid(),
        person_id uuid not null references person(id),
        kind text not null,
        channel text not null,
        status text not null,
        certification_id uuid references certification(id),
        submitted_on date,
        queued_on date,
        incomplete_since date,
        policy_version_id uuid references policy_version(id),
        missing_items text[] not null default '{}',
        consumer_of_services boolean,
        recovery_start_date date,
        education_proof_kind text,
        education_proof_document_id uuid references document(id),
        core_course_title text,
        core_course_completed_on date,
        core_course_hours numeric(6,2),
        code_of_ethics_version text,
        code_of_ethics_signed_on date,
        recovery_statement text,
        statement_own_work boolean not null default false,
        work_history text,
        late boolean not null default false,
        decided_on date,
        decided_by text,
        decision_reasons text[] not null default '{}',
        appeal_rights text,
        decision_checklist jsonb,
        created_by text not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        version integer not null default 1,
        check ((kind = 'RECERTIFICATION') = (certification_id is not null))
      )`);
    await q.query(`create index application_person_idx on application (person_id, created_at)`);
    // The staff queue pages by status and the day the case entered the queue.
    await q.query(`create index application_queue_idx on application (status, queued_on, id)`);
    // One open renewal per certification at a time.
    await q.query(`create unique index application_open_renewal_key on application (certification_id)
      where kind = 'RECERTIFICATION' and status not in ('APPROVED', 'DENIED', 'WITHDRAWN', 'CLOSED')`);
    await q.query(`alter table certification add column application_id uuid references application(id)`);

    await q.query(`
      create table training_log_entry (
        id uuid primary key default gen_random_uuid(),
        application_id uuid not null references application(id) on delete cascade,
        position integer not null,
        topic text not null,
        hours numeric(6,2) not null check (hours > 0),
        completed_on date not null,
        child_family boolean not null default false,
        ethics boolean not null default false,
        military_specific boolean not null default false,
        evidence_document_id uuid references document(id),
        evidence_note text
      )`);
    await q.query(`create index training_log_entry_app_idx on training_log_entry (application_id, position)`);
    await q.query(`
      create table application_reference (
        id uuid primary key default gen_random_uuid(),
        application_id uuid not null references application(id) on delete cascade,
        position integer not null,
        name text not null,
        relation text not null,
        years_known numeric(4,1) not null check (years_known >= 0),
        knows_about_recovery boolean not null,
        contact text
      )`);
    await q.query(`create index application_reference_app_idx on application_reference (application_id, position)`);
    await q.query(`
      create table designation_request (
        id uuid primary key default gen_random_uuid(),
        application_id uuid not null references application(id) on delete cascade,
        designation text not null,
        proof_document_id uuid references document(id),
        unique (application_id, designation)
      )`);
    await q.query(`
      create table fee (
        id uuid primary key default gen_random_uuid(),
        application_id uuid not null references application(id),
        kind text not null,
        amount_cents integer not null check (amount_cents >= 0),
        status text not null default 'DUE',
        method text,
        reference_number text,
        paid_on date,
        waived_reason text,
        recorded_by text,
        created_at timestamptz not null default now(),
        version integer not null default 1,
        unique (application_id, kind)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table certification drop column application_id`);
    for (const t of ['fee', 'designation_request', 'application_reference', 'training_log_entry', 'application', 'certification_event', 'certification_designation', 'certification']) await q.query(`drop table ${t}`);
    await q.query(`drop sequence certification_number_seq`);
  }
}
