// Training: course owners and their courses (submitted in the program's windows, approved for a
// term, recertified or expired), trainers registered among CPSS with a TOT completion, sessions
// placed where people needed training, and each need placed on the record: completed in a session
// (enrollment, attendance, certificate), entered by staff from an outside provider, or carried over
// from the legacy record. Needs older than the record's reach stay in their application's log.
import type { CourseKind } from '@cpss/domain';
import { addBusinessDays, addMonths, addYears, day, onBusinessDay, yearOf, type Day } from './days';
import type { Completion, Course, CourseSubmission, CourseTrainer, Enrollment, Need, Person, Program, Session, Trainer } from './model';
import type { Rng } from './random';
import { COUNTY_TOWNS, COUNTY_WEIGHTS, COURSE_TOPICS, EXTERNAL_PROVIDERS, EXTERNAL_TITLES, LEGACY_TITLES, PROVIDER_KINDS, PROVIDER_PLACES, STREET_NAMES, STREET_SUFFIXES } from './vocab';

const KIND_WEIGHTS: [CourseKind, number][] = [['ELECTIVE', 60], ['ETHICS_AND_BOUNDARIES', 9], ['CORE_PSS', 8], ['SUPERVISOR', 7], ['DESIGNATION', 6], ['TRAINING_OF_TRAINERS', 5]];
const PAUSED_YEARS = new Set([2019, 2024]);

/** Years the sessions (and so the platform's record of them) go back. */
export const SESSION_YEARS = 4;

function windowDays(year: number): Day[] {
  const out: Day[] = [];
  for (const month of ['04', '10']) for (let d = 1; d <= 7; d += 1) out.push(day(`${year}-${month}-0${d}`));
  return out;
}

/** A submission window day in a year new submissions were open, on or before `notAfter`. */
function windowDay(rng: Rng, from: number, to: number, notAfter: Day): Day | null {
  for (let tries = 0; tries < 40; tries += 1) {
    const year = rng.int(from, to);
    if (PAUSED_YEARS.has(year)) continue;
    const d = onBusinessDay(rng.pick(windowDays(year)));
    if (d <= notAfter) return d;
  }
  return null;
}

/** A day of the latest submission window before `asOf` in a year submissions were open. */
function latestWindow(rng: Rng, asOf: Day): Day {
  for (let year = yearOf(asOf); ; year -= 1) {
    if (PAUSED_YEARS.has(year)) continue;
    const days = windowDays(year).map(onBusinessDay).filter((d) => d < asOf);
    const october = days.filter((d) => d >= day(`${year}-10-01`));
    const candidates = october.length ? october : days;
    if (candidates.length) return rng.pick(candidates);
  }
}

function sessionDays(hours: number): number[] {
  const n = Math.max(1, Math.ceil(hours / 8));
  const each = Math.round((hours / n) * 4) / 4;
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? Math.round((hours - each * (n - 1)) * 100) / 100 : each));
}

export function totalHours(c: Course): number {
  return c.faceToFaceHours + c.preWorkHours;
}

function makeCourses(p: Program): void {
  const A = p.asOf;
  const rng = p.rng('courses');
  const ids = p.rng('ids');
  const ownerCount = Math.max(8, Math.round(45 * p.scale));
  const names = new Set<string>();
  for (let i = 0; i < ownerCount; i += 1) {
    let name = `${rng.pick(PROVIDER_PLACES)} ${rng.pick(PROVIDER_KINDS)}`;
    if (names.has(name)) name = `${name} of ${rng.weighted(COUNTY_WEIGHTS)} County`;
    if (names.has(name)) name = `${name} ${i}`;
    names.add(name);
    p.owners.push({ id: ids.uuid(), name });
  }
  const ownerWeights = p.owners.map((o, i) => [o, 1 / (i + 3)] as const);
  const titles = new Set<string>([...p.refs.demo.courseTitles]);
  const count = Math.round(300 * p.scale);
  const reviewers = p.staff.training;
  for (let i = 0; i < count; i += 1) {
    // Every kind is taught somewhere: the first courses cover the kinds in turn.
    const kind: CourseKind = i < KIND_WEIGHTS.length * 2 ? KIND_WEIGHTS[i % KIND_WEIGHTS.length]![0] : rng.weighted(KIND_WEIGHTS);
    const owner = rng.weighted(ownerWeights);
    const [topic, hours, child] = rng.pick(COURSE_TOPICS[kind] as readonly (readonly [string, number, boolean])[]);
    let title = topic;
    if (titles.has(title)) title = `${topic} (${owner.name})`;
    for (let n = 2; titles.has(title); n += 1) title = `${topic} (${owner.name}) ${n}`;
    titles.add(title);
    const course: Course = {
      id: ids.uuid(),
      owner,
      title,
      kind,
      faceToFaceHours: hours,
      preWorkHours: kind === 'CORE_PSS' ? 10 : rng.chance(0.1) ? 2 : 0,
      childFamily: child,
      status: 'DRAFT',
      approvedOn: null,
      expiresOn: null,
      createdOn: 0,
      submissions: [],
      trainers: [],
      popularity: 1 / (1 + rng.int(0, 9)) + rng.next() * 0.2,
      version: 1,
      timeline: [],
    };
    const submission = (purpose: CourseSubmission['purpose'], status: CourseSubmission['status'], submittedOn: Day | null, decidedOn: Day | null, attempt = 1): CourseSubmission => {
      const s: CourseSubmission = { id: ids.uuid(), course, purpose, status, attempt, submittedOn, decidedOn, createdOn: (submittedOn ?? A) - rng.int(10, 90), reviewer: rng.pick(reviewers) };
      course.submissions.push(s);
      return s;
    };
    const plan = i < KIND_WEIGHTS.length * 2 ? 'CHAIN' : rng.weighted([['CHAIN', 87], ['DRAFT', 4], ['IN_REVIEW', 5], ['DENIED', 4]] as const);
    const lastWindow = latestWindow(rng, A);
    if (plan === 'DRAFT') {
      course.createdOn = A - rng.int(5, 200);
      submission('INITIAL', 'DRAFT', null, null).createdOn = course.createdOn;
      course.timeline.push([course.createdOn, null, 'DRAFT', null]);
    } else if (plan === 'IN_REVIEW') {
      const s = submission('INITIAL', rng.weighted([['RECEIVED', 40], ['TEAM_REVIEW', 45], ['TECHNICAL_ASSISTANCE', 15]] as const), lastWindow, null);
      course.createdOn = s.createdOn;
      course.status = 'IN_REVIEW';
      course.timeline.push([course.createdOn, null, 'DRAFT', null], [lastWindow, 'DRAFT', 'IN_REVIEW', null]);
    } else if (plan === 'DENIED') {
      const submitted = windowDay(rng, 2014, yearOf(A) - 1, A - 200)!;
      const decided = addBusinessDays(submitted, rng.int(60, 90) + 40);
      const s = submission('INITIAL', 'DENIED', submitted, decided, 2);
      course.createdOn = s.createdOn;
      course.status = 'DENIED';
      course.timeline.push([course.createdOn, null, 'DRAFT', null], [submitted, 'DRAFT', 'IN_REVIEW', null], [decided, 'IN_REVIEW', 'DENIED', 'Core concepts still not met after technical assistance']);
    } else {
      // Approved in a window (earlier courses more often, so the whole session era is covered).
      let submitted: Day | null = null;
      for (let tries = 0; tries < 20 && submitted === null; tries += 1) {
        const year = rng.weighted([[rng.int(2013, 2017), 45], [rng.int(2018, yearOf(A)), 55]] as const);
        submitted = windowDay(rng, year, year, A - 140);
      }
      submitted ??= windowDay(rng, 2013, 2016, A)!;
      const approved = addBusinessDays(submitted, rng.int(60, 90));
      const ta = rng.chance(0.2);
      submission('INITIAL', 'APPROVED', submitted, ta ? addBusinessDays(approved, 30) : approved, ta ? 2 : 1);
      course.createdOn = course.submissions[0]!.createdOn;
      course.approvedOn = ta ? addBusinessDays(approved, 30) : approved;
      course.expiresOn = addYears(course.approvedOn, 5);
      course.status = 'APPROVED';
      course.timeline.push([course.createdOn, null, 'DRAFT', null], [submitted, 'DRAFT', 'IN_REVIEW', null], [course.approvedOn, 'IN_REVIEW', 'APPROVED', 'All core concepts met']);
      // Recertified before each term ends, or left to expire.
      while (course.expiresOn <= A + 365) {
        const recertify = rng.chance(0.6);
        const submittedRecert = addBusinessDays(addMonths(course.expiresOn, -rng.int(3, 10)), 0);
        if (!recertify || submittedRecert > A - 1) break;
        const decided = addBusinessDays(submittedRecert, rng.int(40, 70));
        if (decided > A - 1) {
          if (course.expiresOn > A) submission('RECERTIFICATION', rng.weighted([['RECEIVED', 40], ['TEAM_REVIEW', 50], ['TECHNICAL_ASSISTANCE', 10]] as const), submittedRecert, null);
          break;
        }
        submission('RECERTIFICATION', 'APPROVED', submittedRecert, decided);
        course.timeline.push([decided, 'APPROVED', 'APPROVED', 'Recertified']);
        course.expiresOn = addYears(course.expiresOn, 5);
        course.version += 1;
      }
      if (course.expiresOn < A) {
        course.status = 'EXPIRED';
        course.timeline.push([course.expiresOn + 1, 'APPROVED', 'EXPIRED', 'approval term ended']);
      }
    }
    course.version = course.timeline.length;
    p.courses.push(course);
  }
}

function makeTrainers(p: Program): void {
  const A = p.asOf;
  const rng = p.rng('trainers');
  const ids = p.rng('ids');
  const candidates = p.people.filter((x) => x.cert && (x.cert.target === 'ACTIVE' || x.cert.target === 'DUE') && x.cert.renewals[0]! <= A - 730);
  const pool = rng.sample(candidates, Math.round(200 * p.scale)).sort((a, b) => a.index - b.index);
  const trainers: Trainer[] = pool.map((person) => {
    const issued = person.cert!.renewals[0]!;
    const trainer: Trainer = { person, totDay: Math.min(A - 120, issued + rng.int(180, 900)), registrations: [], removedOn: null };
    person.trainer = trainer;
    return trainer;
  });
  p.trainers.push(...trainers);
  for (const course of p.courses) {
    if (!course.approvedOn) continue;
    const wanted = course.kind === 'CORE_PSS' ? rng.int(3, 6) : course.kind === 'ELECTIVE' ? rng.int(1, 3) : rng.int(2, 4);
    for (let tries = 0; tries < wanted * 6 && course.trainers.length < wanted; tries += 1) {
      const trainer = rng.pick(trainers);
      if (course.trainers.some((r) => r.trainer === trainer)) continue;
      const registeredOn = Math.max(course.approvedOn, trainer.totDay + rng.int(7, 90));
      if (registeredOn > course.expiresOn! - 60 || registeredOn > A - 1) continue;
      const registration: CourseTrainer = { id: ids.uuid(), course, trainer, registeredOn, status: 'ACTIVE', removedOn: null, removalSanctionId: null };
      course.trainers.push(registration);
      trainer.registrations.push(registration);
    }
  }
  for (const t of trainers) {
    p.needs.push({ person: t.person, kind: 'TRAINING_OF_TRAINERS', minHours: 24, lo: t.totDay - 20, hi: t.totDay, childFamily: false, military: false, app: null, keep: true, completion: null });
  }
}

/** Keeps the newest needs on the record (and every kept one) so the record has exactly the target count. */
function selectRecorded(p: Program): Need[] {
  const target = Math.round(40_000 * p.scale);
  const rng = p.rng('extras');
  const keep = p.needs.filter((n) => n.keep);
  const rest = p.needs.filter((n) => !n.keep).sort((a, b) => b.hi - a.hi || a.person.index - b.person.index);
  const recorded = [...keep, ...rest.slice(0, Math.max(0, target - keep.length))];
  const fromHistory = p.needs.length;
  const fromRecord = recorded.length;
  // Short of the target: more continuing education, in the years the record covers.
  const certified = p.people.filter((x) => x.cert);
  const from = addYears(p.asOf, -SESSION_YEARS - 2);
  for (let tries = 0; recorded.length < target && tries < target * 20; tries += 1) {
    const person = rng.pick(certified);
    const cert = person.cert!;
    const lo = Math.max(cert.renewals[0]!, from);
    const hi = cert.target === 'LAPSED' ? Math.min(cert.dueOn, p.asOf - 1) : p.asOf - 1;
    if (hi - lo < 30) continue;
    const kind: CourseKind = rng.weighted([['ELECTIVE', 80], ['SUPERVISOR', 8], ['DESIGNATION', 5], ['ETHICS_AND_BOUNDARIES', 7]] as const);
    const at = rng.int(lo + 15, hi);
    const topic = rng.pick(COURSE_TOPICS[kind] as readonly (readonly [string, number, boolean])[]);
    const n: Need = { person, kind, minHours: topic[1], lo: at - 15, hi: at, childFamily: topic[2], military: false, app: null, keep: true, completion: null };
    p.needs.push(n);
    recorded.push(n);
  }
  if (recorded.length < target) p.notes.push(`training completions: ${recorded.length} of ${target}`);
  p.notes.push(`training: ${fromHistory} needs in the people's histories, ${fromHistory - fromRecord} of the oldest left to their application's log, ${recorded.length - fromRecord} continuing-education completions added`);
  return recorded;
}

function hoursOf(kind: CourseKind, rng: Rng): number {
  return (rng.pick(COURSE_TOPICS[kind] as readonly (readonly [string, number, boolean])[]))[1];
}

/** A session of `course` whose last day is `lastDay`, taught by a trainer registered for it. */
function newSession(p: Program, rng: Rng, course: Course, lastDay: Day, trainer: Trainer): Session {
  const hours = sessionDays(course.faceToFaceHours);
  const last = onBusinessDay(lastDay);
  const first = addBusinessDays(last, -(hours.length - 1));
  const days = hours.map((h, i) => ({ day: addBusinessDays(first, i), hours: h }));
  const virtual = rng.chance(course.kind === 'ETHICS_AND_BOUNDARIES' ? 0.6 : course.kind === 'CORE_PSS' ? 0.2 : 0.35);
  const county = rng.chance(0.7) ? trainer.person.county : rng.weighted(COUNTY_WEIGHTS);
  const opensOn = first - rng.int(21, 60);
  return {
    id: p.rng('ids').uuid(),
    course,
    trainer,
    status: 'SCHEDULED',
    delivery: virtual ? 'VIRTUAL' : 'IN_PERSON',
    address: virtual ? null : `${rng.int(100, 4999)} ${rng.pick(STREET_NAMES)} ${rng.pick(STREET_SUFFIXES)}, ${COUNTY_TOWNS[county]!.town}, NC`,
    county: virtual ? null : county,
    meetingUrl: virtual ? `https://meet.example.org/cpss-${rng.code(8).toLowerCase()}` : null,
    capacity: course.kind === 'CORE_PSS' ? rng.int(18, 30) : virtual ? rng.int(15, 30) : rng.int(12, 25),
    opensOn,
    closesOn: Math.max(opensOn, first - rng.int(1, 5)),
    days,
    firstDay: first,
    lastDay: days[days.length - 1]!.day,
    held: false,
    awaitingAttendance: false,
    enrollments: [],
    cancelledOn: null,
    cancelReason: null,
    createdOn: opensOn - rng.int(0, 20),
    version: 1,
  };
}

/** A course of `kind` approved over [from, to] with a trainer registered by `registeredBy`, by popularity. */
function courseFor(rng: Rng, byKind: Map<CourseKind, Course[]>, kind: CourseKind, from: Day, to: Day, registeredBy: Day, minHours = 0, child: boolean | null = null): { course: Course; trainer: Trainer } | null {
  const all = byKind.get(kind) ?? [];
  const fits = (c: Course) => c.approvedOn! <= from && c.expiresOn! >= to && totalHours(c) >= minHours && (child === null || c.childFamily === child) && c.trainers.some((t) => t.registeredOn <= registeredBy);
  // Drawn by popularity until one fits (cheap at any scale); the full filter only when draws miss.
  let course: Course | null = null;
  const cumulative = popularityCumulative(all);
  for (let tries = 0; tries < 30 && !course && all.length; tries += 1) {
    const c = all[drawIndex(rng, cumulative)]!;
    if (fits(c)) course = c;
  }
  if (!course) {
    const options = all.filter(fits);
    if (!options.length) return null;
    course = rng.weighted(options.map((c) => [c, c.popularity] as const));
  }
  const trainer = rng.pick(course.trainers.filter((t) => t.registeredOn <= registeredBy)).trainer;
  return { course, trainer };
}

const cumulativeCache = new WeakMap<Course[], Float64Array>();
function popularityCumulative(courses: Course[]): Float64Array {
  let w = cumulativeCache.get(courses);
  if (!w) {
    w = new Float64Array(courses.length);
    let sum = 0;
    courses.forEach((c, i) => (w![i] = sum += c.popularity));
    cumulativeCache.set(courses, w);
  }
  return w;
}

/** An index drawn by cumulative weights (binary search). */
function drawIndex(rng: Rng, cumulative: Float64Array): number {
  const r = rng.next() * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function enroll(p: Program, rng: Rng, session: Session, person: Person, status: Enrollment['status'], registeredAt: Day): Enrollment {
  const e: Enrollment = { id: p.rng('ids').uuid(), session, person, status, registeredAt, registeredMinute: rng.int(7 * 60, 22 * 60), arrival: 0, attended: null, certificate: null };
  session.enrollments.push(e);
  return e;
}

export function makeTraining(p: Program): void {
  const A = p.asOf;
  let clock = Date.now();
  const lap = (what: string) => {
    if (process.env.GENERATE_TIMING) process.stderr.write(`    training ${what}: ${Date.now() - clock} ms\n`);
    clock = Date.now();
  };
  makeCourses(p);
  makeTrainers(p);
  lap('courses and trainers');
  const recorded = selectRecorded(p);
  lap('record');
  const recordedSet = new Set(recorded);
  const rng = p.rng('sessions');
  const place = p.rng('placement');
  const ids = p.rng('ids');
  const windowStart = addYears(A, -SESSION_YEARS);
  const legacyImport = windowStart - 30;
  const byKind = new Map<CourseKind, Course[]>();
  for (const c of p.courses) if (c.approvedOn) groupInto(byKind, c.kind, c);

  // Where each recorded need should come from.
  const intent = new Map<Need, 'SESSION' | 'EXTERNAL' | 'LEGACY'>();
  for (const n of recorded) {
    if (n.hi < windowStart) intent.set(n, place.chance(0.85) ? 'LEGACY' : 'EXTERNAL');
    else intent.set(n, place.chance(0.88) ? 'SESSION' : 'EXTERNAL');
  }
  const sessionNeeds = recorded.filter((n) => intent.get(n) === 'SESSION');
  const total = Math.round(3000 * p.scale);
  const future = Math.round(total * 0.07);
  const cancelledPast = Math.round(total * 0.04);
  const awaiting = Math.max(2, Math.round(total * 0.008));
  const held = total - future - cancelledPast - awaiting;

  // Held sessions, per kind in proportion to the training needed, on the days it was needed.
  const demand = new Map<CourseKind, Need[]>();
  for (const n of sessionNeeds) groupInto(demand, n.kind, n);
  const kinds = [...demand.keys()].sort();
  const sessions: Session[] = [];
  let made = 0;
  for (let k = 0; k < kinds.length; k += 1) {
    const kind = kinds[k]!;
    const list = demand.get(kind)!;
    const share = k === kinds.length - 1 ? held - made : Math.round((held * list.length) / sessionNeeds.length);
    for (let i = 0; i < share; i += 1) {
      let s: Session | null = null;
      for (let tries = 0; tries < 40 && !s; tries += 1) {
        const n = rng.pick(list);
        const last = Math.min(A - 9, Math.max(n.lo + 2, windowStart + 10, n.hi - rng.int(0, 40)));
        const pick = courseFor(rng, byKind, kind, last - 70, last, last - 70);
        if (pick) s = newSession(p, rng, pick.course, last, pick.trainer);
        if (s && (s.lastDay >= A - 8 || s.firstDay < pick!.course.approvedOn! || s.opensOn < pick!.course.approvedOn!)) s = null;
      }
      if (s) {
        s.held = true;
        sessions.push(s);
        made += 1;
      }
    }
  }
  lap('held sessions');
  if (made < held) p.notes.push(`held sessions: ${made} of ${held} (no approved course with a trainer on some days)`);
  // Place each session need in one of the latest fitting sessions with a seat (a bounded look back:
  // where sessions are dense, a need finds one among the nearest).
  const heldByKind = new Map<string, Session[]>();
  const listKey = (kind: CourseKind, child: boolean) => `${kind}|${kind === 'ELECTIVE' && child}`;
  for (const s of sessions) groupInto(heldByKind, listKey(s.course.kind, s.course.childFamily), s);
  // Full sessions are skipped by pointers to the nearest earlier one with a seat (union-find).
  const skip = new Map<Session[], Int32Array>();
  const position = new Map<Session, number>();
  for (const list of heldByKind.values()) {
    list.sort((a, b) => a.lastDay - b.lastDay);
    skip.set(list, Int32Array.from(list, (_, i) => i));
    list.forEach((s, i) => position.set(s, i));
  }
  const open = (parent: Int32Array, i: number): number => {
    let root = i;
    while (root >= 0 && parent[root] !== root) root = parent[root]!;
    for (let j = i; j >= 0 && parent[j] !== j; ) {
      const next = parent[j]!;
      parent[j] = root;
      j = next;
    }
    return root;
  };
  const joined = new Map<Person, Set<Session>>();
  const order = place.shuffle([...sessionNeeds]);
  for (const n of order) {
    const list = heldByKind.get(listKey(n.kind, n.childFamily)) ?? [];
    const mine = joined.get(n.person);
    const parent = skip.get(list);
    const floor = Math.max(n.lo + 1, n.hi - 150);
    const fits: Session[] = [];
    if (parent) {
      let index = open(parent, upperBound(list, n.hi) - 1);
      for (let scanned = 0; index >= 0 && scanned < 80 && fits.length < 4; scanned += 1) {
        const s = list[index]!;
        if (s.lastDay < floor) break;
        if (totalHours(s.course) >= n.minHours && s.trainer.person !== n.person && !mine?.has(s)) fits.push(s);
        index = open(parent, index - 1);
      }
    }
    if (!fits.length) {
      intent.set(n, 'EXTERNAL');
      continue;
    }
    const s = place.pick(fits);
    const e = enroll(p, place, s, n.person, 'COMPLETED', Math.max(s.opensOn, Math.min(s.closesOn, s.opensOn + place.int(0, 40))));
    e.attended = s.days.map((d) => d.hours);
    e.certificate = { id: ids.uuid(), code: '' };
    if (mine) mine.add(s);
    else joined.set(n.person, new Set([s]));
    if (s.enrollments.length >= s.capacity) {
      const i = position.get(s)!;
      skip.get(heldByKind.get(listKey(s.course.kind, s.course.childFamily))!)![i] = i - 1;
    }
    n.completion = {
      id: ids.uuid(),
      person: n.person,
      title: s.course.title,
      kind: s.course.kind,
      hours: totalHours(s.course),
      day: s.lastDay,
      source: 'SESSION',
      childFamily: s.course.childFamily,
      course: s.course,
      enrollment: e,
      provider: null,
      documentId: null,
      enteredBy: s.trainer.person.id,
      createdAt: s.lastDay,
      military: n.military,
      counts: true,
    };
  }

  lap('placement');
  // Outside providers and the legacy record.
  const staff = p.staff.training;
  for (const n of recorded) {
    if (n.completion) continue;
    const source = intent.get(n)!;
    const d = Math.min(A - 1, Math.max(n.lo + 1, n.hi - place.int(0, Math.min(120, Math.max(0, n.hi - n.lo - 1)))));
    const hours = Math.max(n.minHours, source === 'LEGACY' ? n.minHours : hoursOf(n.kind, place));
    let title: string;
    let course: Course | null = null;
    if (source === 'EXTERNAL') {
      // Sometimes one of the program's courses, approved on that day, taken elsewhere.
      const courses = byKind.get(n.kind) ?? [];
      if (courses.length && place.chance(0.2)) {
        for (let tries = 0; tries < 10 && !course; tries += 1) {
          const c = place.pick(courses);
          if (c.approvedOn! <= d && c.expiresOn! >= d && totalHours(c) >= n.minHours && (n.kind !== 'ELECTIVE' || c.childFamily === n.childFamily)) course = c;
        }
      }
      title = course ? course.title : place.pick(EXTERNAL_TITLES[n.kind] ?? EXTERNAL_TITLES.ELECTIVE!);
    } else {
      title = n.kind === 'ELECTIVE' ? place.pick(LEGACY_TITLES) : `${(COURSE_TOPICS[n.kind] as readonly (readonly [string, number, boolean])[])[0]![0]} (legacy record)`;
    }
    n.completion = {
      id: ids.uuid(),
      person: n.person,
      title,
      kind: n.kind,
      hours: course ? totalHours(course) : hours,
      day: d,
      source,
      childFamily: course ? course.childFamily : n.childFamily,
      course,
      enrollment: null,
      provider: source === 'EXTERNAL' ? place.pick(EXTERNAL_PROVIDERS) : null,
      documentId: source === 'EXTERNAL' ? ids.uuid() : null,
      enteredBy: source === 'EXTERNAL' ? place.pick(staff).subject : null,
      createdAt: source === 'EXTERNAL' ? Math.min(A - 1, d + place.int(3, 40)) : legacyImport,
      military: n.military,
      counts: true,
    };
  }
  for (const n of recorded) {
    const c = n.completion!;
    p.completions.push(c);
    n.person.completions.push(c);
  }
  for (const n of p.needs) if (!recordedSet.has(n)) n.completion = null;

  lap('external and legacy');
  // Everyone else in the held sessions: those who withdrew, and a few who did not finish.
  const everyone = p.people;
  const applicants = everyone.filter((x) => !x.cert);
  const someone = (s: Session, core: boolean): Person => {
    for (;;) {
      const x = place.pick(core && applicants.length ? applicants : everyone);
      if (x !== s.trainer.person && !s.enrollments.some((e) => e.person === x)) return x;
    }
  };
  for (const s of sessions) {
    for (let i = place.int(0, 2); i > 0; i -= 1) enroll(p, place, s, someone(s, false), 'WITHDRAWN', s.opensOn + place.int(0, Math.max(0, s.closesOn - s.opensOn)));
    if (place.chance(0.08) && s.enrollments.filter((e) => e.status !== 'WITHDRAWN').length < s.capacity) {
      const e = enroll(p, place, s, someone(s, false), 'ENROLLED', s.opensOn + place.int(0, Math.max(0, s.closesOn - s.opensOn)));
      e.attended = s.days.map((d, i) => (i === 0 ? d.hours : 0));
    }
  }

  lap('other participants');
  // Sessions with attendance still to record, cancelled ones, and those yet to come.
  const extra = (count: number, make: () => Session | null) => {
    let n = 0;
    for (let tries = 0; n < count && tries < count * 40; tries += 1) {
      const s = make();
      if (s) {
        sessions.push(s);
        n += 1;
      }
    }
    if (n < count) p.notes.push(`sessions: ${n} of ${count} extra sessions placed`);
  };
  const anyKind = () => rng.weighted(kinds.map((k) => [k, demand.get(k)!.length] as const));
  const fill = (s: Session, share: number, waitlist: boolean) => {
    const seats = Math.round(s.capacity * share);
    for (let i = 0; i < seats; i += 1) {
      const registered = Math.min(A - 1, s.opensOn + place.int(0, Math.max(0, Math.min(A - 1, s.closesOn) - s.opensOn)));
      enroll(p, place, s, someone(s, s.course.kind === 'CORE_PSS' && place.chance(0.7)), i < s.capacity || !waitlist ? 'ENROLLED' : 'WAITLISTED', registered);
    }
  };
  extra(awaiting, () => {
    const kind = anyKind();
    const last = A - rng.int(1, 7);
    const pick = courseFor(rng, byKind, kind, last - 70, last, last - 60);
    if (!pick) return null;
    const s = newSession(p, rng, pick.course, last, pick.trainer);
    if (s.lastDay >= A || s.opensOn < pick.course.approvedOn!) return null;
    s.awaitingAttendance = true;
    fill(s, 0.4 + rng.next() * 0.5, false);
    return s;
  });
  extra(cancelledPast, () => {
    const kind = anyKind();
    const last = rng.int(windowStart + 60, A - 10);
    const pick = courseFor(rng, byKind, kind, last - 70, last, last - 60);
    if (!pick) return null;
    const s = newSession(p, rng, pick.course, last, pick.trainer);
    if (s.lastDay >= A - 8 || s.opensOn < pick.course.approvedOn!) return null;
    cancel(s, s.firstDay - rng.int(1, 14), rng.pick(CANCEL_REASONS));
    fill(s, rng.next() * 0.5, false);
    return s;
  });
  extra(future, () => {
    const kind = anyKind();
    const last = A + rng.int(5, 120);
    const pick = courseFor(rng, byKind, kind, A - 30, last, A - 30);
    if (!pick || pick.course.status !== 'APPROVED') return null;
    const s = newSession(p, rng, pick.course, last, pick.trainer);
    if (s.firstDay <= A) return null;
    if (s.opensOn > A) s.createdOn = Math.min(s.createdOn, A - rng.int(0, 20));
    else fill(s, rng.next() * 1.3, true);
    if (rng.chance(0.04)) cancel(s, A - rng.int(0, 10), rng.pick(CANCEL_REASONS));
    return s;
  });
  p.sessions.push(...sessions.sort((a, b) => a.firstDay - b.firstDay || a.lastDay - b.lastDay));

  lap('other sessions');
  // Arrival order across all enrollments, and certificate codes.
  const all = p.sessions.flatMap((s) => s.enrollments).sort((a, b) => a.registeredAt - b.registeredAt || a.registeredMinute - b.registeredMinute);
  all.forEach((e, i) => (e.arrival = 1000 + i));
  const codes = new Set<string>();
  const coder = p.rng('codes');
  for (const e of all) {
    if (!e.certificate) continue;
    let code: string;
    do code = `NC-${coder.code(4)}-${coder.code(4)}-${coder.code(4)}`;
    while (codes.has(code));
    codes.add(code);
    e.certificate.code = code;
  }
}

const CANCEL_REASONS = ['the trainer is ill', 'too few registrations', 'the venue is unavailable', 'severe weather', 'the trainer has a family emergency'];

export function cancel(s: Session, on: Day, reason: string): void {
  s.status = 'CANCELLED';
  s.cancelledOn = on;
  s.cancelReason = reason;
  s.held = false;
  s.version += 1;
}

function groupInto<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function upperBound(list: Session[], lastDay: Day): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.lastDay <= lastDay) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
