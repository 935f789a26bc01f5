// Calendar dates as whole day numbers (days since 1970-01-01, UTC) while generating, turned into
// ISO dates when written; business days are North Carolina's, from the platform's own calendar.
import { isBusinessDay } from '@cpss/server-kit';

export type Day = number;

const MS = 86_400_000;

export function day(iso: string): Day {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / MS);
}

const isoCache = new Map<Day, string>();
export function iso(d: Day): string {
  let s = isoCache.get(d);
  if (s === undefined) {
    s = new Date(d * MS).toISOString().slice(0, 10);
    isoCache.set(d, s);
  }
  return s;
}

function parts(d: Day): [number, number, number] {
  const dt = new Date(d * MS);
  return [dt.getUTCFullYear(), dt.getUTCMonth(), dt.getUTCDate()];
}

/** Like date-fns addMonths: the day of month is kept, or clamped to the month's last day. */
export function addMonths(d: Day, n: number): Day {
  const [y, m, dd] = parts(d);
  const last = new Date(Date.UTC(y, m + n + 1, 0)).getUTCDate();
  return Math.round(Date.UTC(y, m + n, Math.min(dd, last)) / MS);
}

export const addYears = (d: Day, n: number): Day => addMonths(d, 12 * n);

export function endOfMonth(d: Day): Day {
  const [y, m] = parts(d);
  return Math.round(Date.UTC(y, m + 1, 0) / MS);
}

export function yearOf(d: Day): number {
  return parts(d)[0];
}

/** A timestamp on day `d` at `minutes` past midnight UTC, as PostgreSQL reads it. */
export function at(d: Day, minutes = 9 * 60): string {
  const whole = Math.floor(minutes);
  const dayOf = d + Math.floor(whole / 1440);
  const inDay = ((whole % 1440) + 1440) % 1440;
  return `${iso(dayOf)} ${String(Math.floor(inDay / 60)).padStart(2, '0')}:${String(inDay % 60).padStart(2, '0')}:00+00`;
}

const businessCache = new Map<Day, boolean>();
export function businessDay(d: Day): boolean {
  let b = businessCache.get(d);
  if (b === undefined) {
    b = isBusinessDay(iso(d));
    businessCache.set(d, b);
  }
  return b;
}

/** `n` business days after `d` (before it when negative), as the platform counts them. */
export function addBusinessDays(d: Day, n: number): Day {
  let current = d;
  let left = Math.abs(n);
  const step = n < 0 ? -1 : 1;
  while (left > 0) {
    current += step;
    if (businessDay(current)) left -= 1;
  }
  return current;
}

/** The first business day on or after `d`. */
export function onBusinessDay(d: Day): Day {
  let current = d;
  while (!businessDay(current)) current += 1;
  return current;
}
