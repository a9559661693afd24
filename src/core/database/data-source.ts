import { DataSource, type DataSourceOptions, type MixedList } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity and migration classes
type Classes = MixedList<Function>;

/** The bounds of the app's connections (see AppConfig); migrations, seeds and benchmarks' bulk loads run without. */
export type ConnectionLimits = Pick<
  AppConfig,
  'dbPoolSize' | 'dbPoolWaitMs' | 'dbStatementTimeoutMs' | 'dbLockTimeoutMs' | 'dbIdleInTransactionTimeoutMs'
>;

/**
 * The one TypeORM configuration, used by the app, the CLI and the tests. `synchronize` is never on. With limits,
 * every wait is bounded: for a pooled connection, for a lock, for a statement, and for a transaction left idle.
 */
export function dataSourceOptions(
  config: Pick<AppConfig, 'databaseUrl'>,
  entities: Classes,
  migrations: Classes,
  limits?: ConnectionLimits,
): DataSourceOptions {
  const extra = limits
    ? {
        max: limits.dbPoolSize,
        connectionTimeoutMillis: limits.dbPoolWaitMs,
        statement_timeout: limits.dbStatementTimeoutMs,
        lock_timeout: limits.dbLockTimeoutMs,
        idle_in_transaction_session_timeout: limits.dbIdleInTransactionTimeoutMs,
      }
    : { max: 20 };
  return {
    type: 'postgres',
    url: config.databaseUrl,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'migrations',
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    migrationsTransactionMode: 'each',
    logging: false,
    extra: { ...extra, application_name: 'gpmb' },
    // bigint (money in đồng) and numeric (areas) stay strings: no JavaScript floats.
    parseInt8: false,
  };
}

/** Any number that fits in a bigint: a constant key for the migration lock. */
const MIGRATION_LOCK_KEY = 7_414_029_001;

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so API and worker replicas booting at once
 * never race: the second waits, then finds nothing to do.
 */
export async function migrateUnderLock(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const done = await dataSource.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}

/** SQL that would bring the schema in line with the entities; empty when migrations and entities agree. */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<{ up: string[]; down: string[] }> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return { up: sql.upQueries.map((q) => q.query), down: sql.downQueries.map((q) => q.query) };
}

export { DataSource };
