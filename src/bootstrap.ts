import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { AuthService } from './core/auth/auth.service.js';
import { AppConfig } from './core/config/app-config.js';
import { DataSource, excessRights, migrateUnderLock, roleOf } from './core/database/data-source.js';
import { configureApp, serveDocs } from './core/http/configure-app.js';
import { serveWebApp } from './core/http/web-app.js';
import { AppLogger } from './core/logging/app-logger.js';
import { createAppDataSource } from './database.js';

export class StartupRefused extends Error {
  override name = 'StartupRefused';
}

/**
 * Migrates as the schema's owner (DATABASE_OWNER_URL) and grants the application's role (DATABASE_URL) its rights;
 * without an owner URL, as DATABASE_URL's role, which then must be allowed DDL (one role for everything).
 */
export async function runMigrations(config: AppConfig, logger: AppLogger): Promise<void> {
  const owner = config.databaseOwnerUrl;
  const appRole = owner && roleOf(owner) !== roleOf(config.databaseUrl) ? roleOf(config.databaseUrl) : null;
  const ds = createAppDataSource({ databaseUrl: owner ?? config.databaseUrl });
  await ds.initialize();
  try {
    const ran = await migrateUnderLock(ds, appRole);
    if (ran.length) logger.info('migrations applied', { migrations: ran.join(',') });
  } catch (err) {
    // The application's role may not change the schema: say what to do instead of "permission denied".
    const code = (err as { code?: string }).code ?? (err as { driverError?: { code?: string } }).driverError?.code;
    if (!owner && code === '42501')
      throw new StartupRefused(
        `Migrations are pending and DATABASE_URL's role may not change the schema (${(err as Error).message}). ` +
          'Run `node dist/src/cli.js migrate` with DATABASE_OWNER_URL set to the owner role.',
      );
    throw err;
  } finally {
    await ds.destroy();
  }
}

/**
 * Builds the application for the configured APP_MODE: migrations (under an advisory lock), the Nest app with
 * HTTP conventions and docs, workers when the mode includes them. Used by main.ts and by the end-to-end tests.
 */
export async function createApp(config: AppConfig, options: AppModuleOptions = {}): Promise<INestApplication> {
  const logger = options.logger ?? new AppLogger();
  logger.setLevel(config.logLevel);
  if (config.migrateOnBoot === 'true') await runMigrations(config, logger);
  const app = await NestFactory.create(AppModule.register(config, { ...options, logger }), {
    logger,
    abortOnError: false,
  });
  configureApp(app);
  const excess = await excessRights(app.get(DataSource));
  if (excess.length > 0) {
    if (config.nodeEnv === 'production') {
      await app.close();
      throw new StartupRefused(
        `Refusing to start in production: DATABASE_URL's role has rights the application must not have ` +
          `(${excess.join(', ')}). Connect as the application role and migrate as the owner (README "Security").`,
      );
    }
    logger.warn('DATABASE_URL connects with more rights than the application needs', { rights: excess.join('; ') });
  }
  if (config.nodeEnv === 'production') {
    const demo = await app.get(AuthService).usersWithDemoPassword();
    if (demo.length > 0) {
      await app.close();
      throw new StartupRefused(
        `Refusing to start in production: these accounts still have the seeded demo password: ${demo.join(', ')}. ` +
          'Change their passwords (or deactivate them) first.',
      );
    }
  }
  if (config.runsApi) {
    serveDocs(app);
    serveWebApp(app);
  }
  await app.init();
  return app;
}
