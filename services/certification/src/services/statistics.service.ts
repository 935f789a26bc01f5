// Program statistics: counts by status, county, designation and voluntary demographics (of the
// CPSS in good standing on a date), and per month the certifications issued and lapsed and the
// number certified at the month's end. Counted in PostgreSQL by one statement
// (services/statistics-sql.ts), whose status rule mirrors the lifecycle function every other
// screen uses (test/statistics.test.ts holds the two equal).
import { ageBandOf } from '@cpss/domain';
import { dates, failedPrecondition, recentAnswer, type Clock, type RecentAnswer } from '@cpss/server-kit';
import type { DataSource } from 'typeorm';
import { statisticsStatement, type StatisticsDimension, type StatisticsRow } from './statistics-sql';

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

/** Most first, then by key. */
function tally(counts: Iterable<[string, number]>): Count[] {
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

export type CertificationStatistics = Awaited<ReturnType<StatisticsService['count']>>;

export interface StatisticsOptions {
  /**
   * How long the statistics of a day may be served again without counting them afresh (0: never).
   * They are counted afresh anyway once this service has committed a write since; dashboards asked
   * by several staff at once share one count.
   */
  maxAgeMs?: number;
}

export class StatisticsService {
  private readonly today: RecentAnswer<CertificationStatistics>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    options: StatisticsOptions = {},
  ) {
    this.today = recentAnswer(dataSource, options.maxAgeMs ?? 0);
  }

  /** The statistics on a day (today by default), the last year month by month; today's may come from the cache. */
  statistics(on: string = this.clock.today()): Promise<CertificationStatistics> {
    // Only today's, the dashboard's: another day asked does not push it out.
    return on === this.clock.today() ? this.today.get(on, () => this.count(on)) : this.count(on);
  }

  /** Counted afresh, without the cache. */
  async count(on: string, months = 12) {
    const firstMonth = dates.addMonths(`${on.slice(0, 7)}-01`, -(months - 1));
    const perMonth: MonthCount[] = [];
    for (let m = firstMonth; m <= on; m = dates.addMonths(m, 1)) perMonth.push({ month: m.slice(0, 7), issued: 0, lapsed: 0, inGoodStanding: 0 });
    // The certified count over time: statuses at each month's end (the day asked for in its own month).
    const monthEnds = perMonth.map((p) => {
      const monthEnd = dates.addDays(dates.addMonths(`${p.month}-01`, 1), -1);
      return monthEnd < on ? monthEnd : on;
    });

    const { sql, parameters } = statisticsStatement(on, monthEnds, firstMonth);
    const rows = (await this.dataSource.query(sql, parameters)) as StatisticsRow[];
    const of = (dimension: StatisticsDimension) => rows.filter((r) => r.dimension === dimension);

    const withoutPolicy = of('withoutPolicy')[0];
    if (withoutPolicy) {
      throw failedPrecondition(`No program policy is in force on ${withoutPolicy.key}`, [{ rule: 'policy', reason: `no version effective on or before ${withoutPolicy.key}` }]);
    }
    const monthIndex = new Map(perMonth.map((p) => [p.month, p]));
    for (const r of of('issued')) monthIndex.get(r.key)!.issued = r.count;
    for (const r of of('lapsed')) monthIndex.get(r.key)!.lapsed = r.count;
    for (const r of of('inGoodStanding')) perMonth[Number(r.key) - 1]!.inGoodStanding = r.count;

    const byAgeBand = new Map<string, number>();
    for (const r of of('age')) {
      const band = ageBandOf(Number(r.key));
      byAgeBand.set(band, (byAgeBand.get(band) ?? 0) + r.count);
    }
    const counts = (dimension: StatisticsDimension) => tally(of(dimension).map((r) => [r.key, r.count]));

    return {
      on,
      applicationsByStatus: of('application')
        .sort((a, b) => a.rank! - b.rank!)
        .map(({ key, count }) => ({ key, count })),
      certificationsByStatus: counts('status'),
      inGoodStandingByCounty: counts('county'),
      inGoodStandingByDesignation: counts('designation'),
      inGoodStandingByAgeBand: tally(byAgeBand),
      inGoodStandingByGender: counts('gender'),
      inGoodStandingByVeteranStatus: counts('veteranStatus'),
      inGoodStandingByRaceEthnicity: counts('raceEthnicity'),
      perMonth,
    };
  }
}
