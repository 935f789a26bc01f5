// The certification policy versions: the shared policy resolver of server-kit, named for this domain.
import { policyResolver } from '@cpss/server-kit';

export const CertificationPolicyResolver = policyResolver('certification');
