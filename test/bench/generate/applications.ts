// Each application's parts as the certification schema keeps them: the checklist's facts (age,
// recovery, education, core course, hours, references, Code of Ethics, statement), the fee ledger,
// the applicant's training log for training not on the record, designation requests, documents,
// the facts asked of training and ethics, the frozen checklist of a decision, and the timeline.
import type { ChecklistItem, EligibilityFacts } from '@cpss/certification/dist/services/eligibility';
import { evaluateEligibility } from '@cpss/certification/dist/services/eligibility';
import { addBusinessDays, addMonths, at, day, iso, type Day } from './days';
import { inForce, type App, type Completion, type Need, type Program, type Staff } from './model';
import { Rng } from './random';
import { COURSE_TOPICS, DENIAL_REASONS, EMAIL_DOMAINS, FEMALE_NAMES, LEGACY_TITLES, MALE_NAMES, MISSING_ITEMS, RECOVERY_STATEMENTS, REFERENCE_RELATIONS, SURNAMES, WORK_HISTORY } from './vocab';

export interface Doc {
  id: string;
  ownerPersonId: string;
  purpose: string;
  fileName: string;
  createdAt: string;
  uploadedBy: string;
}

export interface StatusChange {
  subjectId: string;
  from: string | null;
  to: string;
  actor: string;
  actorName: string | null;
  reason: string | null;
  facts: Record<string, unknown> | null;
  at: string;
}

export interface AppDetail {
  row: Record<string, unknown>;
  fees: Record<string, unknown>[];
  references: Record<string, unknown>[];
  log: Record<string, unknown>[];
  designations: Record<string, unknown>[];
  documents: Doc[];
  timeline: StatusChange[];
  /** The Code of Ethics version signed with it, and when. */
  signed: { version: string; on: Day } | null;
  /** A decided case whose frozen checklist has a required rule unmet although approved. */
  approvedUnmet: boolean;
}

const APPEAL_RIGHTS = 'You may appeal this decision in writing to the program office within 30 days of this notice.';

function facts(c: Completion): Record<string, unknown> {
  return { courseTitle: c.title, kind: c.kind, hours: c.hours, completedOn: iso(c.day), childAndFamily: c.childFamily, countsTowardCertification: c.counts, source: c.source };
}

/** The day an unrecorded need was done, as the applicant logged it. */
function loggedDay(r: Rng, n: Need): Day {
  return Math.max(n.lo + 1, n.hi - r.int(0, Math.max(0, Math.min(60, n.hi - n.lo - 1))));
}

function loggedTopic(r: Rng, n: Need): string {
  if (n.kind === 'ELECTIVE') return r.chance(0.5) ? r.pick(LEGACY_TITLES) : r.pick(COURSE_TOPICS.ELECTIVE.filter((t) => t[1] >= n.minHours))[0];
  return (COURSE_TOPICS[n.kind] as readonly (readonly [string, number, boolean])[])[0]![0];
}

export function appDetail(p: Program, app: App): AppDetail {
  const A = p.asOf;
  const r = new Rng(p.seed, `application:${app.id}`);
  const person = app.person;
  const submitted = app.submittedOn;
  const draftish = submitted === null;
  const judgedOn = submitted ?? A;
  const policy = inForce(p.refs.certificationPolicies, Math.max(judgedOn, p.refs.certificationPolicies[0]!.effectiveFrom));
  const values = policy.values;
  const initial = app.kind === 'INITIAL';
  const reviewer: Staff = app.reviewer;
  const applicantSubject = app.channel === 'MAIL' ? reviewer.subject : person.id;
  const minute = () => r.int(8 * 60, 17 * 60);
  const documents: Doc[] = [];
  const doc = (purpose: string, fileName: string, on: Day) => {
    const d: Doc = { id: r.uuid(), ownerPersonId: person.id, purpose, fileName, createdAt: at(on, minute()), uploadedBy: applicantSubject };
    documents.push(d);
    return d.id;
  };
  const filled = !draftish || r.chance(0.6);

  // The checklist's facts.
  const consumer = initial ? (filled ? true : null) : null;
  let recoveryStart: Day | null = null;
  if (initial && filled) {
    const months = app.shortRecovery ? values.recoveryMonths - r.int(2, 8) : values.recoveryMonths + r.int(2, 120);
    recoveryStart = addMonths(judgedOn, -months) - r.int(0, 27);
  }
  const educationKind = initial && filled ? r.weighted([['HIGH_SCHOOL_DIPLOMA', 55], ['GED', 25], ['HISET', 3], ['DEGREE', 14], ['OFFICIAL_TRANSCRIPT', 3]] as const) : null;
  const educationDoc = educationKind && (!draftish || r.chance(0.5)) ? doc('EDUCATION_PROOF', `${educationKind === 'DEGREE' ? 'diploma-college' : educationKind.toLowerCase().replace(/_/g, '-')}.pdf`, app.createdOn + r.int(0, 5)) : null;
  const core = app.coreNeed;
  let coreCourse: { title: string; completedOn: Day; hours: number } | null = null;
  if (initial && core && filled) {
    coreCourse = core.completion ? { title: core.completion.title, completedOn: core.completion.day, hours: core.completion.hours } : { title: 'Peer Support Specialist Training', completedOn: loggedDay(r, core), hours: 40 };
  }
  const signedOn = !draftish || r.chance(0.4) ? Math.max(day('2013-07-01'), (submitted ?? app.createdOn) - r.int(0, 20)) : null;
  const code = signedOn === null ? null : ([...p.refs.codes].reverse().find((c) => c.effectiveFrom <= signedOn) ?? p.refs.codes[0]!);
  const statement = initial && filled ? r.pick(RECOVERY_STATEMENTS) : null;

  // The applicant's log: training the record does not have, and the military flag of what it has.
  const log: Record<string, unknown>[] = [];
  const logFacts: EligibilityFacts['trainingLog'] = [];
  for (const n of app.needs) {
    if (n === core) continue;
    const c = n.completion;
    if (c && !n.military) continue;
    const line = c
      ? { hours: c.hours, topic: c.title, completedOn: iso(c.day), childFamily: c.childFamily, ethics: c.kind === 'ETHICS_AND_BOUNDARIES', militarySpecific: true }
      : { hours: n.minHours, topic: loggedTopic(r, n), completedOn: iso(loggedDay(r, n)), childFamily: n.childFamily, ethics: n.kind === 'ETHICS_AND_BOUNDARIES', militarySpecific: n.military };
    logFacts.push(line);
    log.push({
      id: r.uuid(),
      application_id: app.id,
      position: log.length,
      topic: line.topic,
      hours: line.hours,
      completed_on: line.completedOn,
      child_family: line.childFamily,
      ethics: line.ethics,
      military_specific: line.militarySpecific,
      evidence_document_id: null,
      evidence_note: `Certificate ${r.code(6)}`,
    });
  }

  // Personal Reference Forms.
  const references: Record<string, unknown>[] = [];
  const refCount = !draftish ? 2 : r.int(0, 2);
  for (let i = 0; i < refCount; i += 1) {
    const name = `${r.chance(0.5) ? r.pick(FEMALE_NAMES) : r.pick(MALE_NAMES)} ${r.pick(SURNAMES)}`;
    references.push({
      id: r.uuid(),
      application_id: app.id,
      position: i,
      name,
      relation: r.pick(REFERENCE_RELATIONS),
      years_known: i === 0 ? r.int(2, 15) : r.int(1, 20) / 2,
      knows_about_recovery: i === 0 ? true : r.chance(0.5),
      contact: r.chance(0.8) ? `${name.toLowerCase().replace(/[^a-z ]/g, '').replace(' ', '.')}@${r.weighted(EMAIL_DOMAINS)}` : null,
    });
  }

  const designations = app.designationRequests.map((designation) => ({
    id: r.uuid(),
    application_id: app.id,
    designation,
    proof_document_id: designation === 'COAPS' ? null : doc('DESIGNATION_PROOF', designation === 'MILITARY_SERVICE_MEMBER' ? 'military-id.pdf' : 'dd-214.pdf', app.createdOn + r.int(0, 5)),
  }));

  // What training and ethics answered (kept with the case), and the checklist frozen at a decision.
  const factsAt = app.decidedOn ?? submitted ?? (r.chance(0.6) ? app.createdOn : null);
  const record = factsAt === null ? null : person.completions.filter((c) => c.day <= factsAt).sort((a, b) => b.day - a.day || (a.id < b.id ? -1 : 1)).map(facts);
  const externalFacts = record === null ? null : { trainingRecord: record, openComplaintCount: app.hold ? 1 : 0 };
  let checklist: ChecklistItem[] | null = null;
  if (app.status === 'APPROVED' || app.status === 'DENIED') {
    const cert = app.cert;
    checklist = evaluateEligibility(
      {
        kind: app.kind,
        asOf: iso(submitted!),
        dateOfBirth: iso(person.dateOfBirth),
        consumerOfServices: consumer,
        recoveryStartDate: recoveryStart === null ? null : iso(recoveryStart),
        educationProofKind: educationKind,
        coreCourse: coreCourse ? { title: coreCourse.title, completedOn: iso(coreCourse.completedOn), hours: coreCourse.hours } : null,
        trainingLog: logFacts,
        trainingRecord: (externalFacts?.trainingRecord ?? []) as never,
        references: references.map((x) => ({ name: x.name as string, yearsKnown: x.years_known as number, knowsAboutRecovery: x.knows_about_recovery as boolean })),
        codeOfEthicsVersion: code?.version ?? null,
        recoveryStatementProvided: initial ? statement !== null : false,
        statementOwnWork: initial && statement !== null,
        designationRequests: designations.map((d) => ({ designation: d.designation as never, hasProof: d.proof_document_id !== null })),
        lastCertifiedOn: app.lastCertifiedOn === null ? null : iso(app.lastCertifiedOn),
        heldDesignations: cert ? (cert.designations.filter((d) => d.grantedOn < submitted!).map((d) => d.designation) as never[]) : [],
        certificationStatus: (app.certStatusOnSubmission as never) ?? null,
      },
      values as never,
    );
  }
  const approvedUnmet = app.status === 'APPROVED' && !!checklist?.some((i) => i.required && !i.met);
  const reasons =
    app.status === 'DENIED'
      ? checklist!.filter((i) => i.required && !i.met).map((i) => i.why).slice(0, 3).concat(checklist!.some((i) => i.required && !i.met) ? [] : [r.pick(DENIAL_REASONS)])
      : [];

  // Fees.
  const fees: Record<string, unknown>[] = [];
  if (submitted !== null) {
    const lines: [string, number][] = initial ? [['APPLICATION', values.feesCents.application]] : [['RECERTIFICATION', values.feesCents.recertification]];
    if (app.late) lines.push(['LATE', values.feesCents.late]);
    const decided = app.status === 'APPROVED' || app.status === 'DENIED';
    for (const [kind, cents] of lines) {
      const state = decided ? r.weighted([['PAID', 97], ['WAIVED', 3]] as const) : ['WITHDRAWN', 'CLOSED'].includes(app.status) ? r.weighted([['PAID', 50], ['DUE', 50]] as const) : r.weighted([['PAID', 55], ['DUE', 45]] as const);
      const paidOn = state === 'PAID' ? Math.min(A - 1, app.decidedOn ?? A - 1, submitted + r.int(0, 10)) : null;
      const method = state === 'PAID' ? r.weighted([['CHECK', 60], ['MONEY_ORDER', 40]] as const) : null;
      fees.push({
        id: r.uuid(),
        application_id: app.id,
        kind,
        amount_cents: cents,
        status: state,
        method,
        reference_number: method === 'CHECK' ? `CHK-${r.int(1000, 99999)}` : method === 'MONEY_ORDER' ? `MO-${r.int(100000, 999999)}` : null,
        paid_on: paidOn === null ? null : iso(paidOn),
        waived_reason: state === 'WAIVED' ? 'Financial hardship' : null,
        recorded_by: state === 'DUE' ? null : reviewer.subject,
        created_at: at(submitted, minute()),
        version: state === 'DUE' ? 1 : 2,
      });
    }
  }

  // The timeline, and the days the case entered the queue.
  const timeline: StatusChange[] = [];
  const change = (on: Day, from: string | null, to: string, actor: Staff | string, reason: string | null = null, facts: Record<string, unknown> | null = null) =>
    timeline.push({ subjectId: app.id, from, to, actor: typeof actor === 'string' ? actor : actor.subject, actorName: typeof actor === 'string' ? null : actor.name, reason, facts, at: at(on, minute()) });
  const applicant = app.channel === 'MAIL' ? reviewer : { subject: person.id, name: person.legalName };
  change(app.createdOn, null, 'DRAFT', applicant);
  let queuedOn = app.queuedOn;
  let incompleteSince = app.incompleteSince;
  let missing: string[] = [];
  const finalStatus = app.hold ? app.hold.from : app.status;
  if (submitted !== null) {
    change(submitted, 'DRAFT', 'SUBMITTED', applicant, null, { policyVersionId: policy.id });
    const review = Math.min(addBusinessDays(submitted, r.int(1, 3)), app.decidedOn ?? Infinity, app.incompleteSince ?? Infinity, A - 1);
    let status = 'SUBMITTED';
    const toReview = (on: Day) => {
      change(on, status, 'IN_REVIEW', reviewer);
      status = 'IN_REVIEW';
    };
    if (['IN_REVIEW', 'APPROVED', 'DENIED', 'INCOMPLETE', 'CLOSED'].includes(finalStatus) && review >= submitted) toReview(Math.max(submitted, review));
    if (app.detour && app.decidedOn && app.decidedOn - review > 6) {
      // Incomplete once, resubmitted, then decided.
      const asked = Math.min(addBusinessDays(review, r.int(1, 4)), app.decidedOn - 2);
      missing = r.sample(MISSING_ITEMS, r.int(1, 2));
      change(asked, status, 'INCOMPLETE', reviewer, `missing: ${missing.join('; ')}`);
      const back = Math.min(asked + r.int(1, Math.max(1, app.decidedOn - asked - 1)), app.decidedOn - 1);
      change(back, 'INCOMPLETE', 'SUBMITTED', applicant, 'resubmitted with the missing items');
      status = 'SUBMITTED';
      queuedOn = back;
      toReview(back);
      missing = [];
    }
    if (finalStatus === 'INCOMPLETE' || finalStatus === 'CLOSED') {
      missing = r.sample(MISSING_ITEMS, r.int(1, 2));
      incompleteSince ??= Math.min(A - 1, addBusinessDays(submitted, 3));
      change(incompleteSince, status, 'INCOMPLETE', reviewer, `missing: ${missing.join('; ')}`);
      if (finalStatus === 'CLOSED') change(app.closedOn!, 'INCOMPLETE', 'CLOSED', 'system', `not completed within ${values.incompleteTimeoutMonths} months (incomplete since ${iso(incompleteSince)})`, { incompleteSince: iso(incompleteSince), timeoutMonths: values.incompleteTimeoutMonths, closedOn: iso(app.closedOn!) });
    }
    if (app.status === 'APPROVED') change(app.decidedOn!, 'IN_REVIEW', 'APPROVED', reviewer, null, { policyVersionId: policy.id, checklistMet: true });
    if (app.status === 'DENIED') change(app.decidedOn!, 'IN_REVIEW', 'DENIED', reviewer, reasons.join('; '));
  }
  if (app.status === 'WITHDRAWN') change(app.withdrawnOn!, submitted === null ? 'DRAFT' : 'SUBMITTED', 'WITHDRAWN', applicant, 'withdrawn by the applicant');
  if (app.hold) change(Math.max(app.hold.on, submitted ?? app.hold.on), app.hold.from, 'ON_HOLD', 'system', `on hold: complaint ${app.hold.complaintId} is pending against the applicant`, { complaintId: app.hold.complaintId });
  timeline.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const updatedAt = timeline[timeline.length - 1]!.at;

  const row: Record<string, unknown> = {
    id: app.id,
    person_id: person.id,
    kind: app.kind,
    channel: app.channel,
    status: app.status,
    certification_id: app.cert?.id ?? null,
    submitted_on: submitted === null ? null : iso(submitted),
    queued_on: queuedOn === null ? null : iso(queuedOn),
    incomplete_since: (finalStatus === 'INCOMPLETE' || finalStatus === 'CLOSED') && incompleteSince !== null ? iso(incompleteSince) : null,
    policy_version_id: submitted === null ? null : policy.id,
    missing_items: missing,
    consumer_of_services: consumer,
    recovery_start_date: recoveryStart === null ? null : iso(recoveryStart),
    education_proof_kind: educationKind,
    education_proof_document_id: educationDoc,
    core_course_title: coreCourse?.title ?? null,
    core_course_completed_on: coreCourse ? iso(coreCourse.completedOn) : null,
    core_course_hours: coreCourse?.hours ?? null,
    code_of_ethics_version: code?.version ?? null,
    code_of_ethics_signed_on: signedOn === null ? null : iso(signedOn),
    recovery_statement: statement,
    statement_own_work: initial ? statement !== null : false,
    work_history: initial && filled ? r.pick(WORK_HISTORY) : null,
    late: app.late,
    decided_on: app.decidedOn === null ? null : iso(app.decidedOn),
    decided_by: app.decidedOn === null ? null : reviewer.subject,
    decision_reasons: reasons,
    appeal_rights: app.status === 'DENIED' ? APPEAL_RIGHTS : null,
    decision_checklist: checklist,
    created_by: applicantSubject,
    created_at: at(app.createdOn, 8 * 60),
    updated_at: updatedAt,
    version: timeline.length,
    external_facts: externalFacts,
    external_facts_at: factsAt === null ? null : at(factsAt, 8 * 60 + 30),
  };
  return { row, fees, references, log, designations, documents, timeline, signed: code && signedOn !== null ? { version: code.version, on: signedOn } : null, approvedUnmet };
}
