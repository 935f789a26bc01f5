// createServer(): the ethics subgraph as an Express app, listening on nothing.
import 'reflect-metadata';
import { createSubgraphServer, type Logger, type TokenVerifier } from '@cpss/server-kit';
import type { DataSource } from 'typeorm';
import { buildEthicsSchema } from './schema';
import { AcknowledgmentService } from './services/acknowledgment.service';

export interface ServerDeps {
  dataSource: DataSource;
  logger: Logger;
  verifier: TokenVerifier;
  production?: boolean;
}

export async function createServer(deps: ServerDeps) {
  const { schema } = await buildEthicsSchema({ acknowledgments: new AcknowledgmentService(deps.dataSource) });
  return createSubgraphServer({ name: 'ethics', schema, ...deps });
}
