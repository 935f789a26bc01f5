import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { fieldReasons, unmetRules } from './serverErrors';
import { addDays, dayLabel, participantLabel, sessionPhase, todayInNc } from './sessionFormat';

describe('todayInNc', () => {
  it("is North Carolina's date, not UTC's: 02:00 UTC is still the evening before in Raleigh", () => {
    expect(todayInNc(new Date('2026-11-24T02:00:00Z'))).toBe('2026-11-23');
    expect(todayInNc(new Date('2026-11-24T06:00:00Z'))).toBe('2026-11-24');
  });
});

describe('addDays and dayLabel', () => {
  it('move across month, year and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
  it('name the weekday of a date', () => {
    expect(dayLabel('2026-11-23')).toBe('Mon 2026-11-23');
  });
});

describe('sessionPhase', () => {
  const s = { status: 'SCHEDULED' as const, firstDay: '2026-12-01', lastDay: '2026-12-05' };
  it('is upcoming before the first day, under way through the last, over after it', () => {
    expect(sessionPhase(s, '2026-11-30')).toBe('Upcoming');
    expect(sessionPhase(s, '2026-12-01')).toBe('Under way');
    expect(sessionPhase(s, '2026-12-05')).toBe('Under way');
    expect(sessionPhase(s, '2026-12-06')).toBe('Over');
  });
  it('is cancelled whatever the dates', () => {
    expect(sessionPhase({ ...s, status: 'CANCELLED' }, '2026-12-02')).toBe('Cancelled');
  });
});

describe('participantLabel', () => {
  it('numbers by arrival and shows the end of the person id', () => {
    expect(participantLabel(0, '0b5a4a8e-6f0e-4c2a-9a51-1f0c3c1e0004')).toBe('Participant 1 (…3c1e0004)');
  });
  it('names the participant when their name came back, with their number', () => {
    expect(participantLabel(2, '0b5a4a8e-6f0e-4c2a-9a51-1f0c3c1e0004', { legalName: 'Dwayne Lowry', preferredName: 'D' })).toBe('Participant 3: Dwayne Lowry (D)');
    expect(participantLabel(0, 'x', { legalName: 'Carmen Reyes', preferredName: null })).toBe('Participant 1: Carmen Reyes');
  });
});

describe('server errors', () => {
  const error = (code: string, extensions: Record<string, unknown>) => new CombinedError({ graphQLErrors: [{ message: 'refused', extensions: { code, ...extensions } }] });

  it('finds the reasons of a field and of its sub-fields, without the input prefix', () => {
    const e = error('BAD_USER_INPUT', {
      fields: [
        { field: 'input.registrationClosesOn', reason: 'must be before the first day' },
        { field: 'input.days.1.hours', reason: 'hours must not be greater than 12' },
        { field: 'input.days', reason: 'total 50 hours but the course has 40 face-to-face hours' },
      ],
    });
    const r = fieldReasons(e);
    expect(r.exactly('registrationClosesOn')).toBe('must be before the first day');
    expect(r.exactly('days')).toBe('total 50 hours but the course has 40 face-to-face hours');
    expect(r.reasonsFor('days.1')).toBe('hours must not be greater than 12');
    expect(r.exactly('county')).toBeUndefined();
    expect(r.unplaced(['days', 'registrationClosesOn'])).toEqual([]);
  });

  it("lists FAILED_PRECONDITION's unmet rules", () => {
    const e = error('FAILED_PRECONDITION', { unmet: [{ rule: 'trainerRegistered', reason: 'the trainer is not registered by the course owner for this course' }] });
    expect(unmetRules(e)).toEqual([{ rule: 'trainerRegistered', reason: 'the trainer is not registered by the course owner for this course' }]);
    expect(fieldReasons(e).problems).toEqual([]);
  });
});
