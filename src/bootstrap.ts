import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { AuthService } from './core/auth/auth.service.js';
import { AppConfig } from './core/config/app-config.js';
import { migrateUnderLock } from './core/database/data-source.js';
import { configureApp, serveDocs } from './core/http/configure-app.js';
import { serveWebApp } from './core/http/web-app.js';
import { AppLogger } from './core/logging/app-logger.js';
import { createAppDataSource } from './database.js';

export class StartupRefused extends Error {
  override name = 'StartupRefused';
}

export async function runMigrations(config: AppConfig, logger: AppLogger): Promise<void> {
  const ds = createAppDataSource(config);
  await ds.initialize();
  try {
    const ran = await migrateUnderLock(ds);
    if (ran.length) logger.info('migrations applied', { migrations: ran.join(',') });
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
