// Writes the generated program into the three subgraphs' own schemas, with their real column
// names, one transaction per schema, table by table with COPY (parents before children).
import { createHash } from 'node:crypto';
import type { ClientBase } from 'pg';
import { appDetail, type AppDetail, type Doc, type StatusChange } from './applications';
import { copyRows } from './copy';
import { addMonths, at, iso, type Day } from './days';
import { inForce, type Course, type CourseSubmission, type Program } from './model';
import { certificationStatus } from './people';
import { Rng } from './random';
import { totalHours } from './training';

export type Counts = Record<string, number>;

function pdf(id: string, title: string): Buffer {
  return Buffer.from(`%PDF-1.4\n%${title}\n1 0 obj <</Type /Catalog>> endobj\n% ${id}\ntrailer <</Root 1 0 R>>\n%%EOF\n`);
}

function documentRow(d: Doc): unknown[] {
  const content = pdf(d.id, d.fileName);
  return [d.id, d.ownerPersonId, d.purpose, d.fileName, 'application/pdf', 'PDF', content.length, createHash('sha256').update(content).digest('hex'), content, d.uploadedBy, d.createdAt];
}
const DOCUMENT_COLUMNS = ['id', 'owner_person_id', 'purpose', 'file_name', 'content_type', 'format', 'size_bytes', 'sha256', 'content', 'uploaded_by', 'created_at'];
const STATUS_COLUMNS = ['id', 'subject_type', 'subject_id', 'from_status', 'to_status', 'actor', 'actor_name', 'reason', 'facts:json', 'at'];

class Writer {
  readonly counts: Counts = {};
  constructor(
    private readonly client: ClientBase,
    private readonly schema: string,
  ) {}

  async rows(table: string, columns: string[], rows: Iterable<unknown[]>): Promise<void> {
    const t = Date.now();
    const n = await copyRows(this.client, `${this.schema}.${table}`, columns, rows);
    if (process.env.GENERATE_TIMING) process.stderr.write(`    ${this.schema}.${table}: ${n} rows in ${Date.now() - t} ms\n`);
    this.counts[`${this.schema}.${table}`] = (this.counts[`${this.schema}.${table}`] ?? 0) + n;
  }

  async objects(table: string, columns: string[], rows: Iterable<Record<string, unknown>>): Promise<void> {
    const names = columns.map((c) => c.replace(/:json$/, ''));
    await this.rows(table, columns, map(rows, (r) => names.map((n) => r[n])));
  }
}

function* map<T, U>(items: Iterable<T>, f: (x: T) => U): Generator<U> {
  for (const x of items) yield f(x);
}

function statusRows(rng: Rng, type: string, changes: Iterable<StatusChange>): Iterable<unknown[]> {
  return map(changes, (c) => [rng.uuid(), type, c.subjectId, c.from, c.to, c.actor, c.actorName, c.reason, c.facts, c.at]);
}

/**
 * One transaction for a schema's tables. As PostgreSQL's bulk-loading advice goes, the schema's
 * foreign keys and plain indexes are dropped for the load and put back (same names, same
 * definitions) before commit: each is then checked or built once over all rows instead of row by
 * row, and a violation still fails the whole load. Once the rows are in, the rest (indexes, keys,
 * commit, analyze) is database work only: it is returned as a promise, so the next schema's rows
 * are built and sent meanwhile on another connection.
 */
async function loadSchema(client: ClientBase, schema: string, work: () => Promise<void>): Promise<{ done: Promise<number> }> {
  const fail = async (err: unknown): Promise<never> => {
    await client.query('rollback').catch(() => undefined);
    throw err;
  };
  try {
    await client.query('begin');
    await client.query(`set local maintenance_work_mem = '256MB'`);
    const fks = (await client.query(`select conrelid::regclass::text as tbl, conname, pg_get_constraintdef(oid) as def from pg_constraint where contype = 'f' and connamespace = $1::regnamespace order by conname`, [schema])).rows as { tbl: string; conname: string; def: string }[];
    const indexes = (
      await client.query(
        `select i.indexname, i.indexdef from pg_indexes i where i.schemaname = $1
           and not exists (select 1 from pg_constraint c where c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass) order by i.indexname`,
        [schema],
      )
    ).rows as { indexname: string; indexdef: string }[];
    for (const fk of fks) await client.query(`alter table ${fk.tbl} drop constraint "${fk.conname}"`);
    for (const ix of indexes) await client.query(`drop index "${schema}"."${ix.indexname}"`);
    await work();
    const done = (async () => {
      const t = Date.now();
      for (const ix of indexes) await client.query(ix.indexdef);
      for (const fk of fks) await client.query(`alter table ${fk.tbl} add constraint "${fk.conname}" ${fk.def}`);
      if (process.env.GENERATE_TIMING) process.stderr.write(`    ${schema}: ${indexes.length} indexes and ${fks.length} foreign keys put back in ${Date.now() - t} ms\n`);
      await client.query('commit');
      const a = Date.now();
      const tables = (await client.query(`select format('%I.%I', schemaname, tablename) as t from pg_tables where schemaname = $1 order by tablename`, [schema])).rows as { t: string }[];
      await client.query(`analyze ${tables.map((x) => x.t).join(', ')}`);
      return (Date.now() - a) / 1000;
    })().catch(fail);
    // Awaited later with the other schemas; marked handled so a failure meanwhile is not fatal by itself.
    done.catch(() => undefined);
    return { done };
  } catch (err) {
    return fail(err);
  }
}

/** A schema written: its row counts, and the promise of its indexes, keys, commit and analyze (seconds analyzing). */
export interface Written {
  counts: Counts;
  finishing: Promise<number>;
}

export async function writeCertification(client: ClientBase, p: Program, log: (line: string) => void): Promise<Written & { signed: Map<string, AppDetail['signed']> }> {
  const A = p.asOf;
  const w = new Writer(client, 'certification');
  const rng = new Rng(p.seed, 'emit:certification');
  const started = Date.now();
  const details = new Map<string, AppDetail>();
  let unmet = 0;
  for (const app of p.apps) {
    const d = appDetail(p, app);
    if (d.approvedUnmet) unmet += 1;
    details.set(app.id, d);
  }
  if (unmet) p.notes.push(`${unmet} approved applications whose frozen checklist has a required rule unmet`);
  log(`  certification: application details in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const policyNow = inForce(p.refs.certificationPolicies, A).values;

  const { done: finishing } = await loadSchema(client, 'certification', async () => {
    await w.rows('document', DOCUMENT_COLUMNS, map(p.apps.flatMap((a) => details.get(a.id)!.documents), documentRow));
    await w.rows(
      'person',
      ['id', 'legal_name', 'preferred_name', 'email', 'date_of_birth', 'county', 'created_at', 'updated_at', 'version', 'phone', 'address_line1', 'address_line2', 'address_city', 'address_state', 'address_postal_code', 'race_ethnicity', 'gender', 'veteran_status', 'account_id'],
      map(p.people, (x) => [
        x.id, x.legalName, x.preferredName, x.email, iso(x.dateOfBirth), x.county, at(x.createdAt, 8 * 60), at(x.createdAt, 8 * 60), 1, x.phone,
        x.address?.line1 ?? null, x.address?.line2 ?? null, x.address?.city ?? null, x.address?.state ?? null, x.address?.postalCode ?? null, x.raceEthnicity, x.gender, x.veteranStatus, null,
      ]),
    );
    await w.rows(
      'certification',
      ['id', 'number', 'person_id', 'issued_on', 'last_certified_on', 'due_on', 'created_at', 'updated_at', 'version', 'application_id'],
      map(p.certs, (c) => [c.id, c.number, c.person.id, iso(c.renewals[0]!), iso(c.renewals[c.renewals.length - 1]!), iso(c.dueOn), at(c.renewals[0]!, 11 * 60), at(c.renewals[c.renewals.length - 1]!, 11 * 60), c.renewals.length + c.events.length, null]),
    );
    await w.rows('certification_designation', ['id', 'certification_id', 'designation', 'granted_on'], map(p.certs.flatMap((c) => c.designations.map((d) => ({ c, d }))), ({ c, d }) => [rng.uuid(), c.id, d.designation, iso(d.grantedOn)]));
    await w.rows(
      'certification_event',
      ['id', 'certification_id', 'kind', 'effective_on', 'effective_until', 'reason', 'actor', 'at'],
      map(p.certs.flatMap((c) => c.events.map((e) => ({ c, e }))), ({ c, e }) => [e.id, c.id, e.kind, iso(e.effectiveOn), e.effectiveUntil === null ? null : iso(e.effectiveUntil), e.reason, e.actor, e.at]),
    );
    await w.objects(
      'application',
      [
        'id', 'person_id', 'kind', 'channel', 'status', 'certification_id', 'submitted_on', 'queued_on', 'incomplete_since', 'policy_version_id', 'missing_items', 'consumer_of_services',
        'recovery_start_date', 'education_proof_kind', 'education_proof_document_id', 'core_course_title', 'core_course_completed_on', 'core_course_hours', 'code_of_ethics_version',
        'code_of_ethics_signed_on', 'recovery_statement', 'statement_own_work', 'work_history', 'late', 'decided_on', 'decided_by', 'decision_reasons', 'appeal_rights',
        'decision_checklist:json', 'created_by', 'created_at', 'updated_at', 'version', 'external_facts:json', 'external_facts_at',
      ],
      map(p.apps, (a) => details.get(a.id)!.row),
    );
    // A certification points at the application that last (re)certified it (a cycle: set after).
    await client.query(`create temporary table generated_cert_app (certification_id uuid, application_id uuid) on commit drop`);
    await copyRows(client, 'generated_cert_app', ['certification_id', 'application_id'], map(p.certs, (c) => [c.id, c.applicationId]));
    await client.query(`update certification.certification c set application_id = g.application_id from generated_cert_app g where g.certification_id = c.id`);
    await w.objects('training_log_entry', ['id', 'application_id', 'position', 'topic', 'hours', 'completed_on', 'child_family', 'ethics', 'military_specific', 'evidence_document_id', 'evidence_note'], p.apps.flatMap((a) => details.get(a.id)!.log));
    await w.objects('application_reference', ['id', 'application_id', 'position', 'name', 'relation', 'years_known', 'knows_about_recovery', 'contact'], p.apps.flatMap((a) => details.get(a.id)!.references));
    await w.objects('designation_request', ['id', 'application_id', 'designation', 'proof_document_id'], p.apps.flatMap((a) => details.get(a.id)!.designations));
    await w.objects('fee', ['id', 'application_id', 'kind', 'amount_cents', 'status', 'method', 'reference_number', 'paid_on', 'waived_reason', 'recorded_by', 'created_at', 'version'], p.apps.flatMap((a) => details.get(a.id)!.fees));
    await w.rows('status_change', STATUS_COLUMNS, statusRows(rng, 'Application', p.apps.flatMap((a) => details.get(a.id)!.timeline)));

    // Renewal reminders (each term's, as the daily job sends them) and closing notices.
    const notifications: unknown[][] = [];
    const openRenewal = new Map<string, Day>();
    for (const a of p.apps) if (a.cert && a.submittedOn !== null && a.decidedOn === null && a.status !== 'WITHDRAWN') openRenewal.set(a.cert.id, Math.min(a.submittedOn, openRenewal.get(a.cert.id) ?? Infinity));
    for (const c of p.certs) {
      for (let j = 0; j < c.dues.length; j += 1) {
        const due = c.dues[j]!;
        const renewedBy = c.submissions[j + 1] ?? openRenewal.get(c.id) ?? Infinity;
        for (const offset of policyNow.reminderOffsetsDays) {
          const on = due - offset;
          if (on >= A || on >= renewedBy) continue;
          // The job reminds only a certification in good standing (an event may have ended it).
          if (c.events.length && !['ACTIVE', 'DUE'].includes(certificationStatus(c, on, policyNow))) continue;
          notifications.push([
            rng.uuid(), 'RENEWAL_REMINDER', c.person.id, 'Certification', c.id, `reminder:${c.id}:${iso(due)}:${offset}`, `Your CPSS certification ${c.number} is due on ${iso(due)}`,
            `Your certification ${c.number} falls due on ${iso(due)}. Renew online before then; late renewals carry a late fee.`, 'SENT', 1, at(on, 6 * 60), at(on, 6 * 60 + 1),
          ]);
        }
      }
    }
    for (const a of p.apps) {
      if (a.status !== 'CLOSED' || a.closedOn === null) continue;
      const months = inForce(p.refs.certificationPolicies, a.submittedOn!).values.incompleteTimeoutMonths;
      notifications.push([rng.uuid(), 'APPLICATION_CLOSED', a.person.id, 'Application', a.id, `closed:${a.id}`, 'Your CPSS application was closed', `Your application was not completed within ${months} months and has been closed. You may apply again.`, 'SENT', 1, at(a.closedOn, 6 * 60), at(a.closedOn, 6 * 60 + 1)]);
    }
    await w.rows('notification', ['id', 'kind', 'person_id', 'subject_type', 'subject_id', 'dedupe_key', 'subject', 'body', 'status', 'attempts', 'created_at', 'sent_at'], notifications);
    await w.rows('inbound_command', ['idempotency_key', 'type', 'source_domain', 'payload:json', 'outcome', 'applied_at'], map(p.complaints.flatMap((c) => c.commands.filter((x) => x.targetDomain === 'certification')), (x) => [x.key, x.type, 'ethics', x.payload, x.outcome, at(x.day, x.minute + 1)]));
  });
  return { counts: w.counts, finishing, signed: new Map([...details].map(([id, d]) => [id, d.signed])) };
}

function agendaOf(c: Course): { day: number; title: string; hours: number }[] {
  const out: { day: number; title: string; hours: number }[] = [];
  if (c.preWorkHours > 0) out.push({ day: 0, title: 'Pre-work: readings and reflection', hours: c.preWorkHours });
  const days = Math.max(1, Math.ceil(c.faceToFaceHours / 8));
  let left = c.faceToFaceHours;
  for (let d = 1; d <= days; d += 1) {
    const today = d === days ? left : Math.min(8, left);
    const morning = Math.round((today / 2) * 4) / 4;
    out.push({ day: d, title: `Day ${d}: ${d === 1 ? 'Foundations and recovery stories' : 'Skills practice'}`, hours: morning });
    if (today - morning > 0) out.push({ day: d, title: `Day ${d}: ${d === days ? 'Review and reflection' : 'Applying the concepts'}`, hours: Math.round((today - morning) * 100) / 100 });
    left -= today;
  }
  return out;
}

export async function writeTraining(client: ClientBase, p: Program): Promise<Written> {
  const A = p.asOf;
  const w = new Writer(client, 'training');
  const rng = new Rng(p.seed, 'emit:training');
  const policyOn = (d: Day) => inForce(p.refs.trainingPolicies, d);
  const certPolicy = inForce(p.refs.certificationPolicies, A).values;
  const submitted = (s: CourseSubmission) => s.submittedOn !== null;
  const submissions = p.courses.flatMap((c) => c.submissions);
  const materialKinds = ['INSTRUCTOR_MANUAL', 'PARTICIPANT_MANUAL', 'DAILY_AGENDA', 'TOT_MANUAL'];
  // Course materials and evidence of outside training are documents of training's own.
  const materials: { s: CourseSubmission; kind: string; doc: Doc; attempt: number }[] = [];
  for (const s of submissions.filter(submitted)) {
    for (let attempt = 1; attempt <= s.attempt; attempt += 1) {
      for (const kind of materialKinds) {
        const file = `${kind.toLowerCase().replace(/_/g, '-')}${attempt > 1 ? `-v${attempt}` : ''}.pdf`;
        materials.push({ s, kind, attempt, doc: { id: rng.uuid(), ownerPersonId: null as never, purpose: kind, fileName: file, createdAt: at(s.submittedOn! - 3, 10 * 60), uploadedBy: s.course.owner.id } });
      }
    }
  }
  const evidence = p.completions.filter((c) => c.documentId !== null);
  const { done: finishing } = await loadSchema(client, 'training', async () => {
    await w.rows('document', DOCUMENT_COLUMNS, [
      ...map(materials, (m) => documentRow(m.doc)),
      ...map(evidence, (c) => documentRow({ id: c.documentId!, ownerPersonId: c.person.id, purpose: 'TRAINING_EVIDENCE', fileName: `certificate-${c.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 40)}.pdf`, createdAt: at(c.createdAt, 14 * 60), uploadedBy: c.enteredBy! })),
    ]);
    await w.rows(
      'course',
      ['id', 'owner_id', 'title', 'kind', 'face_to_face_hours', 'pre_work_hours', 'child_and_family', 'status', 'approved_on', 'expires_on', 'version', 'created_at'],
      map(p.courses, (c) => [c.id, c.owner.id, c.title, c.kind, c.faceToFaceHours, c.preWorkHours, c.childFamily, c.status, c.approvedOn === null ? null : iso(c.approvedOn), c.expiresOn === null ? null : iso(c.expiresOn), c.version, at(c.createdOn, 10 * 60)]),
    );
    await w.rows(
      'course_submission',
      ['id', 'course_id', 'owner_id', 'status', 'attempt', 'standards_version_id', 'policy_version_id', 'submitted_on', 'fee_usd', 'decided_on', 'version', 'created_at', 'purpose'],
      map(submissions, (s) => {
        const policy = s.submittedOn === null ? null : policyOn(s.submittedOn);
        return [s.id, s.course.id, s.course.owner.id, s.status, s.attempt, p.refs.standardsVersionId, policy?.id ?? null, s.submittedOn === null ? null : iso(s.submittedOn), policy?.values.submissionFeeUsd ?? null, s.decidedOn === null ? null : iso(s.decidedOn), 1 + (s.submittedOn !== null ? 1 : 0) + (s.decidedOn !== null ? 2 : 0), at(s.createdOn, 10 * 60), s.purpose];
      }),
    );
    const agendas = new Map(p.courses.map((c) => [c, agendaOf(c)]));
    await w.rows('course_agenda_entry', ['id', 'submission_id', 'day', 'position', 'title', 'hours'], map(submissions.flatMap((s) => agendas.get(s.course)!.map((e, i) => ({ s, e, i }))), ({ s, e, i }) => [rng.uuid(), s.id, e.day, i, e.title, e.hours]));
    await w.rows(
      'crosswalk_entry',
      ['id', 'submission_id', 'concept_id', 'material', 'location', 'agenda_block'],
      map(
        submissions.flatMap((s) => p.refs.concepts.filter((_, i) => submitted(s) || i % 2 === 0).map((k, i) => ({ s, k, i }))),
        ({ s, k, i }) => {
          const agenda = agendas.get(s.course)!;
          return [rng.uuid(), s.id, k.id, i % 3 === 0 ? 'PARTICIPANT_MANUAL' : 'INSTRUCTOR_MANUAL', `Module ${Math.floor(i / 3) + 1}, pp. ${4 + i * 3}-${6 + i * 3}`, agenda[i % agenda.length]!.title];
        },
      ),
    );
    await w.rows('course_material', ['id', 'submission_id', 'kind', 'document_id', 'file_name', 'format', 'size_bytes', 'attempt', 'uploaded_at'], map(materials, (m) => [rng.uuid(), m.s.id, m.kind, m.doc.id, m.doc.fileName, 'PDF', pdf(m.doc.id, m.doc.fileName).length, m.attempt, m.doc.createdAt]));
    const reviewed = submissions.filter((s) => s.decidedOn !== null || s.status === 'TECHNICAL_ASSISTANCE' || (s.status === 'TEAM_REVIEW' && s.attempt > 1));
    await w.rows(
      'concept_review',
      ['id', 'submission_id', 'attempt', 'concept_id', 'met', 'comment', 'reviewer', 'reviewed_at'],
      map(
        reviewed.flatMap((s) => Array.from({ length: s.status === 'TECHNICAL_ASSISTANCE' ? 1 : s.attempt }, (_, a) => a + 1).flatMap((attempt) => p.refs.concepts.map((k, i) => ({ s, attempt, k, i })))),
        ({ s, attempt, k, i }) => {
          const last = attempt === s.attempt && s.status !== 'TECHNICAL_ASSISTANCE';
          const met = s.status === 'APPROVED' && last ? true : i % 5 !== 2;
          const day = last && s.decidedOn !== null ? s.decidedOn - 1 : s.submittedOn! + 40;
          return [rng.uuid(), s.id, attempt, k.id, met, met ? '' : 'The materials do not show where this concept is taught; add it to the agenda and the manual.', s.reviewer.subject, at(Math.min(day, A - 1), 14 * 60)];
        },
      ),
    );
    await w.rows(
      'course_trainer',
      ['id', 'course_id', 'person_id', 'registered_by', 'registered_on', 'status', 'removed_on', 'removal_reason', 'removal_sanction_id'],
      map(p.courses.flatMap((c) => c.trainers), (r) => [r.id, r.course.id, r.trainer.person.id, r.course.owner.id, iso(r.registeredOn), r.status, r.removedOn === null ? null : iso(r.removedOn), r.status === 'REMOVED' ? 'the trainer was removed as a trainer by the program' : null, r.removalSanctionId]),
    );
    await w.rows(
      'training_session',
      ['id', 'course_id', 'trainer_person_id', 'status', 'delivery', 'address', 'county', 'meeting_url', 'capacity', 'registration_opens_on', 'registration_closes_on', 'first_day', 'last_day', 'version', 'created_at', 'standing_facts:json'],
      map(p.sessions, (s) => {
        const cert = s.trainer.person.cert;
        const standing = { certificationStatuses: cert ? [certificationStatus(cert, s.createdOn, certPolicy)] : [], barredFromTeaching: null, checkedAt: at(s.createdOn, 9 * 60).replace(' ', 'T').replace('+00', '.000Z') };
        return [s.id, s.course.id, s.trainer.person.id, s.status, s.delivery, s.address, s.county, s.meetingUrl, s.capacity, iso(s.opensOn), iso(s.closesOn), iso(s.firstDay), iso(s.lastDay), s.version, at(s.createdOn, 9 * 60), standing];
      }),
    );
    await w.rows('session_day', ['id', 'session_id', 'date', 'hours'], map(p.sessions.flatMap((s) => s.days.map((d) => ({ s, d }))), ({ s, d }) => [rng.uuid(), s.id, iso(d.day), d.hours]));
    const enrollments = p.sessions.flatMap((s) => s.enrollments);
    await w.rows(
      'enrollment',
      ['id', 'session_id', 'person_id', 'status', 'arrival', 'registered_at', 'version'],
      map(enrollments, (e) => [e.id, e.session.id, e.person.id, e.status, e.arrival, at(e.registeredAt, e.registeredMinute), e.status === 'ENROLLED' || e.status === 'WAITLISTED' ? 1 : 2]),
    );
    await client.query(`select setval('training.enrollment_arrival_seq', greatest((select max(arrival) from training.enrollment), (select last_value from training.enrollment_arrival_seq)))`);
    const attendance: unknown[][] = [];
    for (const e of enrollments) {
      if (!e.attended) continue;
      const trainer = e.session.trainer.person.id;
      if (e.status === 'COMPLETED' && e.session.course.preWorkHours > 0) attendance.push([rng.uuid(), e.id, null, e.session.course.preWorkHours, trainer, at(e.session.firstDay, 16 * 60)]);
      e.session.days.forEach((d, i) => attendance.push([rng.uuid(), e.id, iso(d.day), e.attended![i]!, trainer, at(d.day, 17 * 60 + (i % 30))]));
    }
    await w.rows('attendance', ['id', 'enrollment_id', 'date', 'hours', 'recorded_by', 'recorded_at'], attendance);
    const completed = enrollments.filter((e) => e.certificate);
    await w.rows(
      'completion_certificate',
      ['id', 'enrollment_id', 'person_id', 'course_id', 'course_title', 'course_kind', 'hours', 'completed_on', 'verification_code', 'trainer_person_id', 'issued_at'],
      map(completed, (e) => [e.certificate!.id, e.id, e.person.id, e.session.course.id, e.session.course.title, e.session.course.kind, totalHours(e.session.course), iso(e.session.lastDay), e.certificate!.code, e.session.trainer.person.id, at(e.session.lastDay, 17 * 60 + 30)]),
    );
    await w.rows(
      'training_completion',
      ['id', 'person_id', 'course_title', 'kind', 'hours', 'completed_on', 'created_at', 'source', 'child_and_family', 'course_id', 'certificate_id', 'provider', 'evidence_document_id', 'entered_by'],
      map(p.completions, (c) => [
        c.id, c.person.id, c.title, c.kind, c.hours, iso(c.day), at(c.createdAt, c.source === 'SESSION' ? 17 * 60 + 30 : 14 * 60), c.source, c.childFamily, c.course?.id ?? null,
        c.enrollment?.certificate?.id ?? null, c.provider, c.documentId, c.enrollment ? c.enrollment.session.trainer.person.id : c.enteredBy,
      ]),
    );

    // Timelines: courses, submissions, sessions, enrollments, trainer removals.
    const changes: unknown[][] = [];
    const change = (type: string, id: string, on: Day, from: string | null, to: string, actor: string, reason: string | null = null, facts: Record<string, unknown> | null = null) =>
      changes.push([rng.uuid(), type, id, from, to, actor, null, reason, facts, at(Math.min(on, A - 1), 12 * 60 + (changes.length % 300))]);
    for (const c of p.courses) for (const [d, from, to, reason] of c.timeline) change('Course', c.id, d, from, to, from === 'APPROVED' && to === 'EXPIRED' ? 'system' : c.owner.id, reason, to === 'APPROVED' ? { approvedOn: c.approvedOn === null ? null : iso(c.approvedOn) } : null);
    for (const s of submissions) {
      change('CourseSubmission', s.id, s.createdOn, null, 'DRAFT', s.course.owner.id, null, { purpose: s.purpose });
      if (!s.submittedOn) continue;
      change('CourseSubmission', s.id, s.submittedOn, 'DRAFT', 'RECEIVED', s.course.owner.id, null, { feeUsd: policyOn(s.submittedOn).values.submissionFeeUsd });
      if (s.status === 'RECEIVED') continue;
      change('CourseSubmission', s.id, s.submittedOn + 10, 'RECEIVED', 'TEAM_REVIEW', s.reviewer.subject, 'format check passed', { formatCheck: 'passed' });
      if (s.attempt > 1 || s.status === 'TECHNICAL_ASSISTANCE') change('CourseSubmission', s.id, s.submittedOn + 50, 'TEAM_REVIEW', 'TECHNICAL_ASSISTANCE', s.reviewer.subject, 'Some core concepts were not met', { attempt: 1 });
      if (s.attempt > 1) change('CourseSubmission', s.id, s.submittedOn + 70, 'TECHNICAL_ASSISTANCE', 'RECEIVED', s.course.owner.id, 'resubmitted', { attempt: 2 });
      if (s.decidedOn !== null) change('CourseSubmission', s.id, s.decidedOn, 'TEAM_REVIEW', s.status, s.reviewer.subject, s.status === 'APPROVED' ? 'All core concepts met' : 'Core concepts still not met', { attempt: s.attempt });
    }
    for (const s of p.sessions) {
      change('TrainingSession', s.id, s.createdOn, null, 'SCHEDULED', s.trainer.person.id);
      if (s.status === 'CANCELLED') change('TrainingSession', s.id, s.cancelledOn!, 'SCHEDULED', 'CANCELLED', s.cancelReason!.startsWith('the trainer was removed') ? 'system' : s.trainer.person.id, s.cancelReason, { notified: s.enrollments.filter((e) => e.status === 'ENROLLED' || e.status === 'WAITLISTED').length });
    }
    for (const e of enrollments) {
      if (e.status === 'COMPLETED') change('Enrollment', e.id, e.session.lastDay, 'ENROLLED', 'COMPLETED', e.session.trainer.person.id, 'required hours reached', { hours: totalHours(e.session.course), certificateId: e.certificate!.id });
      if (e.status === 'WITHDRAWN') change('Enrollment', e.id, Math.min(e.registeredAt + 5, e.session.firstDay - 1), 'ENROLLED', 'WITHDRAWN', e.person.id, 'withdrawn by the participant');
    }
    for (const c of p.courses) for (const r of c.trainers) if (r.status === 'REMOVED') change('CourseTrainer', r.id, r.removedOn!, 'ACTIVE', 'REMOVED', 'system', 'the trainer was removed as a trainer by the program', { sanctionId: r.removalSanctionId });
    await w.rows('status_change', STATUS_COLUMNS, changes);

    // Notices: cancelled sessions' participants, and course owners whose term ends soon.
    const notices: unknown[][] = [];
    for (const s of p.sessions) {
      if (s.status !== 'CANCELLED') continue;
      for (const e of s.enrollments) if (e.status === 'ENROLLED' || e.status === 'WAITLISTED') notices.push([rng.uuid(), e.person.id, null, null, 'TrainingSession', s.id, `The session of ${s.course.title} starting ${iso(s.firstDay)} was cancelled: ${s.cancelReason}`, at(s.cancelledOn!, 13 * 60)]);
    }
    for (const c of p.courses) {
      if (c.status !== 'APPROVED' || c.expiresOn === null || c.expiresOn > addMonths(A, policyOn(A).values.courseRecertificationNoticeMonths)) continue;
      if (c.submissions.some((s) => s.purpose === 'RECERTIFICATION' && ['RECEIVED', 'TEAM_REVIEW', 'TECHNICAL_ASSISTANCE'].includes(s.status))) continue;
      const on = Math.max(addMonths(c.expiresOn, -6), A - 20);
      notices.push([rng.uuid(), null, c.owner.id, `course-recertification:${c.id}:${iso(c.expiresOn)}`, 'Course', c.id, `The approval of ${c.title} ends on ${iso(c.expiresOn)}: submit it for recertification before then, or no new session may be scheduled after that date.`, at(Math.min(on, A - 1), 5 * 60)]);
    }
    await w.rows('training_notice', ['id', 'person_id', 'account_id', 'dedupe_key', 'subject_type', 'subject_id', 'message', 'created_at'], notices);
    await w.rows('inbound_command', ['idempotency_key', 'type', 'source_domain', 'payload:json', 'outcome', 'applied_at'], map(p.complaints.flatMap((c) => c.commands.filter((x) => x.targetDomain === 'training')), (x) => [x.key, x.type, 'ethics', x.payload, x.outcome, at(x.day, x.minute + 1)]));
  });
  return { counts: w.counts, finishing };
}

export async function writeEthics(client: ClientBase, p: Program, signedWith: Map<string, AppDetail['signed']>): Promise<Written> {
  const w = new Writer(client, 'ethics');
  const rng = new Rng(p.seed, 'emit:ethics');
  // Acknowledgments: each version of the code a person signed, the first time they signed it.
  const signed = new Map<string, { personId: string; version: string; on: Day }>();
  for (const a of p.apps) {
    const s = signedWith.get(a.id);
    if (!s) continue;
    const key = `${a.person.id}|${s.version}`;
    const known = signed.get(key);
    if (!known || s.on < known.on) signed.set(key, { personId: a.person.id, version: s.version, on: s.on });
  }
  const codeId = new Map(p.refs.codes.map((c) => [c.version, c.id]));
  const { done: finishing } = await loadSchema(client, 'ethics', async () => {
    await w.rows('ethics_acknowledgment', ['id', 'person_id', 'code_version', 'signed_on', 'created_at', 'code_of_ethics_version_id'], map(signed.values(), (s) => [rng.uuid(), s.personId, s.version, iso(s.on), at(s.on, 12 * 60), codeId.get(s.version)!]));
    await w.rows(
      'complaint',
      [
        'id', 'reference_number', 'channel', 'subject_kind', 'respondent_person_id', 'respondent_description', 'incident_on', 'received_on', 'policy_version_id', 'code_of_ethics_version_id', 'summary',
        'complainant_name', 'complainant_email', 'complainant_phone', 'complainant_address', 'status', 'version', 'triage_level', 'acknowledged_on', 'triaged_on', 'referred_on', 'referred_to',
        'respondent_notified_on', 'respondent_response', 'respondent_responded_on', 'cooperation', 'cooperation_note', 'findings_on', 'substantiated', 'findings', 'outcome', 'outcome_reason',
        'outcome_notice_on', 'appeal_deadline', 'appealed_on', 'appeal_grounds', 'appeal_decision', 'appeal_decided_on', 'closed_on', 'next_due_on', 'application_hold', 'created_by', 'created_at', 'updated_at',
      ],
      map(p.complaints, (c) => {
        const o = (d: Day | null) => (d === null ? null : iso(d));
        const last = c.steps[c.steps.length - 1]!;
        return [
          c.id, c.reference, c.channel, c.subjectKind, c.respondent?.id ?? null, c.respondentDescription, iso(c.incidentOn), iso(c.receivedOn), c.policyVersionId, c.codeVersionId, c.summary,
          c.complainant.name, c.complainant.email, c.complainant.phone, c.complainant.address, c.status, c.steps.length, c.triageLevel, o(c.acknowledgedOn), o(c.triagedOn), o(c.referredOn), c.referredTo,
          o(c.respondentNotifiedOn), c.respondentResponse, o(c.respondentRespondedOn), c.cooperation, c.cooperationNote, o(c.findingsOn), c.substantiated, c.findings, c.outcome, c.outcomeReason,
          o(c.outcomeNoticeOn), o(c.appealDeadline), o(c.appealedOn), c.appealGrounds, c.appealDecision, o(c.appealDecidedOn), o(c.closedOn), o(c.nextDueOn), c.applicationHold, c.createdBy,
          at(c.receivedOn, 9 * 60), at(last.day, 15 * 60),
        ];
      }),
    );
    await w.rows('complaint_allegation', ['id', 'complaint_id', 'position', 'principle', 'description'], map(p.complaints.flatMap((c) => c.principles.map((principle, i) => ({ c, principle, i }))), ({ c, principle, i }) => [rng.uuid(), c.id, i + 1, principle, c.summary]));
    const sanctioned = p.complaints.filter((c) => c.sanction);
    await w.rows(
      'sanction',
      ['id', 'complaint_id', 'person_id', 'kind', 'status', 'effective_from', 'effective_until', 'conditions', 'mandated_training', 'training_due_on', 'decided_on', 'finalized_on', 'created_at'],
      map(sanctioned, (c) => {
        const s = c.sanction!;
        return [s.id, c.id, c.respondent!.id, s.kind, s.status, iso(s.effectiveFrom), s.effectiveUntil === null ? null : iso(s.effectiveUntil), s.conditions, s.mandatedTraining, s.trainingDueOn === null ? null : iso(s.trainingDueOn), iso(s.decidedOn), s.finalizedOn === null ? null : iso(s.finalizedOn), at(s.decidedOn, 15 * 60)];
      }),
    );
    await w.rows(
      'public_disciplinary_action',
      ['id', 'sanction_id', 'person_id', 'kind', 'effective_from', 'effective_until', 'published_on'],
      map(sanctioned.filter((c) => c.sanction!.status === 'FINAL'), (c) => {
        const s = c.sanction!;
        return [rng.uuid(), s.id, c.respondent!.id, s.kind, iso(s.effectiveFrom), s.effectiveUntil === null ? null : iso(s.effectiveUntil), iso(s.finalizedOn!)];
      }),
    );
    await w.rows(
      'outbound_command',
      ['id', 'type', 'target_domain', 'payload:json', 'idempotency_key', 'status', 'deliver_by', 'attempts', 'created_at', 'next_attempt_at', 'last_attempt_at', 'last_error', 'delivered_at', 'outcome'],
      map(p.complaints.flatMap((c) => c.commands), (x) => {
        const created = at(x.day, x.minute);
        return [rng.uuid(), x.type, x.targetDomain, x.payload, x.key, 'delivered', x.deliverByHours === null ? null : at(x.day, x.minute + x.deliverByHours * 60), 1, created, created, at(x.day, x.minute + 1), null, at(x.day, x.minute + 1), x.outcome];
      }),
    );
    await w.rows(
      'status_change',
      STATUS_COLUMNS,
      map(p.complaints.flatMap((c) => c.steps.map((s, i) => ({ c, s, i }))), ({ c, s, i }) => [
        rng.uuid(), 'Complaint', c.id, s.from, s.to, typeof s.actor === 'string' ? s.actor : s.actor.subject, typeof s.actor === 'string' ? null : s.actor.name, s.reason, s.facts, at(s.day, 9 * 60 + 30 + i),
      ]),
    );
  });
  return { counts: w.counts, finishing };
}
