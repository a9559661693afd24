import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Decimal } from 'decimal.js';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let staff: string;
let planId: string;
let caseIds: string[];
let nets: Map<string, string>;

/** An approved plan (decision 30/06/2025) over CCN-HT1's surveyed cases: steps before approval are tested elsewhere. */
beforeAll(async () => {
  t = await startTestApp();
  staff = await t.login('canbo.ttptqd');
  const ds = t.app.get(DataSource);
  const [project] = await ds.query(`SELECT id FROM projects WHERE code = 'CCN-HT1'`);
  await ds.query(`UPDATE cases SET notice_delivered_on = '2023-01-02' WHERE project_id = $1`, [project.id]);
  const [book] = await ds.query(`SELECT id FROM price_books WHERE code = 'MAU-CAOLOC-2024'`);
  const plan = await t.http().post(`/api/v1/projects/${project.id}/plans`).set('Authorization', staff).send({ name: 'Chi trả thử', priceBookId: book.id, valuationDate: '2024-06-01' });
  planId = plan.body.id;
  await ds.query(`UPDATE plans SET status = 'APPRAISED', findings = '[]', appraisal = '{"land":{},"crops":{},"structures":{}}' WHERE id = $1`, [planId]);
  const [{ version }] = await ds.query('SELECT version FROM plans WHERE id = $1', [planId]);
  const approve = await t.http().post(`/api/v1/plans/${planId}/transitions`).set('Authorization', await t.login('lanhdao.huyen')).send({ action: 'approve', version, occurredOn: '2025-06-30' });
  expect(approve.status).toBe(201);
  const cases = (await t.http().get(`/api/v1/plans/${planId}/cases`).set('Authorization', staff)).body as { caseId: string; net: string }[];
  caseIds = cases.map((c) => c.caseId);
  nets = new Map(cases.map((c) => [c.caseId, c.net]));
});
afterAll(async () => {
  await t.close();
});

const pay = (caseId: string, key: string, body: Record<string, string>) =>
  t.http().post(`/api/v1/cases/${caseId}/payments`).set('Authorization', staff).set('Idempotency-Key', key).send({ method: 'cash', voucherNumber: 'PC-01', recipient: 'Chủ hộ', ...body });

describe('payments', () => {
  it('records a payment retried with the same key once', async () => {
    const id = caseIds[0];
    const first = await pay(id, 'chi-tra-0001-a', { amount: '1000000', paidOn: '2025-07-10' });
    const retry = await pay(id, 'chi-tra-0001-a', { amount: '1000000', paidOn: '2025-07-10' });
    expect(first.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const both = await Promise.all([pay(id, 'chi-tra-0001-b', { amount: '1000', paidOn: '2025-07-10' }), pay(id, 'chi-tra-0001-b', { amount: '1000', paidOn: '2025-07-10' })]);
    expect(both[0].body.id).toBe(both[1].body.id);
    const list = await t.http().get(`/api/v1/cases/${id}/payments`).set('Authorization', staff);
    expect(list.body.payments).toHaveLength(2);
    const mismatch = await pay(id, 'chi-tra-0001-a', { amount: '2000000', paidOn: '2025-07-10' });
    expect(mismatch.body.code).toBe('PAYMENT.IDEMPOTENCY_MISMATCH');
    expect((await t.http().post(`/api/v1/cases/${id}/payments`).set('Authorization', staff).send({ method: 'cash', amount: '1', paidOn: '2025-07-10', voucherNumber: 'x', recipient: 'y' })).body.code).toBe('PAYMENT.IDEMPOTENCY_KEY_REQUIRED');
  });

  it('adds up partial payments and refuses paying more than the approved net amount', async () => {
    const id = caseIds[1];
    const net = BigInt(nets.get(id)!);
    const half = net / 2n;
    expect((await pay(id, 'chi-tra-0002-a', { amount: String(half), paidOn: '2025-07-10' })).status).toBe(201);
    const over = await pay(id, 'chi-tra-0002-b', { amount: String(net - half + 1n), paidOn: '2025-07-11' });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'PAYMENT.OVERPAYMENT', details: { outstanding: String(net - half) } });
    expect((await pay(id, 'chi-tra-0002-c', { amount: String(net - half), paidOn: '2025-07-11' })).status).toBe(201);
    const state = await t.http().get(`/api/v1/cases/${id}/payments`).set('Authorization', staff);
    expect(state.body).toMatchObject({ approved: String(net), paid: String(net), outstanding: '0', deadline: '2025-07-30' });
  });

  it('computes the late-payment amount exactly for a payment on day 45', async () => {
    // Decision 30/06/2025 → deadline Wed 30/07/2025; paid 14/08/2025 (day 45): 15 days × 0.03 %/day.
    const id = caseIds[2];
    const res = await pay(id, 'chi-tra-0003-a', { amount: '1000000', paidOn: '2025-08-14' });
    expect(res.body).toMatchObject({ lateDays: 15, lateAmount: '4500', lateBasis: [{ from: '2025-07-31', to: '2025-08-14', days: 15, percentPerDay: '0.03' }] });
    const onTime = await pay(id, 'chi-tra-0003-b', { amount: '1000', paidOn: '2025-07-30' });
    expect(onTime.body).toMatchObject({ lateDays: 0, lateAmount: '0' });
  });

  it('deposits the money of a household that refuses to the Treasury, and reconciles the plan', async () => {
    const id = caseIds[3];
    const net = nets.get(id)!;
    const dep = await pay(id, 'chi-tra-0004-a', { method: 'treasury_deposit', amount: net, paidOn: '2025-07-20', recipient: 'Kho bạc Nhà nước Lạng Sơn (tài khoản tạm giữ)' });
    expect(dep.status).toBe(201);
    const rec = await t.http().get(`/api/v1/plans/${planId}/reconciliation`).set('Authorization', staff);
    const approved = [...nets.values()].reduce((s, n) => s + BigInt(n), 0n);
    expect(rec.body.approved).toBe(String(approved));
    expect(rec.body.deposited).toBe(net);
    expect(BigInt(rec.body.outstanding)).toBe(approved - BigInt(rec.body.paid) - BigInt(net));
    expect(rec.body.casesFullySettled).toBe(2);
  });
});

describe('handover and progress', () => {
  it('adds up partial handovers, refuses more than recovered, and reports progress as of any date', async () => {
    const parcelsOf = async (id: string) => (await t.http().get(`/api/v1/cases/${id}/parcels`).set('Authorization', staff)).body as { id: string; recoveredArea: string }[];
    const [c0, c1] = [caseIds[4], caseIds[5]];
    const p0 = await parcelsOf(c0);
    const first = p0[0];
    const half = new Decimal(first.recoveredArea).div(2).toDecimalPlaces(1, Decimal.ROUND_DOWN);
    const hand = (id: string, on: string, parcels: { parcelId: string; area: string }[]) =>
      t.http().post(`/api/v1/cases/${id}/handover`).set('Authorization', staff).send({ handedOverOn: on, parcels });
    expect((await hand(c0, '2025-07-15', [{ parcelId: first.id, area: half.toFixed() }])).status).toBe(201);
    const rest = p0.map((p) => ({ parcelId: p.id, area: p.id === first.id ? new Decimal(p.recoveredArea).minus(half).toFixed() : p.recoveredArea }));
    const tooMuch = await hand(c0, '2025-07-15', [{ parcelId: first.id, area: new Decimal(first.recoveredArea).minus(half).plus('0.1').toFixed() }]);
    expect(tooMuch.body.code).toBe('HANDOVER.AREA_EXCEEDS_RECOVERED');
    const done = await hand(c0, '2025-07-15', rest);
    expect(done.body).toMatchObject({ complete: true });
    const early = await hand(c1, '2025-06-01', [{ parcelId: (await parcelsOf(c1))[0].id, area: '1' }]);
    expect(early.body.code).toBe('HANDOVER.BEFORE_DECISION');
    const p1 = await parcelsOf(c1);
    expect((await hand(c1, '2025-07-20', p1.map((p) => ({ parcelId: p.id, area: p.recoveredArea })))).status).toBe(201);

    const [project] = await t.app.get(DataSource).query(`SELECT id, (SELECT sum(recovered_area)::text FROM parcels WHERE project_id = p.id) AS total FROM projects p WHERE code = 'CCN-HT1'`);
    const area = (ps: { recoveredArea: string }[]) => ps.reduce((s, p) => s.plus(p.recoveredArea), new Decimal(0));
    const progress = async (asOf: string) => (await t.http().get(`/api/v1/projects/${project.id}/progress?asOf=${asOf}`).set('Authorization', await t.login('lanhdao.huyen'))).body;
    const july16 = await progress('2025-07-16');
    expect(july16.handedOver).toBe(area(p0).toFixed());
    expect(july16.handedOverPercent).toBe(area(p0).div(project.total).times(100).toFixed(2));
    expect(july16.households).toMatchObject({ planApproved: 60, handedOver: 1 });
    const july31 = await progress('2025-07-31');
    expect(july31.handedOver).toBe(area(p0).plus(area(p1)).toFixed());
    expect(july31.households.handedOver).toBe(2);
    expect(july31.milestones).toEqual([expect.objectContaining({ dueDate: '2024-12-31', targetPercent: '100', status: 'missed', actualPercent: '0.00' })]);
    expect(july31.criticalPath).toHaveLength(10);
    expect(july31.criticalPath.map((c: { caseId: string }) => c.caseId)).not.toContain(c0);
    const before = await progress('2025-07-01');
    expect(before.handedOver).toBe('0');
  });
});
