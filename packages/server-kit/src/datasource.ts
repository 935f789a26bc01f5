// One TypeORM DataSource per service, confined to the service's own PostgreSQL schema, with
// migrations (synchronize is always off).
import { DataSource, type EntitySchema, type MixedList } from 'typeorm';

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
    // Only this service's schema is visible to its connections (plus pg_catalog).
    extra: { options: `-c search_path=${options.schema}` },
  });
}

/** Connects, creates the service's schema if missing and applies pending migrations. */
export async function initializeAndMigrate(dataSource: DataSource, run = true): Promise<DataSource> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  const schema = (dataSource.options as { schema?: string }).schema;
  if (run) {
    if (schema) await dataSource.query(`create schema if not exists "${schema}"`);
    await dataSource.runMigrations({ transaction: 'each' });
  }
  return dataSource;
}
