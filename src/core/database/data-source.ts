import { DataSource, type DataSourceOptions, type MixedList, type QueryRunner } from 'typeorm';
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
 * never race: the second waits, then finds nothing to do. Given the application's role (when the owner migrates),
 * grants it what it needs on whatever the migrations created (grantApplicationRole).
 */
export async function migrateUnderLock(dataSource: DataSource, appRole?: string | null): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const done = await dataSource.runMigrations({ transaction: 'each' });
    if (appRole) await grantApplicationRole(runner, appRole);
    return done.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}

/**
 * Tables whose rows are written once and never changed or removed: the application's role gets no UPDATE or DELETE
 * on them at all (their triggers refuse it too, for every role: migrations/…-RecordsProtected.ts).
 */
export const APPEND_ONLY_TABLES = ['audit_entries', 'payments', 'issued_numbers'] as const;

/**
 * The application's rights, and only those (README "Security"): read and write rows of the schema's tables and use
 * their sequences; no DDL (it owns nothing), no TRUNCATE, no TRIGGER or REFERENCES, nothing on the migrations'
 * own table but reading it, no UPDATE or DELETE on append-only tables. Idempotent: run after every migration.
 */
export async function grantApplicationRole(runner: QueryRunner, appRole: string): Promise<void> {
  const [{ role }] = (await runner.query('SELECT quote_ident($1) AS role', [appRole])) as { role: string }[];
  await runner.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
  await runner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`);
  await runner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
  await runner.query(`REVOKE INSERT, UPDATE, DELETE ON migrations FROM ${role}`);
  await runner.query(`REVOKE UPDATE, DELETE ON ${APPEND_ONLY_TABLES.join(', ')} FROM ${role}`);
  await runner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
}

/** The role a postgres:// URL connects as. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/** SQL that would bring the schema in line with the entities; empty when migrations and entities agree. */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<{ up: string[]; down: string[] }> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return { up: sql.upQueries.map((q) => q.query), down: sql.downQueries.map((q) => q.query) };
}

export { DataSource };

/**
 * What the connected role may do beyond the application's needs: superuser (which also bypasses every trigger with
 * session_replication_role), bypassing row security, creating roles, owning or creating tables (which lets it drop
 * the triggers that protect signed records). Empty for the application role the set-up creates.
 */
export async function excessRights(dataSource: DataSource): Promise<string[]> {
  const [r] = await dataSource.query<
    { superuser: boolean; bypassrls: boolean; createrole: boolean; owned: number; create: boolean }[]
  >(
    `SELECT r.rolsuper AS superuser, r.rolbypassrls AS bypassrls, r.rolcreaterole AS createrole,
            (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'public' AND c.relowner = r.oid) AS owned,
            has_schema_privilege('public', 'CREATE') AS "create"
       FROM pg_roles r WHERE r.rolname = current_user`,
  );
  return [
    r.superuser && 'superuser',
    r.bypassrls && 'bypasses row security',
    r.createrole && 'creates roles',
    r.owned > 0 && `owns ${r.owned} tables of schema public`,
    r.create && 'may create objects in schema public',
  ].filter((x): x is string => typeof x === 'string');
}
