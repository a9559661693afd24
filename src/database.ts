import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../migrations/index.js';
import type { AppConfig } from './core/config/app-config.js';
import { dataSourceOptions } from './core/database/data-source.js';
import { ENTITIES } from './entities.js';

export const appDataSourceOptions = (config: Pick<AppConfig, 'databaseUrl'>) => dataSourceOptions(config, ENTITIES, MIGRATIONS);

export const createAppDataSource = (config: Pick<AppConfig, 'databaseUrl'>) => new DataSource(appDataSourceOptions(config));
