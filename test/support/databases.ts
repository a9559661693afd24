import pg from 'pg';
import { randomBytes } from 'node:crypto';

/**
 * Test databases: globalSetup migrates and seeds one template database; each test file gets its own copy with
 * CREATE DATABASE … TEMPLATE (fast, isolated, real PostgreSQL).
 */
export const TEMPLATE_DB = 'gpmb_test_template';

export function baseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error('DATABASE_URL is not set: run the tests with `npm test` (scripts/test.sh starts PostgreSQL).');
  return url;
}

export function urlFor(database: string): string {
  const u = new URL(baseUrl());
  u.pathname = `/${database}`;
  return u.toString();
}

export async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlFor('postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(
  options: { template?: string | null } = {},
): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `gpmb_t_${randomBytes(5).toString('hex')}`;
  const template = options.template === undefined ? TEMPLATE_DB : options.template;
  await admin(async (c) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
        return;
      } catch (err) {
        // Two copies of the template started at the same instant: PostgreSQL asks the second to retry.
        if (attempt < 20 && /being accessed by other users/.test(String(err)))
          await new Promise((r) => setTimeout(r, 250));
        else throw err;
      }
    }
  });
  return {
    name,
    url: urlFor(name),
    drop: () => admin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
  };
}
