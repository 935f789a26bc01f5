// What a backup holds: the PostgreSQL schema of each service (tables, rows, sequences), and where
// the code that creates that schema (its TypeORM migrations) is built.
import { join } from 'node:path';

export interface PlatformSchema {
  /** The PostgreSQL schema. */
  schema: string;
  /** The service owning it. */
  service: 'certification' | 'training' | 'ethics' | 'gateway';
  /** The service's data-source module (built), relative to the repository root. */
  dataSourceModule: string;
  /** The function of that module making the service's DataSource from a url. */
  factory: string;
}

/** In the order restore migrates them. */
export const PLATFORM_SCHEMAS: readonly PlatformSchema[] = [
  { schema: 'identity', service: 'gateway', dataSourceModule: 'services/gateway/dist/data-source.js', factory: 'createIdentityDataSource' },
  { schema: 'certification', service: 'certification', dataSourceModule: 'services/certification/dist/data-source.js', factory: 'createCertificationDataSource' },
  { schema: 'training', service: 'training', dataSourceModule: 'services/training/dist/data-source.js', factory: 'createTrainingDataSource' },
  { schema: 'ethics', service: 'ethics', dataSourceModule: 'services/ethics/dist/data-source.js', factory: 'createEthicsDataSource' },
];

/**
 * The pg-boss queues (services/<x>/src/background.ts). Not backed up: their jobs carry no data
 * (every job is `{}`: a trigger to look at the service's own tables, e.g. the ethics outbox) and
 * their schedules are put back by each service when it starts. Restore drops them, so no job
 * state from before the restore survives it; pg-boss makes them again at the next start.
 */
export const JOB_SCHEMAS: readonly string[] = ['certification_jobs', 'training_jobs', 'ethics_jobs'];

/** The TypeORM migrations ledger of each schema: kept in the manifest, not as data. */
export const MIGRATIONS_TABLE = 'migrations';

/**
 * The application names the platform's connections carry (a service's DataSource is named after
 * its schema; pg-boss's pool is `pgboss`): restore refuses while any is connected.
 */
export const PLATFORM_APPLICATION_NAMES: readonly string[] = [...PLATFORM_SCHEMAS.flatMap((s) => [s.schema, s.service]), 'pgboss'];

export const dataSourceModulePath = (repoRoot: string, s: PlatformSchema): string => join(repoRoot, s.dataSourceModule);
