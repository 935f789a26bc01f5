// createServer(): the ethics subgraph as an Express app, listening on nothing.
import 'reflect-metadata';
import { createSubgraphServer, type SubgraphDeps } from '@cpss/server-kit';
import { createEthicsServices } from './ethics-services';
import { buildEthicsSchema } from './schema';
import type { CertificationHolders } from './services/certification-holders';
import type { OutboxSettings } from './services/outbox-delivery';

/** `outbox` says when admins see a command as stuck (defaults otherwise); `certificationHolders` stands for certification in tests. */
export async function createServer(deps: SubgraphDeps & { outbox?: OutboxSettings; certificationHolders?: CertificationHolders }) {
  const services = createEthicsServices(deps);
  const { schema } = await buildEthicsSchema(services);
  return { ...(await createSubgraphServer({ name: 'ethics', schema, ...deps })), services };
}
