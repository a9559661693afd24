import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { approvedPlan } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * An office of clerks at once (issue 14): more writers on one household than the app has connections. Every request
 * is answered — the one that may go through goes through, the others get a coded refusal — and the health check
 * answers within a second while the pool is full. On the code before the transaction scope, the first payment held
 * the case's row lock and asked the full pool for a second connection: the API froze.
 */
const POOL = 5;
const RACERS = 2 * POOL + 1;

let t: TestApp;
let staff: string;
let ds: DataSource;
let cases: { caseId: string; net: string }[];

beforeAll(async () => {
  t = await startTestApp({ env: { DB_POOL_SIZE: String(POOL), DB_POOL_WAIT_MS: '20000', DB_LOCK_TIMEOUT_MS: '4000' } });
  staff = await t.login('canbo.ttptqd');
  ds = t.app.get(DataSource);
  cases = (await approvedPlan(t, 'CCN-HT1', '2025-06-30')).cases;
});
afterAll(async () => {
  await t.close();
});

const health = async (): Promise<{
  ms: number;
  status: number;
  body: { database: { pool: { size: number; saturated: boolean; waiting: number } } };
}> => {
  const started = Date.now();
  const res = await t.http().get('/api/v1/health');
  return { ms: Date.now() - started, status: res.status, body: res.body };
};

describe('writers racing on one case', () => {
  it(`${RACERS} payments of the whole outstanding amount on one case with a pool of ${POOL}: one recorded, every other refused with a code`, async () => {
    const c = cases[0];
    const notice = await t.http().post(`/api/v1/cases/${c.caseId}/payment-notices`).set('Authorization', staff).send({
      issuedOn: '2025-07-01',
      paymentOn: '2025-07-10',
      paymentTime: '08:00',
      place: 'Trụ sở UBND xã',
      handoverBy: '2025-07-25',
    });
    expect(notice.status).toBe(201);
    const racers = Array.from({ length: RACERS }, (_, i) =>
      t
        .http()
        .post(`/api/v1/cases/${c.caseId}/payments`)
        .set('Authorization', staff)
        .set('Idempotency-Key', `race-${i}-${c.caseId}`)
        .send({ method: 'cash', amount: c.net, paidOn: '2025-07-10', voucherNumber: `PC-${i}`, recipient: 'Chủ hộ' }),
    );
    const results = await Promise.all(racers);
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(409);
      expect(r.body.code).toBe('PAYMENT.OVERPAYMENT');
    }
    const [{ n, total }] = await ds.query(
      'SELECT count(*)::int AS n, sum(amount)::text AS total FROM payments WHERE case_id = $1',
      [c.caseId],
    );
    expect({ n, total }).toEqual({ n: 1, total: c.net });
  });

  it(`${RACERS} signatures of one draft inventory: one signs, the others are told it changed`, async () => {
    // A surveyed household of a project without an approved plan: its correction can be signed.
    const [free] = await ds.query(
      `SELECT c.id FROM cases c JOIN projects p ON p.id = c.project_id
       WHERE p.code = 'QL4B' AND c.state = 'SURVEYED' AND NOT EXISTS (SELECT 1 FROM inventories i WHERE i.case_id = c.id AND i.status = 'draft') LIMIT 1`,
    );
    const fresh = await t
      .http()
      .post(`/api/v1/cases/${free.id}/inventories`)
      .set('Authorization', staff)
      .send({ surveyedOn: '2024-09-01', participants: [{ name: 'Đại diện hộ', role: 'Đại diện hộ' }], items: [] });
    expect(fresh.status).toBe(201);
    const results = await Promise.all(
      Array.from({ length: RACERS }, () =>
        t
          .http()
          .post(`/api/v1/inventories/${fresh.body.id}/sign`)
          .set('Authorization', staff)
          .send({ version: fresh.body.version }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(409);
      expect(['CONCURRENCY.STALE_VERSION', 'INVENTORY.SIGNED_IMMUTABLE']).toContain(r.body.code);
    }
    const [{ status }] = await ds.query('SELECT status FROM inventories WHERE id = $1', [fresh.body.id]);
    expect(status).toBe('signed');
  });
});

describe('bounded waits', () => {
  it('locks held elsewhere longer than lock_timeout: coded 503 "busy", nothing written; /health answers in under a second meanwhile and reports the full pool', async () => {
    // Writes to one record queue in the app before they take a connection: to fill the pool, one writer per case.
    const targets = cases.slice(1, POOL + 3).map((c) => c.caseId);
    const before = await ds.query('SELECT id, version, note FROM cases WHERE id = ANY($1) ORDER BY id', [targets]);
    // Another session (a long report, a stuck tool) holds the case rows.
    const holder = new pg.Client({ connectionString: t.databaseUrl });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT 1 FROM cases WHERE id = ANY($1) FOR UPDATE', [targets]);
    try {
      const started = Date.now();
      const writers = before.map((c: { id: string; version: number }, i: number) =>
        // then(): supertest sends a request only when it is awaited.
        t
          .http()
          .patch(`/api/v1/cases/${c.id}`)
          .set('Authorization', staff)
          .send({ version: c.version, note: `Ghi chú ${i}` })
          .then((r) => r),
      );
      // The writers have taken every connection and wait on the locks; health has its own.
      await new Promise((r) => setTimeout(r, 1500));
      // Several monitors asking at once share the probe's answer.
      for (const h of await Promise.all([health(), health(), health(), health()])) {
        expect(h.status).toBe(200);
        expect(h.ms).toBeLessThan(1000);
        expect(h.body.database).toMatchObject({ up: true, pool: { size: POOL, saturated: true } });
      }
      const results = await Promise.all(writers);
      expect(Date.now() - started).toBeLessThan(60_000);
      for (const r of results) {
        expect(r.status).toBe(503);
        expect(r.body).toMatchObject({ code: 'SYSTEM.BUSY', message: expect.stringContaining('Hệ thống đang bận') });
        expect(r.headers['retry-after']).toBeDefined();
      }
      expect(results.map((r) => r.body.details.reason)).toContain('lock_timeout');
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    expect(await ds.query('SELECT id, version, note FROM cases WHERE id = ANY($1) ORDER BY id', [targets])).toEqual(
      before,
    );
  });
});
