// Who may do what with applications and certifications.
import { hasAnyRole, Role, STAFF_ROLES } from '@cpss/domain';
import { forbidden, isStaffOrSelf, unauthenticated, type Principal } from '@cpss/server-kit';

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

/** Another domain asking as itself (cross-domain decisions). */
export function isService(principal: Principal | null): boolean {
  return !!principal && hasAnyRole(principal.roles, [Role.Service]);
}

/**
 * Who may look a person up (and their certifications' status): program staff, the person
 * themself, or another domain's service. Contact, demographics and applications keep their own,
 * narrower rules; the sensitive parts stay with the applicant and certification staff.
 */
export function requireStaffSelfOrService(principal: Principal | null, personId: string): Principal {
  if (!principal) throw unauthenticated();
  if (isStaffOrSelf(principal, personId) || isService(principal)) return principal;
  throw forbidden('Only program staff or the person themself may see this');
}
