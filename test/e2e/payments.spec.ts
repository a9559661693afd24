import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Decimal } from 'decimal.js';
import { DataSource } from 'typeorm';
import { documentText } from '../support/pdf.js';
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
  const plan = await t
    .http()
    .post(`/api/v1/projects/${project.id}/plans`)
    .set('Authorization', staff)
    .send({ name: 'Chi trả thử', priceBookId: book.id, valuationDate: '2024-06-01' });
  planId = plan.body.id;
  await ds.query(
    `UPDATE plans SET status = 'APPRAISED', findings = '[]', appraisal = '{"land":{},"crops":{},"structures":{}}' WHERE id = $1`,
    [planId],
  );
  const [{ version }] = await ds.query('SELECT version FROM plans WHERE id = $1', [planId]);
  const approve = await t
    .http()
    .post(`/api/v1/plans/${planId}/transitions`)
    .set('Authorization', await t.login('lanhdao.huyen'))
    .send({ action: 'approve', version, occurredOn: '2025-06-30' });
  expect(approve.status).toBe(201);
  const cases = (await t.http().get(`/api/v1/plans/${planId}/cases`).set('Authorization', staff)).body as {
    caseId: string;
    net: string;
  }[];
  caseIds = cases.map((c) => c.caseId);
  nets = new Map(cases.map((c) => [c.caseId, c.net]));
  // Payment happens at the time and place of a notice: the first six households are notified.
  for (const id of caseIds.slice(0, 6)) expect((await notify(id)).status).toBe(201);
});
afterAll(async () => {
  await t.close();
});

const notify = (caseId: string, body: Record<string, string> = {}) =>
  t
    .http()
    .post(`/api/v1/cases/${caseId}/payment-notices`)
    .set('Authorization', staff)
    .send({
      issuedOn: '2025-07-01',
      paymentOn: '2025-07-10',
      paymentTime: '08:00',
      place: 'Hội trường UBND xã Hợp Thành',
      handoverBy: '2025-07-25',
      ...body,
    });
const step = async (caseId: string, action: string, occurredOn: string, documentRef: string, as = staff) =>
  t
    .http()
    .post(`/api/v1/cases/${caseId}/transitions`)
    .set('Authorization', as)
    .send({ action, occurredOn, documentRef });
const caseState = async (caseId: string) =>
  (await t.http().get(`/api/v1/cases/${caseId}`).set('Authorization', staff)).body.state as string;

const pay = (caseId: string, key: string, body: Record<string, string>) =>
  t
    .http()
    .post(`/api/v1/cases/${caseId}/payments`)
    .set('Authorization', staff)
    .set('Idempotency-Key', key)
    .send({ method: 'cash', voucherNumber: 'PC-01', recipient: 'Chủ hộ', ...body });

describe('payment notice', () => {
  it("is the Center's numbered notice with the amount, time and place; no payment before it", async () => {
    const id = caseIds[6];
    const early = await pay(id, 'chi-tra-0007-a', { amount: '1000', paidOn: '2025-07-10' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('PAYMENT.NOT_NOTIFIED');
    expect((await notify(id, { paymentOn: '2025-06-30' })).body.code).toBe('PAYMENT.NOTICE_DATES');
    expect((await notify(id, { issuedOn: '2025-06-29', paymentOn: '2025-07-01' })).body.code).toBe(
      'PAYMENT.BEFORE_DECISION',
    );
    expect((await notify(id, { paymentTime: '8h' })).status).toBe(400);
    const res = await notify(id);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      number: expect.stringMatching(/^\d+\/TB-TTPTQĐ$/),
      paymentOn: '2025-07-10',
      paymentTime: '08:00',
      place: 'Hội trường UBND xã Hợp Thành',
    });
    expect(await caseState(id)).toBe('PAYMENT_NOTIFIED');
    const { formatDong, amountInWords } = await import('../../src/shared/vn-words.js');
    const { text } = await documentText(t, res.body.documentId, staff);
    expect(text).toContain('THÔNG BÁO');
    expect(text).toContain(`Số: ${res.body.number} Cao Lộc, ngày 01 tháng 7 năm 2025`);
    expect(text).toContain(`${formatDong(nets.get(id)!)} đồng (Bằng chữ: ${amountInWords(nets.get(id)!)})`);
    expect(text).toContain('Vào hồi 08 giờ 00, ngày 10/07/2025, tại Hội trường UBND xã Hợp Thành.');
    expect(text).toContain('bàn giao mặt bằng cho Trung tâm Phát triển quỹ đất trước ngày 25/07/2025');
    const listed = await t.http().get(`/api/v1/cases/${id}/payments`).set('Authorization', staff);
    expect(listed.body.notices).toEqual([
      expect.objectContaining({ number: res.body.number, handoverBy: '2025-07-25' }),
    ]);
    // The form is told who issues the notice, to offer the Center's signers (issue 18 §12).
    expect(listed.body.noticeSigner).toEqual({
      agencyCode: 'TTPTQD-CL',
      agencyName: 'Trung tâm Phát triển quỹ đất huyện Cao Lộc',
    });
  });
});

describe('payments', () => {
  it('records a payment retried with the same key once', async () => {
    const id = caseIds[0];
    const first = await pay(id, 'chi-tra-0001-a', { amount: '1000000', paidOn: '2025-07-10' });
    const retry = await pay(id, 'chi-tra-0001-a', { amount: '1000000', paidOn: '2025-07-10' });
    expect(first.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const both = await Promise.all([
      pay(id, 'chi-tra-0001-b', { amount: '1000', paidOn: '2025-07-10' }),
      pay(id, 'chi-tra-0001-b', { amount: '1000', paidOn: '2025-07-10' }),
    ]);
    expect(both[0].body.id).toBe(both[1].body.id);
    const list = await t.http().get(`/api/v1/cases/${id}/payments`).set('Authorization', staff);
    expect(list.body.payments).toHaveLength(2);
    const mismatch = await pay(id, 'chi-tra-0001-a', { amount: '2000000', paidOn: '2025-07-10' });
    expect(mismatch.body.code).toBe('PAYMENT.IDEMPOTENCY_MISMATCH');
    expect(
      (
        await t
          .http()
          .post(`/api/v1/cases/${id}/payments`)
          .set('Authorization', staff)
          .send({ method: 'cash', amount: '1', paidOn: '2025-07-10', voucherNumber: 'x', recipient: 'y' })
      ).body.code,
    ).toBe('PAYMENT.IDEMPOTENCY_KEY_REQUIRED');
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
    expect(state.body).toMatchObject({
      approved: String(net),
      paid: String(net),
      outstanding: '0',
      deadline: '2025-07-30',
    });
    expect(await caseState(id)).toBe('PAID');
  });

  it('computes the late-payment amount exactly for a payment on day 45', async () => {
    // Decision 30/06/2025 → deadline Wed 30/07/2025; paid 14/08/2025 (day 45): 15 days × 0.03 %/day.
    const id = caseIds[2];
    const res = await pay(id, 'chi-tra-0003-a', { amount: '1000000', paidOn: '2025-08-14' });
    expect(res.body).toMatchObject({
      principal: '1000000',
      lateDays: 15,
      lateAmount: '4500',
      lateBasis: [{ from: '2025-07-31', to: '2025-08-14', days: 15, percentPerDay: '0.03' }],
    });
    const onTime = await pay(id, 'chi-tra-0003-b', { amount: '1000', paidOn: '2025-07-30' });
    expect(onTime.body).toMatchObject({ lateDays: 0, lateAmount: '0' });
  });

  it('owes the late amount on top of the figure: paid with the rest or after it, reconciled, and only then settled (issue 18 §4)', async () => {
    // caseIds[2] so far: 1,000,000 paid on day 45 (4,500 late owed) and 1,000 on time.
    const id = caseIds[2];
    const net = BigInt(nets.get(id)!);
    const rest = net - 1_001_000n;
    // The rest of the figure on 29/08/2025 (30 days late): its own late amount is rest × 0.03 % × 30, owed at once.
    const lateOnRest = (rest * 3n * 30n + 5000n) / 10000n; // half up, whole đồng
    const owedNow = rest + 4500n + lateOnRest;
    const over = await pay(id, 'chi-tra-0005-x', { amount: String(owedNow + 1n), paidOn: '2025-08-29' });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({
      code: 'PAYMENT.OVERPAYMENT',
      details: { outstanding: String(owedNow), lateOutstanding: String(4500n + lateOnRest) },
    });
    expect(over.body.message).toContain('tiền chậm chi trả');
    // The figure first: the household is still owed its late amounts, so it is not settled.
    const principalOnly = await pay(id, 'chi-tra-0005-a', { amount: String(rest), paidOn: '2025-08-29' });
    expect(principalOnly.body).toMatchObject({ principal: String(rest), lateAmount: String(lateOnRest), lateDays: 30 });
    expect(await caseState(id)).not.toBe('PAID');
    const standing = (await t.http().get(`/api/v1/cases/${id}/payments`).set('Authorization', staff)).body;
    expect(standing).toMatchObject({
      outstanding: String(4500n + lateOnRest),
      lateAmount: String(4500n + lateOnRest),
      latePaid: '0',
      lateOutstanding: String(4500n + lateOnRest),
    });
    // Then the late amounts: accepted (no longer "vượt số còn phải chi (0 đồng)"), and the case is settled.
    const late = await pay(id, 'chi-tra-0005-b', { amount: String(4500n + lateOnRest), paidOn: '2025-09-02' });
    expect(late.status).toBe(201);
    expect(late.body).toMatchObject({ principal: '0', lateAmount: '0' });
    expect(await caseState(id)).toBe('PAID');
    const settled = (await t.http().get(`/api/v1/cases/${id}/payments`).set('Authorization', staff)).body;
    expect(settled).toMatchObject({
      outstanding: '0',
      lateOutstanding: '0',
      paid: String(owedNow + 1_001_000n),
    });
    expect((await pay(id, 'chi-tra-0005-c', { amount: '1', paidOn: '2025-09-03' })).body.code).toBe(
      'PAYMENT.OVERPAYMENT',
    );
    // The plan's reconciliation owes it nothing more and counts it settled; the progress date of "paid" agrees.
    const rec = (await t.http().get(`/api/v1/plans/${planId}/reconciliation`).set('Authorization', staff)).body;
    expect(BigInt(rec.lateAmount)).toBe(4500n + lateOnRest);
    expect(rec.latePaid).toBe(rec.lateAmount);
    const [{ paidOn }] = await t.app
      .get(DataSource)
      .query(`SELECT to_char(paid_on, 'YYYY-MM-DD') AS "paidOn" FROM cases WHERE id = $1`, [id]);
    expect(paidOn).toBe('2025-09-02');
  });

  it('deposits the money of a household that refuses to the Treasury, and reconciles the plan', async () => {
    const id = caseIds[3];
    const net = nets.get(id)!;
    const deposit = (key: string, amount: string) =>
      pay(id, key, {
        method: 'treasury_deposit',
        amount,
        paidOn: '2025-07-20',
        recipient: 'Kho bạc Nhà nước Lạng Sơn (tài khoản tạm giữ)',
      });
    expect((await deposit('chi-tra-0004-x', net)).body.code).toBe('PAYMENT.DEPOSIT_WITHOUT_REFUSAL');
    expect((await step(id, 'refuse_payment', '2025-07-10', '01/BB-KNT')).status).toBe(201);
    expect((await step(id, 'persuade_payment', '2025-07-12', '02/BB-VĐ')).status).toBe(201);
    expect((await deposit('chi-tra-0004-y', String(BigInt(net) - 1n))).body.code).toBe('PAYMENT.DEPOSIT_NOT_FULL');
    const dep = await deposit('chi-tra-0004-a', net);
    expect(dep.status).toBe(201);
    expect(await caseState(id)).toBe('DEPOSITED');
    const rec = await t.http().get(`/api/v1/plans/${planId}/reconciliation`).set('Authorization', staff);
    const approved = [...nets.values()].reduce((s, n) => s + BigInt(n), 0n);
    expect(rec.body.approved).toBe(String(approved));
    expect(rec.body.deposited).toBe(net);
    // Owed (approved figures and late amounts accrued) less received (payments and deposits).
    expect(BigInt(rec.body.outstanding)).toBe(
      approved + BigInt(rec.body.lateAmount) - BigInt(rec.body.paid) - BigInt(net),
    );
    expect(rec.body.casesFullySettled).toBe(3);
  });
});

describe('payment list', () => {
  it('lists every household of the plan with what was paid and deposited, as PDF and XLSX under one number', async () => {
    const res = await t
      .http()
      .post(`/api/v1/plans/${planId}/payment-lists`)
      .set('Authorization', staff)
      .send({ issuedOn: '2025-07-21' });
    expect(res.status).toBe(201);
    const [pdf, xlsx] = res.body as { documentId: string; type: string; number: string; fileName: string }[];
    expect(pdf).toMatchObject({ type: 'payment_list', number: expect.stringMatching(/^\d+\/DS-TTPTQĐ$/) });
    expect(xlsx).toMatchObject({
      type: 'payment_list_workbook',
      number: pdf.number,
      fileName: expect.stringMatching(/\.xlsx$/),
    });
    const rec = (await t.http().get(`/api/v1/plans/${planId}/reconciliation`).set('Authorization', staff)).body;
    const { formatDong } = await import('../../src/shared/vn-words.js');
    const { text, info } = await documentText(t, pdf.documentId, staff);
    expect(text).toContain('DANH SÁCH');
    expect(text).toContain(
      `Số tiền được duyệt: ${formatDong(rec.approved)} đồng; tiền chậm chi trả: ${formatDong(rec.lateAmount)} đồng; đã chi trả: ${formatDong(rec.paid)} đồng; đã gửi Kho bạc Nhà nước (tài khoản tạm giữ): ${formatDong(rec.deposited)} đồng; còn phải chi: ${formatDong(rec.outstanding)} đồng.`,
    );
    expect(text).toContain(`Số hộ: 60, trong đó đã nhận đủ tiền: ${rec.casesFullySettled} hộ.`);
    expect(text).toContain(
      `Tổng cộng ${formatDong(rec.approved)} ${formatDong(rec.lateAmount)} ${formatDong(rec.paid)} ${formatDong(rec.deposited)} ${formatDong(rec.outstanding)}`,
    );
    expect(info).toMatch(/Pages:\s+[2-9]/); // the list itself on landscape pages after the summary

    const { QueueService } = await import('../../src/core/queue/queue.service.js');
    await t.app.get(QueueService).waitFor('documents', `render.${xlsx.documentId}`, 60_000);
    const file = await t
      .http()
      .get(`/api/v1/documents/${xlsx.documentId}/file`)
      .set('Authorization', staff)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (d: Buffer) => chunks.push(d));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const { readWorkbook } = await import('../../src/core/excel/workbook.js');
    const [rows] = [...(await readWorkbook(file.body as Buffer)).values()];
    expect(rows[0]).toEqual([
      'STT',
      'Họ và tên',
      'Xã',
      'QĐ thu hồi đất',
      'Được duyệt (đồng)',
      'Chậm chi trả (đồng)',
      'Đã chi (đồng)',
      'Gửi Kho bạc (đồng)',
      'Còn phải chi (đồng)',
      'Ký nhận',
    ]);
    expect(rows).toHaveLength(62); // header, 60 households, total
    expect(rows[61].slice(1, 9).map((v) => (v === null ? '' : String(v)))).toEqual([
      'Tổng cộng',
      '',
      '',
      rec.approved,
      rec.lateAmount,
      rec.paid,
      rec.deposited,
      rec.outstanding,
    ]);
  });
});

describe('handover and progress', () => {
  it('adds up partial handovers, refuses more than recovered, and reports progress as of any date', async () => {
    const area = (ps: { recoveredArea: string }[]) => ps.reduce((s, p) => s.plus(p.recoveredArea), new Decimal(0));
    const parcelsOf = async (id: string) =>
      (await t.http().get(`/api/v1/cases/${id}/parcels`).set('Authorization', staff)).body as {
        id: string;
        recoveredArea: string;
      }[];
    const [c0, c1] = [caseIds[4], caseIds[5]];
    const hand = (id: string, on: string, parcels: { parcelId: string; area: string }[]) =>
      t.http().post(`/api/v1/cases/${id}/handover`).set('Authorization', staff).send({ handedOverOn: on, parcels });
    // The site is handed over once the household is paid (or its money deposited).
    const unpaid = await hand(caseIds[6], '2025-07-15', [{ parcelId: (await parcelsOf(caseIds[6]))[0].id, area: '1' }]);
    expect(unpaid.status).toBe(409);
    expect(unpaid.body.code).toBe('HANDOVER.NOT_SETTLED');
    for (const [i, id] of [c0, c1].entries())
      expect((await pay(id, `chi-tra-ban-giao-${i}`, { amount: nets.get(id)!, paidOn: '2025-07-10' })).status).toBe(
        201,
      );
    const p0 = await parcelsOf(c0);
    const first = p0[0];
    const half = new Decimal(first.recoveredArea).div(2).toDecimalPlaces(1, Decimal.ROUND_DOWN);
    const partial = await hand(c0, '2025-07-15', [{ parcelId: first.id, area: half.toFixed() }]);
    expect(partial.status).toBe(201);
    expect(await caseState(c0)).toBe('PAID');
    const rest = p0.map((p) => ({
      parcelId: p.id,
      area: p.id === first.id ? new Decimal(p.recoveredArea).minus(half).toFixed() : p.recoveredArea,
    }));
    const tooMuch = await hand(c0, '2025-07-15', [
      { parcelId: first.id, area: new Decimal(first.recoveredArea).minus(half).plus('0.1').toFixed() },
    ]);
    expect(tooMuch.body.code).toBe('HANDOVER.AREA_EXCEEDS_RECOVERED');
    const done = await hand(c0, '2025-07-15', rest);
    expect(done.body).toMatchObject({ complete: true });
    expect(await caseState(c0)).toBe('HANDED_OVER');
    // Each act has its minutes (BB of the Center): the second one states the whole area handed over.
    const minutes = [
      ...new Set((done.body.records as { minutesDocumentId: string }[]).map((r) => r.minutesDocumentId)),
    ];
    expect(minutes).toHaveLength(2);
    const { text } = await documentText(t, minutes[1], staff);
    expect(text).toContain('BIÊN BẢN');
    expect(text).toMatch(/Số: \d+\/BB-TTPTQĐ Cao Lộc, ngày 15 tháng 7 năm 2025/);
    const { formatArea } = await import('../../src/shared/vn-words.js');
    expect(text).toContain(
      `Tổng diện tích bàn giao lần này: ${formatArea(area(rest.map((r) => ({ recoveredArea: r.area }))).toFixed())} m²`,
    );
    expect(text).toContain(
      `Diện tích đã bàn giao đến nay: ${formatArea(area(p0).toFixed())} m² trên tổng diện tích thu hồi ${formatArea(area(p0).toFixed())} m²; đã bàn giao toàn bộ diện tích thu hồi.`,
    );
    expect(text).toContain('NGƯỜI BÀN GIAO');
    // Paid in full on 10/07, whole site handed over on 15/07 (5 days): the sample book's bonus, 3 % of compensation
    // and support (deductions and rounding excluded), between 1 and 30 million đồng.
    const lines = (
      await t.http().get(`/api/v1/plans/${planId}/lines?caseId=${c0}&pageSize=1000`).set('Authorization', staff)
    ).body.items as { category: string; amount: string }[];
    const compensation = lines
      .filter((l) => !['deduction', 'rounding'].includes(l.category))
      .reduce((s, l) => s.plus(l.amount), new Decimal(0));
    const expected = Decimal.min(
      Decimal.max(compensation.times(3).div(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP), 1000000),
      30000000,
    ).toFixed();
    expect(done.body.earlyHandoverBonus).toMatchObject({ eligible: true, amount: expected, days: 5 });
    const early = await hand(c1, '2025-06-01', [{ parcelId: (await parcelsOf(c1))[0].id, area: '1' }]);
    expect(early.body.code).toBe('HANDOVER.BEFORE_DECISION');
    const p1 = await parcelsOf(c1);
    expect(
      (
        await hand(
          c1,
          '2025-07-20',
          p1.map((p) => ({ parcelId: p.id, area: p.recoveredArea })),
        )
      ).status,
    ).toBe(201);

    // c1 paid on 10/07 and handed over on 20/07: the 10th day still counts.
    const bonuses = (await t.http().get(`/api/v1/plans/${planId}/early-handover-bonuses`).set('Authorization', staff))
      .body;
    expect(
      bonuses.lines
        .map((l: { caseId: string; days: number; eligible: boolean }) => [l.caseId, l.days, l.eligible])
        .sort(),
    ).toEqual(
      [
        [c0, 5, true],
        [c1, 10, true],
      ].sort(),
    );
    expect(bonuses.total).toBe(
      bonuses.lines.reduce((s: Decimal, l: { amount: string }) => s.plus(l.amount), new Decimal(0)).toFixed(),
    );
    const [project] = await t.app
      .get(DataSource)
      .query(
        `SELECT id, (SELECT sum(recovered_area)::text FROM parcels WHERE project_id = p.id) AS total FROM projects p WHERE code = 'CCN-HT1'`,
      );
    const progress = async (asOf: string) =>
      (
        await t
          .http()
          .get(`/api/v1/projects/${project.id}/progress?asOf=${asOf}`)
          .set('Authorization', await t.login('lanhdao.huyen'))
      ).body;
    const july16 = await progress('2025-07-16');
    expect(july16.handedOver).toBe(area(p0).toFixed());
    expect(july16.handedOverPercent).toBe(area(p0).div(project.total).times(100).toFixed(2));
    expect(july16.households).toMatchObject({ planApproved: 60, handedOver: 1 });
    const july31 = await progress('2025-07-31');
    expect(july31.handedOver).toBe(area(p0).plus(area(p1)).toFixed());
    expect(july31.households.handedOver).toBe(2);
    expect(july31.milestones).toEqual([
      expect.objectContaining({ dueDate: '2024-12-31', targetPercent: '100', status: 'missed', actualPercent: '0.00' }),
    ]);
    expect(july31.criticalPath).toHaveLength(10);
    expect(july31.criticalPath.map((c: { caseId: string }) => c.caseId)).not.toContain(c0);
    const before = await progress('2025-07-01');
    expect(before.handedOver).toBe('0');
  });
});

describe('enforcement', () => {
  it('takes a refusing household from persuasion to the enforcement decision, on a date the calendar allows', async () => {
    // caseIds[3] had its money deposited (above); it refuses to hand over the site.
    const id = caseIds[3];
    const lead = await t.login('lanhdao.huyen');
    expect((await step(id, 'order_enforcement', '2025-08-01', '')).body.code).toBe('CASE.TRANSITION_NOT_ALLOWED');
    expect((await step(id, 'refuse_handover', '2025-08-01', '03/BB-KBG')).status).toBe(201);
    expect((await step(id, 'persuade_handover', '2025-08-05', '04/BB-VĐ')).status).toBe(201);
    expect((await step(id, 'order_enforcement', '2025-09-01', '')).status).toBe(403); // a Center officer cannot decide it
    // Nor the Center's lead: the enforcement decision is the Chairman's (LĐĐ 2013 Đ71 k3; issue 18 §9).
    const byCenterLead = await step(id, 'order_enforcement', '2025-09-01', '', await t.login('lanhdao.ttptqd'));
    expect([byCenterLead.status, byCenterLead.body.code]).toEqual([403, 'CASE.ROLE_NOT_ALLOWED']);
    const ordered = await step(id, 'order_enforcement', '2025-09-01', '', lead);
    expect(ordered.status).toBe(201);
    expect(ordered.body.state).toBe('ENFORCEMENT_ORDERED');
    const [decision] = (
      await t.http().get(`/api/v1/documents?entityType=case&entityId=${id}`).set('Authorization', staff)
    ).body.filter((d: { type: string }) => d.type === 'enforcement_decision');
    expect(decision.number).toMatch(/^\d+\/QĐ-UBND$/);
    const { text } = await documentText(t, decision.id, staff);
    expect(text).toContain('Về việc cưỡng chế thu hồi đất đối với');
    expect(text).toContain('Căn cứ biên bản vận động, thuyết phục ngày 05/08/2025');
    expect(text).toContain('CHỦ TỊCH');
    expect(text).not.toContain('TM. ỦY BAN NHÂN DÂN');

    const enforce = (enforcedOn: string, startTime: string) =>
      t
        .http()
        .post(`/api/v1/cases/${id}/enforcement`)
        .set('Authorization', lead)
        .send({ enforcedOn, startTime, minutesRef: '01/BB-BCC' });
    // Tết Bính Ngọ: break 14/02–22/02/2026, so no enforcement from 30/01 to 09/03/2026.
    const onTet = await enforce('2026-02-17', '08:00');
    expect(onTet.status).toBe(409);
    expect(onTet.body.code).toBe('ENFORCEMENT.DATE_FORBIDDEN');
    expect(onTet.body.details.refusals.map((r: { code: string }) => r.code)).toEqual(['ENFORCEMENT.HOLIDAY']);
    expect((await enforce('2026-03-05', '08:00')).body.details.refusals.map((r: { code: string }) => r.code)).toEqual([
      'ENFORCEMENT.NEAR_TET',
    ]);
    expect((await enforce('2026-03-10', '05:30')).body.details.refusals.map((r: { code: string }) => r.code)).toEqual([
      'ENFORCEMENT.NIGHT',
    ]);
    const check = await t
      .http()
      .get(`/api/v1/cases/${id}/enforcement/check?date=2026-03-05&time=08:00`)
      .set('Authorization', staff);
    expect(check.body).toMatchObject({ allowed: false, refusals: [{ code: 'ENFORCEMENT.NEAR_TET' }] });
    expect(check.body.refusals[0].message).toContain('không tổ chức cưỡng chế từ 30/01/2026 đến 09/03/2026');
    expect(await caseState(id)).toBe('ENFORCEMENT_ORDERED');
    const done = await enforce('2026-03-10', '07:30');
    expect(done.status).toBe(201);
    expect(await caseState(id)).toBe('ENFORCED');

    const parcels = (await t.http().get(`/api/v1/cases/${id}/parcels`).set('Authorization', staff)).body as {
      id: string;
      recoveredArea: string;
    }[];
    const handed = await t
      .http()
      .post(`/api/v1/cases/${id}/handover`)
      .set('Authorization', staff)
      .send({
        handedOverOn: '2026-03-10',
        enforced: true,
        parcels: parcels.map((p) => ({ parcelId: p.id, area: p.recoveredArea })),
      });
    expect(handed.body).toMatchObject({ complete: true });
    expect(await caseState(id)).toBe('HANDED_OVER');
    const minutes = await documentText(t, handed.body.records[0].minutesDocumentId, staff);
    expect(handed.body.earlyHandoverBonus).toBeNull();
    expect(minutes.text.replace(/\/ /g, '/')).toContain(
      `Căn cứ Quyết định cưỡng chế thu hồi đất số ${decision.number} ngày 01/09/2025.`,
    );
  });
});

describe("a plan's money is seen only within its project's scope", () => {
  it.each([['reconciliation'], ['early-handover-bonuses']])(
    "refuses GET /plans/:id/%s of CCN-HT1's approved plan to the expressway's investor, and answers the Center",
    async (route) => {
      const investor = await t.login('chudautu.bot');
      const refused = await t.http().get(`/api/v1/plans/${planId}/${route}`).set('Authorization', investor);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('AUTH.OUT_OF_SCOPE');
      expect(refused.body).not.toHaveProperty('approved');
      expect(refused.body).not.toHaveProperty('lines');
      const center = await t.http().get(`/api/v1/plans/${planId}/${route}`).set('Authorization', staff);
      expect(center.status).toBe(200);
    },
  );
});
