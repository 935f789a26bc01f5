import 'reflect-metadata';
import { runSubgraph } from '@cpss/server-kit';
import { createTrainingDataSource } from './data-source';
import { readEnv } from './env';
import { createServer } from './server';
import { seedDemoCompletions } from './services/training-record.service';

const env = readEnv();
void runSubgraph({
  name: 'training',
  env,
  dataSource: createTrainingDataSource(env.DATABASE_URL),
  seedDemo: seedDemoCompletions,
  createServer,
});
