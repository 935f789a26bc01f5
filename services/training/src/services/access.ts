// Ownership in the training domain: staff see everything; a course owner sees what their account
// owns; a trainer sees what their person record teaches.
import { hasAnyRole, Role, STAFF_ROLES } from '@cpss/domain';
import { conflict, forbidden, notFound, requireStaffOrSelf, unauthenticated, type Principal } from '@cpss/server-kit';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

export const isStaff = (p: Principal) => hasAnyRole(p.roles, STAFF_ROLES);

/** Program staff only (admin, certification and training reviewers, ethics staff). */
export function requireStaff(p: Principal | null): Principal {
  if (!p) throw unauthenticated();
  if (!isStaff(p)) throw forbidden('Only program staff may see this');
  return p;
}

/** Staff, the person themself, or another domain acting as itself (SERVICE: certification reads training records). */
export function requireStaffSelfOrService(p: Principal | null, personId: string): Principal {
  if (p && hasAnyRole(p.roles, [Role.Service])) return p;
  return requireStaffOrSelf(p, personId);
}

export function requireOwnerOrStaff(p: Principal, ownerId: string, what: string): void {
  if (!isStaff(p) && p.subject !== ownerId) throw forbidden(`Only program staff or the owner may see or change this ${what}`);
}

/** Reads a row FOR UPDATE (so concurrent writers queue) and checks the client's expected version. */
export async function lockVersioned<T extends ObjectLiteral & { version: number }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  what: string,
  expectedVersion?: number | null,
): Promise<T> {
  if (!isUuid(id)) throw notFound(what, id);
  const row = await manager.getRepository(entity).createQueryBuilder('x').setLock('pessimistic_write').where('x.id = :id', { id }).getOne();
  if (!row) throw notFound(what, id);
  if (expectedVersion != null) checkVersion(row, id, what, expectedVersion);
  return row;
}

/**
 * The version check alone, for a write that must first see who may touch the row (lock it with
 * no expected version, check access, then this): a stranger learns nothing of its version.
 */
export function checkVersion(row: { version: number }, id: string, what: string, expectedVersion: number): void {
  if (row.version !== expectedVersion) {
    throw conflict(`${what} ${id} was changed by someone else (version ${row.version}, you had ${expectedVersion}); reload and try again`);
  }
}

export const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
