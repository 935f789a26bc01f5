// certificationStatistics is counted in SQL (services/statistics-sql.ts); these tests hold it equal
// to the lifecycle rule (certificationStatusOn) applied to every certification in JavaScript, over
// a varied program (events of every kind, suspensions with and without an end, ties, policy
// versions with other late windows and reminders, people with and without demographics) and on
// several days.
import { describe, expect, it } from 'vitest';
import { ageBandOf, CertificationStatus, DesignationKind, Gender, RaceEthnicity, VeteranStatus } from '@cpss/domain';
import { dates, fixedClock } from '@cpss/server-kit';
import { sqlStatementsOf } from '@cpss/testkit/vitest';
import { createCertificationServices } from '../src/certification-services';
import { NC_CERTIFICATION_POLICY } from '../src/policy/certification-policy';
import { certificationStatusOn, lateWindowEnd } from '../src/services/lifecycle';
import { PolicyCatalog } from '../src/services/policy-catalog';
import { useCertificationDatabase } from './harness';

const t = useCertificationDatabase();
const services = () => createCertificationServices({ dataSource: t.ds, clock: fixedClock('2026-11-23') });

/** The days the statistics are compared on: today, month ends, a leap day, the future, the past. */
const DAYS = ['2026-11-23', '2026-05-31', '2024-02-29', '2025-07-01', '2027-03-15', '2023-12-31'];

/** A small deterministic generator, so a failure can be reproduced. */
function prng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}

type EventSpec = { kind: string; on: string; until?: string | null };
type PersonSpec = { dob: string; county: string; gender?: string | null; veteran?: string | null; race?: string[] | null };

let n = 0;
async function person(p: PersonSpec): Promise<string> {
  n += 1;
  const [{ id }] = (await t.ds.query(
    `insert into person (legal_name, email, date_of_birth, county, gender, veteran_status, race_ethnicity) values ($1, $2, $3, $4, $5, $6, coalesce($7::text[], '{}')) returning id`,
    [`Stats Holder ${n}`, `stats${n}@example.org`, p.dob, p.county, p.gender ?? null, p.veteran ?? null, p.race ?? null],
  )) as { id: string }[];
  return id;
}

let at = Date.parse('2026-01-01T00:00:00Z');
async function certification(personId: string, c: { issuedOn: string; lastCertifiedOn: string; dueOn?: string; events?: EventSpec[]; designations?: string[] }): Promise<string> {
  n += 1;
  const dueOn = c.dueOn ?? dates.endOfMonth(dates.addYears(c.lastCertifiedOn, NC_CERTIFICATION_POLICY.termYears));
  const [{ id }] = (await t.ds.query(`insert into certification (number, person_id, issued_on, last_certified_on, due_on) values ($1, $2, $3, $4, $5) returning id`, [
    `NC-CPSS-7${String(n).padStart(5, '0')}`,
    personId,
    c.issuedOn,
    c.lastCertifiedOn,
    dueOn,
  ])) as { id: string }[];
  for (const e of c.events ?? []) {
    // Recorded one after the other: among events taking effect the same day, the later one decides.
    at += 60_000;
    await t.ds.query(`insert into certification_event (certification_id, kind, effective_on, effective_until, reason, actor, at) values ($1, $2, $3, $4, 'test', 'test', $5)`, [id, e.kind, e.on, e.until ?? null, new Date(at)]);
  }
  for (const d of c.designations ?? []) await t.ds.query(`insert into certification_designation (certification_id, designation, granted_on) values ($1, $2, $3)`, [id, d, c.issuedOn]);
  return id;
}

/** What the statistics must be: the lifecycle rule on every certification, counted in JavaScript. */
async function expectedStatistics(on: string) {
  const catalog = await PolicyCatalog.load(services().policy);
  const certs = (await t.ds.query(`select id, person_id, issued_on::text, last_certified_on::text, due_on::text from certification`)) as { id: string; person_id: string; issued_on: string; last_certified_on: string; due_on: string }[];
  const events = (await t.ds.query(`select certification_id, kind, effective_on::text as "effectiveOn", effective_until::text as "effectiveUntil" from certification_event order by effective_on, at`)) as {
    certification_id: string;
    kind: 'SUSPENDED' | 'REINSTATED' | 'REVOKED' | 'RELINQUISHED';
    effectiveOn: string;
    effectiveUntil: string | null;
  }[];
  const people = new Map(
    ((await t.ds.query(`select id, county, date_of_birth::text as dob, gender, veteran_status, race_ethnicity from person`)) as { id: string; county: string; dob: string; gender: string | null; veteran_status: string | null; race_ethnicity: string[] }[]).map((p) => [p.id, p]),
  );
  const designations = (await t.ds.query(`select certification_id, designation from certification_designation`)) as { certification_id: string; designation: string }[];
  const applications = (await t.ds.query(`select status as key, count(*)::int as count from application group by status order by count desc, status`)) as { key: string; count: number }[];

  const statusOf = (c: (typeof certs)[number], day: string) => {
    const policy = catalog.inForceOn(c.last_certified_on).values;
    return certificationStatusOn({ issuedOn: c.issued_on, dueOn: c.due_on, events: events.filter((e) => e.certification_id === c.id) }, day, policy);
  };
  const good = (s: string) => ['ACTIVE', 'DUE', 'LATE'].includes(s);
  const tally = (keys: string[]) => {
    const m = new Map<string, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return [...m].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  };

  const today = certs.map((c) => ({ c, status: statusOf(c, on).status }));
  const holders = today.filter((x) => good(x.status));
  const held = holders.map((x) => people.get(x.c.person_id)!);
  const perMonth = [];
  for (let first = dates.addMonths(`${on.slice(0, 7)}-01`, -11); first <= on; first = dates.addMonths(first, 1)) {
    const month = first.slice(0, 7);
    const end = dates.endOfMonth(first) < on ? dates.endOfMonth(first) : on;
    perMonth.push({
      month,
      issued: certs.filter((c) => c.issued_on.startsWith(month) && c.issued_on <= on).length,
      // A lapse takes effect the day after the late window ends.
      lapsed: today.filter((x) => x.status === 'LAPSED' && dates.addDays(lateWindowEnd(x.c.due_on, catalog.inForceOn(x.c.last_certified_on).values), 1).startsWith(month)).length,
      inGoodStanding: certs.filter((c) => good(statusOf(c, end).status)).length,
    });
  }
  return {
    on,
    applicationsByStatus: applications,
    certificationsByStatus: tally(today.map((x) => x.status)),
    inGoodStandingByCounty: tally(held.map((p) => p.county)),
    inGoodStandingByDesignation: tally(designations.filter((d) => holders.some((x) => x.c.id === d.certification_id)).map((d) => d.designation)),
    inGoodStandingByAgeBand: tally(held.map((p) => ageBandOf(dates.yearsBetween(p.dob, on)))),
    inGoodStandingByGender: tally(held.map((p) => p.gender ?? 'NOT_GIVEN')),
    inGoodStandingByVeteranStatus: tally(held.map((p) => p.veteran_status ?? 'NOT_GIVEN')),
    inGoodStandingByRaceEthnicity: tally(held.flatMap((p) => (p.race_ethnicity?.length ? p.race_ethnicity : ['NOT_GIVEN']))),
    perMonth,
  };
}

const COUNTIES = ['Durham', 'Wake', 'Robeson', 'Mecklenburg', 'Buncombe'];

describe('certificationStatistics', () => {
  it('counts in SQL what the lifecycle rule gives each certification, on every day asked', async () => {
    const s = services();
    // Two more policy versions besides the seeded ones (30 days late, reminders 90 and 60):
    // no late window and one reminder, then a longer window whose largest reminder is not the first.
    await s.policy.add({ effectiveFrom: '2024-03-01', values: { ...NC_CERTIFICATION_POLICY, lateWindowDays: 0, reminderOffsetsDays: [14] }, note: 'test: no late window', createdBy: 'test' });
    await s.policy.add({ effectiveFrom: '2025-01-01', values: { ...NC_CERTIFICATION_POLICY, lateWindowDays: 45, reminderOffsetsDays: [30, 120, 60] }, note: 'test: longer windows', createdBy: 'test' });

    // Cases by hand: each event rule and each demographic edge.
    const plain = await person({ dob: '1980-11-23', county: 'Durham', gender: Gender.Woman, veteran: VeteranStatus.Veteran, race: [RaceEthnicity.BlackAfricanAmerican, RaceEthnicity.HispanicLatino] });
    const bare = await person({ dob: '2002-02-28', county: 'Wake' });
    const leap = await person({ dob: '1960-02-29', county: 'Robeson', gender: Gender.Man, race: [] });
    const young = await person({ dob: '2001-11-24', county: 'Durham', veteran: VeteranStatus.NotAVeteran, race: [RaceEthnicity.White] });
    await certification(plain, { issuedOn: '2020-03-10', lastCertifiedOn: '2025-06-10', designations: [DesignationKind.VeteranServiceMember, DesignationKind.Coaps] });
    // Suspended for a period ending on a month's end; open-ended; reinstated; suspended again for a period.
    await certification(bare, { issuedOn: '2025-02-03', lastCertifiedOn: '2025-02-03', events: [{ kind: 'SUSPENDED', on: '2026-03-15', until: '2026-05-31' }] });
    await certification(leap, { issuedOn: '2024-08-20', lastCertifiedOn: '2024-08-20', events: [{ kind: 'SUSPENDED', on: '2025-07-01' }], designations: [DesignationKind.MilitaryServiceMember] });
    await certification(young, {
      issuedOn: '2023-09-05',
      lastCertifiedOn: '2025-09-05',
      events: [
        { kind: 'SUSPENDED', on: '2025-10-01' },
        { kind: 'REINSTATED', on: '2026-01-10' },
        { kind: 'SUSPENDED', on: '2026-11-01', until: '2026-11-30' },
      ],
    });
    // Revoked; relinquished; a suspension and a reinstatement the same day (the later one decides);
    // a reinstatement recorded before a suspension of the same day (the suspension decides).
    await certification(plain, { issuedOn: '2024-01-15', lastCertifiedOn: '2024-01-15', events: [{ kind: 'REVOKED', on: '2025-03-01' }] });
    await certification(bare, { issuedOn: '2023-07-01', lastCertifiedOn: '2023-07-01', events: [{ kind: 'RELINQUISHED', on: '2024-02-29' }], designations: [DesignationKind.Coaps] });
    await certification(leap, { issuedOn: '2025-04-01', lastCertifiedOn: '2025-04-01', events: [{ kind: 'SUSPENDED', on: '2026-05-31' }, { kind: 'REINSTATED', on: '2026-05-31' }] });
    await certification(young, { issuedOn: '2025-04-01', lastCertifiedOn: '2025-04-01', events: [{ kind: 'REINSTATED', on: '2026-05-31' }, { kind: 'SUSPENDED', on: '2026-05-31', until: '2026-06-30' }] });
    // Due, late and lapsed under each policy version (last certified before and after each change).
    for (const last of ['2023-06-30', '2023-07-01', '2024-02-29', '2024-03-01', '2024-11-23', '2024-12-31', '2025-01-01', '2024-09-15']) {
      await certification(await person({ dob: '1990-05-05', county: 'Mecklenburg', gender: Gender.NonBinary, race: [RaceEthnicity.Asian] }), { issuedOn: last, lastCertifiedOn: last });
    }

    // And a program drawn at random: people, terms, designations and event histories.
    const r = prng(8);
    const kinds = ['SUSPENDED', 'SUSPENDED', 'REINSTATED', 'REVOKED', 'RELINQUISHED'];
    const anyDay = (from: string, days: number) => dates.addDays(from, r.int(0, days));
    for (let i = 0; i < 120; i += 1) {
      const holder = await person({
        dob: anyDay('1950-01-01', 365 * 55),
        county: r.pick(COUNTIES),
        gender: r.chance(0.3) ? null : r.pick(Object.values(Gender)),
        veteran: r.chance(0.4) ? null : r.pick(Object.values(VeteranStatus)),
        race: r.chance(0.3) ? (r.chance(0.5) ? [] : null) : [...new Set([r.pick(Object.values(RaceEthnicity)), r.pick(Object.values(RaceEthnicity))])],
      });
      const lastCertifiedOn = anyDay('2022-01-01', 365 * 5);
      const issuedOn = r.chance(0.5) ? lastCertifiedOn : dates.addYears(lastCertifiedOn, -2 * r.int(1, 3));
      const events: EventSpec[] = [];
      let day = dates.addDays(lastCertifiedOn, r.int(-30, 400));
      for (let e = r.chance(0.55) ? 0 : r.int(1, 4); e > 0; e -= 1) {
        const kind = r.pick(kinds);
        events.push({ kind, on: day, until: kind === 'SUSPENDED' && r.chance(0.5) ? dates.addDays(day, r.int(0, 200)) : null });
        day = r.chance(0.15) ? day : dates.addDays(day, r.int(1, 300));
      }
      const designations = r.chance(0.25) ? [...new Set([r.pick(Object.values(DesignationKind)), r.pick(Object.values(DesignationKind))])] : [];
      await certification(holder, { issuedOn, lastCertifiedOn, events, designations });
    }
    // A few applications, two statuses tied.
    for (const status of ['SUBMITTED', 'IN_REVIEW', 'IN_REVIEW', 'INCOMPLETE', 'INCOMPLETE', 'DRAFT']) {
      await t.ds.query(`insert into application (person_id, kind, channel, status, created_by) values ($1, 'INITIAL', 'ONLINE', $2, 'test')`, [plain, status]);
    }

    for (const on of DAYS) {
      const expected = await expectedStatistics(on);
      const actual = await s.statistics.statistics(on);
      expect(actual, `statistics on ${on}`).toEqual(expected);
    }

    // The data is varied enough to tell: every status, and good standing changing month to month.
    const all = await Promise.all(DAYS.map((on) => s.statistics.statistics(on)));
    const seen = new Set(all.flatMap((x) => x.certificationsByStatus.map((c) => c.key)));
    expect([...seen].sort()).toEqual(Object.values(CertificationStatus).sort());
    expect(new Set(all[0]!.perMonth.map((m) => m.inGoodStanding)).size).toBeGreaterThan(3);
    expect(all[0]!.perMonth.some((m) => m.lapsed > 0) && all[0]!.perMonth.some((m) => m.issued > 0)).toBe(true);
    expect(all[0]!.inGoodStandingByRaceEthnicity.some((c) => c.key === 'NOT_GIVEN')).toBe(true);
  });

  it('is one SQL statement, however many certifications there are', async () => {
    const { result, statements } = await sqlStatementsOf(() => services().statistics.statistics('2026-11-23'));
    expect(result.certificationsByStatus.reduce((sum, c) => sum + c.count, 0)).toBeGreaterThan(100);
    expect(statements).toBe(1);
  });

  it('serves today\'s statistics again, shared by concurrent requests, until a write is committed or they grow too old', async () => {
    const cached = createCertificationServices({ dataSource: t.ds, clock: fixedClock('2026-11-23'), statistics: { maxAgeMs: 60_000 } });
    const total = (x: { certificationsByStatus: { count: number }[] }) => x.certificationsByStatus.reduce((sum, c) => sum + c.count, 0);
    const first = await sqlStatementsOf(() => Promise.all([1, 2, 3].map(() => cached.statistics.statistics())));
    expect(first.statements).toBe(1);
    const again = await sqlStatementsOf(() => cached.statistics.statistics());
    expect(again.statements).toBe(0);
    expect(again.result).toEqual(first.result[0]);
    // Another day is counted every time, and leaves today's in the cache.
    expect((await sqlStatementsOf(() => cached.statistics.statistics('2026-05-31'))).statements).toBe(1);
    expect((await sqlStatementsOf(() => cached.statistics.statistics('2026-05-31'))).statements).toBe(1);
    expect((await sqlStatementsOf(() => cached.statistics.statistics('2026-11-23'))).statements).toBe(0);

    // A committed write (here a raw statement in a transaction) makes the next request count afresh.
    const holder = await person({ dob: '1990-01-01', county: 'Wake' });
    const before = total(again.result);
    let added = '';
    await t.ds.transaction(async (tx) => {
      n += 1;
      const [{ id }] = (await tx.query(`insert into certification (number, person_id, issued_on, last_certified_on, due_on) values ($1, $2, '2026-01-10', '2026-01-10', '2028-01-31') returning id`, [
        `NC-CPSS-7${String(n).padStart(5, '0')}`,
        holder,
      ])) as { id: string }[];
      added = id;
    });
    try {
      const fresh = await sqlStatementsOf(() => cached.statistics.statistics());
      expect(fresh.statements).toBe(1);
      expect(total(fresh.result)).toBe(before + 1);

      // Too old: counted afresh though nothing was written.
      const young = createCertificationServices({ dataSource: t.ds, clock: fixedClock('2026-11-23'), statistics: { maxAgeMs: 20 } });
      await young.statistics.statistics();
      expect((await sqlStatementsOf(() => young.statistics.statistics())).statements).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 40));
      expect((await sqlStatementsOf(() => young.statistics.statistics())).statements).toBe(1);
    } finally {
      await t.ds.query(`delete from certification where id = $1`, [added]);
    }
  });

  it('refuses, as the lifecycle does, a certification no policy version covers', async () => {
    const early = await certification(await person({ dob: '1970-01-01', county: 'Wake' }), { issuedOn: '2010-05-01', lastCertifiedOn: '2010-05-01' });
    try {
      await expect(services().statistics.statistics('2026-11-23')).rejects.toMatchObject({ extensions: { code: 'FAILED_PRECONDITION' }, message: 'No program policy is in force on 2010-05-01' });
    } finally {
      await t.ds.query(`delete from certification where id = $1`, [early]);
    }
  });
});
