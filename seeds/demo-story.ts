import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { toAuthUser } from '../src/core/auth/auth.service.js';
import type { AuthUser } from '../src/core/auth/policy.js';
import { User } from '../src/core/auth/user.entity.js';
import { CasesService } from '../src/modules/cases/cases.service.js';
import { ComplaintsService } from '../src/modules/complaints/complaints.service.js';
import { HandoverService } from '../src/modules/handover/handover.service.js';
import { ParcelsService } from '../src/modules/parcels/parcels.service.js';
import { PaymentsService } from '../src/modules/payments/payments.service.js';
import { PlansService } from '../src/modules/plans/plans.service.js';
import { WorkflowService } from '../src/modules/plans/workflow.service.js';
import { addDays } from '../src/shared/dates.js';
import { SAMPLE_PRICE_BOOK } from './price-books/sample-cao-loc.js';

/**
 * The demo installation's 2024 history (issue 16 §8), made through the application's own services — the same code
 * the API runs, with its checks: a refusal stops the seed with the refusal's code.
 *
 * - **CT-HNCL** (cao tốc, mốc 70 % trước 30/6/2024): the plan of đợt 1 posted in March 2024, three households of the
 *   lagging commune disagree and hold a dialogue, appraised by the three offices, approved on 25/04/2024 with every
 *   household's recovery decision; payments in May, handovers from May to September — behind the 70 % target by
 *   30/6 — while the lagging commune refuses payment, is being persuaded, refuses handover and complains. Đợt 2 is a
 *   draft priced on 02/12/2024.
 * - **QL4B**: the plan of đợt 1 posted in September 2024 and in appraisal — Phòng TN&MT has agreed, the two other
 *   offices have not (their "Việc cần làm").
 * - **CAX-2024**: new households just registered (in the boundary), notified, and one refusing the survey.
 *
 * Runs once: skipped when CT-HNCL already has a plan. Demo installations only (never in production).
 */
export async function seedDemoStory(ds: DataSource, app: INestApplicationContext): Promise<Record<string, number>> {
  const made: Record<string, number> = {};
  const [ct] = await ds.query<{ id: string }[]>(`SELECT id FROM projects WHERE code = 'CT-HNCL'`);
  if (!ct) return made;
  const [{ n }] = await ds.query<{ n: number }[]>('SELECT count(*)::int AS n FROM plans WHERE project_id = $1', [
    ct.id,
  ]);
  const [book] = await ds.query<{ id: string }[]>('SELECT id FROM price_books WHERE code = $1 AND status = $2', [
    SAMPLE_PRICE_BOOK.code,
    'active',
  ]);
  if (n > 0 || !book) return made;

  const users = new Map<string, AuthUser>(
    (await ds.getRepository(User).find()).map((u): [string, AuthUser] => [u.username, toAuthUser(u)]),
  );
  const as = (username: string): AuthUser => {
    const u = users.get(username);
    if (!u) throw new Error(`demo story: no demo user ${username}`);
    return u;
  };
  const s = {
    plans: app.get(PlansService),
    workflow: app.get(WorkflowService),
    cases: app.get(CasesService),
    parcels: app.get(ParcelsService),
    payments: app.get(PaymentsService),
    handover: app.get(HandoverService),
    complaints: app.get(ComplaintsService),
  };
  const count = (what: string, k = 1) => (made[what] = (made[what] ?? 0) + k);

  /** A plan taken through the steps of the regime, each by the role the regime names, on the given days. */
  const walk = async (
    planId: string,
    steps: [string, Record<string, unknown> & { action: string; occurredOn: string }][],
  ) => {
    for (const [username, body] of steps) {
      const { version } = await s.plans.get(as(username), planId);
      await s.workflow.transition(as(username), planId, { version, ...body });
      count('plan_steps');
    }
  };

  /** Priced, then the household's recorded facts that the findings ask for, then priced again until it may leave draft. */
  const draft = async (projectId: string, name: string, valuationDate: string, batch: string) => {
    let plan = await s.plans.create(as('canbo.ttptqd'), projectId, {
      name,
      priceBookId: book.id,
      valuationDate,
      batch,
    });
    const homeless = [
      ...new Set(
        plan.findings.filter((f) => f.code === 'PLAN.NO_RESETTLEMENT_ARRANGEMENT').map((f) => f.caseId as string),
      ),
    ];
    for (const caseId of homeless) {
      // The household chose to arrange its own housing (tự lo chỗ ở): recorded by the Center, support per the regime.
      const c = await s.cases.detail(as('canbo.ttptqd'), caseId);
      await s.cases.setPricingFacts(as('canbo.ttptqd'), caseId, {
        version: c.version,
        relocating: true,
        resettlement: { mode: 'self_arranged' },
      });
    }
    if (homeless.length) {
      await s.plans.recompute(as('canbo.ttptqd'), plan.id, { version: plan.version, caseIds: homeless });
      plan = await s.plans.get(as('canbo.ttptqd'), plan.id);
    }
    count('plans');
    return plan;
  };

  // ---------------------------------------------------------------------------------------------------------------
  // CT-HNCL, đợt 1: approved 25/04/2024 (the last notice of the batch, 25/10/2023, plus 180 days is 22/04/2024).
  // ---------------------------------------------------------------------------------------------------------------
  const plan1 = await draft(
    ct.id,
    'Phương án bồi thường, hỗ trợ, tái định cư đợt 1 — cao tốc Hữu Nghị – Chi Lăng qua huyện Cao Lộc (giá MẪU)',
    '2024-04-25',
    '1',
  );
  if (!plan1.canLeaveDraft) throw new Error(`demo story: plan 1 still blocked: ${JSON.stringify(plan1.findings[0])}`);
  const households = (await s.plans.cases(as('canbo.ttptqd'), plan1.id)).sort((a, b) =>
    a.fullName.localeCompare(b.fullName, 'vi'),
  );
  const LAGGING = 'Yên Trạch';
  const lagging = households.filter((h) => h.communeName === LAGGING);
  const others = households.filter((h) => h.communeName !== LAGGING);
  const dissenters = lagging.slice(0, 3);
  await walk(plan1.id, [
    ['canbo.ttptqd', { action: 'submit_review', occurredOn: '2024-03-01' }],
    [
      'lanhdao.ttptqd',
      {
        action: 'post',
        occurredOn: '2024-03-04',
        places: ['Trụ sở UBND các xã, thị trấn có đất thu hồi', 'Nhà văn hóa các thôn có đất thu hồi'],
      },
    ],
    ['canbo.ttptqd', { action: 'close_posting', occurredOn: '2024-03-25' }],
    [
      'canbo.ttptqd',
      {
        action: 'record_consultation',
        occurredOn: '2024-03-26',
        opinions: households.map((h) =>
          dissenters.includes(h)
            ? { caseId: h.caseId, opinion: 'disagree', note: 'Đề nghị xem xét lại giá đất bồi thường' }
            : { caseId: h.caseId, opinion: 'agree' },
        ),
      },
    ],
    ['canbo.ttptqd', { action: 'start_dialogue', occurredOn: '2024-03-27' }],
    [
      'canbo.ttptqd',
      { action: 'record_dialogue', occurredOn: '2024-03-28', dialogueCaseIds: dissenters.map((h) => h.caseId) },
    ],
    ['lanhdao.ttptqd', { action: 'finalise', occurredOn: '2024-03-29' }],
    ['lanhdao.ttptqd', { action: 'submit_appraisal', occurredOn: '2024-04-01' }],
    ['phong.tnmt', { action: 'appraise', occurredOn: '2024-04-08', outcome: 'agree' }],
    ['phong.nnptnt', { action: 'appraise', occurredOn: '2024-04-09', outcome: 'agree' }],
    ['phong.ktht', { action: 'appraise', occurredOn: '2024-04-10', outcome: 'agree' }],
    ['lanhdao.huyen', { action: 'approve', occurredOn: '2024-04-25' }],
  ]);

  const staff = as('canbo.ttptqd');
  const step = async (caseId: string, action: string, occurredOn: string, documentRef: string, note?: string) => {
    await s.cases.transition(staff, caseId, { action, occurredOn, documentRef: documentRef || undefined, note });
    count('case_steps');
  };
  const notify = async (caseId: string, issuedOn: string, paymentOn: string, handoverBy: string) => {
    await s.payments.notify(staff, caseId, {
      issuedOn,
      paymentOn,
      paymentTime: '08:00',
      place: 'Trụ sở UBND xã',
      handoverBy,
    });
    count('payment_notices');
  };
  const pay = async (caseId: string, amount: string, paidOn: string, i: number) => {
    await s.payments.record(staff, caseId, `demo-story-${caseId}`, {
      method: i % 3 === 0 ? 'cash' : 'bank_transfer',
      amount,
      paidOn,
      voucherNumber: `${i % 3 === 0 ? 'PC' : 'UNC'}-2024-${String(i + 1).padStart(4, '0')}`,
      recipient: 'Chủ hộ',
    });
    count('payments');
  };
  const handOver = async (caseId: string, handedOverOn: string) => {
    const parcels = await s.parcels.list(staff, caseId);
    const items = parcels.filter((p) => Number(p.recoveredArea) > 0);
    if (items.length === 0) return;
    await s.handover.record(staff, caseId, {
      handedOverOn,
      parcels: items.map((p) => ({ parcelId: p.id, area: p.recoveredArea })),
    });
    count('handovers');
  };

  // The recovery decisions are handed to the households within days of the approval (two are still to be served).
  const unserved = others.slice(0, 2);
  for (const [i, h] of households.filter((x) => !unserved.includes(x)).entries())
    await step(
      h.caseId,
      'serve_decision',
      workday(addDays('2024-04-26', i % 5)),
      `Biên bản giao quyết định số ${i + 1}`,
    );

  // The other communes: two households have their decision and nothing more yet; the rest are notified from 02/05,
  // paid by 24/05 (within the 30 days of LĐĐ 2013 Đ93 k1), handed over from mid-May to the end of September — about
  // 60 % of these households by 30/06. At the end of the list, three of each: paid but refusing to hand over (being
  // persuaded), paid and not yet handed over, notified and not yet paid.
  const payable = others
    .slice(2)
    .filter((h) => BigInt(h.net) > 0n)
    .slice(2);
  const handing = payable.length - 9;
  for (const [i, h] of payable.entries()) {
    const notifiedOn = workday(addDays('2024-05-02', i % 8));
    const paidOn = workday(addDays(notifiedOn, 7 + (i % 5)));
    await notify(h.caseId, notifiedOn, paidOn, addDays(paidOn, 20));
    if (i >= handing + 6) continue;
    await pay(h.caseId, h.net, paidOn, i);
    if (i >= handing + 3) continue;
    if (i >= handing) {
      await step(h.caseId, 'refuse_handover', addDays(paidOn, 14), `Biên bản số ${i + 1}/BB-TTPTQĐ`);
      await step(h.caseId, 'persuade_handover', addDays(paidOn, 21), `Biên bản vận động số ${i + 1}/BB-VĐ`);
      continue;
    }
    const share = i / handing;
    const handedOn =
      share < 0.6
        ? workday(addDays(paidOn, 3 + Math.floor(share * 60)))
        : workday(addDays('2024-07-01', Math.floor((share - 0.6) * 220)));
    await handOver(h.caseId, handedOn);
  }

  // The lagging commune: the dissenters refuse the money (two are being persuaded), one complains about the plan;
  // the rest are paid but hand over late in the year.
  for (const [i, h] of lagging.entries()) {
    const notifiedOn = workday(addDays('2024-05-13', i % 5));
    const paidOn = workday(addDays(notifiedOn, 10));
    await notify(h.caseId, notifiedOn, paidOn, addDays(paidOn, 30));
    if (i < dissenters.length) {
      await step(h.caseId, 'refuse_payment', paidOn, `Biên bản số ${20 + i}/BB-TTPTQĐ`, 'Hộ không nhận tiền');
      if (i < 2) await step(h.caseId, 'persuade_payment', addDays(paidOn, 14), `Biên bản vận động số ${30 + i}/BB-VĐ`);
      continue;
    }
    if (BigInt(h.net) === 0n) continue;
    await pay(h.caseId, h.net, paidOn, 500 + i);
    if (i % 2 === 0) await handOver(h.caseId, workday(addDays('2024-10-01', i)));
  }
  if (dissenters[0]) {
    const c = await s.cases.detail(staff, dissenters[0].caseId);
    const complaint = await s.complaints.register(staff, {
      kind: 'complaint',
      projectId: ct.id,
      caseId: c.id,
      receivedOn: '2024-05-20',
      channel: 'direct',
      subjectType: 'plan_approval',
      content:
        'Khiếu nại Quyết định phê duyệt phương án bồi thường, hỗ trợ, tái định cư: đề nghị xem xét lại giá đất ở bồi thường.',
      decisionReceivedOn: '2024-04-29',
    });
    await s.complaints.step(staff, complaint.id, {
      action: 'accept',
      occurredOn: '2024-05-27',
      version: complaint.version,
      documentRef: 'Thông báo thụ lý số 12/TB-UBND',
    });
    count('complaints');
  }

  // Đợt 2: the households notified in 2024, priced in a draft after their surveys.
  await draft(
    ct.id,
    'Dự thảo phương án bồi thường, hỗ trợ, tái định cư đợt 2 — cao tốc Hữu Nghị – Chi Lăng (giá MẪU)',
    '2024-12-02',
    '2',
  );

  // ---------------------------------------------------------------------------------------------------------------
  // QL4B, đợt 1: in appraisal; Phòng TN&MT agreed, Phòng NN&PTNT and Phòng KT&HT not yet.
  // ---------------------------------------------------------------------------------------------------------------
  const [ql] = await ds.query<{ id: string }[]>(`SELECT id FROM projects WHERE code = 'QL4B'`);
  if (ql) {
    const plan = await draft(
      ql.id,
      'Phương án bồi thường, hỗ trợ, tái định cư đợt 1 — Quốc lộ 4B (giá MẪU)',
      '2024-09-02',
      '1',
    );
    const all = await s.plans.cases(staff, plan.id);
    await walk(plan.id, [
      ['canbo.ttptqd', { action: 'submit_review', occurredOn: '2024-09-02' }],
      [
        'lanhdao.ttptqd',
        { action: 'post', occurredOn: '2024-09-03', places: ['Trụ sở UBND các xã, thị trấn có đất thu hồi'] },
      ],
      ['canbo.ttptqd', { action: 'close_posting', occurredOn: '2024-09-23' }],
      [
        'canbo.ttptqd',
        {
          action: 'record_consultation',
          occurredOn: '2024-09-24',
          opinions: all.map((h) => ({ caseId: h.caseId, opinion: 'agree' })),
        },
      ],
      ['lanhdao.ttptqd', { action: 'finalise', occurredOn: '2024-09-26' }],
      ['lanhdao.ttptqd', { action: 'submit_appraisal', occurredOn: '2024-10-01' }],
      ['phong.tnmt', { action: 'appraise', occurredOn: '2024-10-07', outcome: 'agree' }],
    ]);
  }
  // ---------------------------------------------------------------------------------------------------------------
  // CAX-2024: four households found in the boundary of a remaining site in November 2024 (đợt 3).
  // ---------------------------------------------------------------------------------------------------------------
  const [cax] = await ds.query<{ id: string; commune: string }[]>(
    `SELECT p.id, u.id AS commune FROM projects p JOIN admin_units u ON u.code = 'CL-MAU-SON' WHERE p.code = 'CAX-2024'`,
  );
  if (cax) {
    const names = ['Hoàng Văn Tuấn Mẫu', 'Lộc Thị Mai Mẫu', 'Vi Văn Hải Mẫu', 'Nông Thị Hoa Mẫu'];
    for (const [i, fullName] of names.entries()) {
      const c = await s.cases.create(staff, cax.id, {
        communeId: cax.commune,
        batch: '3',
        landUser: {
          kind: 'household',
          fullName,
          cccd: `099${i % 2}85${String(999_990 + i)}`,
          birthYear: 1985,
          address: 'Thôn Mẫu 2, xã Mẫu Sơn, huyện Cao Lộc, tỉnh Lạng Sơn',
          members: [
            { fullName, birthYear: 1985, relation: 'Chủ hộ', livesOnLand: true, farmsLand: true },
            { fullName: `${fullName} (con)`, birthYear: 2010, relation: 'Con', livesOnLand: true, farmsLand: false },
          ],
        },
      });
      count('cases');
      if (i === 0) continue; // in the boundary, the notice not yet delivered
      await step(c.id, 'deliver_notice', '2024-11-04', '215/TB-UBND');
      if (i === 1) continue;
      await step(c.id, 'refuse_survey', '2024-11-12', '', 'Hộ không cho tổ kiểm đếm vào đo đạc, kiểm đếm');
      if (i === 2) continue;
      await step(c.id, 'persuade_survey', '2024-11-19', '07/BB-VĐ', 'UBND xã và Trung tâm vận động lần 1');
    }
  }
  return made;
}

/** The day itself, or the Monday after a Saturday or Sunday (the demo's offices work Monday to Friday). */
function workday(iso: string): string {
  const dow = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return dow === 6 ? addDays(iso, 2) : dow === 0 ? addDays(iso, 1) : iso;
}
