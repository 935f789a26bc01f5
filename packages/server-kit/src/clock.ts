import { readFileSync } from 'node:fs';
// "Today" comes from one injectable clock, so rules and tests can stand on any date without
// patching globals. Dates without a time are ISO `YYYY-MM-DD` strings in the program's time zone.
export interface Clock {
  now(): Date;
  /** The calendar date in America/New_York (North Carolina), as YYYY-MM-DD. */
  today(): string;
}

const NC_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' });

// Formatting a date in a time zone costs microseconds and lists ask for today once per row: the
// answer is kept for the rest of the second it was computed in.
let todayCache = { second: -1, date: '' };

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => {
    const now = Date.now();
    const second = Math.floor(now / 1000);
    if (todayCache.second !== second) todayCache = { second, date: NC_DATE.format(now) };
    return todayCache.date;
  },
};

export function fixedClock(at: string | Date): Clock {
  const instant = typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at) ? new Date(`${at}T12:00:00-05:00`) : new Date(at);
  return { now: () => new Date(instant), today: () => NC_DATE.format(instant) };
}

/**
 * A clock whose date is the content of a file (YYYY-MM-DD), read on each call: end-to-end tests
 * move every service of a running platform to another day together by rewriting it. The time of
 * day is the real one. Only outside production (the env parser refuses CLOCK_FILE there).
 */
export function fileClock(path: string): Clock {
  const dateIn = () => {
    const text = readFileSync(path, 'utf8').trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new Error(`clock file ${path} does not hold a YYYY-MM-DD date`);
    return text;
  };
  return {
    now: () => {
      const real = new Date();
      const shift = Date.parse(`${dateIn()}T00:00:00Z`) - Date.parse(`${NC_DATE.format(real)}T00:00:00Z`);
      return new Date(real.getTime() + shift);
    },
    today: dateIn,
  };
}
