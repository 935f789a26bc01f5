// createServer(): the ethics subgraph as an Express app, listening on nothing.
import 'reflect-metadata';
import { createSubgraphServer, type SubgraphDeps } from '@cpss/server-kit';
import { buildEthicsSchema } from './schema';
import { AcknowledgmentService } from './services/acknowledgment.service';

export async function createServer(deps: SubgraphDeps) {
  const { schema } = await buildEthicsSchema({ acknowledgments: new AcknowledgmentService(deps.dataSource) });
  return createSubgraphServer({ name: 'ethics', schema, ...deps });
}
