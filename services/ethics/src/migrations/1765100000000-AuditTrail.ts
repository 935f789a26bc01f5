// The audit trail of every write: who changed which row, when, in which request and through which
// mutation, recorded by a trigger on every table (server-kit audit.ts).
import { auditTrailMigration } from '@cpss/server-kit';

export const AuditTrail1765100000000 = auditTrailMigration('ethics');
