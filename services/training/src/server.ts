// createServer(): the training subgraph as an Express app, listening on nothing.
import 'reflect-metadata';
import { createSubgraphServer, type SubgraphDeps } from '@cpss/server-kit';
import { buildTrainingSchema } from './schema';
import { createTrainingServices, type TrainingDeps } from './training-services';

export async function createServer(deps: SubgraphDeps & Pick<TrainingDeps, 'trainerStanding' | 'statistics' | 'certificationHolders'>) {
  const services = createTrainingServices(deps);
  const { schema } = await buildTrainingSchema(services);
  return { ...(await createSubgraphServer({ name: 'training', schema, ...deps })), services };
}
