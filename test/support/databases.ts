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

/** The owner's URL (DATABASE_OWNER_URL: migrates, creates the test databases); the app's when there is one role. */
export function ownerBaseUrl(): string {
  return process.env.DATABASE_OWNER_URL || baseUrl();
}

/** A database of the server, as the application's role (or, with `owner`, as the owner). */
export function urlFor(database: string, role: 'app' | 'owner' = 'app'): string {
  const u = new URL(role === 'owner' ? ownerBaseUrl() : baseUrl());
  u.pathname = `/${database}`;
  return u.toString();
}

/** The role the application connects as, when it differs from the owner's (then migrations grant it its rights). */
export function appRole(): string | null {
  const app = decodeURIComponent(new URL(baseUrl()).username);
  return app === decodeURIComponent(new URL(ownerBaseUrl()).username) ? null : app;
}

export async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlFor('postgres', 'owner') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database owned by the owner: `url` connects as the application's role (what the app under test uses),
 * `ownerUrl` as the owner (to migrate one made without a template).
 */
export async function createDatabase(
  options: { template?: string | null } = {},
): Promise<{ name: string; url: string; ownerUrl: string; drop(): Promise<void> }> {
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
    ownerUrl: urlFor(name, 'owner'),
    drop: () => admin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
  };
}

/** The triggers that keep signed, approved and issued records as they are (migration RecordsProtected). */
async function protections(client: pg.Client): Promise<{ table: string; name: string }[]> {
  const { rows } = await client.query<{ table: string; name: string }>(
    `SELECT t.tgrelid::regclass::text AS "table", t.tgname AS name FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE NOT t.tgisinternal AND (p.proname LIKE 'gpmb\\_%protect' OR p.proname = 'gpmb_append_only')`,
  );
  return rows;
}

/**
 * For fixtures that do what only the database's owner could (a repair: a payment removed, an approval date
 * corrected), to see what the other triggers make of it: on an owner connection, in one transaction in which the
 * protections are off — `begin` switches them off, `end` back on and commits. Nobody else ever sees them off (DDL is
 * transactional).
 */
export async function ownerSession(database: string): Promise<{
  client: pg.Client;
  /** Switches the protections off (of these tables only, when given: ALTER TABLE locks them till the end). */
  begin(tables?: string[]): Promise<void>;
  end(): Promise<void>;
  close(): Promise<void>;
}> {
  const client = new pg.Client({ connectionString: urlFor(database, 'owner') });
  await client.connect();
  let only: string[] | undefined;
  const toggle = async (on: boolean) => {
    for (const p of await protections(client))
      if (!only || only.includes(p.table))
        await client.query(`ALTER TABLE ${p.table} ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${p.name}`);
  };
  return {
    client,
    async begin(tables) {
      only = tables;
      await client.query('BEGIN');
      await toggle(false);
    },
    async end() {
      await toggle(true);
      await client.query('COMMIT');
    },
    close: () => client.end(),
  };
}

/** Runs `fn` as the owner with the protections off (see ownerSession), in one transaction. */
export async function repair<T>(database: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const s = await ownerSession(database);
  try {
    await s.begin();
    const result = await fn(s.client);
    await s.end();
    return result;
  } finally {
    await s.close();
  }
}
