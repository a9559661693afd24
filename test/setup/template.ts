import 'reflect-metadata';
import { migrateUnderLock } from '../../src/core/database/data-source.js';
import { createAppDataSource } from '../../src/database.js';
import { runSeeds } from '../../seeds/run-seeds.js';
import { admin, appRole, TEMPLATE_DB, urlFor } from '../support/databases.js';

/** Builds the template database once per run: migrated and seeded exactly as `npm run up` does. */
export async function prepareTemplate(): Promise<void> {
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    // Leftovers from interrupted runs.
    const old = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'gpmb\\_t\\_%'`);
    for (const row of old.rows) await c.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
  });
  // Migrated by the owner, seeded by the application's role, as `npm run up` does.
  const owner = await createAppDataSource({ databaseUrl: urlFor(TEMPLATE_DB, 'owner') }).initialize();
  try {
    await migrateUnderLock(owner, appRole());
  } finally {
    await owner.destroy();
  }
  const ds = await createAppDataSource({ databaseUrl: urlFor(TEMPLATE_DB) }).initialize();
  try {
    await runSeeds(ds);
  } finally {
    await ds.destroy();
  }
}
