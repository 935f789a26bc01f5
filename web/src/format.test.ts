import { describe, expect, it } from 'vitest';
import { countLabel, courseKindLabel, displayName, formatHours, latestAcknowledgment } from './format';

describe('displayName', () => {
  it('adds the preferred name in parentheses when there is one', () => {
    expect(displayName({ legalName: 'Alicia Moore', preferredName: 'Ali' })).toBe('Alicia Moore (Ali)');
  });

  it('is the legal name alone when the preferred name is missing, blank or the same', () => {
    expect(displayName({ legalName: 'Ben Okafor', preferredName: null })).toBe('Ben Okafor');
    expect(displayName({ legalName: 'Ben Okafor', preferredName: '  ' })).toBe('Ben Okafor');
    expect(displayName({ legalName: 'Ben Okafor', preferredName: 'Ben Okafor' })).toBe('Ben Okafor');
  });
});

describe('formatHours', () => {
  it('drops trailing zeros and rounds to two decimals', () => {
    expect(formatHours(40)).toBe('40');
    expect(formatHours(12.5)).toBe('12.5');
    expect(formatHours(0.1 + 0.2)).toBe('0.3');
    expect(formatHours(7.256)).toBe('7.26');
  });
});

describe('latestAcknowledgment', () => {
  it('picks the most recently signed, whatever the order', () => {
    const acks = [
      { codeVersion: '2021', signedOn: '2021-03-01' },
      { codeVersion: '2024', signedOn: '2024-07-15' },
      { codeVersion: '2023', signedOn: '2023-01-10' },
    ];
    expect(latestAcknowledgment(acks)?.codeVersion).toBe('2024');
    expect(latestAcknowledgment([])).toBeNull();
  });
});

describe('courseKindLabel', () => {
  it('names course kinds in words', () => {
    expect(courseKindLabel('CORE_PSS')).toBe('Core PSS');
    expect(courseKindLabel('ETHICS_AND_BOUNDARIES')).toBe('Ethics and boundaries');
  });
});

describe('countLabel', () => {
  it('says how many there are, and how many are shown when not all', () => {
    expect(countLabel(1, 1, 'case', 'cases')).toBe('1 case');
    expect(countLabel(0, 0, 'case', 'cases')).toBe('0 cases');
    expect(countLabel(120, 50, 'case', 'cases')).toBe('120 cases, first 50 shown');
  });
});
