// The ethics policy versions: the shared policy resolver of server-kit, named for this domain.
import { policyResolver } from '@cpss/server-kit';

export const EthicsPolicyResolver = policyResolver('ethics');
