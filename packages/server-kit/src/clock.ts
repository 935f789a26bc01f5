// "Today" comes from one injectable clock, so rules and tests can stand on any date without
// patching globals. Dates without a time are ISO `YYYY-MM-DD` strings in the program's time zone.
export interface Clock {
  now(): Date;
  /** The calendar date in America/New_York (North Carolina), as YYYY-MM-DD. */
  today(): string;
}

const NC_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' });

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => NC_DATE.format(new Date()),
};

export function fixedClock(at: string | Date): Clock {
  const instant = typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at) ? new Date(`${at}T12:00:00-05:00`) : new Date(at);
  return { now: () => new Date(instant), today: () => NC_DATE.format(instant) };
}
