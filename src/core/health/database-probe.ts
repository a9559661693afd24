import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';

export interface PoolState {
  size: number;
  inUse: number;
  idle: number;
  /** Requests waiting for a connection. */
  waiting: number;
  /** Every connection in use and requests waiting: new requests wait up to DB_POOL_WAIT_MS, then get 503. */
  saturated: boolean;
}

/** What the pg pool under TypeORM exposes. */
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options: { max: number };
}

const PROBE_TIMEOUT_MS = 800;

/**
 * The health check's view of the database, on a connection of its own: it answers while the app's pool is full
 * (that is when it matters most) and reports how full it is.
 */
@Injectable()
export class DatabaseProbe implements OnApplicationShutdown {
  private client: pg.Client | null = null;

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  pool(): PoolState {
    const pool = (this.db.driver as unknown as { master?: PgPool }).master;
    if (!pool) return { size: 0, inUse: 0, idle: 0, waiting: 0, saturated: false };
    const inUse = pool.totalCount - pool.idleCount;
    return {
      size: pool.options.max,
      inUse,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      saturated: inUse >= pool.options.max && pool.waitingCount > 0,
    };
  }

  /** Health checks arriving together share one answer instead of queueing on the probe's single connection. */
  private inFlight: Promise<number> | null = null;

  migrations(): Promise<number> {
    this.inFlight ??= this.countMigrations().finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  private async countMigrations(): Promise<number> {
    const client = await this.connect();
    try {
      const r = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM migrations');
      return r.rows[0].n;
    } catch (err) {
      await this.drop();
      throw err;
    }
  }

  private async connect(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = new pg.Client({
      connectionString: this.config.databaseUrl,
      application_name: 'gpmb-health',
      connectionTimeoutMillis: PROBE_TIMEOUT_MS,
      statement_timeout: PROBE_TIMEOUT_MS,
      query_timeout: PROBE_TIMEOUT_MS,
    });
    client.on('error', () => void this.drop());
    await client.connect();
    this.client = client;
    return client;
  }

  private async drop(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.drop();
  }
}
