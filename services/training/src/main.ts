import 'reflect-metadata';
import { runSubgraph } from '@cpss/server-kit';
import { startTrainingBackground } from './background';
import { createTrainingDataSource } from './data-source';
import { readEnv } from './env';
import { createServer } from './server';
import { seedDemoTraining } from './services/demo-seed';

const env = readEnv();
void runSubgraph({
  name: 'training',
  env,
  dataSource: createTrainingDataSource(env.DATABASE_URL),
  seedDemo: (dataSource, logger) => seedDemoTraining(dataSource, logger),
  createServer: (deps) => createServer({ ...deps, statistics: { maxAgeMs: env.STATISTICS_MAX_AGE_SECONDS * 1000 } }),
  startBackground: startTrainingBackground,
});
