// createServer(): the training subgraph as an Express app, listening on nothing.
import 'reflect-metadata';
import { createSubgraphServer, type Logger, type TokenVerifier } from '@cpss/server-kit';
import type { DataSource } from 'typeorm';
import { buildTrainingSchema } from './schema';
import { TrainingRecordService } from './services/training-record.service';

export interface ServerDeps {
  dataSource: DataSource;
  logger: Logger;
  verifier: TokenVerifier;
  production?: boolean;
}

export async function createServer(deps: ServerDeps) {
  const { schema } = await buildTrainingSchema({ records: new TrainingRecordService(deps.dataSource) });
  return createSubgraphServer({ name: 'training', schema, ...deps });
}
