// createServer(): the certification subgraph as an Express app, listening on nothing.
import 'reflect-metadata';
import { createSubgraphServer, type SubgraphDeps } from '@cpss/server-kit';
import { buildCertificationSchema } from './schema';
import { PersonService } from './services/person.service';

export async function createServer(deps: SubgraphDeps) {
  const { schema } = await buildCertificationSchema({ people: new PersonService(deps.dataSource) });
  return createSubgraphServer({ name: 'certification', schema, ...deps });
}
