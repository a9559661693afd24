import { describe, expect, it } from '@jest/globals';
import { migrateUnderLock, pendingSchemaChanges } from '../../src/core/database/data-source.js';
import { createAppDataSource } from '../../src/database.js';
import { runSeeds } from '../../seeds/run-seeds.js';
import { appRole, createDatabase } from '../support/databases.js';

describe('migrations', () => {
  it('agree with the entities: generating a migration on a migrated database produces nothing', async () => {
    const db = await createDatabase();
    const ds = await createAppDataSource({ databaseUrl: db.url }).initialize();
    try {
      const pending = await pendingSchemaChanges(ds);
      expect(pending.up).toEqual([]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });

  it('run once when two processes boot at the same time (advisory lock)', async () => {
    const db = await createDatabase({ template: null });
    const a = await createAppDataSource({ databaseUrl: db.ownerUrl }).initialize();
    const b = await createAppDataSource({ databaseUrl: db.ownerUrl }).initialize();
    try {
      const [ranA, ranB] = await Promise.all([migrateUnderLock(a, appRole()), migrateUnderLock(b, appRole())]);
      // One of them applied everything, the other found nothing left to do.
      expect([ranA.length, ranB.length].sort()).toEqual([0, a.migrations.length]);
      const rows = await a.query('SELECT name FROM migrations');
      expect(rows).toHaveLength(a.migrations.length);
    } finally {
      await a.destroy();
      await b.destroy();
      await db.drop();
    }
  });
});

describe('the input fingerprint of draft plans', () => {
  it('covers every column of parcels but its timestamps and version (a new column must be added to it)', async () => {
    const db = await createDatabase();
    const ds = await createAppDataSource({ databaseUrl: db.url }).initialize();
    try {
      const columns: { name: string }[] = await ds.query(
        `SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'parcels'
          AND column_name NOT IN ('created_at', 'updated_at', 'version', 'case_id') ORDER BY ordinal_position`,
      );
      const [{ src }] = await ds.query(
        `SELECT prosrc AS src FROM pg_proc WHERE proname = 'gpmb_case_input_fingerprints'`,
      );
      expect(columns.map((c) => c.name).filter((c) => !new RegExp(`\\bp\\.${c}\\b`).test(src))).toEqual([]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});

describe('seeds', () => {
  it('are idempotent: a second run inserts nothing and leaves edits alone', async () => {
    const db = await createDatabase(); // already seeded once by the template
    const ds = await createAppDataSource({ databaseUrl: db.url }).initialize();
    try {
      await ds.query(`UPDATE projects SET name = 'Tên đã sửa' WHERE code = 'QL4B'`);
      const inserted = await runSeeds(ds);
      expect(Object.values(inserted).every((n) => n === 0)).toBe(true);
      const [row] = await ds.query(`SELECT name FROM projects WHERE code = 'QL4B'`);
      expect(row.name).toBe('Tên đã sửa');
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM admin_units WHERE level = 'commune'`);
      expect(n).toBe(23);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});

describe('draft plan seeds', () => {
  it('give each seeded project one draft plan priced with the sample book, once', async () => {
    const { startTestApp } = await import('../support/test-app.js');
    const { PlansService } = await import('../../src/modules/plans/plans.service.js');
    const { seedDraftPlans } = await import('../../seeds/draft-plans.js');
    const { DataSource } = await import('typeorm');
    const t = await startTestApp();
    try {
      const ds = t.app.get(DataSource);
      expect(await seedDraftPlans(ds, t.app.get(PlansService))).toBe(5);
      expect(await seedDraftPlans(ds, t.app.get(PlansService))).toBe(0);
      const plans: { code: string; case_count: number; net: string }[] = await ds.query(
        'SELECT code, case_count, net FROM plans ORDER BY case_count DESC',
      );
      expect(plans.map((p) => p.case_count)).toEqual([250, 120, 60, 60, 8]);
      expect(plans.every((p) => BigInt(p.net) > 0n)).toBe(true);
    } finally {
      await t.close();
    }
  });
});
