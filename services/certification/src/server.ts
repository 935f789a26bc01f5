// createServer(): the certification subgraph as an Express app, listening on nothing.
import 'reflect-metadata';
import { createSubgraphServer, type SubgraphDeps } from '@cpss/server-kit';
import { createCertificationServices } from './certification-services';
import { buildCertificationSchema } from './schema';
import type { EthicsFacts } from './services/cross-domain';

/** `ethics` answers whether a complaint is pending (a default until the cross-domain issue). */
export async function createServer(deps: SubgraphDeps & { ethics?: EthicsFacts }) {
  const services = createCertificationServices(deps);
  const { schema } = await buildCertificationSchema(services);
  return { ...(await createSubgraphServer({ name: 'certification', schema, ...deps })), services };
}
