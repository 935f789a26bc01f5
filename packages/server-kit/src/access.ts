// Ownership rules shared by every subgraph: staff see everyone, a person sees their own records.
import { hasAnyRole, STAFF_ROLES } from '@cpss/domain';
import type { Principal } from './auth';
import { forbidden, unauthenticated } from './errors';

export function isStaffOrSelf(principal: Principal | null, personId: string): boolean {
  if (!principal) return false;
  return hasAnyRole(principal.roles, STAFF_ROLES) || principal.personId === personId;
}

export function requireStaffOrSelf(principal: Principal | null, personId: string): Principal {
  if (!principal) throw unauthenticated();
  if (!isStaffOrSelf(principal, personId)) throw forbidden('Only program staff or the person themself may see this');
  return principal;
}
