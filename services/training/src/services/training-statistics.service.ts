// Program statistics from the training domain: completions and hours by course kind in a period,
// and completions per month, from one aggregate statement. Only completions that count toward
// certification are counted (a course completed outside its approval term is left out).
import { badInput, dates, oncePerRequest, recentAnswer, type RecentAnswer } from '@cpss/server-kit';
import type { CourseKind } from '@cpss/domain';
import type { DataSource } from 'typeorm';
import { COUNTS_SQL as COUNTS } from './training-record.service';

export interface KindCount {
  kind: CourseKind;
  completions: number;
  hours: number;
}

export interface MonthCount {
  month: string;
  completions: number;
}


export interface TrainingCounts {
  byKind: KindCount[];
  perMonth: MonthCount[];
}

export interface TrainingStatisticsOptions {
  /** How long the default period's counts (the 12 months to today) may be served again, unless a write was committed since (0: never). */
  maxAgeMs?: number;
}

export class TrainingStatisticsService {
  private readonly recent: RecentAnswer<TrainingCounts>;

  constructor(
    private readonly dataSource: DataSource,
    options: TrainingStatisticsOptions = {},
  ) {
    this.recent = recentAnswer(dataSource, options.maxAgeMs ?? 0);
  }

  /** The period asked for, or the 12 months up to `today`. */
  period(today: string, from?: string | null, to?: string | null): { from: string; to: string; recent: boolean } {
    const end = to ?? today;
    const start = from ?? dates.addDays(dates.addMonths(end, -12), 1);
    if (start > end) throw badInput({ field: 'from', reason: `must not be after ${end}` });
    return { from: start, to: end, recent: end === today && start === dates.addDays(dates.addMonths(today, -12), 1) };
  }

  async byKind(period: { from: string; to: string; recent?: boolean }): Promise<KindCount[]> {
    return (await this.counts(period)).byKind;
  }

  async perMonth(period: { from: string; to: string; recent?: boolean }): Promise<MonthCount[]> {
    return (await this.counts(period)).perMonth;
  }

  /** Both, from one statement once a request; the default period's kept a while (RecentAnswer). */
  counts({ from, to, recent }: { from: string; to: string; recent?: boolean }): Promise<TrainingCounts> {
    const key = `${from}/${to}`;
    return oncePerRequest(`training-statistics:${key}`, () => (recent ? this.recent.get(key, () => this.count(from, to)) : this.count(from, to)));
  }

  /** Counted afresh: the counting completions of the period read once, grouped by kind and by month. */
  async count(from: string, to: string): Promise<TrainingCounts> {
    const rows = (await this.dataSource.query(
      `with counted as (
         select t.kind, t.hours, date_trunc('month', t.completed_on) as m
           from training_completion t left join course c on c.id = t.course_id
          where t.completed_on between $1::date and $2::date and ${COUNTS}
       )
       select 'kind' as dimension, kind::text as key, count(*)::int as completions, coalesce(sum(hours), 0)::float as hours
         from counted group by kind
       union all
       select 'month', to_char(s.m, 'YYYY-MM'), count(counted.m)::int, 0
         from generate_series(date_trunc('month', $1::date), date_trunc('month', $2::date), interval '1 month') s(m)
         left join counted on counted.m = s.m
        group by s.m`,
      [from, to],
    )) as { dimension: 'kind' | 'month'; key: string; completions: number; hours: number }[];
    const byKind = rows
      .filter((r) => r.dimension === 'kind')
      .map((r) => ({ kind: r.key as CourseKind, completions: r.completions, hours: r.hours }))
      .sort((a, b) => b.completions - a.completions || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
    const perMonth = rows
      .filter((r) => r.dimension === 'month')
      .map((r) => ({ month: r.key, completions: r.completions }))
      .sort((a, b) => (a.month < b.month ? -1 : 1));
    return { byKind, perMonth };
  }
}
