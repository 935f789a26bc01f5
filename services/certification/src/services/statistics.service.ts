// Program statistics: counts by status, county, designation and voluntary demographics (of the
// CPSS in good standing on a date), and per month the certifications issued and lapsed and the
// number certified at the month's end. Statuses come from the same lifecycle function as
// everywhere else.
import { ageBandOf } from '@cpss/domain';
import { dates, type Clock } from '@cpss/server-kit';
import type { DataSource } from 'typeorm';
import { Certification } from '../entities/certification';
import type { CertificationService } from './certification.service';
import { lateWindowEnd } from './lifecycle';
import { PolicyCatalog } from './policy-catalog';
import type { CertificationPolicyStore } from '../policy/certification-policy';

export interface Count {
  key: string;
  count: number;
}

export interface MonthCount {
  month: string;
  issued: number;
  lapsed: number;
  /** Certified people (in good standing) at the month's end, or on the day asked for the current month. */
  inGoodStanding: number;
}

const IN_GOOD_STANDING = ['ACTIVE', 'DUE', 'LATE'];

function tally(keys: string[]): Count[] {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m.entries()].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

export class StatisticsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: CertificationPolicyStore,
    private readonly certifications: CertificationService,
    private readonly clock: Clock,
  ) {}

  async statistics(on: string = this.clock.today(), months = 12) {
    const [apps, certs, people, designations, catalog] = await Promise.all([
      this.dataSource.query(`select status as key, count(*)::int as count from application group by status order by count desc, status`) as Promise<Count[]>,
      this.dataSource.getRepository(Certification).find(),
      this.dataSource.query(`select id, county, date_of_birth::text as dob, gender, veteran_status, race_ethnicity from person`) as Promise<{ id: string; county: string; dob: string; gender: string | null; veteran_status: string | null; race_ethnicity: string[] }[]>,
      this.dataSource.query(`select certification_id, designation from certification_designation`) as Promise<{ certification_id: string; designation: string }[]>,
      PolicyCatalog.load(this.policy),
    ]);
    const statuses = await this.certifications.statusesOn(certs, on);
    const good = certs.filter((_, i) => IN_GOOD_STANDING.includes(statuses[i]!.status));
    const personById = new Map(people.map((p) => [p.id, p]));
    const holders = good.map((c) => personById.get(c.personId)!);
    const goodIds = new Set(good.map((c) => c.id));

    const firstMonth = dates.addMonths(`${on.slice(0, 7)}-01`, -(months - 1));
    const perMonth: MonthCount[] = [];
    for (let m = firstMonth; m <= on; m = dates.addMonths(m, 1)) perMonth.push({ month: m.slice(0, 7), issued: 0, lapsed: 0, inGoodStanding: 0 });
    const monthIndex = new Map(perMonth.map((p) => [p.month, p]));
    const bucket = (date: string) => monthIndex.get(date.slice(0, 7));
    for (const c of certs) {
      const b = bucket(c.issuedOn);
      if (b && c.issuedOn <= on) b.issued += 1;
    }
    certs.forEach((c, i) => {
      if (statuses[i]!.status !== 'LAPSED') return;
      const lapsedOn = dates.addDays(lateWindowEnd(c.dueOn, catalog.inForceOn(c.lastCertifiedOn).values), 1);
      const b = bucket(lapsedOn);
      if (b) b.lapsed += 1;
    });

    // The certified count over time: statuses at each month's end, from one read of the events.
    const monthEnds = perMonth.map((p) => {
      const monthEnd = dates.addDays(dates.addMonths(`${p.month}-01`, 1), -1);
      return monthEnd < on ? monthEnd : on;
    });
    const byMonth = await this.certifications.statusesOnDates(certs, monthEnds);
    perMonth.forEach((p, m) => (p.inGoodStanding = byMonth[m]!.filter((s) => IN_GOOD_STANDING.includes(s.status)).length));

    return {
      on,
      applicationsByStatus: apps,
      certificationsByStatus: tally(statuses.map((s) => s.status)),
      inGoodStandingByCounty: tally(holders.map((p) => p.county)),
      inGoodStandingByDesignation: tally(designations.filter((d) => goodIds.has(d.certification_id)).map((d) => d.designation)),
      inGoodStandingByAgeBand: tally(holders.map((p) => ageBandOf(dates.yearsBetween(p.dob, on)))),
      inGoodStandingByGender: tally(holders.map((p) => p.gender ?? 'NOT_GIVEN')),
      inGoodStandingByVeteranStatus: tally(holders.map((p) => p.veteran_status ?? 'NOT_GIVEN')),
      inGoodStandingByRaceEthnicity: tally(holders.flatMap((p) => (p.race_ethnicity.length ? p.race_ethnicity : ['NOT_GIVEN']))),
      perMonth,
    };
  }
}
