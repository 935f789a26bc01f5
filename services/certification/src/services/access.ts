// Who may do what with applications and certifications.
import { hasAnyRole, Role, STAFF_ROLES } from '@cpss/domain';
import { forbidden, unauthenticated, type Principal } from '@cpss/server-kit';

/** Staff who decide certification cases (and read recovery statements). */
export const CERTIFICATION_STAFF: readonly Role[] = [Role.CertificationReviewer, Role.Admin];

export function isCertificationStaff(principal: Principal | null): boolean {
  return !!principal && hasAnyRole(principal.roles, CERTIFICATION_STAFF);
}

export function isStaff(principal: Principal | null): boolean {
  return !!principal && hasAnyRole(principal.roles, STAFF_ROLES);
}

/** The applicant themself or certification staff (editing a case, reading sensitive parts). */
export function requireApplicantOrCertificationStaff(principal: Principal | null, personId: string): Principal {
  if (!principal) throw unauthenticated();
  if (principal.personId === personId || isCertificationStaff(principal)) return principal;
  throw forbidden('Only the applicant or certification staff may do this');
}

export function requireCertificationStaff(principal: Principal | null): Principal {
  if (!principal) throw unauthenticated();
  if (!isCertificationStaff(principal)) throw forbidden('Only certification reviewers may do this');
  return principal;
}
