// Roles of DOMAIN.md "People and roles". An account may hold several (a trainer is also a CPSS).
// The public and complainants have no account: they are callers without a token.
export const Role = {
  Admin: 'ADMIN',
  CertificationReviewer: 'CERTIFICATION_REVIEWER',
  TrainingReviewer: 'TRAINING_REVIEWER',
  EthicsStaff: 'ETHICS_STAFF',
  CurriculumDeveloper: 'CURRICULUM_DEVELOPER',
  Trainer: 'TRAINER',
  Applicant: 'APPLICANT',
  Supervisor: 'SUPERVISOR',
  /** Another subgraph acting on its own behalf (cross-domain decisions). */
  Service: 'SERVICE',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export const ALL_ROLES: readonly Role[] = Object.values(Role);

/** Program staff: may read staff-only fields such as a person's date of birth. */
export const STAFF_ROLES: readonly Role[] = [
  Role.Admin,
  Role.CertificationReviewer,
  Role.TrainingReviewer,
  Role.EthicsStaff,
];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ALL_ROLES as readonly string[]).includes(value);
}

export function hasAnyRole(roles: readonly Role[], wanted: readonly Role[]): boolean {
  return roles.some((r) => wanted.includes(r));
}

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Admin',
  CERTIFICATION_REVIEWER: 'Certification reviewer',
  TRAINING_REVIEWER: 'Training reviewer',
  ETHICS_STAFF: 'Ethics staff',
  CURRICULUM_DEVELOPER: 'Curriculum developer',
  TRAINER: 'Trainer',
  APPLICANT: 'Applicant / CPSS',
  SUPERVISOR: 'Supervisor',
  SERVICE: 'Service',
};
