// createServer(): the training subgraph as an Express app, listening on nothing.
import 'reflect-metadata';
import { createSubgraphServer, type SubgraphDeps } from '@cpss/server-kit';
import { buildTrainingSchema } from './schema';
import { TrainingRecordService } from './services/training-record.service';

export async function createServer(deps: SubgraphDeps) {
  const { schema } = await buildTrainingSchema({ records: new TrainingRecordService(deps.dataSource) });
  return createSubgraphServer({ name: 'training', schema, ...deps });
}
