import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createApp, StartupRefused } from '../../src/bootstrap.js';
import { openApiJson } from '../../src/openapi-file.js';
import { createDatabase } from '../support/databases.js';
import { testConfig } from '../support/test-app.js';

describe('production start', () => {
  it('refuses to start while a seeded demo password is still in use', async () => {
    const db = await createDatabase();
    try {
      const config = testConfig({ DATABASE_URL: db.url, NODE_ENV: 'production' });
      await expect(createApp(config)).rejects.toThrow(StartupRefused);
      await expect(createApp(config)).rejects.toThrow(/quantri/);
    } finally {
      await db.drop();
    }
  });
});

describe('openapi.json', () => {
  it('matches the API the code serves (run `npm run openapi` after changing routes or DTOs)', async () => {
    const db = await createDatabase();
    try {
      const generated = await openApiJson(testConfig({ DATABASE_URL: db.url }));
      expect(generated).toEqual(readFileSync('openapi.json', 'utf8'));
    } finally {
      await db.drop();
    }
  });
});
