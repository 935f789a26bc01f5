// The platform's roles as the UI uses them: the names, labels and staff set are the domain's own.
import { isRole, ROLE_LABELS, STAFF_ROLES, type Role } from '@cpss/domain';

export { ROLE_LABELS, STAFF_ROLES, isRole, type Role };

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

/** Who works the certification queue and decides applications. */
export const APPLICATION_REVIEWER_ROLES: readonly Role[] = ['CERTIFICATION_REVIEWER', 'ADMIN'];

/** Who works the complaint queue. */
export const ETHICS_STAFF_ROLES: readonly Role[] = ['ETHICS_STAFF', 'ADMIN'];

/** Who writes courses and submits them for approval (staff may read them). */
export const COURSE_AUTHOR_ROLES: readonly Role[] = ['CURRICULUM_DEVELOPER'];
export const COURSE_READER_ROLES: readonly Role[] = ['CURRICULUM_DEVELOPER', 'TRAINING_REVIEWER', 'ADMIN'];

/** Who reviews course submissions against the training standards. */
export const TRAINING_REVIEWER_ROLES: readonly Role[] = ['TRAINING_REVIEWER', 'ADMIN'];

/** Who schedules sessions (trainers) and who may look at every session (training staff). */
export const TRAINER_ROLES: readonly Role[] = ['TRAINER'];
export const SESSION_READER_ROLES: readonly Role[] = ['TRAINER', 'TRAINING_REVIEWER', 'ADMIN'];

/** Applicants and certified people: apply, follow their applications, renew. */
export const APPLICANT_ROLES: readonly Role[] = ['APPLICANT'];

/** Who sees the program dashboard (statistics and work across the three domains). */
export const DASHBOARD_ROLES: readonly Role[] = ['ADMIN'];

/** Who sees the work waiting in every domain on one page (applications, complaints, courses, renewals, trainers). */
export const WORK_QUEUE_ROLES: readonly Role[] = ['ADMIN'];

/** Who watches (and retries) the commands ethics decisions send to the other domains. */
export const COMMAND_ADMIN_ROLES: readonly Role[] = ['ADMIN'];

/** Who reads the audit trails (every domain's writes and sensitive reads, and the sign-ins). */
export const AUDIT_ADMIN_ROLES: readonly Role[] = ['ADMIN'];

/** Who imports records from CSV files (people and certifications, and later the other kinds). */
export const IMPORT_ADMIN_ROLES: readonly Role[] = ['ADMIN'];

/** Who reads and adds effective-dated policy versions. */
export const POLICY_ADMIN_ROLES: readonly Role[] = ['ADMIN'];

/**
 * The navigation a signed-in account gets: everyone has their record; staff also list people;
 * certification reviewers get the application queue, ethics staff the complaint queue; admins also
 * get the cross-domain work queues, the commands ethics sends to the other domains and the audit trails.
 */
export function navLinksFor(roles: readonly string[]): NavLink[] {
  const links: NavLink[] = [{ to: '/', label: 'My record', testId: 'nav-home' }];
  if (hasAnyRole(roles, DASHBOARD_ROLES)) links.push({ to: '/dashboard', label: 'Dashboard', testId: 'nav-dashboard' });
  if (hasAnyRole(roles, WORK_QUEUE_ROLES)) links.push({ to: '/queues', label: 'Work queues', testId: 'nav-queues' });
  if (isStaff(roles)) links.push({ to: '/people', label: 'People', testId: 'nav-people' });
  if (hasAnyRole(roles, APPLICATION_REVIEWER_ROLES)) links.push({ to: '/applications', label: 'Applications', testId: 'nav-applications' });
  if (hasAnyRole(roles, ETHICS_STAFF_ROLES)) links.push({ to: '/complaints', label: 'Complaints', testId: 'nav-complaints' });
  if (hasAnyRole(roles, COURSE_READER_ROLES)) links.push({ to: '/courses', label: 'Courses', testId: 'nav-courses' });
  if (hasAnyRole(roles, TRAINING_REVIEWER_ROLES)) links.push({ to: '/course-reviews', label: 'Course reviews', testId: 'nav-course-reviews' });
  if (hasAnyRole(roles, SESSION_READER_ROLES)) links.push({ to: '/sessions', label: 'Sessions', testId: 'nav-sessions' });
  if (hasAnyRole(roles, APPLICANT_ROLES)) {
    links.push({ to: '/apply', label: 'Apply', testId: 'nav-apply' });
    links.push({ to: '/recertification', label: 'Renewal', testId: 'nav-recertification' });
  }
  if (hasAnyRole(roles, POLICY_ADMIN_ROLES)) links.push({ to: '/policies', label: 'Policies', testId: 'nav-policies' });
  if (hasAnyRole(roles, COMMAND_ADMIN_ROLES)) links.push({ to: '/commands', label: 'Commands', testId: 'nav-commands' });
  if (hasAnyRole(roles, AUDIT_ADMIN_ROLES)) links.push({ to: '/audit', label: 'Audit trail', testId: 'nav-audit' });
  if (hasAnyRole(roles, IMPORT_ADMIN_ROLES)) links.push({ to: '/import', label: 'Import', testId: 'nav-import' });
  return links;
}
