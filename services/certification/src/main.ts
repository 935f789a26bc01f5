import 'reflect-metadata';
import { runSubgraph } from '@cpss/server-kit';
import type { DataSource } from 'typeorm';
import type { Logger } from '@cpss/server-kit';
import { createCertificationDataSource } from './data-source';
import { readEnv } from './env';
import { startCertificationBackground } from './background';
import { createServer } from './server';
import { seedDemoCertification } from './services/demo-seed';
import { seedDemoPeople } from './services/person.service';

const env = readEnv();
void runSubgraph({
  name: 'certification',
  env,
  dataSource: createCertificationDataSource(env.DATABASE_URL),
  seedDemo: async (dataSource: DataSource, logger: Logger) => {
    await seedDemoPeople(dataSource, logger);
    await seedDemoCertification(dataSource, logger);
  },
  createServer: (deps) => createServer({ ...deps, statistics: { maxAgeMs: env.STATISTICS_MAX_AGE_SECONDS * 1000 } }),
  startBackground: (deps) => startCertificationBackground(deps, { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM }),
});
