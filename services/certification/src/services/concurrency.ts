// Optimistic concurrency: a write names the version it was based on; the row is locked for the
// transaction and a stale version is refused with CONFLICT (the second of two concurrent decisions).
import { isUuid } from '@cpss/domain';
import { conflict, notFound } from '@cpss/server-kit';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

export async function lockAtVersion<T extends ObjectLiteral & { id: string; version: number }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  what: string,
  id: string,
  expectedVersion: number | null,
): Promise<T> {
  // An id that is not a UUID names nothing (and must not reach PostgreSQL as one).
  if (!isUuid(id)) throw notFound(what, id);
  const row = await manager.getRepository(entity).createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOne();
  if (!row) throw notFound(what, id);
  if (expectedVersion !== null) checkVersion(row, what, expectedVersion);
  return row;
}

/**
 * The version check alone, for a write that must first see who may touch the row (lock it with
 * `lockAtVersion(..., null)`, check access, then this): a stranger learns nothing of its version.
 */
export function checkVersion(row: { id: string; version: number }, what: string, expectedVersion: number): void {
  if (row.version !== expectedVersion) {
    throw conflict(`${what} ${row.id} changed since you loaded it (version ${expectedVersion}, now ${row.version}); reload and try again`);
  }
}
