import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Decimal } from 'decimal.js';
import { DataSource } from 'typeorm';
import { readWorkbook } from '../../src/core/excel/workbook.js';
import { testBook } from '../../src/modules/compensation/domain/test-book.js';
import { createCase, projectByCode } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let lead: string;
let staff: string;
let sampleBookId: string;
beforeAll(async () => {
  t = await startTestApp();
  lead = await t.login('lanhdao.ttptqd');
  staff = await t.login('canbo.ttptqd');
  const books = await t.http().get('/api/v1/price-books').set('Authorization', staff);
  sampleBookId = books.body.find((b: { code: string }) => b.code === 'MAU-CAOLOC-2024').id;
});
afterAll(async () => {
  await t.close();
});

const binary = (res: import('supertest').Test) =>
  res.buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (d: Buffer) => chunks.push(d));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  });

describe('price books', () => {
  const draft = (code: string, content: unknown) => ({
    code,
    name: 'Bảng giá thử',
    decisionNumber: '01/2024/QĐ-UBND',
    decisionDate: '2024-01-10',
    issuer: 'UBND tỉnh (thử)',
    effectiveFrom: '2024-01-10',
    content,
  });

  it('refuses to activate an incomplete book, listing every finding; activates a complete one and then freezes it', async () => {
    const incomplete = testBook();
    delete incomplete.policy.ricePricePerKg;
    incomplete.landPrices[0].basis = '';
    const created = await t
      .http()
      .post('/api/v1/price-books')
      .set('Authorization', lead)
      .send(draft('THU-01', incomplete));
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('draft');
    const refused = await t
      .http()
      .post(`/api/v1/price-books/${created.body.id}/activate`)
      .set('Authorization', lead)
      .send({ version: created.body.version });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('PRICE_BOOK.INVALID');
    expect(refused.body.details.problems.map((d: { code: string }) => d.code).sort()).toEqual([
      'PRICE_BOOK.BASIS_MISSING',
      'PRICE_BOOK.PARAMETER_MISSING',
    ]);

    const fixed = await t
      .http()
      .patch(`/api/v1/price-books/${created.body.id}`)
      .set('Authorization', lead)
      .send({ version: created.body.version, content: testBook() });
    const active = await t
      .http()
      .post(`/api/v1/price-books/${created.body.id}/activate`)
      .set('Authorization', lead)
      .send({ version: fixed.body.version });
    expect(active.status).toBe(201);
    expect(active.body.status).toBe('active');
    const frozen = await t
      .http()
      .patch(`/api/v1/price-books/${created.body.id}`)
      .set('Authorization', lead)
      .send({ version: active.body.version, name: 'sửa' });
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('PRICE_BOOK.FROZEN');
  });

  it('is edited by the Center lead or the land office only', async () => {
    const res = await t
      .http()
      .post('/api/v1/price-books')
      .set('Authorization', staff)
      .send(draft('THU-02', testBook()));
    expect(res.status).toBe(403);
  });
});

describe('draft plans', () => {
  let planId: string;

  it('prices every case of a commune line by line, with totals per case, category and commune that add up', async () => {
    const project = await projectByCode(t, 'CCN-HT1');
    const res = await t.http().post(`/api/v1/projects/${project.id}/plans`).set('Authorization', staff).send({
      name: 'Phương án thử CCN Hợp Thành 1',
      priceBookId: sampleBookId,
      valuationDate: '2024-06-01',
      communeId: project.communes[0].id,
    });
    expect(res.status).toBe(201);
    const plan = res.body;
    planId = plan.id;
    expect(plan).toMatchObject({ code: 'PA-01', status: 'DRAFT', priceBookIsSample: true, caseCount: 60 });
    const cases = (await t.http().get(`/api/v1/plans/${plan.id}/cases`).set('Authorization', staff)).body as {
      caseId: string;
      net: string;
    }[];
    const sumNet = cases.reduce((s, c) => s.plus(c.net), new Decimal(0));
    expect(sumNet.toFixed()).toBe(plan.net);
    expect(
      plan.totalsByCommune.reduce((s: Decimal, c: { net: string }) => s.plus(c.net), new Decimal(0)).toFixed(),
    ).toBe(plan.net);
    const byCategory = plan.totalsByCategory.reduce(
      (s: Decimal, c: { amount: string }) => s.plus(c.amount),
      new Decimal(0),
    );
    expect(byCategory.toFixed()).toBe(plan.net); // every line, deductions and rounding included, adds up to what is paid

    // One household: its lines add up to its net, each with quantity, unit price and basis.
    const one = cases[0];
    const lines = (
      await t.http().get(`/api/v1/plans/${plan.id}/lines?caseId=${one.caseId}`).set('Authorization', staff)
    ).body.items as { amount: string | null; basis: string; status: string }[];
    expect(lines.length).toBeGreaterThan(0);
    expect(
      lines
        .filter((l) => l.amount !== null)
        .reduce((s, l) => s.plus(l.amount!), new Decimal(0))
        .toFixed(),
    ).toBe(one.net);
    for (const l of lines.filter((x) => x.status === 'ok')) expect(l.basis).toContain('Số liệu mẫu');

    // Whole đồng wherever an amount is stored (issue 18 §2): lines, households, categories, the plan.
    const ds = t.app.get(DataSource);
    const [fractions] = await ds.query(
      `SELECT (SELECT count(*) FROM plan_lines WHERE plan_id = $1 AND amount <> trunc(amount))::int AS lines,
              (SELECT count(*) FROM plan_cases WHERE plan_id = $1 AND gross <> trunc(gross))::int AS cases,
              (SELECT count(*) FROM plans p, jsonb_each_text(p.category_totals) c
                WHERE p.id = $1 AND (p.gross <> trunc(p.gross) OR c.value::numeric <> trunc(c.value::numeric)))::int AS plan`,
      [plan.id],
    );
    expect(fractions).toEqual({ lines: 0, cases: 0, plan: 0 });
    expect(new Decimal(plan.gross).isInteger()).toBe(true);
  });

  it('refuses cases that are not surveyed or already in a plan', async () => {
    const project = await projectByCode(t, 'CCN-HT1');
    const fresh = await createCase(t, 'CCN-HT1');
    const cases = (await t.http().get(`/api/v1/plans/${planId}/cases`).set('Authorization', staff)).body;
    const res = await t
      .http()
      .post(`/api/v1/projects/${project.id}/plans`)
      .set('Authorization', staff)
      .send({
        name: 'Thử',
        priceBookId: sampleBookId,
        valuationDate: '2024-06-01',
        caseIds: [fresh.id, cases[0].caseId],
      });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('PLAN.CASES_NOT_PRICEABLE');
    expect(res.body.details.notPriceable.map((x: { caseId: string }) => x.caseId).sort()).toEqual(
      [fresh.id, cases[0].caseId].sort(),
    );
  });

  it('exports the plan for appraisers: a summary sheet and a block per household', async () => {
    const res = await binary(t.http().get(`/api/v1/plans/${planId}/export.xlsx`).set('Authorization', staff));
    expect(res.status).toBe(200);
    const sheets = await readWorkbook(res.body as Buffer);
    expect([...sheets.keys()]).toEqual(['Tổng hợp', 'Chi tiết từng hộ']);
    expect(String(sheets.get('Tổng hợp')![2][0])).toContain('SỐ LIỆU MẪU');
    // Dates as a Vietnamese reader writes them (issue 18 §13), never 2024-06-01.
    expect(String(sheets.get('Tổng hợp')![2][0])).toContain('ngày áp giá 01/06/2024');
    for (const row of sheets.get('Tổng hợp')!)
      for (const cell of row) expect(String(cell)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const detail = sheets.get('Chi tiết từng hộ')!;
    expect(detail[0]).toEqual([
      'Khoản mục',
      'Nội dung',
      'Khối lượng',
      'ĐVT',
      'Đơn giá (đồng)',
      'Thành tiền (đồng)',
      'Căn cứ',
    ]);
    expect(detail.filter((r) => r[1] === 'Cộng số tiền chi trả của hộ')).toHaveLength(60);
  });
});

describe('a household from inventory to plan: missing basis, recompute with a diff', () => {
  it('blocks the plan on a missing basis, and recomputes only what changed after a corrected inventory', async () => {
    const c = await createCase(t, 'QL4B', { communeName: 'Gia Cát' });
    await t
      .http()
      .post(`/api/v1/cases/${c.id}/transitions`)
      .set('Authorization', staff)
      .send({ action: 'deliver_notice', occurredOn: '2024-01-05', documentRef: '05/TB-UBND' });
    await t.http().post(`/api/v1/cases/${c.id}/parcels`).set('Authorization', staff).send({
      mapSheet: '5',
      parcelNumber: '77',
      landTypeCode: 'LUC',
      position: 'VT1',
      measuredArea: '2000',
      recoveredArea: '500',
    });
    const inv = await t
      .http()
      .post(`/api/v1/cases/${c.id}/inventories`)
      .set('Authorization', staff)
      .send({
        surveyedOn: '2024-02-20',
        participants: [{ name: 'Đại diện hộ', role: 'Đại diện hộ' }],
        items: [
          { kind: 'crop', itemCode: 'LUA', description: 'Lúa', quantity: '500', unit: 'm2' },
          {
            kind: 'structure',
            itemCode: 'NHA-LA',
            description: 'Nhà lá (không có trong bảng giá)',
            quantity: '20',
            unit: 'm2',
          },
        ],
      });
    await t
      .http()
      .post(`/api/v1/inventories/${inv.body.id}/sign`)
      .set('Authorization', staff)
      .send({ version: inv.body.version });
    const project = await projectByCode(t, 'QL4B');
    const created = await t
      .http()
      .post(`/api/v1/projects/${project.id}/plans`)
      .set('Authorization', staff)
      .send({ name: 'Một hộ', priceBookId: sampleBookId, valuationDate: '2024-06-01', caseIds: [c.id] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ caseCount: 1, missingBasisCount: 1, canLeaveDraft: false });
    expect(created.body.findings).toEqual([
      expect.objectContaining({ code: 'PLAN.MISSING_BASIS', severity: 'blocking', caseId: c.id }),
    ]);
    const missing = await t
      .http()
      .get(`/api/v1/plans/${created.body.id}/lines?status=missing_basis`)
      .set('Authorization', staff);
    expect(missing.body.items).toEqual([
      expect.objectContaining({ itemCode: 'NHA-LA', amount: null, missing: 'Đơn giá mã NHA-LA' }),
    ]);
    // 500 m² LUC VT1 × 75,000 + 500 m² rice × 9,000 = 42,000,000 đ (the unpriced house adds nothing, and is not a zero).
    expect(created.body.net).toBe('42000000');

    // The corrected inventory replaces the unpriced item; the relocation fact adds its support.
    const fix = await t
      .http()
      .post(`/api/v1/cases/${c.id}/inventories`)
      .set('Authorization', staff)
      .send({
        surveyedOn: '2024-03-01',
        participants: [{ name: 'Đại diện hộ', role: 'Đại diện hộ' }],
        items: [
          { kind: 'crop', itemCode: 'LUA', description: 'Lúa', quantity: '500', unit: 'm2' },
          { kind: 'structure', itemCode: 'NHA-C4', description: 'Nhà cấp 4', quantity: '20', unit: 'm2' },
        ],
      });
    await t
      .http()
      .post(`/api/v1/inventories/${fix.body.id}/sign`)
      .set('Authorization', staff)
      .send({ version: fix.body.version });
    const detail = await t.http().get(`/api/v1/cases/${c.id}`).set('Authorization', staff);
    await t
      .http()
      .patch(`/api/v1/cases/${c.id}/pricing-facts`)
      .set('Authorization', staff)
      .send({ version: detail.body.version, relocating: true });

    const again = await t
      .http()
      .post(`/api/v1/plans/${created.body.id}/recompute`)
      .set('Authorization', staff)
      .send({ version: created.body.version });
    expect(again.status).toBe(201);
    expect(again.body.plan).toMatchObject({ missingBasisCount: 0, canLeaveDraft: true, net: '112000000' }); // + 20 × 3,200,000 + 6,000,000
    expect(again.body.changes).toEqual([
      expect.objectContaining({
        caseId: c.id,
        netBefore: '42000000',
        netAfter: '112000000',
        removed: ['structure NHA-LA'],
        added: ['structure NHA-C4', 'support_relocation HT-DI-CHUYEN'],
        changed: [],
      }),
    ]);
    const stale = await t
      .http()
      .post(`/api/v1/plans/${created.body.id}/recompute`)
      .set('Authorization', staff)
      .send({ version: created.body.version });
    expect(stale.body.code).toBe('CONCURRENCY.STALE_VERSION');
  });
});

describe('a stale draft (issue 18 §1)', () => {
  it('knows its inputs changed after it was computed: blocking "tính lại", refused forward, recompute shows the diff', async () => {
    const c = await createCase(t, 'QL4B', { communeName: 'Gia Cát' });
    const ok = (res: { status: number; body: unknown }, status = 201) => {
      expect([res.status, res.body]).toEqual([status, expect.anything()]);
      return res.body as Record<string, unknown> & { id: string; version: number };
    };
    ok(
      await t
        .http()
        .post(`/api/v1/cases/${c.id}/transitions`)
        .set('Authorization', staff)
        .send({ action: 'deliver_notice', occurredOn: '2024-01-05', documentRef: '06/TB-UBND' }),
    );
    ok(
      await t.http().post(`/api/v1/cases/${c.id}/parcels`).set('Authorization', staff).send({
        mapSheet: '5',
        parcelNumber: '78',
        landTypeCode: 'LUC',
        position: 'VT1',
        measuredArea: '2000',
        recoveredArea: '500',
      }),
    );
    const survey = async (quantity: string, surveyedOn: string) => {
      const inv = ok(
        await t
          .http()
          .post(`/api/v1/cases/${c.id}/inventories`)
          .set('Authorization', staff)
          .send({
            surveyedOn,
            participants: [{ name: 'Đại diện hộ', role: 'Đại diện hộ' }],
            items: [{ kind: 'crop', itemCode: 'LUA', description: 'Lúa', quantity, unit: 'm2' }],
          }),
      );
      ok(
        await t
          .http()
          .post(`/api/v1/inventories/${inv.id}/sign`)
          .set('Authorization', staff)
          .send({ version: inv.version }),
      );
    };
    await survey('500', '2024-02-20');
    const project = await projectByCode(t, 'QL4B');
    const plan = ok(
      await t
        .http()
        .post(`/api/v1/projects/${project.id}/plans`)
        .set('Authorization', staff)
        .send({ name: 'Một hộ, số liệu đổi', priceBookId: sampleBookId, valuationDate: '2024-06-01', caseIds: [c.id] }),
    );
    // 500 m² LUC VT1 × 75,000 + 500 m² of rice × 9,000.
    expect(plan).toMatchObject({ net: '42000000', canLeaveDraft: true });
    const codes = (p: { findings: { code: string }[] }) => p.findings.map((f) => f.code);
    expect(codes(plan as never)).not.toContain('PLAN.INPUTS_CHANGED');

    // The inventory is corrected to 300 m² of rice and signed: the draft still says 42,000,000 but knows it is stale.
    await survey('300', '2024-03-01');
    const stale = ok(await t.http().get(`/api/v1/plans/${plan.id}`).set('Authorization', staff), 200);
    expect(stale).toMatchObject({ net: '42000000', canLeaveDraft: false });
    expect(stale.findings).toContainEqual(
      expect.objectContaining({
        code: 'PLAN.INPUTS_CHANGED',
        severity: 'blocking',
        details: { caseIds: [c.id], bookChanged: false },
      }),
    );
    const forward = await t
      .http()
      .post(`/api/v1/plans/${plan.id}/transitions`)
      .set('Authorization', staff)
      .send({ action: 'submit_review', version: stale.version, occurredOn: '2024-06-03' });
    expect([forward.status, forward.body.code]).toEqual([409, 'PLAN.BLOCKING_FINDINGS']);

    // Recompute: the difference for that household, and the draft may go forward again.
    const again = ok(
      await t
        .http()
        .post(`/api/v1/plans/${plan.id}/recompute`)
        .set('Authorization', staff)
        .send({ version: stale.version }),
    ) as unknown as { plan: { net: string; canLeaveDraft: boolean; version: number; findings: { code: string }[] } };
    expect(again.plan).toMatchObject({ net: '40200000', canLeaveDraft: true }); // 37,500,000 + 300 × 9,000
    expect((again as unknown as { changes: unknown[] }).changes).toEqual([
      expect.objectContaining({ caseId: c.id, netBefore: '42000000', netAfter: '40200000' }),
    ]);
    expect(codes(again.plan)).not.toContain('PLAN.INPUTS_CHANGED');

    // Other inputs count too: the pricing facts and the household's members.
    const detail = ok(await t.http().get(`/api/v1/cases/${c.id}`).set('Authorization', staff), 200);
    ok(
      await t
        .http()
        .patch(`/api/v1/cases/${c.id}/pricing-facts`)
        .set('Authorization', staff)
        .send({ version: detail.version, relocating: true }),
      200,
    );
    const factsChanged = ok(await t.http().get(`/api/v1/plans/${plan.id}`).set('Authorization', staff), 200);
    expect(codes(factsChanged as never)).toContain('PLAN.INPUTS_CHANGED');
    const recomputed = ok(
      await t
        .http()
        .post(`/api/v1/plans/${plan.id}/recompute`)
        .set('Authorization', staff)
        .send({ version: factsChanged.version }),
    ) as unknown as { plan: { version: number; findings: { code: string }[] } };
    expect(codes(recomputed.plan)).not.toContain('PLAN.INPUTS_CHANGED');
    const lu = (detail as unknown as { landUser: { id: string; version: number } }).landUser;
    ok(
      await t
        .http()
        .patch(`/api/v1/land-users/${lu.id}`)
        .set('Authorization', staff)
        .send({
          version: lu.version,
          members: [
            { fullName: 'Nguyễn Văn Một', birthYear: 1970, relation: 'Chủ hộ', livesOnLand: true, farmsLand: true },
            { fullName: 'Nguyễn Thị Hai', birthYear: 1972, relation: 'Vợ', livesOnLand: true, farmsLand: true },
          ],
        }),
      200,
    );
    const membersChanged = ok(await t.http().get(`/api/v1/plans/${plan.id}`).set('Authorization', staff), 200);
    expect(codes(membersChanged as never)).toContain('PLAN.INPUTS_CHANGED');
    const last = ok(
      await t
        .http()
        .post(`/api/v1/plans/${plan.id}/recompute`)
        .set('Authorization', staff)
        .send({ version: membersChanged.version }),
    ) as unknown as { plan: { version: number; canLeaveDraft: boolean } };
    expect(last.plan.canLeaveDraft).toBe(true);
    const submitted = await t
      .http()
      .post(`/api/v1/plans/${plan.id}/transitions`)
      .set('Authorization', staff)
      .send({ action: 'submit_review', version: last.plan.version, occurredOn: '2024-06-03' });
    expect(submitted.status).toBe(201);
  });
});
