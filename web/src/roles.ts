// The platform's roles as the UI sees them. Mirrors packages/domain/src/roles.ts, which is CommonJS
// and not worth bundling for a handful of strings.
export const ROLES = [
  'ADMIN',
  'CERTIFICATION_REVIEWER',
  'TRAINING_REVIEWER',
  'ETHICS_STAFF',
  'CURRICULUM_DEVELOPER',
  'TRAINER',
  'APPLICANT',
  'SUPERVISOR',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Admin',
  CERTIFICATION_REVIEWER: 'Certification reviewer',
  TRAINING_REVIEWER: 'Training reviewer',
  ETHICS_STAFF: 'Ethics staff',
  CURRICULUM_DEVELOPER: 'Curriculum developer',
  TRAINER: 'Trainer',
  APPLICANT: 'Applicant / CPSS',
  SUPERVISOR: 'Supervisor',
};

/** Program staff: may list people and read staff-only fields such as date of birth. */
export const STAFF_ROLES: readonly Role[] = ['ADMIN', 'CERTIFICATION_REVIEWER', 'TRAINING_REVIEWER', 'ETHICS_STAFF'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Roles come from the server as plain strings; an unknown one is shown as sent rather than hidden. */
export function roleLabel(role: string): string {
  return isRole(role) ? ROLE_LABELS[role] : role;
}

export function roleLabels(roles: readonly string[]): string {
  return roles.length === 0 ? 'No roles' : roles.map(roleLabel).join(', ');
}

export function hasAnyRole(roles: readonly string[], wanted: readonly Role[]): boolean {
  return roles.some((r) => isRole(r) && wanted.includes(r));
}

export function isStaff(roles: readonly string[]): boolean {
  return hasAnyRole(roles, STAFF_ROLES);
}

export interface NavLink {
  to: string;
  label: string;
  testId: string;
}

/** The navigation a signed-in account gets: everyone has their record; staff also list people. */
export function navLinksFor(roles: readonly string[]): NavLink[] {
  const links: NavLink[] = [{ to: '/', label: 'My record', testId: 'nav-home' }];
  if (isStaff(roles)) links.push({ to: '/people', label: 'People', testId: 'nav-people' });
  return links;
}
