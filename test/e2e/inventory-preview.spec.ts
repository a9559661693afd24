import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { createCase } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let staff: string;
let caseId: string;

const ITEMS = [
  {
    kind: 'structure',
    itemCode: 'NHA-C4',
    description: 'Nhà cấp 4, tường gạch, mái tôn',
    quantity: '62.5',
    unit: 'm2',
    attributes: { grade: 'C4', yearBuilt: 2008, qualityPercent: 65 },
  },
  { kind: 'crop', itemCode: 'LUA', description: 'Lúa', quantity: '320', unit: 'm2' },
  // No remaining quality and no build year: a line without a basis, never a zero.
  { kind: 'structure', itemCode: 'GIENG-DAO', description: 'Giếng đào', quantity: '8', unit: 'm' },
];

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.login('canbo.ttptqd');
  const c = await createCase(t, 'QL4B', { communeName: 'Gia Cát' });
  caseId = c.id;
  await t
    .http()
    .post(`/api/v1/cases/${caseId}/transitions`)
    .set('Authorization', staff)
    .send({ action: 'deliver_notice', occurredOn: '2024-01-05', documentRef: '05/TB-UBND' });
  const p = await t.http().post(`/api/v1/cases/${caseId}/parcels`).set('Authorization', staff).send({
    mapSheet: '40',
    parcelNumber: '7',
    landTypeCode: 'ONT',
    position: 'VT1',
    measuredArea: '400',
    recoveredArea: '150',
  });
  expect(p.status).toBe(201);
});
afterAll(async () => {
  await t.close();
});

const preview = (body: Record<string, unknown>, as = staff, id = caseId) =>
  t.http().post(`/api/v1/cases/${id}/inventory-preview`).set('Authorization', as).send(body);

describe('kiểm đếm: the lines the items will price to, before signing', () => {
  it('gives the same lines and amounts the plan computes once the record is signed', async () => {
    const ds = t.app.get(DataSource);
    const [{ n: before }] = await ds.query('SELECT count(*)::int AS n FROM inventories');
    const res = await preview({ items: ITEMS, valuationDate: '2024-06-01' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      priceBookCode: 'MAU-CAOLOC-2024',
      priceBookIsSample: true,
      valuationDate: '2024-06-01',
    });
    // Nothing written.
    expect((await ds.query('SELECT count(*)::int AS n FROM inventories'))[0].n).toBe(before);

    const inv = await t
      .http()
      .post(`/api/v1/cases/${caseId}/inventories`)
      .set('Authorization', staff)
      .send({ surveyedOn: '2024-03-05', participants: [{ name: 'Đại diện hộ', role: 'Đại diện hộ' }], items: ITEMS });
    const signed = await t
      .http()
      .post(`/api/v1/inventories/${inv.body.id}/sign`)
      .set('Authorization', staff)
      .send({ version: inv.body.version });
    expect(signed.status).toBe(201);
    const [{ id: projectId }] = await ds.query(`SELECT project_id AS id FROM cases WHERE id = $1`, [caseId]);
    const [{ id: bookId }] = await ds.query(`SELECT id FROM price_books WHERE code = 'MAU-CAOLOC-2024'`);
    const plan = await t
      .http()
      .post(`/api/v1/projects/${projectId}/plans`)
      .set('Authorization', staff)
      .send({ name: 'Đối chiếu xem trước', priceBookId: bookId, valuationDate: '2024-06-01', caseIds: [caseId] });
    expect(plan.status).toBe(201);
    const lines = (
      await t
        .http()
        .get(`/api/v1/plans/${plan.body.id}/lines?caseId=${caseId}&pageSize=500`)
        .set('Authorization', staff)
    ).body.items as { sourceId: string | null; description: string; amount: string | null; unitPrice: string | null }[];
    const itemIds = (signed.body.items as { id: string }[]).map((i) => i.id);
    const fromItems = lines
      .filter((l) => l.sourceId && itemIds.includes(l.sourceId))
      .map((l) => ({ row: itemIds.indexOf(l.sourceId!) + 1, amount: l.amount, unitPrice: l.unitPrice }));
    expect(
      res.body.lines.map((l: { row: number; amount: string | null; unitPrice: string | null }) => ({
        row: l.row,
        amount: l.amount,
        unitPrice: l.unitPrice,
      })),
    ).toEqual(fromItems);
    expect(fromItems.length).toBeGreaterThanOrEqual(3);
  });

  it('says which item has no basis yet, and prices the rest', async () => {
    const res = await preview({ items: ITEMS, valuationDate: '2024-06-01' });
    const well = res.body.lines.filter((l: { row: number }) => l.row === 3);
    expect(well).toEqual([
      expect.objectContaining({ amount: null, missing: expect.stringContaining('Chất lượng còn lại') }),
    ]);
    expect(res.body.missingCount).toBe(1);
    const rice = res.body.lines.find((l: { row: number }) => l.row === 2);
    expect(rice).toMatchObject({ unitPrice: '9000', amount: '2880000' }); // 320 m² × 9.000 đ
  });

  it('uses the book in force today when no date is given; refuses what the role or scope may not see', async () => {
    const res = await preview({ items: ITEMS.slice(1, 2) });
    expect(res.status).toBe(201);
    expect(res.body.priceBookCode).toBe('MAU-CAOLOC-2024');
    const commune = await preview({ items: ITEMS }, await t.login('xa.hopthanh'));
    expect([403, 404]).toContain(commune.status);
    const investor = await preview({ items: ITEMS }, await t.login('chudautu.bot'));
    expect(investor.status).toBe(403);
    const bad = await preview({ items: [{ ...ITEMS[1], quantity: '1,5' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION.FAILED');
  });
});
