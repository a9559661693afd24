import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../migrations/index.js';
import type { AppConfig } from './core/config/app-config.js';
import { type ConnectionLimits, dataSourceOptions } from './core/database/data-source.js';
import { bindTransactionScope } from './core/database/transaction-scope.js';
import { ENTITIES } from './entities.js';

/** The running app's data source: bounded waits (config), and one connection per use case (transaction-scope.ts). */
export const serviceDataSourceOptions = (config: Pick<AppConfig, 'databaseUrl'> & ConnectionLimits) =>
  dataSourceOptions(config, ENTITIES, MIGRATIONS, config);

export const createServiceDataSource = (options: ReturnType<typeof serviceDataSourceOptions>) =>
  bindTransactionScope(new DataSource(options));

/** Migrations, seeds and maintenance (CLI, benchmarks' bulk loads): no statement timeout. */
export const createAppDataSource = (config: Pick<AppConfig, 'databaseUrl'>) =>
  bindTransactionScope(new DataSource(dataSourceOptions(config, ENTITIES, MIGRATIONS)));
