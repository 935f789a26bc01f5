// Program statistics from the training domain: completions and hours by course kind in a period,
// and completions per month, each one aggregate statement. Only completions that count toward
// certification are counted (a course completed outside its approval term is left out).
import { badInput, dates } from '@cpss/server-kit';
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


export class TrainingStatisticsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The period asked for, or the 12 months up to `today`. */
  period(today: string, from?: string | null, to?: string | null): { from: string; to: string } {
    const end = to ?? today;
    const start = from ?? dates.addDays(dates.addMonths(end, -12), 1);
    if (start > end) throw badInput({ field: 'from', reason: `must not be after ${end}` });
    return { from: start, to: end };
  }

  async byKind(from: string, to: string): Promise<KindCount[]> {
    const rows = (await this.dataSource.query(
      `select t.kind, count(*)::int as completions, coalesce(sum(t.hours), 0)::float as hours
         from training_completion t left join course c on c.id = t.course_id
        where t.completed_on between $1 and $2 and ${COUNTS}
        group by t.kind order by completions desc, t.kind`,
      [from, to],
    )) as KindCount[];
    return rows;
  }

  async perMonth(from: string, to: string): Promise<MonthCount[]> {
    return (await this.dataSource.query(
      `select to_char(m, 'YYYY-MM') as month, count(t.id)::int as completions
         from generate_series(date_trunc('month', $1::date), date_trunc('month', $2::date), interval '1 month') m
         left join (training_completion t left join course c on c.id = t.course_id)
           on date_trunc('month', t.completed_on) = m and t.completed_on between $1 and $2 and ${COUNTS}
        group by m order by m`,
      [from, to],
    )) as MonthCount[];
  }
}
