import { AuditEntry, createDataSource } from '@cpss/server-kit';
import { Account } from './entities/account';
import { CreateAccount1763900000000 } from './migrations/1763900000000-CreateAccount';
import { SignInLockout1765000000000 } from './migrations/1765000000000-SignInLockout';
import { AuditTrail1765100000000 } from './migrations/1765100000000-AuditTrail';

/** The gateway owns sign-in accounts, in a schema of their own. */
export const SCHEMA = 'identity';

export function createIdentityDataSource(url: string) {
  return createDataSource({ url, schema: SCHEMA, entities: [Account, AuditEntry], migrations: [CreateAccount1763900000000, SignInLockout1765000000000, AuditTrail1765100000000], poolSize: 5 });
}
