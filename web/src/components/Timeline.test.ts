import { describe, expect, it } from 'vitest';
import { actorLabel } from './Timeline';

describe('who made a change', () => {
  it('is the name the actor signed in with, the system for jobs, the account id only as a last resort', () => {
    expect(actorLabel({ actor: '7c1d2e3f-0000-4000-8000-000000000002', actorName: 'Rita Reviewer' })).toBe('Rita Reviewer');
    expect(actorLabel({ actor: 'system', actorName: null })).toBe('the system');
    expect(actorLabel({ actor: '7c1d2e3f-0000-4000-8000-000000000002' })).toBe('7c1d2e3f-0000-4000-8000-000000000002');
  });
});
