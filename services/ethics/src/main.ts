import 'reflect-metadata';
import { runSubgraph } from '@cpss/server-kit';
import { createEthicsDataSource } from './data-source';
import { outboxSettingsFrom, readEnv } from './env';
import { startEthicsBackground } from './background';
import { createServer } from './server';
import { seedDemo } from './services/demo-seed';

const env = readEnv();
const outbox = outboxSettingsFrom(env);
void runSubgraph({
  name: 'ethics',
  env,
  dataSource: createEthicsDataSource(env.DATABASE_URL),
  seedDemo,
  createServer: (deps) => createServer({ ...deps, outbox }),
  startBackground: (deps) => startEthicsBackground(deps, outbox),
});
