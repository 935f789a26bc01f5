// The training domain's audit trail for admins: the shared resolver of server-kit, named for this domain.
import { auditTrailResolver } from '@cpss/server-kit';

export const TrainingAuditTrailResolver = auditTrailResolver('training');
