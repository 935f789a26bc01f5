import { describe, expect, it } from 'vitest';
import {
  actionLabel,
  actorLabel,
  apiFilter,
  entryCountLabel,
  EMPTY_FILTER,
  fieldsLabel,
  filterFromForm,
  filterFromParams,
  hasFilter,
  paramsFromFilter,
  parseTrailPage,
  signInTrailPath,
  trailErrorMessages,
} from './auditModel';

const localMidnight = (day: string) => new Date(`${day}T00:00:00`).toISOString();

describe('the audit filter in the URL', () => {
  it('reads the trail and every filter part from a link, trimmed', () => {
    const { domain, filter } = filterFromParams(new URLSearchParams('domain=ethics&subjectId=%20c-1%20&action=update&from=2026-03-01&to=2026-03-31&requestId=r-9'));
    expect(domain).toBe('ethics');
    expect(filter).toEqual({ ...EMPTY_FILTER, subjectId: 'c-1', action: 'update', from: '2026-03-01', to: '2026-03-31', requestId: 'r-9' });
    expect(filterFromParams(new URLSearchParams('domain=sign-ins')).domain).toBe('sign-ins');
  });

  it('falls back to certification and leaves out an unknown action or a day that does not exist', () => {
    const { domain, filter } = filterFromParams(new URLSearchParams('domain=billing&action=steal&from=2026-02-30&to=yesterday&actor=system'));
    expect(domain).toBe('certification');
    expect(filter).toEqual({ ...EMPTY_FILTER, actor: 'system' });
    expect(hasFilter(filter)).toBe(true);
    expect(hasFilter(EMPTY_FILTER)).toBe(false);
  });

  it('writes the domain first and only the parts given, and reads back the same', () => {
    const params = paramsFromFilter('sign-ins', { ...EMPTY_FILTER, action: 'sign-in', actor: '  acc-1 ', subjectType: '' });
    expect(params.toString()).toBe('domain=sign-ins&actor=acc-1&action=sign-in');
    expect(filterFromParams(params)).toEqual({ domain: 'sign-ins', filter: { ...EMPTY_FILTER, actor: 'acc-1', action: 'sign-in' } });
  });

  it('reads the form fields, empty when absent', () => {
    const data = new FormData();
    data.set('operation', ' submitApplication ');
    data.set('action', '');
    expect(filterFromForm(data)).toEqual({ ...EMPTY_FILTER, operation: 'submitApplication' });
  });
});

describe('the audit filter for the API', () => {
  it('sends only the parts given, the days as local midnights with the last day included', () => {
    expect(apiFilter(EMPTY_FILTER)).toEqual({});
    expect(apiFilter({ ...EMPTY_FILTER, actor: 'system', subjectType: 'application', from: '2026-03-01', to: '2026-03-31' })).toEqual({
      actor: 'system',
      subjectType: 'application',
      from: localMidnight('2026-03-01'),
      to: localMidnight('2026-04-01'),
    });
    // The end of a month and of a year roll over.
    expect(apiFilter({ ...EMPTY_FILTER, to: '2026-12-31' })).toEqual({ to: localMidnight('2027-01-01') });
  });

  it('builds the sign-in trail path with the page and the filter', () => {
    expect(signInTrailPath(EMPTY_FILTER, 25, null)).toBe('/auth/audit?first=25');
    const path = signInTrailPath({ ...EMPTY_FILTER, action: 'sign-in-refused', subjectId: 'a b&c', from: '2026-03-01' }, 10, 'CURSOR==');
    const params = new URL(path, 'http://x').searchParams;
    expect(new URL(path, 'http://x').pathname).toBe('/auth/audit');
    expect(Object.fromEntries(params)).toEqual({ first: '10', after: 'CURSOR==', action: 'sign-in-refused', subjectId: 'a b&c', from: localMidnight('2026-03-01') });
  });
});

describe('the sign-in trail answer', () => {
  const node = { id: 'e-1', actor: 'acc-1', actorRoles: ['ADMIN'], action: 'sign-in', subjectType: 'account', subjectId: 'acc-1', fields: [], requestId: 'r-1', operation: null, at: '2026-03-01T12:00:00.000Z' };

  it('reads a page', () => {
    expect(parseTrailPage({ edges: [{ cursor: 'c', node }], pageInfo: { hasNextPage: true, endCursor: 'c' }, totalCount: 40 })).toEqual({
      totalCount: 40,
      hasNextPage: true,
      endCursor: 'c',
      entries: [node],
    });
    expect(parseTrailPage({ edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 })).toEqual({ totalCount: 0, hasNextPage: false, endCursor: null, entries: [] });
  });

  it('refuses an answer of another shape', () => {
    expect(parseTrailPage(null)).toBeNull();
    expect(parseTrailPage({ edges: [], pageInfo: {} })).toBeNull();
    expect(parseTrailPage({ edges: [{ node: { ...node, fields: 'a' } }], pageInfo: {}, totalCount: 1 })).toBeNull();
  });

  it("says why it was refused: the server's message and field reasons, else a plain word", () => {
    expect(trailErrorMessages(400, { error: { code: 'BAD_USER_INPUT', message: 'The audit trail query is not valid', fields: [{ field: 'from', reason: 'Invalid date' }] } })).toEqual([
      'The audit trail query is not valid',
      'from: Invalid date',
    ]);
    expect(trailErrorMessages(403, null)).toEqual(['Only admins read the audit trail']);
    expect(trailErrorMessages(502, 'Bad gateway')).toEqual(['The sign-in trail could not be read (HTTP 502); try again shortly']);
  });
});

describe('audit entry words', () => {
  it('names actions, actors, fields and counts', () => {
    expect(actionLabel('sign-in-refused')).toBe('Sign-in refused');
    expect(actionLabel('archive')).toBe('archive');
    expect(actorLabel('system')).toBe('System');
    expect(actorLabel('anonymous')).toBe('Anonymous');
    expect(actorLabel('acc-1')).toBe('acc-1');
    expect(fieldsLabel([])).toBe('—');
    expect(fieldsLabel(['status', 'decided_at'])).toBe('status, decided_at');
    expect(entryCountLabel(1, 1)).toBe('1 entry');
    expect(entryCountLabel(40, 25)).toBe('40 entries, 25 shown');
  });
});
