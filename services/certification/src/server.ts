// createServer(): the certification subgraph as an Express app, listening on nothing.
import 'reflect-metadata';
import { createSubgraphServer, type SubgraphDeps } from '@cpss/server-kit';
import { createCertificationServices } from './certification-services';
import { buildCertificationSchema } from './schema';

export async function createServer(deps: SubgraphDeps) {
  const services = createCertificationServices(deps);
  const { schema } = await buildCertificationSchema(services);
  return { ...(await createSubgraphServer({ name: 'certification', schema, ...deps })), services };
}
