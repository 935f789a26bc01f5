// The program statistics as one SQL statement: every certification's status on a day and on each
// month's end, counted in PostgreSQL, so a dashboard request reads a few hundred rows of counts
// instead of every certification, person, designation and event.
//
// The status rule here MIRRORS services/lifecycle.ts (`certificationStatusOn`, `lateWindowEnd`),
// which stays the rule for single certifications; test/statistics.test.ts builds a varied program
// and holds these counts equal to what certificationStatusOn gives for the same data on several
// days. Change both together.
//
// - The policy version of a certification is the one in force on its last (re)certification
//   (latest effective_from on or before last_certified_on), its numbers read from
//   policy_version.values: lateWindowDays, and reminderOffsetsDays (the largest opens DUE).
// - On a day, the latest event in effect decides (latest effective_on, then latest recorded `at`),
//   unless it is REINSTATED; a suspension with effective_until applies through that day only.
// - Otherwise: LAPSED after the late window's end (end of the due month + lateWindowDays), LATE
//   after due_on, DUE from due_on minus the largest reminder offset, else ACTIVE.
import { CertificationEventKind, CertificationStatus } from '@cpss/domain';
import type { IsoDate } from '@cpss/server-kit';
import type { CertificationPolicy } from '../policy/certification-policy';

/** The policy numbers the status rule reads, named by the schema's own keys. */
const LATE_WINDOW_DAYS: keyof CertificationPolicy = 'lateWindowDays';
const REMINDER_OFFSETS_DAYS: keyof CertificationPolicy = 'reminderOffsetsDays';

export const IN_GOOD_STANDING: readonly CertificationStatus[] = [CertificationStatus.Active, CertificationStatus.Due, CertificationStatus.Late];

/** What each row of the statement counts. */
export type StatisticsDimension =
  | 'application'
  | 'status'
  | 'county'
  | 'designation'
  | 'age'
  | 'gender'
  | 'veteranStatus'
  | 'raceEthnicity'
  | 'issued'
  | 'lapsed'
  | 'inGoodStanding'
  | 'withoutPolicy';

export interface StatisticsRow {
  dimension: StatisticsDimension;
  key: string;
  count: number;
  /** application: the position in `order by count desc, status`. */
  rank: number | null;
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * certificationStatusOn (lifecycle.ts) in SQL for one day, and the only copy of it here: `day` is a
 * date expression, `kind` the kind of the latest event in effect on it (null when none); reads
 * late_end, due_on and due_from of the row. test/statistics.test.ts holds the two equal. As in
 * lifecycle.ts, the day the certification was issued does not enter.
 */
function statusOn(day: string, kind: string): string {
  return `case
      when ${kind} is not null and ${kind} <> ${q(CertificationEventKind.Reinstated)} then ${kind}
      when ${day} > late_end then ${q(CertificationStatus.Lapsed)}
      when ${day} > due_on then ${q(CertificationStatus.Late)}
      when ${day} >= due_from then ${q(CertificationStatus.Due)}
      else ${q(CertificationStatus.Active)}
    end`;
}

/**
 * One statement for the whole dashboard: rows of (dimension, key, count). `on` is the day asked
 * for; `monthEnds` the days the certified count is taken on (each month's end, or `on` for its
 * own month); issued and lapsed are counted from `firstMonth` (a month's first day) through `on`.
 */
export function statisticsStatement(on: IsoDate, monthEnds: readonly IsoDate[], firstMonth: IsoDate): { sql: string; parameters: unknown[] } {
  // Day 1 is `on`, days 2.. the month ends: $1[i].
  const days = [on, ...monthEnds];
  const day = (i: number) => `($1::date[])[${i}]`;
  const range = days.map((_, n) => n + 1);
  const sql = `
    -- Mirrors services/lifecycle.ts (certificationStatusOn); test/statistics.test.ts holds them equal.
    with policy as (
      select effective_from,
             lead(effective_from) over (order by effective_from) as next_from,
             (values ->> ${q(LATE_WINDOW_DAYS)})::int as late_window_days,
             (select max(o::int) from jsonb_array_elements_text(values -> ${q(REMINDER_OFFSETS_DAYS)}) o) as due_window_days
        from policy_version
    ),
    -- Per certification with events and per day: the kind of the latest event in effect that day.
    decided as (
      select distinct on (e.certification_id, d.i) e.certification_id, d.i, e.kind
        from certification_event e
        join unnest($1::date[]) with ordinality d(day, i)
          on e.effective_on <= d.day and (e.effective_until is null or e.effective_until >= d.day)
       order by e.certification_id, d.i, e.effective_on desc, e.at desc, e.id desc
    ),
    kinds as (
      select certification_id, ${range.map((i) => `min(kind) filter (where i = ${i}) as k${i}`).join(', ')}
        from decided
       group by certification_id
    ),
    -- Each certification's term: its policy version's windows, and whether an event may decide.
    term as (
      select c.id, c.person_id, c.due_on, k.certification_id as decided_by_event, k.k1,
             case when p.effective_from is null then c.last_certified_on end as without_policy,
             -- lateWindowEnd: the end of the due month plus the policy's late window.
             (date_trunc('month', c.due_on::timestamp) + interval '1 month')::date - 1 + p.late_window_days as late_end,
             c.due_on - p.due_window_days as due_from
        from certification c
        left join policy p on p.effective_from <= c.last_certified_on and (p.next_from is null or c.last_certified_on < p.next_from)
        left join kinds k on k.certification_id = c.id
    ),
    -- Each certification's status on the day asked for, and whether it is in good standing (a
    -- boolean column: the planner then expects half of them rather than a handful, and hashes).
    today as materialized (
      select *, status = any($3::text[]) as good
        from (select id, person_id, due_on, due_from, late_end, decided_by_event, without_policy,
                     ${statusOn(day(1), 'k1')} as status
                from term) t
    ),
    good as (
      select id, person_id from today where good
    ),
    -- The holders in good standing, counted by each of their facts in one pass.
    holders as (
      select grouping(county) = 0 as by_county, grouping(age) = 0 as by_age, grouping(gender) = 0 as by_gender,
             grouping(veteran_status) = 0 as by_veteran_status, grouping(race_ethnicity) = 0 as by_race_ethnicity,
             county, age, gender, veteran_status, race_ethnicity, count(*)::int as n
        from (select p.county, coalesce(p.gender, 'NOT_GIVEN') as gender, coalesce(p.veteran_status, 'NOT_GIVEN') as veteran_status, p.race_ethnicity,
                     -- dates.yearsBetween(date_of_birth, on): whole years, one less before the birthday.
                     (date_part('year', ${day(1)}) - date_part('year', p.date_of_birth)
                       - case when (date_part('month', ${day(1)}), date_part('day', ${day(1)})) < (date_part('month', p.date_of_birth), date_part('day', p.date_of_birth)) then 1 else 0 end)::int as age
                from good g
                join person p on p.id = g.person_id) h
       group by grouping sets ((county), (age), (gender), (veteran_status), (race_ethnicity))
    ),
    -- One pass over the statuses: by status, by month lapsed, by term (due date, windows and the
    -- certification when an event decides: terms alike count together) and without a policy.
    tallied as (
      select grouping(status) = 0 as by_status, grouping(lapsed) = 0 as by_lapsed, grouping(due_on) = 0 as by_term,
             status, lapsed, due_on, late_end, due_from, decided_by_event, without_policy, count(*)::int as n
        from (select status, due_on, late_end, due_from, decided_by_event, without_policy,
                     -- A lapse takes effect the day after the late window ends (LAPSED on \`on\`: on or before it).
                     case when status = ${q(CertificationStatus.Lapsed)} and late_end + 1 >= $2::date then to_char(late_end + 1, 'YYYY-MM') end as lapsed
                from today) t
       group by grouping sets ((status), (lapsed), (due_on, late_end, due_from, decided_by_event), (without_policy))
    )
    select 'application' as dimension, status as key, count(*)::int as count, (row_number() over (order by count(*) desc, status))::int as rank
      from application group by status
    union all
    select case when by_status then 'status' else 'lapsed' end, coalesce(status, lapsed), n, null
      from tallied where by_status or (by_lapsed and lapsed is not null)
    union all
    select 'issued', to_char(issued_on, 'YYYY-MM'), count(*)::int, null
      from certification where issued_on between $2::date and ${day(1)} group by 2
    union all
    select case when by_county then 'county' when by_age then 'age' when by_gender then 'gender' else 'veteranStatus' end,
           coalesce(county, age::text, gender, veteran_status), n, null
      from holders where not by_race_ethnicity
    union all
    select 'raceEthnicity', r, sum(n)::int, null
      from holders, unnest(case when coalesce(cardinality(race_ethnicity), 0) = 0 then array['NOT_GIVEN'] else race_ethnicity end) r
     where by_race_ethnicity
     group by r
    union all
    select 'designation', d.designation, count(*)::int, null
      from good g join certification_designation d on d.certification_id = g.id
     group by d.designation
    union all
    select 'inGoodStanding', m.i::text, m.n, null
      from (select array[${range
        .slice(1)
        .map((i) => `coalesce(sum(n) filter (where (${statusOn(day(i), `k${i}`)}) = any($3::text[])), 0)::int`)
        .join(',\n                           ')}] as counts
              from tallied t left join kinds k on k.certification_id = t.decided_by_event
             where t.by_term) x,
           unnest(x.counts) with ordinality m(n, i)
    union all
    select 'withoutPolicy', min(without_policy)::text, sum(n)::int, null from tallied where without_policy is not null having count(*) > 0`;
  return { sql, parameters: [days, firstMonth, IN_GOOD_STANDING] };
}
