import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createApp, runMigrations, StartupRefused } from '../../src/bootstrap.js';
import { AppLogger } from '../../src/core/logging/app-logger.js';
import { createDatabase, urlFor } from '../support/databases.js';
import { approvedPlan, settle } from '../support/factories.js';
import { startTestApp, type TestApp, testConfig } from '../support/test-app.js';

/**
 * Issue 17 §3–§4: the application connects as a role that can only read and write rows, and the database itself
 * refuses to rewrite history — whoever asks, the owner included. Each forbidden statement is tried on real records
 * (an approved plan with its decisions rendered, a payment, a signed inventory) and must leave its table unchanged.
 */
let t: TestApp;
let ids: {
  approvedPlan: string;
  postedPlan: string;
  draftPlan: string;
  signedInventory: string;
  payment: string;
  number: string;
  renderedDocument: string;
};
let app: pg.Client;
let owner: pg.Client;

beforeAll(async () => {
  t = await startTestApp();
  const ds = t.app.get(DataSource);
  const { planId, caseIds } = await approvedPlan(t, 'CCN-HT2', '2025-01-06');
  await settle(t, caseIds[0], '2025-02-03', await t.login('canbo.ttptqd'));
  // A second plan, posted (past its draft, not approved), and a third left a draft, on QL4B's households.
  const [{ id: ql4b }] = await ds.query(`SELECT id FROM projects WHERE code = 'QL4B'`);
  const [book] = await ds.query(`SELECT id FROM price_books WHERE code = 'MAU-CAOLOC-2024'`);
  const staff = await t.login('canbo.ttptqd');
  const cases: { id: string }[] = await ds.query(
    `SELECT c.id FROM cases c WHERE c.project_id = $1 AND c.state IN ('SURVEYED', 'ORIGIN_CONFIRMED')
       AND NOT EXISTS (SELECT 1 FROM plan_cases pc WHERE pc.case_id = c.id) ORDER BY c.id LIMIT 4`,
    [ql4b],
  );
  const plan = async (name: string, caseIds: string[]) => {
    const res = await t
      .http()
      .post(`/api/v1/projects/${ql4b}/plans`)
      .set('Authorization', staff)
      .send({ name, priceBookId: book.id, valuationDate: '2025-01-06', caseIds });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const postedPlan = await plan('Niêm yết', [cases[0].id, cases[1].id]);
  const draftPlan = await plan('Dự thảo', [cases[2].id, cases[3].id]);
  await ds.query(`UPDATE plans SET status = 'POSTED', posted_on = '2025-01-02' WHERE id = $1`, [postedPlan]);
  // The approval's decisions are rendered by the worker.
  let rendered: { id: string }[] = [];
  for (let i = 0; i < 200 && rendered.length === 0; i++) {
    rendered = await ds.query(`SELECT id FROM documents WHERE plan_id = $1 AND status = 'rendered' LIMIT 1`, [planId]);
    if (rendered.length === 0) await new Promise((r) => setTimeout(r, 100));
  }
  const [signed] = await ds.query(
    `SELECT i.id FROM inventories i JOIN plan_cases pc ON pc.case_id = i.case_id WHERE pc.plan_id = $1 AND i.status = 'signed' LIMIT 1`,
    [planId],
  );
  const [payment] = await ds.query(`SELECT id FROM payments LIMIT 1`);
  const [number] = await ds.query(`SELECT id FROM issued_numbers LIMIT 1`);
  ids = {
    approvedPlan: planId,
    postedPlan,
    draftPlan,
    signedInventory: signed.id,
    payment: payment.id,
    number: number.id,
    renderedDocument: rendered[0].id,
  };
  app = new pg.Client({ connectionString: t.databaseUrl });
  owner = new pg.Client({ connectionString: urlFor(t.databaseName, 'owner') });
  await app.connect();
  await owner.connect();
});

afterAll(async () => {
  await app?.end();
  await owner?.end();
  await t.close();
});

/** A table's whole content, to prove a refused statement changed nothing. */
const contentOf = async (table: string) =>
  (await owner.query(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${table} x`))
    .rows[0].h as string;

const refusal = async (client: pg.Client, sql: string, params: unknown[]) => {
  try {
    await client.query(sql, params);
  } catch (err) {
    return { code: (err as { code?: string }).code, message: (err as Error).message };
  }
  return null;
};

describe('the database refuses to rewrite history', () => {
  const cases: [string, string, string, (i: typeof ids) => unknown[]][] = [
    ['audit_entries', 'an audit row changed', `UPDATE audit_entries SET actor_username = 'ke-gian'`, () => []],
    ['audit_entries', 'an audit row removed', `DELETE FROM audit_entries`, () => []],
    ['audit_entries', 'the audit trail truncated', `TRUNCATE audit_entries`, () => []],
    ['payments', 'the payments truncated', `TRUNCATE payments`, () => []],
    [
      'inventories',
      'a signed inventory changed',
      `UPDATE inventories SET note = 'sửa' WHERE id = $1`,
      (i) => [i.signedInventory],
    ],
    [
      'inventories',
      'a signed inventory reopened',
      `UPDATE inventories SET status = 'draft' WHERE id = $1`,
      (i) => [i.signedInventory],
    ],
    ['inventories', 'a signed inventory removed', `DELETE FROM inventories WHERE id = $1`, (i) => [i.signedInventory]],
    [
      'inventory_items',
      "a signed inventory's item changed",
      `UPDATE inventory_items SET quantity = quantity + 15 WHERE inventory_id = $1`,
      (i) => [i.signedInventory],
    ],
    [
      'inventory_items',
      "a signed inventory's item removed",
      `DELETE FROM inventory_items WHERE inventory_id = $1`,
      (i) => [i.signedInventory],
    ],
    [
      'inventory_items',
      'an item added to a signed inventory',
      `INSERT INTO inventory_items (inventory_id, position, kind, item_code, description, quantity, unit) VALUES ($1, 99, 'tree', 'BACH-DAN', 'Bạch đàn', 25, 'cay')`,
      (i) => [i.signedInventory],
    ],
    ['plans', "an approved plan's net", `UPDATE plans SET net = net + 1000000 WHERE id = $1`, (i) => [i.approvedPlan]],
    [
      'plans',
      'an approved plan taken back to draft',
      `UPDATE plans SET status = 'DRAFT' WHERE id = $1`,
      (i) => [i.approvedPlan],
    ],
    [
      'plans',
      "an approved plan's approval date",
      `UPDATE plans SET approved_on = approved_on - 30 WHERE id = $1`,
      (i) => [i.approvedPlan],
    ],
    ['plans', 'an approved plan removed', `DELETE FROM plans WHERE id = $1`, (i) => [i.approvedPlan]],
    [
      'plans',
      "a posted plan's money",
      `UPDATE plans SET gross = gross * 2, net = net * 2 WHERE id = $1`,
      (i) => [i.postedPlan],
    ],
    [
      'plans',
      "a posted plan's price book date",
      `UPDATE plans SET valuation_date = '2025-06-01' WHERE id = $1`,
      (i) => [i.postedPlan],
    ],
    ['plans', 'a posted plan removed', `DELETE FROM plans WHERE id = $1`, (i) => [i.postedPlan]],
    [
      'plan_lines',
      "an approved plan's line",
      `UPDATE plan_lines SET amount = amount * 2 WHERE plan_id = $1`,
      (i) => [i.approvedPlan],
    ],
    [
      'plan_lines',
      "an approved plan's lines removed",
      `DELETE FROM plan_lines WHERE plan_id = $1`,
      (i) => [i.approvedPlan],
    ],
    [
      'plan_lines',
      'a line added to an approved plan',
      `INSERT INTO plan_lines (plan_id, case_id, seq, category, item_code, description, quantity, unit, unit_price, amount, status)
       SELECT plan_id, case_id, 999, category, item_code, description, quantity, unit, unit_price, amount, status FROM plan_lines WHERE plan_id = $1 LIMIT 1`,
      (i) => [i.approvedPlan],
    ],
    [
      'plan_lines',
      "a posted plan's line",
      `UPDATE plan_lines SET unit_price = unit_price + 1 WHERE plan_id = $1`,
      (i) => [i.postedPlan],
    ],
    [
      'plan_cases',
      "a household's approved net",
      `UPDATE plan_cases SET net = net + 1 WHERE plan_id = $1`,
      (i) => [i.approvedPlan],
    ],
    [
      'plan_cases',
      "a household's recovery decision number",
      `UPDATE plan_cases SET recovery_number = '1/QĐ-GIA' WHERE plan_id = $1`,
      (i) => [i.approvedPlan],
    ],
    [
      'plan_cases',
      'a household removed from an approved plan',
      `DELETE FROM plan_cases WHERE plan_id = $1`,
      (i) => [i.approvedPlan],
    ],
    [
      'plan_cases',
      "a posted plan's household net",
      `UPDATE plan_cases SET net = 0 WHERE plan_id = $1`,
      (i) => [i.postedPlan],
    ],
    ['payments', 'a payment changed', `UPDATE payments SET amount = amount + 1 WHERE id = $1`, (i) => [i.payment]],
    ['payments', 'a payment removed', `DELETE FROM payments WHERE id = $1`, (i) => [i.payment]],
    [
      'issued_numbers',
      'an issued number changed',
      `UPDATE issued_numbers SET formatted = '999/QĐ-UBND' WHERE id = $1`,
      (i) => [i.number],
    ],
    ['issued_numbers', 'an issued number removed', `DELETE FROM issued_numbers WHERE id = $1`, (i) => [i.number]],
    [
      'documents',
      "a rendered document's fingerprint",
      `UPDATE documents SET sha256 = repeat('0', 64) WHERE id = $1`,
      (i) => [i.renderedDocument],
    ],
    [
      'documents',
      "a rendered document's number",
      `UPDATE documents SET number = '1/QĐ-GIA' WHERE id = $1`,
      (i) => [i.renderedDocument],
    ],
    [
      'documents',
      'a rendered document made pending again',
      `UPDATE documents SET status = 'pending' WHERE id = $1`,
      (i) => [i.renderedDocument],
    ],
    ['documents', 'a rendered document removed', `DELETE FROM documents WHERE id = $1`, (i) => [i.renderedDocument]],
  ];

  it.each(cases)('%s: %s — refused to the application and to the owner', async (table, _what, sql, params) => {
    const before = await contentOf(table);
    const asApp = await refusal(app, sql, params(ids));
    expect(asApp).not.toBeNull();
    // The application's role: no right to UPDATE/DELETE an append-only table at all, else the trigger (GP409).
    expect(['42501', 'GP409']).toContain(asApp!.code);
    const asOwner = await refusal(owner, sql, params(ids));
    expect(asOwner).not.toBeNull();
    expect(asOwner!.message).toMatch(/refused|append-only/);
    expect(await contentOf(table)).toBe(before);
  });

  it('is not undone by the application: no disabling triggers, no replica mode, no DDL, no TRUNCATE', async () => {
    for (const sql of [
      `SET session_replication_role = replica`,
      `ALTER TABLE payments DISABLE TRIGGER ALL`,
      `DROP TRIGGER plans_protect ON plans`,
      `DROP FUNCTION gpmb_plans_protect() CASCADE`,
      `CREATE TABLE shadow (id int)`,
      `CREATE OR REPLACE FUNCTION gpmb_changed(o jsonb, n jsonb) RETURNS text[] LANGUAGE sql AS $$ SELECT '{}'::text[] $$`,
      `TRUNCATE plans CASCADE`,
      `ALTER ROLE CURRENT_USER SUPERUSER`,
      `DELETE FROM migrations`,
    ]) {
      const r = await refusal(app, sql, []);
      expect({ sql, refused: r?.code }).toEqual({ sql, refused: '42501' });
    }
    const [role] = (
      await app.query(
        `SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user`,
      )
    ).rows;
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false });
  });

  it('still lets the procedure move: a posted plan hears opinions, a draft is recomputed, a pending document renders', async () => {
    const ok = async (sql: string, params: unknown[]) => expect(await refusal(app, sql, params)).toBeNull();
    await app.query('BEGIN');
    try {
      await ok(`UPDATE plan_cases SET opinion = 'disagree', opinion_note = 'Giá thấp' WHERE plan_id = $1`, [
        ids.postedPlan,
      ]);
      await ok(`UPDATE plans SET status = 'POSTING_CLOSED' WHERE id = $1`, [ids.postedPlan]);
      await ok(`UPDATE plan_lines SET unit_price = unit_price + 1 WHERE plan_id = $1`, [ids.draftPlan]);
      await ok(`DELETE FROM plan_lines WHERE plan_id = $1`, [ids.draftPlan]);
      await ok(`UPDATE plans SET net = 0, findings = '[]' WHERE id = $1`, [ids.draftPlan]);
      // A document issued and not yet rendered: the worker completes it.
      const [{ id: doc }] = (
        await app.query(
          `INSERT INTO documents (type, entity_type, entity_id, plan_id, number, issued_on, record_version, status, file_name, facts)
           SELECT type, entity_type, entity_id, plan_id, '999/QĐ-THU', issued_on, record_version, 'pending', file_name, facts
           FROM documents WHERE id = $1 RETURNING id`,
          [ids.renderedDocument],
        )
      ).rows;
      await ok(
        `UPDATE documents SET status = 'rendered', storage_key = 'x', sha256 = repeat('1', 64), page_count = 2, rendered_at = now() WHERE id = $1`,
        [doc],
      );
    } finally {
      await app.query('ROLLBACK');
    }
  });

  it('answers a refused write with 409 RECORD.PROTECTED naming the table, should a service ever attempt one', async () => {
    // The services refuse first with their own codes; this is the database's last word, mapped by the error filter.
    const ds = t.app.get(DataSource);
    const { ErrorFilter } = await import('../../src/core/errors/error.filter.js');
    let error: unknown;
    try {
      await ds.query(`UPDATE plans SET net = net + 1 WHERE id = $1`, [ids.approvedPlan]);
    } catch (err) {
      error = err;
    }
    expect(error).toBeDefined();
    const sent: { status?: number; body?: { code: string; details: unknown } } = {};
    const res = {
      setHeader: () => undefined,
      status(s: number) {
        sent.status = s;
        return this;
      },
      json(b: { code: string; details: unknown }) {
        sent.body = b;
      },
    };
    new ErrorFilter(new AppLogger()).catch(error, { switchToHttp: () => ({ getResponse: () => res }) } as never);
    expect(sent.status).toBe(409);
    expect(sent.body).toMatchObject({ code: 'RECORD.PROTECTED', details: { table: 'plans' } });
  });
});

describe('the two database roles', () => {
  it('the application runs as a role with rows only; connected as the owner, production refuses to start', async () => {
    const db = await createDatabase();
    try {
      const asOwner = testConfig({ DATABASE_URL: db.ownerUrl, NODE_ENV: 'production' });
      await expect(createApp(asOwner)).rejects.toThrow(StartupRefused);
      await expect(createApp(asOwner)).rejects.toThrow(/owns \d+ tables/);
    } finally {
      await db.drop();
    }
  });

  it('migrations need the owner: the application role alone is told to run them as DATABASE_OWNER_URL', async () => {
    const db = await createDatabase({ template: null });
    try {
      const appOnly = testConfig({ DATABASE_URL: db.url, DATABASE_OWNER_URL: '' });
      await expect(runMigrations(appOnly, new AppLogger())).rejects.toThrow(/DATABASE_OWNER_URL/);
      // As the owner, the schema is made and the application role granted what it needs (and no more).
      await runMigrations(testConfig({ DATABASE_URL: db.url, DATABASE_OWNER_URL: db.ownerUrl }), new AppLogger());
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      try {
        const rights = (
          await c.query(
            `SELECT has_table_privilege('plans', 'UPDATE') AS plans, has_table_privilege('payments', 'INSERT') AS pay,
                    has_table_privilege('payments', 'UPDATE') AS "payUpdate", has_table_privilege('migrations', 'INSERT') AS mig,
                    has_table_privilege('plans', 'TRUNCATE') AS trunc, has_schema_privilege('public', 'CREATE') AS ddl`,
          )
        ).rows[0];
        expect(rights).toEqual({ plans: true, pay: true, payUpdate: false, mig: false, trunc: false, ddl: false });
      } finally {
        await c.end();
      }
    } finally {
      await db.drop();
    }
  });
});
