// Calendar dates (no time, no zone) as ISO `YYYY-MM-DD` strings, and North Carolina business days
// (weekends and the state's holidays skipped, from the maintained `date-holidays` calendar).
import { addDays, addMonths, addYears, differenceInCalendarDays, endOfMonth, format, isWeekend, parseISO } from 'date-fns';
import Holidays from 'date-holidays';

export type IsoDate = string;

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO.test(value)) return false;
  const d = parseISO(value);
  return !Number.isNaN(d.getTime()) && format(d, 'yyyy-MM-dd') === value;
}

// Local midnight of the date and back, without date-fns' general parser and formatter: lists of
// thousands of certifications do date arithmetic per row, and those two were most of its cost.
const toDate = (iso: IsoDate) => {
  const year = Number(iso.slice(0, 4));
  const d = new Date(year, Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  if (year < 100) d.setFullYear(year); // the Date constructor reads 0-99 as 1900-1999
  return d;
};
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const toIso = (d: Date): IsoDate => `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}`;

export const dates = {
  addDays: (iso: IsoDate, n: number) => toIso(addDays(toDate(iso), n)),
  addMonths: (iso: IsoDate, n: number) => toIso(addMonths(toDate(iso), n)),
  addYears: (iso: IsoDate, n: number) => toIso(addYears(toDate(iso), n)),
  /** Last day of the month `iso` falls in. */
  endOfMonth: (iso: IsoDate) => toIso(endOfMonth(toDate(iso))),
  daysBetween: (from: IsoDate, to: IsoDate) => differenceInCalendarDays(toDate(to), toDate(from)),
  /** Whole years from `from` to `to` (an age): 17 the day before the 18th birthday. */
  yearsBetween: (from: IsoDate, to: IsoDate) => {
    const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
    const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
    return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
  },
  /** Whole months from `from` to `to`. */
  monthsBetween: (from: IsoDate, to: IsoDate) => {
    const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
    const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
    return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  },
  compare: (a: IsoDate, b: IsoDate) => (a < b ? -1 : a > b ? 1 : 0),
  max: (a: IsoDate, b: IsoDate) => (a > b ? a : b),
  min: (a: IsoDate, b: IsoDate) => (a < b ? a : b),
};

const nc = new Holidays('US', 'NC');
const holidaysByYear = new Map<number, Set<IsoDate>>();

/** North Carolina's public holidays of a year, by calendar date (no time zone can shift them). */
function publicHolidays(year: number): Set<IsoDate> {
  let set = holidaysByYear.get(year);
  if (!set) {
    set = new Set(nc.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    holidaysByYear.set(year, set);
  }
  return set;
}

/** True on a weekday that is not a North Carolina public holiday. */
export function isBusinessDay(iso: IsoDate): boolean {
  if (isWeekend(toDate(iso))) return false;
  return !publicHolidays(Number(iso.slice(0, 4))).has(iso);
}

/** The date `n` business days after `iso` (before it when n < 0; 0 gives `iso` itself). */
export function addBusinessDays(iso: IsoDate, n: number): IsoDate {
  let current = iso;
  let left = Math.abs(n);
  const step = n < 0 ? -1 : 1; // a negative count goes back: "three business days ago"
  while (left > 0) {
    current = dates.addDays(current, step);
    if (isBusinessDay(current)) left -= 1;
  }
  return current;
}

/** Business days after `from` up to and including `to` (0 when `to` <= `from`). */
export function businessDaysBetween(from: IsoDate, to: IsoDate): number {
  let count = 0;
  for (let d = dates.addDays(from, 1); d <= to; d = dates.addDays(d, 1)) if (isBusinessDay(d)) count += 1;
  return count;
}
