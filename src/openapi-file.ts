import { writeFileSync } from 'node:fs';
import { type AppConfig, withSettings } from './core/config/app-config.js';
import { buildOpenApi } from './core/http/configure-app.js';
import { createApp } from './bootstrap.js';

/** The committed openapi.json: stable key order, so a diff shows real API changes only. */
export async function openApiJson(config: AppConfig): Promise<string> {
  const app = await createApp(withSettings(config, { appMode: 'api', migrateOnBoot: 'false', logLevel: 'warn' }));
  try {
    return `${JSON.stringify(sortKeys(buildOpenApi(app)), null, 2)}\n`;
  } finally {
    await app.close();
  }
}

export async function writeOpenApi(config: AppConfig): Promise<void> {
  writeFileSync('openapi.json', await openApiJson(config));
  process.stdout.write('Wrote openapi.json\n');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
