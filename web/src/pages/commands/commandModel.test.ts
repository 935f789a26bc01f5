import { describe, expect, it } from 'vitest';
import { canRetry, commandTypeLabel, payloadFacts, retryResult, shortId, statusLabel, targetDomainLabel } from './commandModel';

describe('cross-domain commands', () => {
  it('reads types and domains as words, unknown ones as sent', () => {
    expect(commandTypeLabel('REMOVE_TRAINER')).toBe('Remove as trainer');
    expect(commandTypeLabel('NEW_KIND')).toBe('New kind');
    expect(targetDomainLabel('certification')).toBe('Certification');
    expect(targetDomainLabel('billing')).toBe('Billing');
  });

  it('lists the payload facts in order, linking the person and the complaint', () => {
    const facts = payloadFacts({ reason: 'complaint pending', complaintId: 'c-1', personId: 'p-1', extra: 3, nested: { a: 1 }, effectiveUntil: null });
    expect(facts).toEqual([
      { label: 'Person', value: 'p-1', to: '/people/p-1' },
      { label: 'Complaint', value: 'c-1', to: '/complaints/c-1' },
      { label: 'Reason', value: 'complaint pending' },
      { label: 'extra', value: '3' },
    ]);
    expect(payloadFacts({ outcome: 'CORRECTIVE_ACTION' })).toEqual([{ label: 'Outcome', value: 'Corrective action' }]);
  });

  it('retries pending commands only', () => {
    expect(canRetry({ status: 'pending' })).toBe(true);
    expect(canRetry({ status: 'delivered' })).toBe(false);
    expect(statusLabel({ status: 'pending' })).toBe('Pending');
    expect(statusLabel({ status: 'delivered' })).toBe('Delivered');
  });

  it('says what a retry did', () => {
    const t = (iso: string) => iso.slice(11, 16);
    expect(retryResult({ status: 'pending', nextAttemptAt: '2026-01-05T14:03:00Z', attempts: 6 }, 6, t)).toBe('Retry asked: the next attempt is due at 14:03 (6 attempts so far).');
    expect(retryResult({ status: 'pending', nextAttemptAt: '2026-01-05T14:08:00Z', attempts: 7, lastError: 'certification is unavailable' }, 6, t)).toBe(
      'Tried again and failed: certification is unavailable. The next attempt is due at 14:08.',
    );
    expect(retryResult({ status: 'delivered', nextAttemptAt: '2026-01-05T14:03:00Z', attempts: 7, deliveredAt: '2026-01-05T14:03:02Z', outcome: '1 application put on hold' }, 6, t)).toBe(
      'Delivered at 14:03: 1 application put on hold.',
    );
  });

  it('shortens long ids only', () => {
    expect(shortId('0b5a4a8e-6f0e-4c2a-9a51-1f0c3c1e0002')).toBe('…3c1e0002');
    expect(shortId('abc')).toBe('abc');
  });
});
