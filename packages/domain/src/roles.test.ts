import { describe, expect, it } from 'vitest';
import { ALL_ROLES, DEMO_ACCOUNTS, DEMO_PEOPLE, hasAnyRole, isRole, Role, STAFF_ROLES } from './index';

describe('roles', () => {
  it('recognises only declared roles', () => {
    expect(isRole('ADMIN')).toBe(true);
    expect(isRole('admin')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
  it('matches any of the wanted roles', () => {
    expect(hasAnyRole([Role.Trainer, Role.Applicant], STAFF_ROLES)).toBe(false);
    expect(hasAnyRole([Role.Applicant, Role.EthicsStaff], STAFF_ROLES)).toBe(true);
  });
  it('has a demo account for every human role', () => {
    const covered = new Set(DEMO_ACCOUNTS.flatMap((a) => a.roles));
    const human = ALL_ROLES.filter((r) => r !== Role.Service);
    expect(human.filter((r) => !covered.has(r))).toEqual([]);
  });
  it('links demo accounts only to demo people', () => {
    const ids = new Set(DEMO_PEOPLE.map((p) => p.id));
    for (const a of DEMO_ACCOUNTS) if (a.personId) expect(ids.has(a.personId)).toBe(true);
  });
});
