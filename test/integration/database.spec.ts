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

describe('the input fingerprints kept by triggers (migration CaseInputFingerprintsKept)', () => {
  /** Cases whose kept fingerprint is not what the function computes today (missing ones included). */
  const drift = (ds: { query: (sql: string) => Promise<{ n: number }[]> }) =>
    ds
      .query(
        `SELECT count(*)::int AS n FROM gpmb_case_input_fingerprints(ARRAY(SELECT id FROM cases)) f
          LEFT JOIN case_input_fingerprints k ON k.case_id = f.case_id
         WHERE k.fingerprint IS DISTINCT FROM f.fingerprint`,
      )
      .then(([r]) => r.n);
  const copyParcel = (number: string) =>
    `INSERT INTO parcels SELECT (jsonb_populate_record(NULL::parcels, to_jsonb(p) || jsonb_build_object(
       'id', gen_random_uuid(), 'parcel_number', '${number}'))).* FROM parcels p WHERE p.case_id = $1 LIMIT 1`;

  it('follow every write to an input, and only those', async () => {
    const db = await createDatabase();
    const ds = await createAppDataSource({ databaseUrl: db.url }).initialize();
    try {
      expect(await drift(ds)).toBe(0);
      const [c] = await ds.query(
        `SELECT c.id, c.land_user_id AS "landUserId", k.fingerprint FROM cases c
           JOIN case_input_fingerprints k ON k.case_id = c.id WHERE EXISTS (SELECT 1 FROM parcels p WHERE p.case_id = c.id)
            AND NOT EXISTS (SELECT 1 FROM plan_cases pc JOIN plans pl ON pl.id = pc.plan_id
                             WHERE pc.case_id = c.id AND pl.status <> 'DRAFT')
          LIMIT 1`,
      );
      const kept = async () =>
        (await ds.query(`SELECT fingerprint FROM case_input_fingerprints WHERE case_id = $1`, [c.id]))[0].fingerprint;
      // Not an input: the case's note and the land user's name leave it alone.
      await ds.query(`UPDATE cases SET note = 'ghi chú' WHERE id = $1`, [c.id]);
      await ds.query(`UPDATE land_users SET full_name = full_name || ' ' WHERE id = $1`, [c.landUserId]);
      expect(await kept()).toBe(c.fingerprint);
      // Inputs: each write changes it, and it is what the function says.
      const writes: [string, unknown[]][] = [
        [copyParcel('KEPT-1'), [c.id]],
        [`UPDATE parcels SET certificate_number = coalesce(certificate_number, '') || 'X' WHERE case_id = $1`, [c.id]],
        [`DELETE FROM parcels WHERE case_id = $1 AND parcel_number = 'KEPT-1'`, [c.id]],
        [`UPDATE cases SET pricing_facts = pricing_facts || '{"relocating": true}' WHERE id = $1`, [c.id]],
        [`UPDATE land_users SET household_size = coalesce(household_size, 0) + 1 WHERE id = $1`, [c.landUserId]],
      ];
      let before = c.fingerprint;
      for (const [sql, params] of writes) {
        await ds.query(sql, params);
        const now = await kept();
        expect([sql, now === before]).toEqual([sql, false]);
        before = now;
      }
      expect(await drift(ds)).toBe(0);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });

  it('stay exact when two writers change one household at the same time', async () => {
    const db = await createDatabase();
    const a = await createAppDataSource({ databaseUrl: db.url }).initialize();
    const b = await createAppDataSource({ databaseUrl: db.url }).initialize();
    const ta = a.createQueryRunner();
    const tb = b.createQueryRunner();
    try {
      const [c] = await a.query(`SELECT case_id AS id FROM parcels LIMIT 1`);
      await ta.startTransaction();
      await tb.startTransaction();
      await ta.query(copyParcel('RACE-A'), [c.id]);
      // The second writer waits for the first; its fingerprint then includes the first one's parcel.
      const second = tb.query(copyParcel('RACE-B'), [c.id]);
      await new Promise((r) => setTimeout(r, 200));
      await ta.commitTransaction();
      await second;
      await tb.commitTransaction();
      expect(await drift(a)).toBe(0);
    } finally {
      await ta.release();
      await tb.release();
      await a.destroy();
      await b.destroy();
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
