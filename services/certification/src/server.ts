// createServer(): the certification subgraph as an Express app, listening on nothing.
import 'reflect-metadata';
import { createSubgraphServer, type Logger, type TokenVerifier } from '@cpss/server-kit';
import type { DataSource } from 'typeorm';
import { buildCertificationSchema } from './schema';
import { PersonService } from './services/person.service';

export interface ServerDeps {
  dataSource: DataSource;
  logger: Logger;
  verifier: TokenVerifier;
  production?: boolean;
}

export async function createServer(deps: ServerDeps) {
  const { schema } = await buildCertificationSchema({ people: new PersonService(deps.dataSource) });
  return createSubgraphServer({ name: 'certification', schema, ...deps });
}
