import { describe, expect, it } from 'vitest';
import { isStaff, navLinksFor, roleLabel, roleLabels } from './roles';

describe('navLinksFor', () => {
  it('gives every account its own record', () => {
    expect(navLinksFor([])).toEqual([{ to: '/', label: 'My record', testId: 'nav-home' }]);
    expect(navLinksFor(['APPLICANT']).map((l) => l.label)).toEqual(['My record', 'Apply', 'Renewal']);
  });

  it('adds People for each staff role, and only for staff', () => {
    for (const role of ['ADMIN', 'CERTIFICATION_REVIEWER', 'TRAINING_REVIEWER', 'ETHICS_STAFF']) {
      expect(navLinksFor([role]).map((l) => l.to)).toContain('/people');
    }
    for (const role of ['TRAINING_REVIEWER', 'ETHICS_STAFF']) {
      expect(navLinksFor([role]).map((l) => l.to)).not.toContain('/applications');
    }
    for (const role of ['CURRICULUM_DEVELOPER', 'TRAINER', 'APPLICANT', 'SUPERVISOR']) {
      expect(navLinksFor([role]).map((l) => l.to)).not.toContain('/people');
    }
  });

  it('gives each role the screens of its job, and no other', () => {
    expect(navLinksFor(['CURRICULUM_DEVELOPER']).map((l) => l.to)).toEqual(['/', '/courses']);
    expect(navLinksFor(['TRAINER', 'APPLICANT']).map((l) => l.to)).toEqual(['/', '/sessions', '/apply', '/recertification']);
    expect(navLinksFor(['TRAINING_REVIEWER']).map((l) => l.to)).toEqual(['/', '/people', '/courses', '/course-reviews', '/sessions']);
    expect(navLinksFor(['SUPERVISOR']).map((l) => l.to)).toEqual(['/']);
    expect(navLinksFor(['ADMIN']).map((l) => l.to)).toContain('/policies');
    expect(navLinksFor(['TRAINING_REVIEWER']).map((l) => l.to)).not.toContain('/policies');
    expect(navLinksFor(['CERTIFICATION_REVIEWER', 'ETHICS_STAFF', 'TRAINING_REVIEWER']).map((l) => l.to)).not.toContain('/dashboard');
  });

  it('gives certification reviewers and admins the application queue', () => {
    expect(navLinksFor(['CERTIFICATION_REVIEWER']).map((l) => l.to)).toEqual(['/', '/people', '/applications']);
    expect(navLinksFor(['ADMIN']).map((l) => l.to)).toContain('/applications');
  });

  it('gives ethics staff and admins the complaint queue', () => {
    expect(navLinksFor(['ETHICS_STAFF']).map((l) => l.to)).toEqual(['/', '/people', '/complaints']);
    expect(navLinksFor(['ADMIN']).map((l) => l.to).slice(0, 6)).toEqual(['/', '/dashboard', '/queues', '/people', '/applications', '/complaints']);
    expect(navLinksFor(['CERTIFICATION_REVIEWER', 'TRAINING_REVIEWER']).map((l) => l.to)).not.toContain('/complaints');
  });

  it('gives admins, and only admins, the work queues, the cross-domain commands and the audit trail', () => {
    expect(navLinksFor(['ADMIN']).map((l) => l.to)).toEqual(expect.arrayContaining(['/queues', '/commands', '/audit']));
    for (const role of ['CERTIFICATION_REVIEWER', 'TRAINING_REVIEWER', 'ETHICS_STAFF', 'TRAINER', 'APPLICANT', 'SUPERVISOR']) {
      expect(navLinksFor([role]).map((l) => l.to)).not.toContain('/queues');
      expect(navLinksFor([role]).map((l) => l.to)).not.toContain('/commands');
      expect(navLinksFor([role]).map((l) => l.to)).not.toContain('/audit');
    }
  });

  it('gives the import page to admins only', () => {
    expect(navLinksFor(['ADMIN']).find((l) => l.to === '/import')).toEqual({ to: '/import', label: 'Import', testId: 'nav-import' });
    for (const role of ['CERTIFICATION_REVIEWER', 'TRAINING_REVIEWER', 'ETHICS_STAFF', 'CURRICULUM_DEVELOPER', 'TRAINER', 'APPLICANT', 'SUPERVISOR']) {
      expect(navLinksFor([role]).map((l) => l.to)).not.toContain('/import');
    }
  });

  it('counts an account as staff when any one of its roles is', () => {
    expect(isStaff(['TRAINER', 'APPLICANT'])).toBe(false);
    expect(isStaff(['APPLICANT', 'ETHICS_STAFF'])).toBe(true);
    expect(isStaff(['admin'])).toBe(false);
  });
});

describe('role labels', () => {
  it('reads roles as people would', () => {
    expect(roleLabel('APPLICANT')).toBe('Applicant / CPSS');
    expect(roleLabels(['TRAINER', 'APPLICANT'])).toBe('Trainer, Applicant / CPSS');
    expect(roleLabels([])).toBe('No roles');
  });

  it('shows a role it does not know as sent', () => {
    expect(roleLabel('AUDITOR')).toBe('AUDITOR');
  });
});
