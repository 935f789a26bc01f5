// People (CPSS and applicants) with voluntary demographics, each CPSS's certification history
// (issued, renewed every term, now active, due, late, lapsed or relinquished), the applications
// those dates imply, and the training each step needed (placed on the record later).
import { certificationStatusOn } from '@cpss/certification/dist/services/lifecycle';
import type { CourseKind } from '@cpss/domain';
import { addBusinessDays, addMonths, addYears, day, endOfMonth, iso, onBusinessDay, type Day } from './days';
import { inForce, type App, type Cert, type CertificationPolicyValues, type Need, type Person, type Program, type Staff } from './model';
import type { Rng } from './random';
import {
  AREA_CODES, COUNTY_TOWNS, COUNTY_WEIGHTS, COURSE_TOPICS, EMAIL_DOMAINS, FEMALE_NAMES, MALE_NAMES, NICKNAMES, STREET_NAMES,
  STREET_SUFFIXES, SURNAMES,
} from './vocab';

/** The earliest first certification generated: the program's policies start in 2013. */
export const FIRST_ISSUE = day('2013-09-03');

const rankWeights = <T>(items: readonly T[]): [T, number][] => items.map((v, i) => [v, 1 / (i + 6)]);
const FEMALE = rankWeights(FEMALE_NAMES);
const MALE = rankWeights(MALE_NAMES);
const SURNAME = rankWeights(SURNAMES);

export function certificationStatus(cert: Cert, on: Day, policy: CertificationPolicyValues): string {
  return certificationStatusOn(
    {
      issuedOn: iso(cert.renewals[0]!),
      dueOn: iso(cert.dueOn),
      events: cert.events.map((e) => ({ kind: e.kind, effectiveOn: iso(e.effectiveOn), effectiveUntil: e.effectiveUntil === null ? null : iso(e.effectiveUntil) })),
    },
    iso(on),
    policy,
  ).status;
}

/** The status of a term (due `dueOn`) on a day, before any event. */
function termStatus(dueOn: Day, on: Day, policy: CertificationPolicyValues): string {
  return certificationStatusOn({ issuedOn: iso(dueOn - 800), dueOn: iso(dueOn), events: [] }, iso(on), policy).status;
}

function pickDayIn(rng: Rng, from: Day, to: Day): Day {
  return to <= from ? from : rng.int(from, to);
}

/** A random day of the month `d` falls in, not after `notAfter`. */
function dayInMonth(rng: Rng, d: Day, notAfter: Day): Day {
  const last = endOfMonth(d);
  const first = endOfMonth(addMonths(last, -1)) + 1;
  return pickDayIn(rng, first, Math.min(last, notAfter));
}

function makePerson(p: Program, rng: Rng, index: number, usedEmails: Set<string>): Person {
  const sex = rng.weighted([['F', 62], ['M', 36], ['X', 2]] as const);
  const first = sex === 'F' || (sex === 'X' && rng.chance(0.5)) ? rng.weighted(FEMALE) : rng.weighted(MALE);
  let last = rng.weighted(SURNAME);
  if (rng.chance(0.02)) last = `${last}-${rng.weighted(SURNAME)}`;
  let middle = rng.chance(0.3) ? ` ${rng.chance(0.5) ? `${rng.weighted(sex === 'M' ? MALE : FEMALE)}` : `${String.fromCharCode(65 + rng.int(0, 25))}.`}` : '';
  if (middle.trim() === first) middle = '';
  const legalName = `${first}${middle} ${last}`;
  const nick = NICKNAMES[first];
  const preferredName = nick && rng.chance(0.35) ? nick : null;
  const local = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
  let email = `${rng.chance(0.45) ? local : `${local}${rng.int(1, 99)}`}@${rng.weighted(EMAIL_DOMAINS)}`;
  if (usedEmails.has(email) || p.refs.demo.emails.has(email)) email = email.replace('@', `.${index}@`);
  usedEmails.add(email);
  const county = rng.weighted(COUNTY_WEIGHTS);
  const town = COUNTY_TOWNS[county]!;
  const address = rng.chance(0.85)
    ? {
        line1: `${rng.int(100, 9899)} ${rng.pick(STREET_NAMES)} ${rng.pick(STREET_SUFFIXES)}`,
        line2: rng.chance(0.12) ? `Apt ${rng.int(1, 40)}${rng.pick(['', 'A', 'B', 'C'])}` : null,
        city: town.town,
        state: 'NC',
        postalCode: `${town.zip}${String(rng.int(1, 99)).padStart(2, '0')}`,
      }
    : null;
  const phone = rng.chance(0.85) ? `${rng.pick(AREA_CODES)}-555-01${String(rng.int(0, 99)).padStart(2, '0')}` : null;
  const raceEthnicity: string[] = [];
  if (rng.chance(0.8)) {
    const robeson = county === 'Robeson' || county === 'Swain' || county === 'Jackson';
    const race = () =>
      rng.weighted([
        ['WHITE', 52], ['BLACK_AFRICAN_AMERICAN', 30], ['HISPANIC_LATINO', 8], ['AMERICAN_INDIAN_ALASKA_NATIVE', robeson ? 40 : 2], ['ASIAN', 2],
        ['NATIVE_HAWAIIAN_PACIFIC_ISLANDER', 0.3], ['OTHER', 2], ['PREFER_NOT_TO_SAY', 3],
      ] as const);
    raceEthnicity.push(race());
    if (rng.chance(0.05)) {
      const second = race();
      if (second !== raceEthnicity[0] && second !== 'PREFER_NOT_TO_SAY' && raceEthnicity[0] !== 'PREFER_NOT_TO_SAY') raceEthnicity.push(second);
    }
  }
  const gender = rng.chance(0.85)
    ? rng.weighted([[sex === 'M' ? 'MAN' : sex === 'F' ? 'WOMAN' : 'NON_BINARY', 95], ['NON_BINARY', 1.5], ['SELF_DESCRIBED', 0.5], ['PREFER_NOT_TO_SAY', 2]] as const)
    : null;
  const military = county === 'Onslow' || county === 'Cumberland' || county === 'Craven' || county === 'Wayne';
  const veteranStatus = rng.chance(0.8)
    ? rng.weighted([['VETERAN', military ? 22 : 9], ['ACTIVE_DUTY', military ? 4 : 0.5], ['NOT_A_VETERAN', 85], ['PREFER_NOT_TO_SAY', 2]] as const)
    : null;
  return {
    id: rng.uuid(),
    index,
    firstName: first,
    legalName,
    preferredName,
    email,
    dateOfBirth: 0,
    county,
    phone,
    address,
    raceEthnicity,
    gender,
    veteranStatus,
    createdAt: 0,
    cert: null,
    applicantStatus: null,
    trainer: null,
    apps: [],
    completions: [],
    sanctionable: false,
  };
}

/** Certification dates for a target status: terms backwards from the last certification. */
function makeCert(p: Program, rng: Rng, person: Person): Cert {
  const A = p.asOf;
  const policyNow = inForce(p.refs.certificationPolicies, A).values;
  let target = rng.weighted([['ACTIVE', 69], ['DUE', 8.5], ['LATE', 3], ['LAPSED', 17.5], ['RELINQUISHED', 2]] as const);
  let dueOn: Day;
  for (;;) {
    if (target === 'ACTIVE' || target === 'RELINQUISHED') dueOn = endOfMonth(addMonths(A, rng.int(4, 24)));
    else if (target === 'DUE') dueOn = endOfMonth(addMonths(A, rng.int(0, 3)));
    else if (target === 'LATE') dueOn = endOfMonth(addMonths(A, -1));
    else dueOn = endOfMonth(addMonths(A, -rng.int(2, 96)));
    const status = termStatus(dueOn, A, policyNow);
    if (target === 'RELINQUISHED' ? status === 'ACTIVE' : status === target) break;
    if (target === 'LATE') target = 'DUE';
  }
  // The last (re)certification: a day of the month a term before the due month.
  const last = dayInMonth(rng, addYears(dueOn, -2), A - 1);
  // Terms before it: renewed inside each term's renewal window (a few late).
  const renewals: Day[] = [last];
  const submissions: Day[] = [];
  const late: boolean[] = [];
  const dues: Day[] = [dueOn];
  const wanted = rng.weighted([[0, 30], [1, 24], [2, 18], [3, 12], [4, 8], [5, 5], [6, 3]] as const);
  for (let j = 0; j < wanted; j += 1) {
    const approval = renewals[0]!;
    const submitted = approval - rng.int(4, 30);
    const prevDue = endOfMonth(submitted + rng.weighted([[rng.int(1, 60), 90], [-rng.int(1, 25), 10]] as const));
    const prev = dayInMonth(rng, addYears(prevDue, -2), submitted - 30);
    if (prev < FIRST_ISSUE) break;
    const policy = inForce(p.refs.certificationPolicies, submitted).values;
    const status = termStatus(prevDue, submitted, policy);
    if (status !== 'DUE' && status !== 'LATE') break;
    submissions.unshift(submitted);
    late.unshift(status === 'LATE');
    renewals.unshift(prev);
    dues.unshift(prevDue);
  }
  if (renewals[0]! < FIRST_ISSUE) throw new Error(`certification issued before ${iso(FIRST_ISSUE)}`);
  // The first application: submitted a few weeks before its approval.
  submissions.unshift(renewals[0]! - rng.int(10, 50));
  late.unshift(false);
  return {
    id: p.rng('ids').uuid(),
    number: '',
    person,
    renewals,
    submissions,
    late,
    dueOn,
    dues,
    target,
    events: [],
    designations: [],
    applicationId: null,
  };
}

const ELECTIVES = COURSE_TOPICS.ELECTIVE;

function need(person: Person, kind: CourseKind, minHours: number, lo: Day, hi: Day, app: App | null, extra: Partial<Need> = {}): Need {
  const n: Need = { person, kind, minHours, lo, hi: Math.max(hi, lo + 1), childFamily: false, military: false, app, keep: false, completion: null, ...extra };
  app?.needs.push(n);
  return n;
}

/** Ethics and electives adding up to `hours` (ethics first when `ethics`), completed within (lo, hi]. */
function periodNeeds(rng: Rng, person: Person, lo: Day, hi: Day, hours: number, ethics: boolean, app: App | null): Need[] {
  const out: Need[] = [];
  let sum = 0;
  if (ethics) {
    out.push(need(person, 'ETHICS_AND_BOUNDARIES', 3, lo, hi, app));
    sum += 3;
  }
  while (sum < hours) {
    const supervisor = rng.chance(0.04);
    if (supervisor) {
      out.push(need(person, 'SUPERVISOR', 6, lo, hi, app));
      sum += 6;
      continue;
    }
    const topic = rng.pick(ELECTIVES.filter(([, h, child]) => h <= 16 && !child));
    out.push(need(person, 'ELECTIVE', topic[1], lo, hi, app));
    sum += topic[1];
  }
  return out;
}

function newApp(p: Program, person: Person, kind: App['kind'], status: string, reviewer: Staff, extra: Partial<App>): App {
  const app: App = {
    id: p.rng('ids').uuid(),
    person,
    kind,
    channel: 'ONLINE',
    status,
    cert: null,
    createdOn: 0,
    submittedOn: null,
    queuedOn: null,
    incompleteSince: null,
    decidedOn: null,
    closedOn: null,
    withdrawnOn: null,
    missingItems: [],
    decisionReasons: [],
    late: false,
    lastCertifiedOn: null,
    certStatusOnSubmission: null,
    shortHours: false,
    shortRecovery: false,
    needs: [],
    coreNeed: null,
    reviewer,
    hold: null,
    detour: false,
    designationRequests: [],
    ...extra,
  };
  person.apps.push(app);
  p.apps.push(app);
  return app;
}

/** An initial application's training: core course, ethics and additional hours before `submitted`. */
function initialNeeds(p: Program, rng: Rng, app: App, submitted: Day, complete: boolean): Need[] {
  const person = app.person;
  const coreDone = submitted - rng.int(20, 600);
  const core = need(person, 'CORE_PSS', 40, coreDone - 150, coreDone, app);
  app.coreNeed = core;
  const hours = complete ? 20 : rng.int(6, 14);
  const out = [core, ...periodNeeds(rng, person, coreDone - 200, submitted - 1, hours, complete || rng.chance(0.5), app)];
  if (app.designationRequests.some((d) => d !== 'COAPS')) out.push(need(person, 'DESIGNATION', 8, coreDone - 200, submitted - 1, app, { military: true }));
  if (app.designationRequests.includes('COAPS')) out.push(need(person, 'DESIGNATION', 16, coreDone - 200, submitted - 1, app));
  return out;
}

export function makePeople(p: Program): void {
  const A = p.asOf;
  const rng = p.rng('people');
  const lives = p.rng('lifecycle');
  const total = Math.round(6000 * p.scale);
  const certified = Math.round(total * 0.78);
  const usedEmails = new Set<string>();
  const reviewers = p.staff.certification;
  for (let i = 0; i < total; i += 1) {
    const person = makePerson(p, rng, i, usedEmails);
    if (p.refs.demo.personIds.has(person.id)) throw new Error('generated person id collides with a demo person');
    p.people.push(person);
    if (i < certified) {
      const cert = makeCert(p, lives, person);
      person.cert = cert;
      p.certs.push(cert);
    }
  }

  for (const person of p.people) {
    const cert = person.cert;
    const reviewer = () => rng.pick(reviewers);
    if (cert) {
      const issued = cert.renewals[0]!;
      const age = rng.normal(46, 11, 24, 76);
      person.dateOfBirth = Math.min(A - Math.round(age * 365.25) - rng.int(0, 364), addYears(issued, -21));
      // Designations: veterans and service members, and a few COAPS.
      if (person.veteranStatus === 'VETERAN' && rng.chance(0.45)) cert.designations.push({ designation: 'VETERAN_SERVICE_MEMBER', grantedOn: issued });
      if (person.veteranStatus === 'ACTIVE_DUTY' && rng.chance(0.5)) cert.designations.push({ designation: 'MILITARY_SERVICE_MEMBER', grantedOn: issued });
      if (rng.chance(0.03)) cert.designations.push({ designation: 'COAPS', grantedOn: cert.renewals[rng.int(0, cert.renewals.length - 1)]! });

      // An earlier first application that did not succeed.
      if (rng.chance(0.05)) {
        const s = issued - rng.int(150, 700);
        if (s > FIRST_ISSUE - 200) {
          const denied = rng.chance(0.6);
          const app = newApp(p, person, 'INITIAL', denied ? 'DENIED' : 'WITHDRAWN', reviewer(), { createdOn: s - rng.int(3, 40), submittedOn: s, queuedOn: s });
          if (denied) {
            app.decidedOn = addBusinessDays(s, rng.int(4, 20));
            app.shortHours = rng.chance(0.6);
            app.shortRecovery = !app.shortHours;
          } else app.withdrawnOn = s + rng.int(5, 60);
          p.needs.push(...initialNeeds(p, rng, app, s, false));
        }
      }
      // The approved first application, then each approved renewal.
      const s0 = cert.submissions[0]!;
      const initial = newApp(p, person, 'INITIAL', 'APPROVED', reviewer(), {
        createdOn: s0 - rng.int(2, 45),
        submittedOn: s0,
        queuedOn: s0,
        decidedOn: cert.renewals[0]!,
        detour: rng.chance(0.15),
        designationRequests: cert.designations.filter((d) => d.grantedOn === issued).map((d) => d.designation),
      });
      p.needs.push(...initialNeeds(p, rng, initial, s0, true));
      cert.applicationId = initial.id;
      for (let j = 1; j < cert.renewals.length; j += 1) {
        const s = cert.submissions[j]!;
        const app = newApp(p, person, 'RECERTIFICATION', 'APPROVED', reviewer(), {
          cert,
          createdOn: s - rng.int(1, 30),
          submittedOn: s,
          queuedOn: s,
          decidedOn: cert.renewals[j]!,
          late: cert.late[j]!,
          lastCertifiedOn: cert.renewals[j - 1]!,
          certStatusOnSubmission: cert.late[j] ? 'LATE' : 'DUE',
          detour: rng.chance(0.1),
        });
        p.needs.push(...periodNeeds(rng, person, cert.renewals[j - 1]! + 1, s - 1, 20, true, app));
        if (cert.designations.some((d) => d.designation !== 'COAPS' && d.grantedOn < s)) p.needs.push(need(person, 'DESIGNATION', 8, cert.renewals[j - 1]! + 1, s - 1, app, { military: true }));
        cert.applicationId = app.id;
      }
      // The current term.
      const last = cert.renewals[cert.renewals.length - 1]!;
      const policy = inForce(p.refs.certificationPolicies, A).values;
      let openApp: App | null = null;
      if (cert.target === 'DUE' || cert.target === 'LATE') {
        const due = cert.dueOn;
        const windowFrom = due - 90;
        if (rng.chance(cert.target === 'LATE' ? 0.55 : 0.4)) {
          const status = rng.weighted([['DRAFT', 30], ['SUBMITTED', 20], ['IN_REVIEW', 35], ['INCOMPLETE', 15]] as const);
          const created = pickDayIn(rng, Math.max(windowFrom, A - 60), A - 1);
          const submitted = status === 'DRAFT' ? null : pickDayIn(rng, Math.max(created, status === 'SUBMITTED' ? A - 8 : A - 45), A - 1);
          openApp = newApp(p, person, 'RECERTIFICATION', status, reviewer(), {
            cert,
            createdOn: created,
            submittedOn: submitted,
            queuedOn: submitted,
            lastCertifiedOn: last,
            late: submitted !== null && submitted > due,
            certStatusOnSubmission: submitted === null ? null : termStatus(due, submitted, policy),
          });
          if (status === 'INCOMPLETE') openApp.incompleteSince = Math.min(A - 1, addBusinessDays(submitted!, rng.int(2, 8)));
          const complete = status !== 'DRAFT' && rng.chance(0.85);
          p.needs.push(...periodNeeds(rng, person, last + 1, (submitted ?? A) - 1, complete ? 20 : rng.int(3, 15), complete || rng.chance(0.6), openApp));
        }
      }
      if (!openApp) {
        const end = cert.target === 'LAPSED' ? Math.min(cert.dueOn + 30, A - 1) : A - 1;
        const share = cert.target === 'LAPSED' ? rng.next() * 0.7 : Math.min(1.2, ((A - last) / 730) * (0.4 + rng.next() * 0.9));
        const hours = Math.round(20 * share);
        if (hours >= 3 && end > last + 2) p.needs.push(...periodNeeds(rng, person, last + 1, end, hours, rng.chance(share), null));
        if (cert.target === 'LAPSED' && rng.chance(0.12)) {
          // A renewal that did not go through before the late window closed.
          const s = pickDayIn(rng, cert.dueOn - 80, Math.min(cert.dueOn + 25, A - 2));
          const denied = rng.chance(0.5);
          const app = newApp(p, person, 'RECERTIFICATION', denied ? 'DENIED' : 'WITHDRAWN', reviewer(), {
            cert,
            createdOn: s - rng.int(1, 20),
            submittedOn: s,
            queuedOn: s,
            lastCertifiedOn: last,
            late: s > cert.dueOn,
            certStatusOnSubmission: termStatus(cert.dueOn, s, inForce(p.refs.certificationPolicies, s).values),
            shortHours: denied,
          });
          if (denied) app.decidedOn = Math.min(A - 1, addBusinessDays(s, rng.int(3, 15)));
          else app.withdrawnOn = Math.min(A - 1, s + rng.int(3, 30));
        }
      }
      if (cert.target === 'RELINQUISHED') {
        const on = pickDayIn(rng, Math.min(last + 60, A - 2), A - 1);
        cert.events.push({ id: p.rng('ids').uuid(), kind: 'RELINQUISHED', effectiveOn: on, effectiveUntil: null, reason: rng.pick(['Retired from peer support work', 'Moved out of state', 'Changed careers', 'Relinquished at the holder’s request']), actor: rng.pick(reviewers).subject, at: `${iso(on)} 15:10:00+00` });
      }
      person.createdAt = Math.min(...person.apps.map((a) => a.createdOn));
    } else {
      // Applicants: one application each, in every status, or trained with none yet.
      const status = rng.weighted([['DRAFT', 22], ['SUBMITTED', 11], ['IN_REVIEW', 17], ['INCOMPLETE', 11], ['DENIED', 12], ['WITHDRAWN', 9], ['CLOSED', 9], ['NONE', 5]] as const);
      person.applicantStatus = status;
      const age = rng.normal(39, 11, 20, 72);
      person.dateOfBirth = A - Math.round(age * 365.25) - rng.int(0, 364);
      const designations = person.veteranStatus === 'VETERAN' && rng.chance(0.4) ? ['VETERAN_SERVICE_MEMBER'] : [];
      const mk = (st: string, extra: Partial<App>) => newApp(p, person, 'INITIAL', st, reviewer(), { designationRequests: designations, ...extra });
      let app: App | null = null;
      switch (status) {
        case 'NONE': {
          const coreDone = A - rng.int(20, 330);
          p.needs.push(need(person, 'CORE_PSS', 40, coreDone - 150, coreDone, null), ...periodNeeds(rng, person, coreDone, A - 1, rng.int(3, 20), true, null));
          person.createdAt = coreDone - 60;
          continue;
        }
        case 'DRAFT': {
          const created = A - rng.int(1, 150);
          app = mk('DRAFT', { createdOn: created });
          if (rng.chance(0.7)) p.needs.push(...initialNeeds(p, rng, app, Math.min(A - 1, created + rng.int(10, 90)), rng.chance(0.4)));
          break;
        }
        case 'SUBMITTED':
        case 'IN_REVIEW':
        case 'INCOMPLETE': {
          const s = status === 'SUBMITTED' ? A - rng.int(0, 7) : status === 'IN_REVIEW' ? A - rng.int(3, 45) : A - rng.int(12, 165);
          app = mk(status, { createdOn: s - rng.int(2, 60), submittedOn: s, queuedOn: s });
          if (status === 'INCOMPLETE') app.incompleteSince = Math.min(A - 1, addBusinessDays(s, rng.int(3, 10)));
          p.needs.push(...initialNeeds(p, rng, app, s, rng.chance(0.9)));
          break;
        }
        case 'DENIED': {
          const s = pickDayIn(rng, FIRST_ISSUE, A - 30);
          app = mk('DENIED', { createdOn: s - rng.int(2, 60), submittedOn: s, queuedOn: s, decidedOn: addBusinessDays(s, rng.int(4, 20)) });
          app.shortHours = rng.chance(0.55);
          app.shortRecovery = !app.shortHours;
          p.needs.push(...initialNeeds(p, rng, app, s, !app.shortHours));
          break;
        }
        case 'WITHDRAWN': {
          const s = pickDayIn(rng, FIRST_ISSUE, A - 10);
          const submitted = rng.chance(0.6);
          app = mk('WITHDRAWN', { createdOn: s - rng.int(2, 60), submittedOn: submitted ? s : null, queuedOn: submitted ? s : null, withdrawnOn: Math.min(A - 1, s + rng.int(5, 55)) });
          p.needs.push(...initialNeeds(p, rng, app, s, rng.chance(0.5)));
          break;
        }
        case 'CLOSED': {
          const s = pickDayIn(rng, FIRST_ISSUE, A - 230);
          app = mk('CLOSED', { createdOn: s - rng.int(2, 60), submittedOn: s, queuedOn: s });
          app.incompleteSince = addBusinessDays(s, rng.int(3, 12));
          app.closedOn = onBusinessDay(addMonths(app.incompleteSince, inForce(p.refs.certificationPolicies, s).values.incompleteTimeoutMonths) + 1);
          p.needs.push(...initialNeeds(p, rng, app, s, rng.chance(0.4)));
          break;
        }
      }
      if (app) {
        if (app.submittedOn !== null && app.submittedOn < day('2013-01-01')) app.submittedOn = day('2013-01-02');
        // Older and mailed packets: staff enter them.
        app.channel = rng.chance(app.createdOn < day('2018-01-01') ? 0.35 : 0.1) ? 'MAIL' : 'ONLINE';
        person.createdAt = app.createdOn;
        if (addYears(person.dateOfBirth, 19) > app.createdOn) person.dateOfBirth = addYears(app.createdOn, -rng.int(19, 30));
      }
    }
  }
  for (const app of p.apps) if (rng.chance(app.createdOn < day('2018-01-01') ? 0.35 : 0.1) && app.kind === 'INITIAL' && app.person.cert) app.channel = 'MAIL';

  // Certification numbers in issue order, in a range of their own (the demo uses NC-CPSS-0001xx and
  // the platform issues from 1000 on).
  const byIssue = [...p.certs].sort((a, b) => a.renewals[0]! - b.renewals[0]! || a.person.index - b.person.index);
  byIssue.forEach((c, i) => (c.number = `NC-CPSS-${String(500001 + i).padStart(6, '0')}`));
}
