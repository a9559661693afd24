import 'reflect-metadata';
import { migrateUnderLock } from '../../src/core/database/data-source.js';
import { createAppDataSource } from '../../src/database.js';
import { runSeeds } from '../../seeds/run-seeds.js';
import { admin, TEMPLATE_DB, urlFor } from '../support/databases.js';

/** Builds the template database once per run: migrated and seeded exactly as `npm run up` does. */
export async function prepareTemplate(): Promise<void> {
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    // Leftovers from interrupted runs.
    const old = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'gpmb\\_t\\_%'`);
    for (const row of old.rows) await c.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
  });
  const ds = createAppDataSource({ databaseUrl: urlFor(TEMPLATE_DB) });
  await ds.initialize();
  try {
    await migrateUnderLock(ds);
    await runSeeds(ds);
  } finally {
    await ds.destroy();
  }
}
