import 'reflect-metadata';
import { ConfigError, loadConfig } from './core/config/app-config.js';
import { DOCS_PATH } from './core/http/configure-app.js';
import { AppLogger } from './core/logging/app-logger.js';
import { createApp, StartupRefused } from './bootstrap.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new AppLogger();
  const app = await createApp(config, { logger });
  if (config.runsApi) {
    await app.listen(config.port, config.host);
    const base = `http://${config.host}:${config.port}`;
    logger.info('api listening', { url: `${base}/api/v1`, docs: `${base}/${DOCS_PATH}`, mode: config.appMode });
  } else {
    logger.info('worker running', { mode: config.appMode });
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof StartupRefused) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`GPMB failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  }
  process.exit(1);
});
