// One TypeORM DataSource per service, confined to the service's own PostgreSQL schema, with
// migrations (synchronize is always off). The service's connections act as the schema's service
// role (`<schema>_service`, see audit.ts): rows only, and the audit trail can be added to but never
// changed. Migrations run as the owner, on connections of their own.
import { DataSource, type DataSourceOptions as TypeOrmOptions, type EntityManager, type EntitySchema, type MixedList } from 'typeorm';
import { prepareServiceRole, serviceRoleOf } from './audit';

export interface DataSourceOptions {
  url: string;
  /** The PostgreSQL schema this service owns, e.g. `certification`. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  entities: MixedList<Function | string | EntitySchema<any>>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  migrations: MixedList<Function | string>;
  poolSize?: number;
  applicationName?: string;
}

export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    applicationName: options.applicationName ?? options.schema,
    poolSize: options.poolSize ?? 10,
    // The service role installs nothing; the owner's migrations did.
    installExtensions: false,
    // Only this service's schema is visible to its connections (plus pg_catalog), and they act as
    // the service role, whoever DATABASE_URL signs in as.
    extra: { options: `-c search_path=${options.schema} -c role=${serviceRoleOf(options.schema)}` },
  });
}

/**
 * Connects, and first (when `run`), as the owner: creates the service's schema if missing, applies
 * pending migrations, and prepares the service role (prepareServiceRole). Without `run` the
 * migrations must have been applied by other means.
 */
export async function initializeAndMigrate(dataSource: DataSource, run = true): Promise<DataSource> {
  if (run) {
    const options = dataSource.options as TypeOrmOptions & { schema?: string; applicationName?: string };
    const schema = options.schema;
    const owner = new DataSource({
      ...options,
      entities: [],
      poolSize: 1,
      applicationName: `${options.applicationName ?? schema ?? 'service'} migrations`,
      extra: { options: schema ? `-c search_path=${schema}` : '' },
    } as TypeOrmOptions);
    await owner.initialize();
    try {
      if (schema) await owner.query(`create schema if not exists "${schema}"`);
      await owner.runMigrations({ transaction: 'each' });
      if (schema) await prepareServiceRole(owner, schema);
    } finally {
      await owner.destroy();
    }
  }
  if (!dataSource.isInitialized) await dataSource.initialize();
  return dataSource;
}

/**
 * Runs independent reads at once on the pool, or one after another inside a transaction (its one
 * connection answers one query at a time: pg would queue them, and pg 9 will refuse).
 */
export async function readAll<T extends readonly unknown[]>(manager: EntityManager, reads: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  if (!manager.queryRunner) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
}
