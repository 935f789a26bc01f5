// A transaction over confidential complaint data whose database errors carry no values: TypeORM's
// QueryFailedError holds the query parameters and PostgreSQL's "failing row" detail, which would
// put a complainant's identity in the error log. Only the error code and constraint survive.
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';

export class ConfidentialDatabaseError extends Error {
  /** PostgreSQL's error code (SQLSTATE): a connection lost stays recognisable (errors.ts, isDatabaseUnavailable). */
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export async function confidentialTransaction<T>(dataSource: DataSource, run: (tx: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await dataSource.transaction(run);
  } catch (err) {
    if (err instanceof QueryFailedError) {
      const driver = err.driverError as { code?: string; constraint?: string } | undefined;
      throw new ConfidentialDatabaseError(`the database refused a complaint change (code ${driver?.code ?? 'unknown'}${driver?.constraint ? `, constraint ${driver.constraint}` : ''})`, driver?.code);
    }
    throw err;
  }
}
