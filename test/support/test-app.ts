import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../../src/bootstrap.js';
import type { Clock } from '../../src/core/clock/clock.js';
import { type AppConfig, DEMO_PASSWORD, loadConfig } from '../../src/core/config/app-config.js';
import { createDatabase, urlFor } from './databases.js';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  /** The application's role on this test's database (what the app connects as). */
  databaseUrl: string;
  /** This test's database name (for repair/ownerSession in databases.ts). */
  databaseName: string;
  http: () => ReturnType<typeof request>;
  /** Logs in a seeded demo user and returns the Authorization header value. */
  login(username: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The config of an app under test. Given another database (DATABASE_URL), the owner's URL follows it (the same
 * database as the owner), unless DATABASE_OWNER_URL is given too ('' for none).
 */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  const url = overrides.DATABASE_URL;
  const owner = url ? { DATABASE_OWNER_URL: urlFor(new URL(url).pathname.slice(1), 'owner') } : {};
  return loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    APP_MODE: 'all',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    MIGRATE_ON_BOOT: 'false',
    QUEUE_PREFIX: `t${randomBytes(4).toString('hex')}`,
    STORAGE_DIR: join(tmpdir(), 'gpmb-test-files'),
    ...owner,
    ...overrides,
  });
}

/**
 * The whole app (API and a real worker on real Redis) on its own copy of the seeded template database.
 * Each test file gets its own database and its own queue prefix.
 */
export async function startTestApp(options: { clock?: Clock; env?: Record<string, string> } = {}): Promise<TestApp> {
  const db = await createDatabase();
  const config = testConfig({ DATABASE_URL: db.url, ...options.env });
  const app = await createApp(config, { clock: options.clock });
  const server = app.getHttpServer();
  const tokens = new Map<string, string>();
  return {
    app,
    config,
    databaseUrl: db.url,
    databaseName: db.name,
    http: () => request(server),
    async login(username: string) {
      const cached = tokens.get(username);
      if (cached) return cached;
      const res = await request(server).post('/api/v1/auth/login').send({ username, password: DEMO_PASSWORD });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      const header = `Bearer ${res.body.token}`;
      tokens.set(username, header);
      return header;
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
