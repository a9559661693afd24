import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Decimal } from 'decimal.js';
import { DataSource } from 'typeorm';
import { approvedPlan, settleAndHandOver } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let projectId: string;
let total: Decimal;
/** Area handed over per day, as the test recorded it. */
const handed: { on: string; caseId: string; area: Decimal }[] = [];

/**
 * The seeded expressway section (CT-HNCL, milestones 70 % by 30/06/2024 and 100 % by 31/12/2024): its plan approved
 * on 15/01/2024, then 50 households paid and handed over between February and June, 10 more in July.
 */
beforeAll(async () => {
  t = await startTestApp();
  const ds = t.app.get(DataSource);
  const plan = await approvedPlan(t, 'CT-HNCL', '2024-01-15');
  [{ id: projectId }] = await ds.query(`SELECT id FROM projects WHERE code = 'CT-HNCL'`);
  total = new Decimal(
    (await ds.query(`SELECT sum(recovered_area)::text AS s FROM parcels WHERE project_id = $1`, [projectId]))[0].s,
  );
  const area = async (caseId: string) =>
    new Decimal(
      (await ds.query(`SELECT sum(recovered_area)::text AS s FROM parcels WHERE case_id = $1`, [caseId]))[0].s,
    );
  const payable = plan.cases.filter((c) => BigInt(c.net) > 0n).slice(0, 60);
  for (const [i, c] of payable.entries()) {
    // Feb 1 + 3 days per household for the first 50 (last on 28/06/2024), then one a day from 2/7.
    const on =
      i < 50
        ? new Date(Date.UTC(2024, 1, 1 + 3 * i)).toISOString().slice(0, 10)
        : `2024-07-${String(i - 48).padStart(2, '0')}`;
    await settleAndHandOver(t, c, { notifiedOn: '2024-01-20', paidOn: '2024-01-30', handedOverOn: on });
    handed.push({ on, caseId: c.caseId, area: await area(c.caseId) });
  }
}, 180_000);
afterAll(async () => {
  await t.close();
});

const progress = async (asOf: string) =>
  (
    await t
      .http()
      .get(`/api/v1/projects/${projectId}/progress?asOf=${asOf}`)
      .set('Authorization', await t.login('lanhdao.huyen'))
  ).body;
const handedBy = (d: string) => handed.filter((h) => h.on <= d).reduce((s, h) => s.plus(h.area), new Decimal(0));
const pct = (a: Decimal) => a.div(total).times(100).toFixed(2);

describe('progress of the seeded expressway section', () => {
  it('as of 30/06/2024: the area handed over, from the handover records, against the 70 % milestone', async () => {
    const p = await progress('2024-06-30');
    expect(p.code).toBe('CT-HNCL');
    expect(p.handedOver).toBe(handedBy('2024-06-30').toFixed());
    expect(p.handedOverPercent).toBe(pct(handedBy('2024-06-30')));
    expect(p.households).toMatchObject({ total: 250, planApproved: 250, paid: 60, handedOver: 50 });
    // On its due date the 70 % milestone is judged by what was handed over that day: missed.
    expect(p.milestones[0]).toMatchObject({
      dueDate: '2024-06-30',
      targetPercent: '70',
      status: 'missed',
      actualPercent: pct(handedBy('2024-06-30')),
      forecastDate: null,
    });
    expect(p.milestones[1]).toMatchObject({ dueDate: '2024-12-31', targetPercent: '100', status: 'at_risk' });
    // The critical path starts with the largest area not yet handed over.
    const ds = t.app.get(DataSource);
    const [largest] = await ds.query(
      `SELECT c.id FROM cases c WHERE c.project_id = $1 AND NOT (c.id = ANY($2)) ORDER BY (SELECT sum(recovered_area) FROM parcels x WHERE x.case_id = c.id) DESC, c.id LIMIT 1`,
      [projectId, handed.filter((h) => h.on <= '2024-06-30').map((h) => h.caseId)],
    );
    expect(p.criticalPath[0].caseId).toBe(largest.id);
  });

  it('is history: a date before the first handover shows none, July adds its handovers', async () => {
    expect((await progress('2024-01-31')).handedOver).toBe('0');
    const july = await progress('2024-07-31');
    expect(july.handedOver).toBe(handedBy('2024-07-31').toFixed());
    expect(july.households.handedOver).toBe(60);
  });

  it('forecasts the next milestone from the last 30 days of handovers', async () => {
    // As of 15/06/2024 the 70 % target is ahead: at the rate of the last 30 days it is reached long after 30/06.
    const p = await progress('2024-06-15');
    const rate = handedBy('2024-06-15').minus(handedBy('2024-05-16')).div(30);
    const days = total.times(70).div(100).minus(handedBy('2024-06-15')).div(rate).ceil().toNumber();
    const forecast = new Date(Date.UTC(2024, 5, 15 + days)).toISOString().slice(0, 10);
    expect(p.milestones[0]).toMatchObject({ status: 'at_risk', forecastDate: forecast });
  });
});

describe('quarterly report', () => {
  const lead = () => t.login('lanhdao.ttptqd');
  const fileOf = async (id: string) => {
    const { QueueService } = await import('../../src/core/queue/queue.service.js');
    await t.app.get(QueueService).waitFor('documents', `render.${id}`, 60_000);
    return (
      await t
        .http()
        .get(`/api/v1/documents/${id}/file`)
        .set('Authorization', await lead())
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (d: Buffer) => chunks.push(d));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        })
    ).body as Buffer;
  };

  it('for the expressway in quarter II of 2024, sent on 18/06: figures as of that day, milestones, chart, XLSX', async () => {
    const res = await t
      .http()
      .post('/api/v1/reports/quarterly')
      .set('Authorization', await lead())
      .send({ year: 2024, quarter: 2, projectId, issuedOn: '2024-06-18' });
    expect(res.status).toBe(201);
    const [pdf, xlsx] = res.body as { documentId: string; number: string; type: string }[];
    expect(pdf.number).toMatch(/^\d+\/BC-TTPTQĐ$/);
    const { documentText } = await import('../support/pdf.js');
    const { formatArea } = await import('../../src/shared/vn-words.js');
    const { text } = await documentText(t, pdf.documentId, await lead());
    const asOf = handedBy('2024-06-18');
    const inQuarter = asOf.minus(handedBy('2024-03-31'));
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Kết quả thực hiện nhiệm vụ giải phóng mặt bằng quý II năm 2024');
    expect(text).toContain(
      `đã bàn giao đến ngày 18/06/2024: ${formatArea(asOf.toFixed())} m², đạt ${pct(asOf).replace('.', ',')} %; trong quý bàn giao ${formatArea(inQuarter.toFixed())} m²`,
    );
    expect(text).toMatch(
      /CT-HNCL, mốc 70 % đến ngày 30\/06\/2024: đạt [\d,]+ %, có nguy cơ không đạt \(dự kiến đạt ngày \d\d\/\d\d\/\d{4}\)/,
    );
    expect(text).toContain('Tỷ lệ diện tích đã bàn giao — CT-HNCL'); // the chart's title
    expect(text).toContain('70 % — 30/06/2024'); // a milestone on the chart
    const { readWorkbook } = await import('../../src/core/excel/workbook.js');
    const sheets = await readWorkbook(await fileOf(xlsx.documentId));
    const [header, row] = sheets.get('Theo dự án')!;
    expect(header[1]).toBe('Mã dự án');
    expect(row.slice(1, 5)).toEqual(['CT-HNCL', expect.any(String), Number(total.toFixed()), Number(asOf.toFixed())]);
    expect(row[7]).toBe(50 - handed.filter((h) => h.on > '2024-06-18' && h.on <= '2024-06-30').length);
    // By commune and by batch, households by stage from notice to handover, as the progress endpoint gives them.
    const api = await progress('2024-06-18');
    const stages = ['total', 'notified', 'inventoried', 'planApproved', 'paid', 'handedOver', 'enforced'];
    type Group = { households: Record<string, number>; area: string; handedOver: string; handedOverPercent: string };
    const line = (label: string, g: Group) => [
      'CT-HNCL',
      label,
      ...stages.map((k) => g.households[k]),
      Number(g.area),
      Number(g.handedOver),
      Number(g.handedOverPercent),
    ];
    const [communeHeader, ...communes] = sheets.get('Theo xã')!;
    expect(communeHeader.slice(0, 9)).toEqual([
      'Mã dự án',
      'Xã',
      'Tổng số hộ',
      'Đã nhận TB thu hồi',
      'Đã kiểm đếm',
      'Có PA được duyệt',
      'Đã nhận đủ tiền',
      'Đã bàn giao',
      'Bị cưỡng chế',
    ]);
    expect(communes).toEqual(api.byCommune.map((c: Group & { communeName: string }) => line(c.communeName, c)));
    expect(communes.reduce((n, r) => n + Number(r[2]), 0)).toBe(250);
    expect(communes.reduce((n, r) => n + Number(r[7]), 0)).toBe(row[7]);
    const [, ...batches] = sheets.get('Theo đợt')!;
    expect(batches).toEqual(
      api.byBatch.map((b: Group & { batch: string | null }) => line(b.batch ?? 'Chưa xếp đợt', b)),
    );
  });

  it('is on the deadlines list until it is sent, and covers every project when none is named', async () => {
    const deadlines = async () =>
      (
        await t
          .http()
          .get('/api/v1/deadlines')
          .set('Authorization', await lead())
      ).body.items as { kind: string; label: string; dueOn: string }[];
    const today = (
      await t
        .http()
        .get('/api/v1/deadlines')
        .set('Authorization', await lead())
    ).body.asOf as string;
    const { quarterOf, quarterlyReportDue, ROMAN } = await import('../../src/modules/reports/domain/quarter.js');
    const { year, quarter } = quarterOf(today);
    const label = `Báo cáo kết quả thực hiện nhiệm vụ GPMB quý ${ROMAN[quarter - 1]} năm ${year}`;
    expect(await deadlines()).toContainEqual(
      expect.objectContaining({ kind: 'quarterly_report', label, dueOn: quarterlyReportDue(year, quarter, 20) }),
    );
    const res = await t
      .http()
      .post('/api/v1/reports/quarterly')
      .set('Authorization', await lead())
      .send({ year, quarter });
    expect(res.status).toBe(201);
    expect((await deadlines()).map((d) => d.label)).not.toContain(label);
    const { documentText } = await import('../support/pdf.js');
    const { text } = await documentText(t, res.body[0].documentId, await lead());
    expect(text).toContain('các dự án trên địa bàn huyện');
    for (const code of ['CT-HNCL', 'QL4B', 'CCN-HT1', 'CCN-HT2', 'CAX-2024'])
      expect(text.replace(/-\s/g, '-')).toContain(`${code}: đã bàn giao`);
    expect(
      (
        await t
          .http()
          .post('/api/v1/reports/quarterly')
          .set('Authorization', await t.login('xa.hopthanh'))
          .send({ year, quarter })
      ).status,
    ).toBe(403);
  });
});
