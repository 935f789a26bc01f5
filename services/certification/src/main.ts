import 'reflect-metadata';
import { runSubgraph } from '@cpss/server-kit';
import { createCertificationDataSource } from './data-source';
import { readEnv } from './env';
import { createServer } from './server';
import { seedDemoPeople } from './services/person.service';

const env = readEnv();
void runSubgraph({
  name: 'certification',
  env,
  dataSource: createCertificationDataSource(env.DATABASE_URL),
  seedDemo: seedDemoPeople,
  createServer,
});
