import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';

/**
 * The one place that reads the environment. Everything else receives an AppConfig.
 * Legal parameters are never configuration: they are dated data in the database.
 */
export const APP_MODES = ['api', 'worker', 'all'] as const;
export type AppMode = (typeof APP_MODES)[number];

/** Passwords the seed gives to the demo users; refused in production (see assertNoDemoPasswords). */
export const DEMO_PASSWORD = 'gpmb-demo';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  nodeEnv: 'development' | 'test' | 'production' = 'development';

  @IsIn(APP_MODES)
  appMode: AppMode = 'all';

  @IsString()
  @IsNotEmpty()
  host = '127.0.0.1';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  port = 3000;

  /** The application's role: reads and writes rows, nothing else (no DDL, not superuser; README "Security"). */
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  databaseUrl!: string;

  /**
   * The role that owns the schema and runs the migrations (then grants the application's role its rights). Only the
   * `migrate` command needs it; without it, migrations run as DATABASE_URL's role (one role for everything).
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_OWNER_URL must be a postgres:// URL' })
  databaseOwnerUrl?: string;

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  redisUrl!: string;

  /** Key prefix for BullMQ, so several installations (or test files) can share one Redis. */
  @Matches(/^[a-z0-9:_-]{1,64}$/i, { message: 'QUEUE_PREFIX may hold letters, digits, ":", "_" and "-"' })
  queuePrefix = 'gpmb';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  workerConcurrency = 2;

  /**
   * How long a job's lock lasts without renewal, and how often workers look for jobs whose worker died (BullMQ
   * stalled-job check): a crashed worker's job is taken up by another after about this long.
   */
  @Transform(toInt)
  @IsInt()
  @Min(500)
  @Max(600_000)
  workerStalledMs = 30_000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  authTokenTtlHours = 12;

  /** Login attempts allowed per client address and minute (every attempt; an office may share one address). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  loginRateLimitPerMinute = 60;

  /** Failed logins allowed per account within the window below, from any address; then the account waits. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  loginAccountFailures = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  loginAccountWindowMinutes = 15;

  /**
   * Which proxies in front of the API to trust for the client's address (Express "trust proxy": false, loopback, a
   * number of hops or a list of addresses). Behind a reverse proxy, without it every clerk has the proxy's address.
   */
  @IsString()
  trustProxy = 'false';

  @IsString()
  @IsNotEmpty()
  storageDir = '.data/files';

  /** Largest attachment (signed scan) accepted, in MB. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  attachmentMaxMb = 20;

  /** Folder holding LiberationSerif-{Regular,Bold,Italic,BoldItalic}.ttf, version 2 (full Vietnamese; installed by the set-up commands). */
  @IsString()
  @IsNotEmpty()
  fontDir = '/usr/share/fonts/truetype/liberation2';

  @IsIn(['debug', 'info', 'warn', 'error', 'silent'])
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent' = 'info';

  /** Connections the app keeps to PostgreSQL (per process). */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(500)
  dbPoolSize = 20;

  /** How long a request waits for a free connection before it is answered 503 "busy". */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  dbPoolWaitMs = 10_000;

  /** PostgreSQL statement_timeout of the app's connections: no statement runs longer. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  dbStatementTimeoutMs = 30_000;

  /** PostgreSQL lock_timeout: how long a statement waits for a row or table lock another request holds. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  dbLockTimeoutMs = 10_000;

  /** PostgreSQL idle_in_transaction_session_timeout: a transaction left open this long is ended by the server. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  dbIdleInTransactionTimeoutMs = 60_000;

  /**
   * How long a write waits in this process for the writes before it on the same record (record-queue.ts) before it
   * is answered 503: it holds no connection and no lock meanwhile.
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  recordQueueWaitMs = 20_000;

  /** Whether migrations run at boot (under an advisory lock). */
  @IsIn(['true', 'false'])
  @IsOptional()
  migrateOnBoot: 'true' | 'false' = 'true';

  get runsApi(): boolean {
    return this.appMode === 'api' || this.appMode === 'all';
  }

  get runsWorker(): boolean {
    return this.appMode === 'worker' || this.appMode === 'all';
  }
}

const ENV_KEYS: Record<string, keyof AppConfig> = {
  NODE_ENV: 'nodeEnv',
  APP_MODE: 'appMode',
  HOST: 'host',
  PORT: 'port',
  DATABASE_URL: 'databaseUrl',
  DATABASE_OWNER_URL: 'databaseOwnerUrl',
  REDIS_URL: 'redisUrl',
  QUEUE_PREFIX: 'queuePrefix',
  WORKER_CONCURRENCY: 'workerConcurrency',
  WORKER_STALLED_MS: 'workerStalledMs',
  AUTH_TOKEN_TTL_HOURS: 'authTokenTtlHours',
  LOGIN_RATE_LIMIT_PER_MINUTE: 'loginRateLimitPerMinute',
  LOGIN_ACCOUNT_FAILURES: 'loginAccountFailures',
  LOGIN_ACCOUNT_WINDOW_MINUTES: 'loginAccountWindowMinutes',
  TRUST_PROXY: 'trustProxy',
  STORAGE_DIR: 'storageDir',
  ATTACHMENT_MAX_MB: 'attachmentMaxMb',
  FONT_DIR: 'fontDir',
  LOG_LEVEL: 'logLevel',
  MIGRATE_ON_BOOT: 'migrateOnBoot',
  DB_POOL_SIZE: 'dbPoolSize',
  DB_POOL_WAIT_MS: 'dbPoolWaitMs',
  DB_STATEMENT_TIMEOUT_MS: 'dbStatementTimeoutMs',
  DB_LOCK_TIMEOUT_MS: 'dbLockTimeoutMs',
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: 'dbIdleInTransactionTimeoutMs',
  RECORD_QUEUE_WAIT_MS: 'recordQueueWaitMs',
};

/** The environment variables the app reads, for the README and for error messages. */
export const CONFIG_ENV_KEYS = Object.keys(ENV_KEYS);

/** A copy of a validated config with some settings changed (e.g. API only, no migrations), keeping its getters. */
export function withSettings(config: AppConfig, overrides: Partial<AppConfig>): AppConfig {
  return Object.assign(Object.create(Object.getPrototypeOf(config) as object) as AppConfig, config, overrides);
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function sameDatabase(a: string, b: string): boolean {
  const [x, y] = [new URL(a), new URL(b)];
  return x.hostname === y.hostname && x.port === y.port && x.pathname === y.pathname;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const plain: Record<string, unknown> = {};
  for (const [envKey, field] of Object.entries(ENV_KEYS)) {
    const value = env[envKey];
    if (value !== undefined && value !== '') plain[field] = value;
  }
  const config = plainToInstance(AppConfig, plain);
  const errors = validateSync(config, { forbidUnknownValues: true });
  if (errors.length === 0 && config.databaseOwnerUrl && !sameDatabase(config.databaseOwnerUrl, config.databaseUrl)) {
    throw new ConfigError([
      'DATABASE_OWNER_URL=(hidden): must name the same server and database as DATABASE_URL (only the role differs)',
    ]);
  }
  if (errors.length > 0) {
    const byField = Object.fromEntries(Object.entries(ENV_KEYS).map(([k, v]) => [v, k]));
    throw new ConfigError(
      errors.map((e) => {
        const name = byField[e.property] ?? e.property;
        const hidden = ['databaseUrl', 'databaseOwnerUrl', 'redisUrl'].includes(e.property);
        const shown = hidden ? '(hidden)' : JSON.stringify(e.value);
        return `${name}=${shown}: ${Object.values(e.constraints ?? {}).join('; ')}`;
      }),
    );
  }
  return config;
}
