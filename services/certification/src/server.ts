// createServer(): the certification subgraph as an Express app, listening on nothing.
import 'reflect-metadata';
import { createSubgraphServer, type SubgraphDeps } from '@cpss/server-kit';
import { createCertificationServices } from './certification-services';
import { buildCertificationSchema } from './schema';
import type { CrossDomainPorts } from './services/cross-domain';
import type { StatisticsOptions } from './services/statistics.service';

/** With `deps.gateway`, applications ask training and ethics through it; tests may pass their own ports. */
export async function createServer(deps: SubgraphDeps & CrossDomainPorts & { statistics?: StatisticsOptions }) {
  const services = createCertificationServices(deps);
  const { schema } = await buildCertificationSchema(services);
  return { ...(await createSubgraphServer({ name: 'certification', schema, ...deps })), services };
}
