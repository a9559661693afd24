import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { DataSource } from 'typeorm';
import { QueueService } from '../../src/core/queue/queue.service.js';
import { createCase, projectByCode } from '../support/factories.js';
import { numbersNotWrittenTheVietnameseWay } from '../support/pdf.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
const as: Record<string, string> = {};
let bookId: string;
let projectId: string;

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['canbo.ttptqd', 'lanhdao.ttptqd', 'phong.tnmt', 'phong.nnptnt', 'phong.ktht', 'lanhdao.huyen'])
    as[u] = await t.login(u);
  bookId = (await t.http().get('/api/v1/price-books').set('Authorization', as['canbo.ttptqd'])).body.find(
    (b: { code: string }) => b.code === 'MAU-CAOLOC-2024',
  ).id;
  projectId = (await projectByCode(t, 'QL4B')).id;
});
afterAll(async () => {
  await t.close();
});

/** A surveyed household: notice delivered, one parcel, a signed inventory. */
async function surveyedCase(noticeOn: string, parcel: Record<string, string>) {
  const staff = as['canbo.ttptqd'];
  const c = await createCase(t, 'QL4B', { communeName: 'Gia Cát' });
  await t
    .http()
    .post(`/api/v1/cases/${c.id}/transitions`)
    .set('Authorization', staff)
    .send({ action: 'deliver_notice', occurredOn: noticeOn, documentRef: '05/TB-UBND' });
  const p = await t
    .http()
    .post(`/api/v1/cases/${c.id}/parcels`)
    .set('Authorization', staff)
    .send({ mapSheet: '30', position: 'VT1', ...parcel });
  expect(p.status).toBe(201);
  const inv = await t
    .http()
    .post(`/api/v1/cases/${c.id}/inventories`)
    .set('Authorization', staff)
    .send({
      surveyedOn: '2024-03-05',
      participants: [{ name: 'Đại diện hộ', role: 'Đại diện hộ' }],
      items: [{ kind: 'crop', itemCode: 'LUA', description: 'Lúa', quantity: '100', unit: 'm2' }],
    });
  const signed = await t
    .http()
    .post(`/api/v1/inventories/${inv.body.id}/sign`)
    .set('Authorization', staff)
    .send({ version: inv.body.version });
  expect(signed.status).toBe(201);
  return { id: c.id, parcelId: p.body.id as string, parcelVersion: p.body.version as number };
}

describe('a plan through every step of 1019/2258', () => {
  let plan: { id: string; version: number; code: string };
  let a: Awaited<ReturnType<typeof surveyedCase>>;
  let b: Awaited<ReturnType<typeof surveyedCase>>;
  const step = async (user: string, body: Record<string, unknown>) => {
    const res = await t
      .http()
      .post(`/api/v1/plans/${plan.id}/transitions`)
      .set('Authorization', as[user])
      .send({ version: plan.version, ...body });
    if (res.status === 201) plan.version = res.body.planVersion;
    return res;
  };
  const state = async () =>
    (await t.http().get(`/api/v1/plans/${plan.id}`).set('Authorization', as['canbo.ttptqd'])).body;

  beforeAll(async () => {
    a = await surveyedCase('2024-01-05', {
      parcelNumber: '1',
      landTypeCode: 'LUC',
      measuredArea: '1000',
      recoveredArea: '500',
    });
    // Residential land: the 180-day period applies (notice 01/03/2024 → earliest decision 28/08/2024).
    b = await surveyedCase('2024-03-01', {
      parcelNumber: '2',
      landTypeCode: 'ONT',
      measuredArea: '300',
      recoveredArea: '50',
    });
    const created = await t
      .http()
      .post(`/api/v1/projects/${projectId}/plans`)
      .set('Authorization', as['canbo.ttptqd'])
      .send({
        name: 'Phương án thử quy trình',
        priceBookId: bookId,
        valuationDate: '2024-06-01',
        caseIds: [a.id, b.id],
      });
    expect(created.status).toBe(201);
    plan = { id: created.body.id, version: created.body.version, code: created.body.code };
  });

  it('posts, refuses to close posting on day 19, closes on day 20', async () => {
    const next = async (user: string) =>
      (await t.http().get(`/api/v1/plans/${plan.id}/next-steps`).set('Authorization', as[user])).body as {
        action: string;
        mine: boolean;
        earliestOn: string | null;
        blockedBy: string | null;
        requiredFields: string[];
      }[];
    expect((await next('canbo.ttptqd')).map((x) => x.action)).toEqual(['submit_review']);
    expect((await step('canbo.ttptqd', { action: 'submit_review', occurredOn: '2024-06-01' })).status).toBe(201);
    // The screens are told who posts, and that posting names its places.
    expect((await next('canbo.ttptqd')).find((x) => x.action === 'post')).toMatchObject({
      mine: false,
      earliestOn: '2024-06-01',
      requiredFields: ['places'],
    });
    expect((await next('lanhdao.ttptqd')).find((x) => x.action === 'post')?.mine).toBe(true);
    const wrongRole = await step('canbo.ttptqd', {
      action: 'post',
      occurredOn: '2024-06-03',
      places: ['Trụ sở UBND xã Gia Cát'],
    });
    expect(wrongRole.status).toBe(403);
    expect(wrongRole.body.code).toBe('PLAN.ROLE_NOT_ALLOWED');
    expect(
      (
        await step('lanhdao.ttptqd', {
          action: 'post',
          occurredOn: '2024-06-03',
          places: ['Trụ sở UBND xã Gia Cát', 'Nhà văn hóa thôn'],
        })
      ).status,
    ).toBe(201);
    // Closing is offered from the day the regime allows (the same day the refusal below names).
    expect((await next('canbo.ttptqd')).find((x) => x.action === 'close_posting')).toMatchObject({
      mine: true,
      earliestOn: '2024-06-24',
      blockedBy: null,
    });
    // And the Center's "Việc cần làm" lists it, with that day; the district leader's does not.
    const inbox = async (user: string) =>
      (await t.http().get('/api/v1/inbox').set('Authorization', as[user])).body as {
        plans: { planId: string; action: string; earliestOn: string | null }[];
        cases: { projectCode: string; state: string; count: number; steps: string[] }[];
      };
    const center = await inbox('canbo.ttptqd');
    expect(center.plans.filter((x) => x.planId === plan.id)).toEqual([
      expect.objectContaining({ action: 'close_posting', earliestOn: '2024-06-24' }),
    ]);
    expect(center.cases.length).toBeGreaterThan(0);
    expect(center.cases.every((g) => g.count > 0 && g.steps.length > 0)).toBe(true);
    expect((await inbox('lanhdao.huyen')).plans.filter((x) => x.planId === plan.id)).toEqual([]);
    const day19 = await step('canbo.ttptqd', { action: 'close_posting', occurredOn: '2024-06-22' });
    expect(day19.status).toBe(409);
    expect(day19.body.code).toBe('PLAN.POSTING_PERIOD_NOT_OVER');
    expect(day19.body.message).toContain('sớm nhất ngày 24/06/2024');
    const posting = await t
      .http()
      .get(`/api/v1/deadlines?projectId=${projectId}`)
      .set('Authorization', as['canbo.ttptqd']);
    expect(
      posting.body.items.find(
        (i: { kind: string; entityId: string }) => i.kind === 'posting_end' && i.entityId === plan.id,
      ),
    ).toMatchObject({ dueOn: '2024-06-24' }); // 23/06 is a Sunday
    // Day 20 is that Sunday: the period ends on Monday 24/06 (BLDS 2015 Đ148), as the deadlines list says.
    const sunday = await step('canbo.ttptqd', { action: 'close_posting', occurredOn: '2024-06-23' });
    expect([sunday.status, sunday.body.code]).toEqual([409, 'PLAN.POSTING_PERIOD_NOT_OVER']);
    expect((await step('canbo.ttptqd', { action: 'close_posting', occurredOn: '2024-06-24' })).body.toState).toBe(
      'POSTING_CLOSED',
    );
  });

  it("records every household's opinion, and holds dialogues with those who disagree before finalising", async () => {
    const partial = await step('canbo.ttptqd', {
      action: 'record_consultation',
      occurredOn: '2024-06-24',
      opinions: [{ caseId: a.id, opinion: 'agree' }],
    });
    expect(partial.body.code).toBe('PLAN.CONSULTATION_INCOMPLETE');
    const consulted = await step('canbo.ttptqd', {
      action: 'record_consultation',
      occurredOn: '2024-06-24',
      opinions: [
        { caseId: a.id, opinion: 'agree' },
        { caseId: b.id, opinion: 'disagree', note: 'Đề nghị tăng giá đất' },
      ],
    });
    expect(consulted.body.details.counts).toEqual({ agree: 1, disagree: 1, other: 0, absent: 0 });
    expect((await step('lanhdao.ttptqd', { action: 'finalise', occurredOn: '2024-06-25' })).body.code).toBe(
      'PLAN.DISAGREEMENT_OPEN',
    );
    expect((await step('canbo.ttptqd', { action: 'start_dialogue', occurredOn: '2024-06-25' })).status).toBe(201);
    expect(
      (await step('canbo.ttptqd', { action: 'record_dialogue', occurredOn: '2024-06-26', dialogueCaseIds: [b.id] }))
        .status,
    ).toBe(201);
    expect((await step('lanhdao.ttptqd', { action: 'finalise', occurredOn: '2024-06-28' })).body.toState).toBe(
      'FINALISED',
    );
    expect((await step('lanhdao.ttptqd', { action: 'submit_appraisal', occurredOn: '2024-07-01' })).body.toState).toBe(
      'IN_APPRAISAL',
    );
  });

  it('is appraised by section; a return sends it back to draft with the comments', async () => {
    const wrongOffice = await step('lanhdao.ttptqd', {
      action: 'appraise',
      occurredOn: '2024-07-05',
      outcome: 'agree',
    });
    expect(wrongOffice.status).toBe(403);
    expect(
      (await step('phong.tnmt', { action: 'appraise', occurredOn: '2024-07-05', outcome: 'agree' })).body.toState,
    ).toBe('IN_APPRAISAL');
    const back = await step('phong.nnptnt', {
      action: 'appraise',
      occurredOn: '2024-07-08',
      outcome: 'return',
      comments: 'Kiểm tra lại đơn giá lúa',
    });
    expect(back.body.toState).toBe('DRAFT');
    const s = await state();
    expect(s).toMatchObject({ status: 'DRAFT', returnComments: 'Kiểm tra lại đơn giá lúa', appraisal: {} });
  });

  it('goes round again to appraised, refuses approval before the 180-day notice period, then approves with same-day decisions', async () => {
    for (const [user, body] of [
      ['canbo.ttptqd', { action: 'submit_review', occurredOn: '2024-07-09' }],
      ['lanhdao.ttptqd', { action: 'post', occurredOn: '2024-07-10', places: ['Trụ sở UBND xã Gia Cát'] }],
      ['canbo.ttptqd', { action: 'close_posting', occurredOn: '2024-07-30' }],
      [
        'canbo.ttptqd',
        {
          action: 'record_consultation',
          occurredOn: '2024-07-31',
          opinions: [
            { caseId: a.id, opinion: 'agree' },
            { caseId: b.id, opinion: 'agree' },
          ],
        },
      ],
      ['lanhdao.ttptqd', { action: 'finalise', occurredOn: '2024-08-01' }],
      ['lanhdao.ttptqd', { action: 'submit_appraisal', occurredOn: '2024-08-01' }],
      ['phong.ktht', { action: 'appraise', occurredOn: '2024-08-05', outcome: 'agree' }],
      ['phong.nnptnt', { action: 'appraise', occurredOn: '2024-08-05', outcome: 'agree' }],
      ['phong.tnmt', { action: 'appraise', occurredOn: '2024-08-06', outcome: 'agree' }],
    ] as [string, Record<string, unknown>][]) {
      const res = await step(user, body);
      expect([res.status, res.body.code]).toEqual([201, undefined]);
    }
    expect((await state()).status).toBe('APPRAISED');
    // The approval's form is told whose decisions it issues, to offer that body's signers (issue 18 §12).
    const nextSteps = await t
      .http()
      .get(`/api/v1/plans/${plan.id}/next-steps`)
      .set('Authorization', as['lanhdao.huyen']);
    expect((nextSteps.body as { action: string; signer: unknown }[]).map((s) => [s.action, s.signer])).toContainEqual([
      'approve',
      { agencyCode: 'UBND-CL', agencyName: 'Ủy ban nhân dân huyện Cao Lộc' },
    ]);

    const early = await step('lanhdao.huyen', { action: 'approve', occurredOn: '2024-08-27' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('PLAN.NOTICE_PERIOD_NOT_OVER');
    expect(early.body.details.cases).toEqual([
      { caseId: b.id, noticeDeliveredOn: '2024-03-01', periodDays: 180, earliest: '2024-08-28' },
    ]);
    // The period that applies, and why (issue 18 §14).
    expect(early.body.message).toContain('có đất phi nông nghiệp: 180 ngày');

    const approved = await step('lanhdao.huyen', { action: 'approve', occurredOn: '2024-08-28' });
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({
      toState: 'APPROVED',
      details: { approvalNumber: '01/QĐ-UBND', recoveryDecisions: 2 },
    });
    const s = await state();
    expect(s).toMatchObject({
      status: 'APPROVED',
      approvedOn: '2024-08-28',
      approvalNumber: '01/QĐ-UBND',
      canLeaveDraft: false,
      // Priced as of 01/06 with the book still in force on 28/08, nothing valued by age: priced at the decision now.
      valuationDate: '2024-08-28',
    });
    expect(approved.body.details.valuation).toMatchObject({ from: '2024-06-01', to: '2024-08-28' });
    for (const id of [a.id, b.id]) {
      const c = await t.http().get(`/api/v1/cases/${id}`).set('Authorization', as['canbo.ttptqd']);
      expect(c.body.state).toBe('APPROVED');
      expect(c.body.transitions.at(-1)).toMatchObject({ action: 'plan_approved', occurredOn: '2024-08-28' });
      expect(c.body.transitions.at(-1).documentRef).toMatch(/^01\/QĐ-UBND; 0[23]\/QĐ-UBND$/);
    }
  });

  it('renders the approval decision with its appendix and each recovery decision as PDF, in workers', async () => {
    const docs = (await t.http().get(`/api/v1/documents?planId=${plan.id}`).set('Authorization', as['canbo.ttptqd']))
      .body as { id: string; type: string; number: string; status: string; entityId: string; signedBy: string }[];
    // Signed by the Chairman in office on 28/08/2024, not by the leader who pressed the button.
    expect(docs.map((d) => [d.type, d.number, d.signedBy]).sort()).toEqual([
      ['plan_approval', '01/QĐ-UBND', 'Chủ tịch Hoàng Văn Minh'],
      ['recovery_decision', '02/QĐ-UBND', 'Chủ tịch Hoàng Văn Minh'],
      ['recovery_decision', '03/QĐ-UBND', 'Chủ tịch Hoàng Văn Minh'],
    ]);
    const queues = t.app.get(QueueService);
    for (const d of docs) await queues.waitFor('documents', `render.${d.id}`, 60_000);
    const pdfText = async (id: string) => {
      const res = await t
        .http()
        .get(`/api/v1/documents/${id}/file`)
        .set('Authorization', as['canbo.ttptqd'])
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      const pdf = res.body as Buffer;
      const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
      expect(numbersNotWrittenTheVietnameseWay(text.replace(/\s+/g, ' '))).toEqual([]);
      return {
        text,
        info: execFileSync('pdfinfo', ['-'], { input: pdf }).toString('utf8'),
        headers: res.headers,
      };
    };
    const recovery = docs.find((d) => d.entityId === a.id)!;
    const r = await pdfText(recovery.id);
    expect(r.info).toMatch(/Page size:\s+595\.2\d x 841\.8\d pts \(A4\)/);
    expect(r.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(r.text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(r.text).toMatch(/Số: 0[23]\/QĐ-UBND\s+Cao Lộc, ngày 28 tháng 8 năm 2024/);
    expect(r.text).toContain('ỦY BAN NHÂN DÂN HUYỆN CAO LỘC');
    // Signed for the People's Committee by its Chairman in office that day, not by the user who approved (§12).
    expect(r.text.replace(/\s+/g, ' ')).toMatch(/TM\. ỦY BAN NHÂN DÂN .*CHỦ TỊCH .*Hoàng Văn Minh/);
    expect(r.text).not.toContain('(demo)');
    expect(r.text).toContain('thửa đất số 1, tờ bản đồ số 30, loại đất LUC, diện tích thu hồi 500 m²');
    // The notice was issued outside the system (its number typed at delivery): cited by its number, never dated
    // with the delivery day (issue 18 §8; cases.spec checks a notice the system issued).
    expect(r.text).toContain('Căn cứ Thông báo thu hồi đất số 05/TB-UBND;');
    const caseA = (
      await t.http().get(`/api/v1/plans/${plan.id}/cases`).set('Authorization', as['canbo.ttptqd'])
    ).body.find((c: { caseId: string }) => c.caseId === a.id);
    const { formatDong, amountInWords } = await import('../../src/shared/vn-words.js');
    expect(r.text.replace(/\s+/g, ' ')).toContain(
      `${formatDong(caseA.net)} đồng (Bằng chữ: ${amountInWords(caseA.net)})`,
    );
    expect(r.text).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(r.text).toContain('Nơi nhận:');
    expect(r.headers['content-disposition']).toContain("filename*=UTF-8''Q%C4%90%2002-Q%C4%90-UBND");

    const approval = docs.find((d) => d.type === 'plan_approval')!;
    const p = await pdfText(approval.id);
    expect(p.text).toContain('PHỤ LỤC');
    expect(p.text).toContain('(Kèm theo Quyết định số 01/QĐ-UBND ngày 28/08/2024 của UBND huyện Cao Lộc)');
    expect(p.text).toContain('Tổng cộng');
    expect(p.info).toMatch(/Pages:\s+[2-9]/);
    const flat = p.text.replace(/\s+/g, ' ');
    // The book cited as the decision that issued it (issue 18 §13); rounding in a column of its own, every column
    // totalled: land and support of the two households add up on the total row.
    expect(flat).toContain(
      'Căn cứ Quyết định số MẪU ngày 01/01/2024 của UBND tỉnh Lạng Sơn (số liệu mẫu) ban hành Bảng giá MẪU huyện Cao Lộc 2024',
    );
    expect(flat).toMatch(/Làm\s*tròn/);
    // The signature block follows the decision's last article on its page, never alone.
    const signed = p.text.split('\f').find((pg) => pg.includes('Nơi nhận:'))!;
    expect(signed).toContain('chịu trách nhiệm thi hành Quyết định này');
    const net = (await state()).net as string;
    expect(flat).toMatch(new RegExp(`Tổng cộng .*${net.replace(/\B(?=(\d{3})+(?!\d))/g, '\\.')}`));
    // The batch endpoint renders a type for the plan as one job with progress; a second click adds nothing.
    const batch = await t
      .http()
      .post(`/api/v1/plans/${plan.id}/documents/render`)
      .set('Authorization', as['canbo.ttptqd'])
      .send({ type: 'recovery_decision' });
    expect(batch.body).toEqual({ jobId: `batch.${plan.id}.recovery_decision.0`, documents: 2, pending: 0 });
    await queues.waitFor('documents', batch.body.jobId);
    const job = await t.http().get(`/api/v1/jobs/${batch.body.jobId}`).set('Authorization', as['canbo.ttptqd']);
    expect(job.body).toMatchObject({ state: 'completed', progress: 100, result: { documents: 2 } });
    const click2 = await t
      .http()
      .post(`/api/v1/plans/${plan.id}/documents/render`)
      .set('Authorization', as['canbo.ttptqd'])
      .send({ type: 'recovery_decision' });
    expect(click2.body.jobId).toBe(batch.body.jobId);
    // Re-issue, never overwrite: a new number and file, linked to the old one, which stays readable.
    const re = await t
      .http()
      .post(`/api/v1/documents/${recovery.id}/reissue`)
      .set('Authorization', as['lanhdao.huyen'])
      .send({ issuedOn: '2024-09-05', reason: 'Sai địa chỉ' });
    expect(re.status).toBe(201);
    expect(re.body).toMatchObject({
      replacesId: recovery.id,
      type: 'recovery_decision',
      entityId: a.id,
      number: '04/QĐ-UBND',
    });
    await queues.waitFor('documents', `render.${re.body.id}`);
    expect((await pdfText(re.body.id)).text).toMatch(/Số: 04\/QĐ-UBND\s+Cao Lộc, ngày 05 tháng 9 năm 2024/);
    expect((await pdfText(recovery.id)).text).toContain('Số: 0');
    const twice = await t
      .http()
      .post(`/api/v1/documents/${recovery.id}/reissue`)
      .set('Authorization', as['lanhdao.huyen'])
      .send({ issuedOn: '2024-09-06', reason: 'Lần hai' });
    expect(twice.body.code).toBe('DOCUMENT.ALREADY_REPLACED');
    // A second request for the same render is a no-op: same file, same hash.
    const again = await queues.enqueue('documents.render', { documentId: approval.id }, `render.${approval.id}.again`);
    expect(await queues.waitFor('documents', again.id)).toMatchObject({ skipped: true });
  });

  it('lists the 30-day payment deadline of each approved case, overdue, for the Center', async () => {
    const res = await t
      .http()
      .get(`/api/v1/deadlines?projectId=${projectId}&agencyKind=land_fund_center`)
      .set('Authorization', as['lanhdao.huyen']);
    expect(res.status).toBe(200);
    const payments = res.body.items.filter(
      (i: { kind: string; entityId: string }) => i.kind === 'payment' && [a.id, b.id].includes(i.entityId),
    );
    // Decision 28/08/2024 + 30 days = Fri 27/09/2024.
    expect(payments.map((p: { dueOn: string; status: string }) => [p.dueOn, p.status])).toEqual([
      ['2024-09-27', 'overdue'],
      ['2024-09-27', 'overdue'],
    ]);
    expect(res.body.byAgency).toEqual([
      expect.objectContaining({ agencyKind: 'land_fund_center', agencyLabel: 'Trung tâm Phát triển quỹ đất' }),
    ]);
    expect(res.body.byAgency[0].overdue).toBeGreaterThanOrEqual(2);
  });

  it("is frozen once approved: no recompute, no edit of its cases' priced data", async () => {
    const recompute = await t
      .http()
      .post(`/api/v1/plans/${plan.id}/recompute`)
      .set('Authorization', as['canbo.ttptqd'])
      .send({ version: plan.version });
    expect(recompute.body.code).toBe('PLAN.NOT_DRAFT');
    const edit = await t
      .http()
      .patch(`/api/v1/parcels/${a.parcelId}`)
      .set('Authorization', as['canbo.ttptqd'])
      .send({ version: a.parcelVersion, recoveredArea: '600' });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('CASE.FROZEN_BY_PLAN');
    const facts = await t
      .http()
      .patch(`/api/v1/cases/${a.id}/pricing-facts`)
      .set('Authorization', as['canbo.ttptqd'])
      .send({ version: 1, relocating: true });
    expect(facts.body.code).toBe('CASE.FROZEN_BY_PLAN');
    // Nor moved to another commune (its parcels and its decision stay where they are); a note still may change.
    const c = (await t.http().get(`/api/v1/cases/${a.id}`).set('Authorization', as['canbo.ttptqd'])).body;
    const other = (
      await t.http().get(`/api/v1/projects/${projectId}`).set('Authorization', as['canbo.ttptqd'])
    ).body.communes.find((x: { id: string }) => x.id !== c.communeId);
    const moved = await t
      .http()
      .patch(`/api/v1/cases/${a.id}`)
      .set('Authorization', as['canbo.ttptqd'])
      .send({ version: c.version, communeId: other.id });
    expect([moved.status, moved.body.code, moved.body.details.field]).toEqual([
      409,
      'CASE.FROZEN_BY_PLAN',
      'communeId',
    ]);
    expect((await t.http().get(`/api/v1/cases/${a.id}`).set('Authorization', as['canbo.ttptqd'])).body.communeId).toBe(
      c.communeId,
    );
    const noted = await t
      .http()
      .patch(`/api/v1/cases/${a.id}`)
      .set('Authorization', as['canbo.ttptqd'])
      .send({ version: c.version, note: 'Hộ đã nhận quyết định' });
    expect(noted.status).toBe(200);
    // Nor is the person renamed, given another CCCD or another household under the decision (issue 17 §5).
    const lu = c.landUser as { id: string; fullName: string; version: number };
    for (const change of [
      { fullName: 'Tên Khác Hẳn' },
      { cccd: '099123456789' },
      { members: [] },
      { poorHousehold: true },
    ]) {
      const renamed = await t
        .http()
        .patch(`/api/v1/land-users/${lu.id}`)
        .set('Authorization', as['canbo.ttptqd'])
        .send({ version: lu.version, ...change });
      expect([renamed.status, renamed.body.code, renamed.body.details.field]).toEqual([
        409,
        'LAND_USER.FROZEN_BY_PLAN',
        Object.keys(change)[0],
      ]);
      expect(renamed.body.details.planCode).toBe(plan.code);
    }
    const person = (await t.http().get(`/api/v1/land-users/${lu.id}`).set('Authorization', as['canbo.ttptqd'])).body;
    expect([person.fullName, person.version]).toEqual([lu.fullName, lu.version]);
  });

  it("shows a household's lines in the plans holding it, with their legal basis, to those who may see the case", async () => {
    const res = await t.http().get(`/api/v1/cases/${a.id}/plan-lines`).set('Authorization', as['canbo.ttptqd']);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(1);
    const [held] = res.body as {
      planId: string;
      net: string;
      statusLabel: string;
      lines: { amount: string | null; basis: string; caseId: string }[];
    }[];
    expect(held.planId).toBe(plan.id);
    expect(held.lines.length).toBeGreaterThan(0);
    expect(held.lines.every((l) => l.caseId === a.id && l.basis.length > 0)).toBe(true);
    const cases = (await t.http().get(`/api/v1/plans/${plan.id}/cases`).set('Authorization', as['canbo.ttptqd']))
      .body as { caseId: string; net: string }[];
    expect(held.net).toBe(cases.find((c) => c.caseId === a.id)!.net);
    const officer = await t.login('xa.hopthanh');
    expect((await t.http().get(`/api/v1/cases/${a.id}/plan-lines`).set('Authorization', officer)).status).toBe(403);
  });

  it('takes a household added after approval into a supplementary plan linked to it', async () => {
    const late = await surveyedCase('2024-01-05', {
      parcelNumber: '3',
      landTypeCode: 'LUC',
      measuredArea: '800',
      recoveredArea: '200',
    });
    const sup = await t
      .http()
      .post(`/api/v1/plans/${plan.id}/supplements`)
      .set('Authorization', as['canbo.ttptqd'])
      .send({ name: 'Phương án bổ sung', caseIds: [late.id] });
    expect(sup.status).toBe(201);
    expect(sup.body).toMatchObject({ kind: 'supplement', parentPlanId: plan.id, status: 'DRAFT', caseCount: 1 });
    // A draft is changed in place: it cannot be the parent of a supplementary or adjusted plan.
    for (const kind of ['supplements', 'adjustments']) {
      const onDraft = await t
        .http()
        .post(`/api/v1/plans/${sup.body.id}/${kind}`)
        .set('Authorization', as['canbo.ttptqd'])
        .send({ name: 'Trên dự thảo', caseIds: [late.id] });
      expect(onDraft.status).toBe(409);
      expect(onDraft.body).toMatchObject({ code: 'PLAN.PARENT_NOT_APPROVED', details: { status: 'DRAFT' } });
      expect(onDraft.body.message).toContain(
        kind === 'supplements' ? 'bổ sung trực tiếp vào dự thảo' : 'sửa trực tiếp trên dự thảo',
      );
    }
    const again = await t
      .http()
      .post(`/api/v1/plans/${plan.id}/supplements`)
      .set('Authorization', as['canbo.ttptqd'])
      .send({ name: 'Lần hai', caseIds: [a.id] });
    expect(again.body.code).toBe('PLAN.CASES_NOT_PRICEABLE');
  });
});

describe('adjusted plan', () => {
  it('reopens the corrected cases while it is a draft, and reports its family with cumulative approved totals', async () => {
    const staff = as['canbo.ttptqd'];
    const plans = (await t.http().get(`/api/v1/projects/${projectId}/plans`).set('Authorization', staff)).body as {
      id: string;
      code: string;
      status: string;
      kind: string;
      net: string;
    }[];
    const approved = plans.find((p) => p.status === 'APPROVED' && p.kind === 'original')!;
    const cases = (await t.http().get(`/api/v1/plans/${approved.id}/cases`).set('Authorization', staff)).body as {
      caseId: string;
      net: string;
    }[];
    const target = cases[0].caseId;
    const parcels = (await t.http().get(`/api/v1/cases/${target}/parcels`).set('Authorization', staff)).body;
    expect(
      (
        await t
          .http()
          .patch(`/api/v1/parcels/${parcels[0].id}`)
          .set('Authorization', staff)
          .send({ version: parcels[0].version, recoveredArea: '40' })
      ).body.code,
    ).toBe('CASE.FROZEN_BY_PLAN');

    const adj = await t
      .http()
      .post(`/api/v1/plans/${approved.id}/adjustments`)
      .set('Authorization', staff)
      .send({ name: 'Điều chỉnh diện tích', caseIds: [target] });
    expect(adj.status).toBe(201);
    expect(adj.body).toMatchObject({ kind: 'adjustment', parentPlanId: approved.id, caseCount: 1, status: 'DRAFT' });
    const edit = await t
      .http()
      .patch(`/api/v1/parcels/${parcels[0].id}`)
      .set('Authorization', staff)
      .send({ version: parcels[0].version, recoveredArea: '40' });
    expect(edit.status).toBe(200);
    // The person's record reopens with the case: a misspelt name is corrected through the adjustment.
    const lu = (await t.http().get(`/api/v1/cases/${target}`).set('Authorization', staff)).body.landUser;
    const respelt = await t
      .http()
      .patch(`/api/v1/land-users/${lu.id}`)
      .set('Authorization', staff)
      .send({ version: lu.version, fullName: `${lu.fullName} (sửa)` });
    expect(respelt.status).toBe(200);
    const again = await t
      .http()
      .post(`/api/v1/plans/${adj.body.id}/recompute`)
      .set('Authorization', staff)
      .send({ version: adj.body.version });
    expect(again.body.changes).toHaveLength(1);
    expect(again.body.changes[0].netBefore).toBe(cases[0].net);
    expect(again.body.changes[0].netAfter).not.toBe(cases[0].net);

    const parent = (await t.http().get(`/api/v1/plans/${approved.id}`).set('Authorization', staff)).body;
    expect(parent.family.map((f: { kind: string }) => f.kind)).toEqual(['original', 'supplement', 'adjustment']);
    expect(parent.cumulativeApprovedNet).toBe(approved.net); // the adjustment is not approved yet
    const twice = await t
      .http()
      .post(`/api/v1/plans/${approved.id}/adjustments`)
      .set('Authorization', staff)
      .send({ name: 'Lần hai', caseIds: [target] });
    expect(twice.body.code).toBe('PLAN.CASES_NOT_PRICEABLE');
  });
});

describe('a plan with a missing basis', () => {
  it('cannot leave draft', async () => {
    const staff = as['canbo.ttptqd'];
    const c = await surveyedCase('2024-01-05', {
      parcelNumber: '9',
      landTypeCode: 'LUC',
      measuredArea: '100',
      recoveredArea: '100',
      position: 'VT9',
    });
    const created = await t
      .http()
      .post(`/api/v1/projects/${projectId}/plans`)
      .set('Authorization', staff)
      .send({ name: 'Thiếu giá', priceBookId: bookId, valuationDate: '2024-06-01', caseIds: [c.id] });
    expect(created.body.missingBasisCount).toBe(1);
    const res = await t
      .http()
      .post(`/api/v1/plans/${created.body.id}/transitions`)
      .set('Authorization', staff)
      .send({ version: created.body.version, action: 'submit_review', occurredOn: '2024-06-01' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('PLAN.BLOCKING_FINDINGS');
  });
});

describe('a plan priced before its recovery decision (LĐĐ 2013 Đ74 k2; issue 18 §10)', () => {
  it('is refused when another book prices its commune that day, sent back, re-priced at the day, then approved', async () => {
    const ds = t.app.get(DataSource);
    const staff = as['canbo.ttptqd'];
    const c = await surveyedCase('2024-01-05', {
      parcelNumber: '21',
      landTypeCode: 'LUC',
      measuredArea: '400',
      recoveredArea: '400',
    });
    // A book for Gia Cát in April 2024 only, with every land price doubled.
    const sample = (await t.http().get(`/api/v1/price-books/${bookId}`).set('Authorization', staff)).body;
    const [{ code: giaCat }] = await ds.query(`SELECT code FROM admin_units WHERE name = 'Gia Cát'`);
    const content = structuredClone(sample.content);
    for (const p of content.landPrices) p.pricePerM2 = String(BigInt(p.pricePerM2) * 2n);
    const lead = await t.login('lanhdao.ttptqd');
    const april = await t
      .http()
      .post('/api/v1/price-books')
      .set('Authorization', lead)
      .send({
        code: 'BG-T4-2024',
        name: 'Bảng giá tháng 4/2024 xã Gia Cát (thử)',
        decisionNumber: '99/QĐ-UBND',
        decisionDate: '2024-03-25',
        issuer: 'UBND tỉnh Lạng Sơn (thử)',
        effectiveFrom: '2024-04-01',
        effectiveTo: '2024-04-30',
        communeCodes: [giaCat],
        content,
      });
    expect(april.status).toBe(201);
    const activated = await t
      .http()
      .post(`/api/v1/price-books/${april.body.id}/activate`)
      .set('Authorization', lead)
      .send({ version: april.body.version });
    expect(activated.status).toBe(201);

    const created = await t
      .http()
      .post(`/api/v1/projects/${projectId}/plans`)
      .set('Authorization', staff)
      .send({ name: 'Áp giá ngày 01/03', priceBookId: bookId, valuationDate: '2024-03-01', caseIds: [c.id] });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    // The steps up to appraisal are tested above: here the plan is put there directly.
    const appraised = async () => {
      await ds.query(
        `UPDATE plans SET status = 'APPRAISED', appraisal = '{"land":{},"crops":{},"structures":{}}' WHERE id = $1`,
        [id],
      );
      return (await ds.query('SELECT version FROM plans WHERE id = $1', [id]))[0].version as number;
    };
    const act = (user: string, body: Record<string, unknown>) =>
      t.http().post(`/api/v1/plans/${id}/transitions`).set('Authorization', as[user]).send(body);

    let version = await appraised();
    const refused = await act('lanhdao.huyen', { action: 'approve', version, occurredOn: '2024-04-09' });
    expect([refused.status, refused.body.code]).toEqual([409, 'PLAN.PRICED_AT_ANOTHER_DATE']);
    expect(refused.body.details).toMatchObject({
      field: 'occurredOn',
      valuationDate: '2024-03-01',
      decidedOn: '2024-04-09',
      priceBookCode: 'MAU-CAOLOC-2024',
      communes: [{ communeCode: giaCat, communeName: 'xã Gia Cát', inForce: 'BG-T4-2024' }],
    });
    expect(refused.body.message).toContain('khoản 2 Điều 74 Luật Đất đai 2013');
    expect(refused.body.message).toContain('xã Gia Cát áp dụng bảng giá BG-T4-2024');
    // Nothing was issued.
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM issued_numbers WHERE entity_id = $1`, [id]);
    expect(n).toBe(0);

    // The Chairman sends it back with the reason; the Center may not.
    expect((await act('lanhdao.ttptqd', { action: 'send_back', version, occurredOn: '2024-04-09' })).body.code).toBe(
      'PLAN.ROLE_NOT_ALLOWED',
    );
    expect((await act('lanhdao.huyen', { action: 'send_back', version, occurredOn: '2024-04-09' })).body.code).toBe(
      'PLAN.RETURN_COMMENTS_REQUIRED',
    );
    const back = await act('lanhdao.huyen', {
      action: 'send_back',
      version,
      occurredOn: '2024-04-09',
      comments: 'Tính lại theo bảng giá áp dụng ngày quyết định thu hồi đất.',
    });
    expect([back.status, back.body.toState]).toEqual([201, 'DRAFT']);

    // Re-priced at the decision's day with the book of that day: every case computed again, the difference shown.
    const before = (await t.http().get(`/api/v1/plans/${id}`).set('Authorization', staff)).body;
    const repriced = await t
      .http()
      .post(`/api/v1/plans/${id}/recompute`)
      .set('Authorization', staff)
      .send({ version: before.version, valuationDate: '2024-04-09', priceBookId: april.body.id });
    expect(repriced.status).toBe(201);
    expect(repriced.body.plan).toMatchObject({ valuationDate: '2024-04-09', priceBookCode: 'BG-T4-2024' });
    expect(BigInt(repriced.body.plan.net)).toBeGreaterThan(BigInt(before.net));
    expect(repriced.body.changes).toEqual([expect.objectContaining({ caseId: c.id })]);

    version = await appraised();
    const approved = await act('lanhdao.huyen', { action: 'approve', version, occurredOn: '2024-04-09' });
    expect([approved.status, approved.body.toState]).toEqual([201, 'APPROVED']);
    expect(approved.body.details.valuation).toBeUndefined();
    const plan = (await t.http().get(`/api/v1/plans/${id}`).set('Authorization', staff)).body;
    expect(plan).toMatchObject({ valuationDate: '2024-04-09', approvedOn: '2024-04-09', priceBookCode: 'BG-T4-2024' });
  });
});

describe('the legal basis of every line comes from the regime and the book (issue 18 §11)', () => {
  it('cites no decree of the 2024 law on a plan of the 2013 law, and the 2013 texts where the rule is the regime’s', async () => {
    const ds = t.app.get(DataSource);
    // Every plan here (seeded drafts, the plans above) runs under 1019/2258, the 2013 Land Law.
    const [{ regimes }] = await ds.query(
      `SELECT array_agg(DISTINCT pr.regime_code) AS regimes FROM plans p JOIN projects pr ON pr.id = p.project_id`,
    );
    expect(regimes).toEqual(['LS-1019-2258']);
    const wrong = await ds.query(`SELECT DISTINCT basis FROM plan_lines WHERE basis ~ '88/2024|Luật Đất đai 2024'`);
    expect(wrong).toEqual([]);
    const cited = await ds.query(
      `SELECT DISTINCT category, basis FROM plan_lines WHERE item_code IN ('KT-NGHIA-VU', 'TDC-TIEN-SDD')
         OR (category = 'structure' AND inputs ? 'rule') OR category = 'support_stabilisation'`,
    );
    expect(cited.length).toBeGreaterThan(0);
    for (const row of cited) expect(row.basis).toMatch(/47\/2014|37\/2014|Luật Đất đai 2013|45\/2014/);
  });
});
