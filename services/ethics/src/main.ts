import 'reflect-metadata';
import { runSubgraph } from '@cpss/server-kit';
import { createEthicsDataSource } from './data-source';
import { readEnv } from './env';
import { createServer } from './server';
import { seedDemo } from './services/demo-seed';

const env = readEnv();
void runSubgraph({
  name: 'ethics',
  env,
  dataSource: createEthicsDataSource(env.DATABASE_URL),
  seedDemo,
  createServer,
});
