import { describe, expect, it } from 'vitest';
import { addBusinessDays, businessDaysBetween, dates, isBusinessDay, isIsoDate } from '../src';

describe('calendar dates', () => {
  it('counts an age in whole years: 17 the day before the 18th birthday', () => {
    expect(dates.yearsBetween('2008-11-23', '2026-11-22')).toBe(17);
    expect(dates.yearsBetween('2008-11-23', '2026-11-23')).toBe(18);
    expect(dates.yearsBetween('2008-02-29', '2026-02-28')).toBe(17);
    expect(dates.yearsBetween('2008-02-29', '2026-03-01')).toBe(18);
  });

  it('counts whole months: one day short is one month fewer', () => {
    expect(dates.monthsBetween('2025-05-23', '2026-11-22')).toBe(17);
    expect(dates.monthsBetween('2025-05-23', '2026-11-23')).toBe(18);
  });

  it('finds the end of a month, leap years included', () => {
    expect(dates.endOfMonth('2028-02-10')).toBe('2028-02-29');
    expect(dates.endOfMonth('2027-02-10')).toBe('2027-02-28');
  });

  it('accepts only real ISO dates', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('11/23/2026')).toBe(false);
  });
});

describe('North Carolina business days', () => {
  it('skips weekends and state holidays', () => {
    expect(isBusinessDay('2026-11-21')).toBe(false); // Saturday
    expect(isBusinessDay('2026-11-26')).toBe(false); // Thanksgiving
    expect(isBusinessDay('2026-11-24')).toBe(true);
  });

  it('adds 5 business days across Thanksgiving', () => {
    // Mon 23 Nov 2026 + 5 business days: Tue 24, Wed 25, (Thu 26 and Fri 27 are NC holidays), Mon 30, Tue 1, Wed 2.
    expect(addBusinessDays('2026-11-23', 5)).toBe('2026-12-02');
    expect(businessDaysBetween('2026-11-23', '2026-12-02')).toBe(5);
    expect(businessDaysBetween('2026-12-02', '2026-11-23')).toBe(0);
  });

  it('goes back with a negative count, over weekends and holidays', () => {
    expect(addBusinessDays('2026-12-02', -5)).toBe('2026-11-23');
    // Mon 23 Nov 2026 - 3 business days: Fri 20, Thu 19, Wed 18.
    expect(addBusinessDays('2026-11-23', -3)).toBe('2026-11-18');
  });
});
