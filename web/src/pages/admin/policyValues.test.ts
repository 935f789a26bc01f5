import { describe, expect, it } from 'vitest';
import { formatValue, getAt, keyLabel, orderedEntries, setAt, valueRows } from './policyValues';

describe('policy values', () => {
  it('reads numbers in the program’s words and units', () => {
    expect(formatValue(2000, ['feesCents', 'application'])).toBe('2,000 ($20.00)');
    expect(formatValue(10 * 1024 * 1024, ['maxUploadBytes'])).toBe('10,485,760 (10 MB)');
    expect(formatValue(true)).toBe('Yes');
    expect(formatValue([90, 60], ['reminderOffsetsDays'])).toBe('90; 60');
    expect(formatValue([{ to: { day: 7, month: 4 }, from: { month: 4, day: 1 } }])).toBe('Apr 1 – Apr 7');
  });

  it('labels known keys and spells out unknown ones', () => {
    expect(keyLabel('recoveryMonths')).toBe('Recovery required (months)');
    expect(keyLabel('someNewNumber')).toBe('Some new number');
  });

  it('orders keys as the schema does, whatever order jsonb kept them in', () => {
    expect(orderedEntries({ to: 2, from: 1 }).map(([k]) => k)).toEqual(['from', 'to']);
    expect(orderedEntries({ max: 90, min: 60 }).map(([k]) => k)).toEqual(['min', 'max']);
    expect(orderedEntries({ zeta: 1, recoveryMonths: 18 }).map(([k]) => k)).toEqual(['recoveryMonths', 'zeta']);
  });

  it('opens nested objects into labelled rows and keeps lists as one row', () => {
    const rows = valueRows({ feesCents: { late: 2000, application: 2000 }, reminderOffsetsDays: [90, 60], termYears: 2 });
    expect(rows.map((r) => [r.path, r.group, r.label])).toEqual([
      ['feesCents.application', 'Fees (cents)', 'Application'],
      ['feesCents.late', 'Fees (cents)', 'Late recertification'],
      ['reminderOffsetsDays', '', 'Renewal reminders (days before the due date)'],
      ['termYears', '', 'Certification term (years)'],
    ]);
  });

  it('reads and replaces a value by path without touching the original', () => {
    const values = { coreCourse: { faceToFaceHours: 40 }, submissionWindows: [{ from: { month: 4, day: 1 } }] };
    const next = setAt(values, ['submissionWindows', 0, 'from', 'day'], 2);
    expect(getAt(next, ['submissionWindows', 0, 'from', 'day'])).toBe(2);
    expect(getAt(values, ['submissionWindows', 0, 'from', 'day'])).toBe(1);
    expect(getAt(next, ['coreCourse', 'faceToFaceHours'])).toBe(40);
  });
});
