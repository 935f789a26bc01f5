// Ethics: complaints walked through the case flow as far as their status (each step on a business
// day, with its timeline entry), allegations on the principles of the code in force, outcomes and
// sanctions; and what the closed ones set off in the other domains, as the outbox delivered it:
// applications on hold while a complaint is open, certifications suspended or revoked, trainers
// removed (their later sessions cancelled).
import { nextDueOn } from '@cpss/ethics/dist/services/complaint-flow';
import { addBusinessDays, addMonths, iso, yearOf, type Day } from './days';
import { inForce, type App, type Command, type Complaint, type ComplaintStep, type Person, type Program, type Sanction, type Session, type Staff, type Trainer } from './model';
import { certificationStatus } from './people';
import { Rng } from './random';
import { cancel } from './training';
import { COMPLAINT_SUMMARIES, COURSE_OWNER_COMPLAINTS, EMAIL_DOMAINS, FEMALE_NAMES, MALE_NAMES, PROGRAM_COMPLAINTS, SMALL_TOWNS, STREET_NAMES, SURNAMES } from './vocab';

const OPEN_STATUSES = ['RECEIVED', 'ACKNOWLEDGED', 'TRIAGED', 'REFERRED_FOR_INVESTIGATION', 'FINDINGS_RECORDED', 'OUTCOME_DECIDED', 'APPEALED', 'APPEAL_DECIDED'];
const HOLDABLE = new Set(['SUBMITTED', 'INCOMPLETE', 'IN_REVIEW']);
const REMOVAL_REASON = 'the trainer was removed as a trainer by the program';

const OUTCOME_REASONS: Record<string, string> = {
  DISMISSED: 'The allegations were not substantiated.',
  NO_ACTION: 'Concern noted; no action needed beyond the conversation with the respondent.',
  CORRECTIVE_ACTION: 'Substantiated; a first concern that training can address.',
  PROBATION: 'Substantiated; the respondent cooperated and accepted supervision.',
  SUSPENSION: 'Substantiated; a serious breach of the Code of Ethics.',
  REVOCATION: 'Substantiated; repeated serious breaches of the Code of Ethics.',
  REMOVAL_AS_TRAINER: 'Substantiated; conduct incompatible with training others.',
};

const FINDINGS = [
  'Substantiated by the respondent’s own account and the records reviewed.',
  'Substantiated by two witness statements and the agency’s records.',
  'Not substantiated: the records contradict the allegation.',
  'Partly substantiated; the remaining allegations could not be confirmed.',
];

function complainantName(rng: Rng): string {
  return `${rng.chance(0.55) ? rng.pick(FEMALE_NAMES) : rng.pick(MALE_NAMES)} ${rng.pick(SURNAMES)}`;
}

interface Plan {
  status: string;
  subject: Complaint['subjectKind'];
  outcome: string | null;
  appeal: 'UPHELD' | 'OVERTURNED' | null;
  level: string;
  notify: boolean;
  respond: boolean;
}

/** The flow's dates from a receipt day, as far as `plan.status`. */
function walk(rng: Rng, received: Day, plan: Plan, appealWindow: number): Record<string, Day | null> {
  const d: Record<string, Day | null> = { received };
  const rank = (s: string) => ['RECEIVED', ...OPEN_STATUSES.slice(1), 'CLOSED'].indexOf(s);
  const upTo = rank(plan.status);
  if (upTo >= 1) d.acknowledged = addBusinessDays(received, rng.int(1, 6));
  if (upTo >= 2) d.triaged = addBusinessDays(d.acknowledged!, rng.int(2, 12));
  if (upTo >= 2 && plan.notify) d.notified = addBusinessDays(d.triaged!, rng.int(1, 5));
  if (upTo >= 3 && plan.level !== 'DESK_REVIEW') d.referred = addBusinessDays(d.triaged!, rng.int(1, 5));
  if (d.notified && plan.respond && upTo >= 3) d.responded = addBusinessDays(d.notified, rng.int(3, 15));
  if (upTo >= 4) d.findings = addBusinessDays(Math.max(d.referred ?? d.triaged!, d.responded ?? 0), plan.level === 'DESK_REVIEW' ? rng.int(5, 25) : rng.int(15, 60));
  if (upTo >= 5) {
    d.outcome = addBusinessDays(d.findings!, rng.int(2, 10));
    d.deadline = addBusinessDays(d.outcome, appealWindow);
  }
  if (upTo >= 6 && plan.appeal) d.appealed = addBusinessDays(d.outcome!, rng.int(1, appealWindow));
  if (upTo >= 7 && plan.appeal) d.appealDecided = addBusinessDays(d.appealed!, rng.int(10, 30));
  if (upTo >= 8) d.closed = addBusinessDays(d.appealDecided ?? d.deadline!, rng.int(1, 5));
  return d;
}

function lastOf(d: Record<string, Day | null>): Day {
  return Math.max(...Object.values(d).filter((v): v is Day => v !== null && v !== undefined));
}

export function makeComplaints(p: Program): void {
  const A = p.asOf;
  const rng = p.rng('complaints');
  const ids = p.rng('ids');
  const count = Math.round(600 * p.scale);
  const certified = p.people.filter((x) => x.cert && !x.trainer);
  const trainers = p.trainers;
  const holdable = (x: Person, on: Day) => x.apps.filter((a) => HOLDABLE.has(a.status) && a.submittedOn !== null && a.submittedOn <= on);
  const withOpenApps = p.people.filter((x) => !x.trainer && x.apps.some((a) => HOLDABLE.has(a.status) && a.submittedOn !== null));
  const policyOf = (d: Day) => inForce(p.refs.ethicsPolicies, d);
  const staff = p.staff.ethics;
  const plans: Plan[] = [];
  for (let i = 0; i < count; i += 1) {
    const status = rng.weighted([['CLOSED', 64], ['RECEIVED', 4], ['ACKNOWLEDGED', 5], ['TRIAGED', 7], ['REFERRED_FOR_INVESTIGATION', 9], ['FINDINGS_RECORDED', 4], ['OUTCOME_DECIDED', 3.5], ['APPEALED', 1.5], ['APPEAL_DECIDED', 2]] as const);
    const subject = rng.weighted([['CPSS', 66], ['TRAINER', 14], ['COURSE_OWNER', 7], ['PROGRAM', 13]] as const);
    const decided = ['OUTCOME_DECIDED', 'APPEALED', 'APPEAL_DECIDED', 'CLOSED'].includes(status);
    let outcome: string | null = null;
    if (decided) {
      if (subject === 'PROGRAM' || subject === 'COURSE_OWNER') outcome = rng.pick(['DISMISSED', 'NO_ACTION']);
      else if (subject === 'CPSS') outcome = rng.weighted([['DISMISSED', 34], ['NO_ACTION', 18], ['CORRECTIVE_ACTION', 20], ['PROBATION', 14], ['SUSPENSION', 9], ['REVOCATION', 5]] as const);
      else outcome = rng.weighted([['DISMISSED', 35], ['NO_ACTION', 20], ['CORRECTIVE_ACTION', 20], ['PROBATION', 10], ['REMOVAL_AS_TRAINER', 15]] as const);
    }
    const sanctioning = outcome !== null && !['DISMISSED', 'NO_ACTION'].includes(outcome);
    const appealed = status === 'APPEALED' || status === 'APPEAL_DECIDED' || (status === 'CLOSED' && sanctioning && rng.chance(0.15));
    plans.push({
      status,
      subject,
      outcome,
      appeal: appealed ? (status === 'APPEALED' ? 'UPHELD' : rng.chance(0.25) ? 'OVERTURNED' : 'UPHELD') : null,
      level: rng.weighted([['DESK_REVIEW', 45], ['INVESTIGATION', 45], ['EXPEDITED', 10]] as const),
      notify: subject !== 'PROGRAM' && (decided || status === 'FINDINGS_RECORDED' || rng.chance(0.5)),
      respond: rng.chance(0.8),
    });
  }

  const complaints: Complaint[] = [];
  for (const [index, plan] of plans.entries()) {
    // Dates: open cases are recent (the last step a few days ago), closed ones over six years;
    // removals as trainer are recent (earlier ones would have stopped sessions the record shows held).
    const window = policyOf(A).values.appealWindowBusinessDays;
    const at = (from: Day) => walk(new Rng(p.seed, `complaint-walk:${index}`), from, plan, window);
    const removal = plan.outcome === 'REMOVAL_AS_TRAINER' && plan.status === 'CLOSED';
    let received = plan.status === 'CLOSED' && !removal ? rng.int(addMonths(A, -72), A - 150) : A - 200;
    let d = at(received);
    if (plan.status !== 'CLOSED' || removal) {
      const targetLast = removal ? A - rng.int(5, 60) : A - 1 - (plan.status === 'OUTCOME_DECIDED' ? rng.int(0, 8) : rng.int(0, 20));
      for (let k = 0; k < 6 && lastOf(d) !== targetLast; k += 1) {
        received -= lastOf(d) - targetLast;
        d = at(received);
      }
    }
    for (let k = 0; k < 6 && lastOf(d) >= A; k += 1) {
      received -= lastOf(d) - A + 3;
      d = at(received);
    }
    if (lastOf(d) >= A) throw new Error('complaint dates after today');
    received = d.received!;
    const incident = received - rng.int(1, 120);
    const policy = policyOf(received);

    // The respondent.
    let respondent: Person | null = null;
    let description: string | null = null;
    const sanctionDay = d.outcome ? d.outcome + rng.int(15, 40) : null;
    if (plan.subject === 'CPSS') {
      const wantHold = plan.status !== 'CLOSED' && rng.chance(0.3) && withOpenApps.length > 0;
      for (let tries = 0; tries < 80 && !respondent; tries += 1) {
        const x = wantHold ? rng.pick(withOpenApps) : rng.pick(certified);
        if (wantHold) {
          if (!holdable(x, d.triaged ?? received).length) continue;
        } else if (x.cert!.renewals[0]! > incident - 30) continue;
        if (x.cert && (plan.outcome === 'SUSPENSION' || plan.outcome === 'REVOCATION')) {
          const cert = x.cert;
          if (cert.renewals[cert.renewals.length - 1]! >= sanctionDay! || x.apps.some((a) => (a.submittedOn ?? a.createdOn) >= sanctionDay!)) continue;
          const status = certificationStatus(cert, Math.min(A - 1, d.closed ?? sanctionDay!), inForce(p.refs.certificationPolicies, A).values);
          if (!['ACTIVE', 'DUE', 'LATE'].includes(status)) continue;
        }
        respondent = x;
      }
      if (!respondent && (plan.outcome === 'SUSPENSION' || plan.outcome === 'REVOCATION')) plan.outcome = 'CORRECTIVE_ACTION';
      if (!respondent) respondent = rng.pick(certified);
    } else if (plan.subject === 'TRAINER') {
      for (let tries = 0; tries < 60 && !respondent; tries += 1) {
        const t = rng.pick(trainers);
        if (!t.registrations.length || t.registrations[0]!.registeredOn > incident || t.removedOn !== null) continue;
        if (plan.outcome === 'REMOVAL_AS_TRAINER' && plan.status === 'CLOSED' && !removable(p, t, d.closed!)) continue;
        respondent = t.person;
      }
      if (!respondent) {
        if (plan.outcome === 'REMOVAL_AS_TRAINER') plan.outcome = 'PROBATION';
        respondent = rng.pick(trainers).person;
      }
    } else if (plan.subject === 'COURSE_OWNER') {
      description = `Course owner: ${rng.pick(p.owners).name}`;
    } else if (rng.chance(0.5)) description = 'Program office';
    // Some complaints name the person only in words until triage links them.
    const linkedAtTriage = respondent !== null && rng.chance(0.12) && !plan.outcome?.startsWith('SUSP') && plan.outcome !== 'REVOCATION';
    if (linkedAtTriage) description = `${plan.subject === 'TRAINER' ? 'Trainer' : 'Peer specialist'} named ${respondent!.firstName}, ${respondent!.county} County`;
    const stillUnlinked = linkedAtTriage && !d.triaged;
    const sanctioning = plan.outcome !== null && !['DISMISSED', 'NO_ACTION'].includes(plan.outcome) && respondent !== null && !stillUnlinked;
    if (!sanctioning && plan.outcome && !['DISMISSED', 'NO_ACTION'].includes(plan.outcome)) plan.outcome = 'NO_ACTION';

    // What it is about.
    const code = [...p.refs.codes].reverse().find((c) => c.effectiveFrom <= incident) ?? p.refs.codes[0]!;
    let principles: string[] = [];
    let summary: string;
    if (plan.subject === 'PROGRAM') summary = rng.pick(PROGRAM_COMPLAINTS);
    else if (plan.subject === 'COURSE_OWNER') {
      summary = rng.pick(COURSE_OWNER_COMPLAINTS);
      principles = code.principles.includes('HONESTY') ? ['HONESTY'] : [];
    } else {
      principles = rng.sample(code.principles, rng.weighted([[1, 60], [2, 30], [3, 10]] as const)).sort();
      summary = rng.pick(COMPLAINT_SUMMARIES[principles[0]!] ?? ['Conduct contrary to the Code of Ethics.']);
    }
    const name = complainantName(rng);
    const email = rng.chance(0.7) ? `${name.toLowerCase().replace(/[^a-z ]/g, '').replace(' ', '.')}@${rng.weighted(EMAIL_DOMAINS)}` : null;
    const phone = !email || rng.chance(0.4) ? `${rng.pick(['919', '704', '336', '910', '252', '828'])}-555-01${String(rng.int(0, 99)).padStart(2, '0')}` : null;
    const channel = rng.weighted([['ONLINE_FORM', 55], ['PHONE', 20], ['EMAIL', 18], ['MAIL', 7]] as const);
    const worker: Staff = rng.pick(staff);
    const c: Complaint = {
      id: ids.uuid(),
      reference: '',
      channel,
      subjectKind: plan.subject,
      respondent: stillUnlinked ? null : respondent,
      linkedAtTriage,
      respondentDescription: description,
      incidentOn: incident,
      receivedOn: received,
      summary,
      principles,
      complainant: { name, email, phone, address: channel === 'MAIL' || rng.chance(0.1) ? `${rng.int(100, 9999)} ${rng.pick(STREET_NAMES)} St, ${rng.pick(SMALL_TOWNS)}, NC` : null },
      status: plan.status,
      triageLevel: d.triaged ? plan.level : null,
      acknowledgedOn: d.acknowledged ?? null,
      triagedOn: d.triaged ?? null,
      referredOn: d.referred ?? null,
      referredTo: d.referred ? 'DMH/DD/SUS Program Integrity' : null,
      respondentNotifiedOn: d.notified ?? null,
      respondentResponse: d.responded ? 'I have read the complaint and want to give my side: ' + rng.pick(['I did not intend any harm.', 'This is not what happened.', 'I accept it and have spoken with my supervisor.']) : null,
      respondentRespondedOn: d.responded ?? null,
      cooperation: d.referred && respondent && !stillUnlinked && rng.chance(0.6) ? (rng.chance(0.85) ? 'COOPERATING' : 'NOT_COOPERATING') : null,
      cooperationNote: null,
      findingsOn: d.findings ?? null,
      substantiated: d.findings ? plan.outcome === null ? rng.chance(0.5) : plan.outcome !== 'DISMISSED' : null,
      findings: d.findings ? rng.pick(FINDINGS) : null,
      outcome: d.outcome ? plan.outcome : null,
      outcomeReason: d.outcome ? OUTCOME_REASONS[plan.outcome!]! : null,
      outcomeNoticeOn: d.outcome ?? null,
      appealDeadline: d.deadline ?? null,
      appealedOn: d.appealed ?? null,
      appealGrounds: d.appealed ? 'The decision did not consider the respondent’s account.' : null,
      appealDecision: d.appealDecided ? plan.appeal : null,
      appealDecidedOn: d.appealDecided ?? null,
      closedOn: d.closed ?? null,
      nextDueOn: null,
      steps: [],
      sanction: null,
      createdBy: channel === 'ONLINE_FORM' ? 'public-form' : worker.subject,
      staff: worker,
      codeVersionId: code.id,
      policyVersionId: policy.id,
      applicationHold: false,
      commands: [],
    };
    if (c.cooperation) c.cooperationNote = c.cooperation === 'COOPERATING' ? 'Attended the interview and provided records.' : 'Did not answer two requests for an interview.';
    complaints.push(c);

    // The sanction decided with the outcome.
    if (d.outcome && sanctioning) {
      const kind = plan.outcome!;
      const from = kind === 'CORRECTIVE_ACTION' ? d.outcome : sanctionDay!;
      const due = kind === 'CORRECTIVE_ACTION' ? d.outcome + rng.int(60, 150) : null;
      const until = kind === 'SUSPENSION' ? addMonths(from, rng.int(3, 12)) : kind === 'PROBATION' ? addMonths(from, rng.int(6, 24)) : due;
      const s: Sanction = {
        id: ids.uuid(),
        kind,
        status: 'PENDING',
        effectiveFrom: from,
        effectiveUntil: until,
        conditions: kind === 'PROBATION' ? 'Complete Ethics and Peer Support Boundaries again; quarterly supervisor reports.' : null,
        mandatedTraining: kind === 'CORRECTIVE_ACTION' ? rng.pick(['Ethics and Peer Support Boundaries', 'Boundaries and Ethical Practice for Peers', 'Documentation for Peer Specialists']) : null,
        trainingDueOn: due,
        decidedOn: d.outcome,
        finalizedOn: null,
      };
      if (c.appealDecision === 'OVERTURNED') s.status = 'OVERTURNED';
      if (c.closedOn && s.status === 'PENDING') {
        if (s.effectiveFrom < c.closedOn && (s.effectiveUntil === null || c.closedOn <= s.effectiveUntil)) s.effectiveFrom = c.closedOn;
        s.status = 'FINAL';
        s.finalizedOn = c.closedOn;
      }
      c.sanction = s;
    }
  }

  // References in order of receipt, in a range of their own (the platform numbers from 1).
  complaints.sort((a, b) => a.receivedOn - b.receivedOn || (a.id < b.id ? -1 : 1));
  complaints.forEach((c, i) => (c.reference = `ETH-${yearOf(c.receivedOn)}-${String(500001 + i).padStart(6, '0')}`));

  // Timelines, clocks and the commands, in the order the cases were decided.
  const certPolicy = inForce(p.refs.certificationPolicies, A).values;
  const byClose = [...complaints].sort((a, b) => (a.closedOn ?? A) - (b.closedOn ?? A) || a.receivedOn - b.receivedOn);
  for (const c of byClose) {
    steps(c);
    const policy = inForce(p.refs.ethicsPolicies, c.receivedOn).values;
    c.nextDueOn = c.status === 'CLOSED' ? null : dayOrNull(nextDueOn(isoCase(c) as never, policy as never, iso(A)));
    const command = (type: string, targetDomain: Command['targetDomain'], payload: Record<string, unknown>, key: string, on: Day, outcome: string, deliverByHours: number | null = null) =>
      c.commands.push({ type, targetDomain, payload, key, day: on, minute: 10 * 60 + rng.int(0, 400), deliverByHours, outcome });
    const person = c.respondent;
    if (person) {
      const linkDay = c.linkedAtTriage ? c.triagedOn! : c.receivedOn;
      c.applicationHold = true;
      const held: App[] = c.status === 'CLOSED' ? [] : holdable(person, linkDay);
      for (const app of held) {
        app.hold = { from: app.status, on: linkDay, complaintId: c.id };
        app.status = 'ON_HOLD';
      }
      command('HOLD_APPLICATION', 'certification', { personId: person.id, complaintId: c.id, reason: 'complaint pending' }, `complaint:${c.id}:HOLD_APPLICATION`, linkDay,
        held.length ? `${held.length} application${held.length === 1 ? '' : 's'} put on hold for complaint ${c.id}` : 'no submitted, incomplete or in-review application: nothing put on hold');
    }
    const s = c.sanction;
    if (c.closedOn && s && s.status === 'FINAL' && person) {
      const hours = policy.registryUpdateTargetHours;
      const payload = { personId: person.id, sanctionId: s.id, effectiveFrom: iso(s.effectiveFrom), effectiveUntil: s.effectiveUntil === null ? null : iso(s.effectiveUntil) };
      if (s.kind === 'SUSPENSION' || s.kind === 'REVOCATION') {
        const type = s.kind === 'SUSPENSION' ? 'SUSPEND_CERTIFICATION' : 'REVOKE_CERTIFICATION';
        const verb = s.kind === 'SUSPENSION' ? 'suspended' : 'revoked';
        const cert = person.cert;
        let outcome = `no certification: nothing ${verb}`;
        if (cert) {
          const status = certificationStatus(cert, s.effectiveFrom, certPolicy);
          const period = `from ${iso(s.effectiveFrom)}${s.effectiveUntil !== null && s.kind === 'SUSPENSION' ? ` through ${iso(s.effectiveUntil)}` : ''}`;
          if (['LAPSED', 'REVOKED', 'RELINQUISHED'].includes(status)) outcome = `certification ${cert.number} is already ${status.toLowerCase()} on ${iso(s.effectiveFrom)}: nothing changed`;
          else {
            cert.events.push({
              id: ids.uuid(),
              kind: s.kind === 'SUSPENSION' ? 'SUSPENDED' : 'REVOKED',
              effectiveOn: s.effectiveFrom,
              effectiveUntil: s.kind === 'SUSPENSION' ? s.effectiveUntil : null,
              reason: `${verb} ${period} by ethics sanction ${s.id}`,
              actor: 'system',
              at: `${iso(c.closedOn)} 11:${String(rng.int(10, 59)).padStart(2, '0')}:00+00`,
            });
            outcome = `certification ${cert.number} ${verb} ${period}`;
          }
        }
        command(type, 'certification', payload, `sanction:${s.id}:${type}`, c.closedOn, outcome, hours);
      } else if (s.kind === 'REMOVAL_AS_TRAINER' && person.trainer) {
        const cancelled = removeTrainer(p, person.trainer, c.closedOn, s.id);
        const total = person.trainer.registrations.length;
        command('REMOVE_TRAINER', 'training', payload, `sanction:${s.id}:REMOVE_TRAINER`, c.closedOn, `removed ${total} trainer registration(s) (${total} on record) and cancelled ${cancelled} upcoming session(s)`, hours);
      }
    }
    if (c.closedOn && c.applicationHold && person) {
      command('RELEASE_APPLICATION_HOLD', 'certification', { personId: person.id, complaintId: c.id, outcome: c.appealDecision === 'OVERTURNED' ? 'OVERTURNED' : c.outcome }, `complaint:${c.id}:RELEASE_APPLICATION_HOLD`, c.closedOn, 'no application on hold: nothing released');
    }
  }
  p.complaints.push(...complaints);
}

function dayOrNull(s: string | null): Day | null {
  return s === null ? null : Math.round(Date.parse(`${s}T00:00:00Z`) / 86_400_000);
}

/** The complaint as the platform's clock functions read it (ISO dates). */
function isoCase(c: Complaint): Record<string, unknown> {
  const o = (d: Day | null) => (d === null ? null : iso(d));
  return {
    status: c.status, triageLevel: c.triageLevel, receivedOn: o(c.receivedOn), acknowledgedOn: o(c.acknowledgedOn), triagedOn: o(c.triagedOn), referredOn: o(c.referredOn),
    respondentNotifiedOn: o(c.respondentNotifiedOn), respondentRespondedOn: o(c.respondentRespondedOn), findingsOn: o(c.findingsOn), outcomeNoticeOn: o(c.outcomeNoticeOn),
    appealedOn: o(c.appealedOn), closedOn: o(c.closedOn),
  };
}

/** The case's timeline: one entry per step, as the service records them. */
function steps(c: Complaint): void {
  const out: ComplaintStep[] = [];
  const staff = c.staff;
  const add = (day: Day | null, from: string | null, to: string, reason: string | null, facts: Record<string, unknown> | null, actor: Staff | string = staff) => {
    if (day !== null) out.push({ day, from, to, reason, facts, actor });
  };
  add(c.receivedOn, null, 'RECEIVED', `received by ${c.channel.toLowerCase().replace('_', ' ')}`, { channel: c.channel }, c.createdBy === 'public-form' ? 'public-form' : staff);
  add(c.acknowledgedOn, 'RECEIVED', 'ACKNOWLEDGED', 'complaint acknowledged to the complainant', null);
  add(c.triagedOn, 'ACKNOWLEDGED', 'TRIAGED', null, { level: c.triageLevel, respondentLinked: c.respondent !== null });
  const events: [Day | null, string, Record<string, unknown>][] = [
    [c.respondentNotifiedOn, 'respondent notified', { event: 'RESPONDENT_NOTIFIED' }],
    [c.referredOn, '', {}],
    [c.respondentRespondedOn, 'respondent responded', { event: 'RESPONDENT_RESPONDED' }],
  ];
  let status = c.triagedOn ? 'TRIAGED' : c.acknowledgedOn ? 'ACKNOWLEDGED' : 'RECEIVED';
  for (const [day, reason, facts] of events.filter((e) => e[0] !== null).sort((a, b) => a[0]! - b[0]!)) {
    if (reason === '') {
      add(day, status, 'REFERRED_FOR_INVESTIGATION', null, { referredTo: c.referredTo });
      status = 'REFERRED_FOR_INVESTIGATION';
    } else add(day, status, status, reason, facts);
  }
  add(c.findingsOn, status, 'FINDINGS_RECORDED', null, { substantiated: c.substantiated });
  add(c.outcomeNoticeOn, 'FINDINGS_RECORDED', 'OUTCOME_DECIDED', c.outcomeReason, { outcome: c.outcome, appealDeadline: c.appealDeadline === null ? null : iso(c.appealDeadline), sanctionId: c.sanction?.id ?? null });
  add(c.appealedOn, 'OUTCOME_DECIDED', 'APPEALED', null, { appealDeadline: c.appealDeadline === null ? null : iso(c.appealDeadline) });
  add(c.appealDecidedOn, 'APPEALED', 'APPEAL_DECIDED', c.appealDecision === 'OVERTURNED' ? 'The appeal panel found the sanction disproportionate.' : 'The appeal panel upheld the outcome.', { decision: c.appealDecision });
  add(c.closedOn, c.appealDecidedOn ? 'APPEAL_DECIDED' : 'OUTCOME_DECIDED', 'CLOSED', c.appealedOn ? null : 'No appeal within the window', { finalSanctions: c.sanction?.status === 'FINAL' ? [c.sanction.kind] : [] });
  c.steps = out;
}

/** A trainer may be removed on `on` when every session they held after it can go to a co-trainer. */
function removable(p: Program, t: Trainer, on: Day): boolean {
  return p.sessions.filter((s) => s.trainer === t && s.firstDay > on && s.firstDay <= p.asOf && s.status === 'SCHEDULED').every((s) => coTrainer(s, t) !== null);
}

function coTrainer(s: Session, t: Trainer): Trainer | null {
  return s.course.trainers.find((r) => r.trainer !== t && r.status === 'ACTIVE' && r.registeredOn <= s.opensOn && r.trainer.person !== t.person && !s.enrollments.some((e) => e.person === r.trainer.person))?.trainer ?? null;
}

/** The REMOVE_TRAINER command: registrations REMOVED, upcoming sessions cancelled. */
function removeTrainer(p: Program, t: Trainer, on: Day, sanctionId: string): number {
  t.removedOn = on;
  for (const r of t.registrations) {
    r.status = 'REMOVED';
    r.removedOn = on;
    r.removalSanctionId = sanctionId;
  }
  let cancelled = 0;
  for (const s of p.sessions) {
    if (s.trainer !== t || s.firstDay <= on || s.status !== 'SCHEDULED') continue;
    if (s.firstDay > p.asOf) {
      cancel(s, on, REMOVAL_REASON);
      cancelled += 1;
    } else {
      // Held after the removal in this data set: taught by a co-trainer instead.
      const other = coTrainer(s, t);
      if (other) s.trainer = other;
    }
  }
  return cancelled;
}
