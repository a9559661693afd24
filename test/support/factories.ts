import { Decimal } from 'decimal.js';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { TestApp } from './test-app.js';

/** Synthetic, obviously fictitious people: names from a fixed list, CCCD numbers starting with 099 (no real province). */
const NAMES = ['Hoàng Văn Thử', 'Lương Thị Mẫu', 'Nông Văn Giả', 'Vi Thị Thí Nghiệm', 'Lăng Văn Ví Dụ'];
let seq = 0;

export const fakeCccd = (): string => `099${String(randomInt(0, 1e9)).padStart(9, '0')}`;
export const fakeName = (): string => `${NAMES[seq++ % NAMES.length]} ${seq}`;

export async function projectByCode(
  t: TestApp,
  code: string,
): Promise<{ id: string; communes: { id: string; name: string }[] }> {
  const res = await t
    .http()
    .get('/api/v1/projects')
    .set('Authorization', await t.login('quantri'));
  return res.body.find((p: { code: string }) => p.code === code);
}

export async function createCase(
  t: TestApp,
  projectCode: string,
  options: {
    communeName?: string;
    fullName?: string;
    cccd?: string;
    as?: string;
    flags?: Record<string, boolean>;
  } = {},
): Promise<{ id: string; version: number; landUser: { id: string; fullName: string; cccd: string } }> {
  const project = await projectByCode(t, projectCode);
  const commune = options.communeName
    ? project.communes.find((c) => c.name === options.communeName)!
    : project.communes[0];
  const res = await t
    .http()
    .post(`/api/v1/projects/${project.id}/cases`)
    .set('Authorization', await t.login(options.as ?? 'canbo.ttptqd'))
    .send({
      communeId: commune.id,
      batch: '1',
      landUser: {
        kind: 'household',
        fullName: options.fullName ?? fakeName(),
        cccd: options.cccd ?? fakeCccd(),
        members: [{ fullName: 'Thành viên Thử', birthYear: 1990, relation: 'Con', livesOnLand: true, farmsLand: true }],
        ...(options.flags ?? {}),
      },
    });
  if (res.status !== 201) throw new Error(`createCase: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * An approved plan over a seeded project's surveyed cases, decided on `approvedOn`. The steps before approval are
 * tested in workflow.spec.ts: here the case history is moved back before the notice period and the plan is taken to APPRAISED in SQL,
 * then approved through the API (numbers, decisions, case steps as in real use).
 */
export async function approvedPlan(
  t: TestApp,
  projectCode: string,
  approvedOn: string,
): Promise<{ planId: string; cases: { caseId: string; net: string }[]; caseIds: string[] }> {
  const ds = t.app.get(DataSource);
  const [project] = await ds.query(`SELECT id FROM projects WHERE code = $1`, [projectCode]);
  // The synthetic history runs into 2024: move it back so its last step is 181 days before the approval (every
  // notice then older than the 180-day period), keeping each case's steps in order.
  const [{ d }] = await ds.query(
    `SELECT coalesce(max(t.occurred_on) - ($2::date - 181), 0) AS d FROM case_transitions t JOIN cases c ON c.id = t.case_id WHERE c.project_id = $1`,
    [project.id, approvedOn],
  );
  if (d > 0) {
    await ds.query(
      `UPDATE case_transitions t SET occurred_on = t.occurred_on - $2::int FROM cases c WHERE c.id = t.case_id AND c.project_id = $1`,
      [project.id, d],
    );
    await ds.query(`UPDATE cases SET notice_delivered_on = notice_delivered_on - $2::int WHERE project_id = $1`, [
      project.id,
      d,
    ]);
  }
  await ds.query(`DELETE FROM plans WHERE project_id = $1 AND status = 'DRAFT'`, [project.id]);
  const [book] = await ds.query(`SELECT id FROM price_books WHERE code = 'MAU-CAOLOC-2024'`);
  const staff = await t.login('canbo.ttptqd');
  const plan = await t
    .http()
    .post(`/api/v1/projects/${project.id}/plans`)
    .set('Authorization', staff)
    .send({ name: `Phương án ${projectCode}`, priceBookId: book.id, valuationDate: approvedOn });
  if (plan.status !== 201) throw new Error(`approvedPlan: ${plan.status} ${JSON.stringify(plan.body)}`);
  await ds.query(
    `UPDATE plans SET status = 'APPRAISED', findings = '[]', appraisal = '{"land":{},"crops":{},"structures":{}}' WHERE id = $1`,
    [plan.body.id],
  );
  const [{ version }] = await ds.query('SELECT version FROM plans WHERE id = $1', [plan.body.id]);
  const approve = await t
    .http()
    .post(`/api/v1/plans/${plan.body.id}/transitions`)
    .set('Authorization', await t.login('lanhdao.huyen'))
    .send({ action: 'approve', version, occurredOn: approvedOn });
  if (approve.status !== 201)
    throw new Error(`approvedPlan: approve ${approve.status} ${JSON.stringify(approve.body)}`);
  const cases = (await t.http().get(`/api/v1/plans/${plan.body.id}/cases`).set('Authorization', staff)).body as {
    caseId: string;
    net: string;
  }[];
  return { planId: plan.body.id, cases, caseIds: cases.map((c) => c.caseId) };
}

/** A household taken through the API from the payment notice to the handover of all its parcels, on the given dates. */
export async function settleAndHandOver(
  t: TestApp,
  c: { caseId: string; net: string },
  on: { notifiedOn: string; paidOn: string; handedOverOn: string },
): Promise<void> {
  const staff = await t.login('canbo.ttptqd');
  const ok = (res: { status: number; body: unknown }, what: string) => {
    if (res.status !== 201) throw new Error(`settleAndHandOver ${what}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  ok(
    await t
      .http()
      .post(`/api/v1/cases/${c.caseId}/payment-notices`)
      .set('Authorization', staff)
      .send({
        issuedOn: on.notifiedOn,
        paymentOn: on.paidOn,
        paymentTime: '08:00',
        place: 'Trụ sở UBND xã',
        handoverBy: on.handedOverOn > on.paidOn ? on.handedOverOn : on.paidOn,
      }),
    'notice',
  );
  ok(
    await t
      .http()
      .post(`/api/v1/cases/${c.caseId}/payments`)
      .set('Authorization', staff)
      .set('Idempotency-Key', `settle-${c.caseId}`)
      .send({
        method: 'bank_transfer',
        amount: c.net,
        paidOn: on.paidOn,
        voucherNumber: `UNC-${c.caseId.slice(0, 8)}`,
        recipient: 'Chủ hộ',
      }),
    'payment',
  );
  const parcels = (await t.http().get(`/api/v1/cases/${c.caseId}/parcels`).set('Authorization', staff)).body as {
    id: string;
    recoveredArea: string;
  }[];
  ok(
    await t
      .http()
      .post(`/api/v1/cases/${c.caseId}/handover`)
      .set('Authorization', staff)
      .send({
        handedOverOn: on.handedOverOn,
        parcels: parcels.map((p) => ({ parcelId: p.id, area: p.recoveredArea })),
      }),
    'handover',
  );
}

/**
 * Site handover of the listed cases on `on` (bàn giao mặt bằng), every parcel at once: its whole recovered area, or
 * `half` of it (rounded down to 0.1 m²). The ONE place tests create handovers: whatever handover requires before it
 * (an approved plan, then the payment notice and payment in full, on the handover day, for a case not yet settled) is
 * set up here. Returns the area handed over (m², exact).
 */
export async function handOverCases(
  t: TestApp,
  caseIds: string[],
  on: string,
  options: { share?: 'all' | 'half'; as?: string; enforced?: boolean } = {},
): Promise<string> {
  const auth = await t.login(options.as ?? 'canbo.ttptqd');
  let total = new Decimal(0);
  for (const caseId of caseIds) {
    await settle(t, caseId, on, auth);
    const parcels = (await t.http().get(`/api/v1/cases/${caseId}/parcels`).set('Authorization', auth)).body as {
      id: string;
      recoveredArea: string;
    }[];
    const items = parcels
      .map((p) => ({
        parcelId: p.id,
        area:
          options.share === 'half'
            ? new Decimal(p.recoveredArea).div(2).toDecimalPlaces(1, Decimal.ROUND_DOWN)
            : new Decimal(p.recoveredArea),
      }))
      .filter((p) => p.area.gt(0));
    if (items.length === 0) continue;
    const res = await t
      .http()
      .post(`/api/v1/cases/${caseId}/handover`)
      .set('Authorization', auth)
      .send({
        handedOverOn: on,
        parcels: items.map((p) => ({ parcelId: p.parcelId, area: p.area.toFixed() })),
        ...(options.enforced ? { enforced: true } : {}),
      });
    if (res.status !== 201)
      throw new Error(`handOverCases: ${caseId} ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    total = items.reduce((s, p) => s.plus(p.area), total);
  }
  return total.toFixed();
}

/** Payment notice and payment in full on `on`, through the API, unless the case is already past payment. */
export async function settle(t: TestApp, caseId: string, on: string, auth: string): Promise<void> {
  const { state } = (await t.http().get(`/api/v1/cases/${caseId}`).set('Authorization', auth)).body as {
    state: string;
  };
  if (state !== 'APPROVED' && state !== 'DECISION_SERVED' && state !== 'PAYMENT_NOTIFIED') return;
  if (state !== 'PAYMENT_NOTIFIED') {
    const notice = await t
      .http()
      .post(`/api/v1/cases/${caseId}/payment-notices`)
      .set('Authorization', auth)
      .send({ issuedOn: on, paymentOn: on, paymentTime: '08:00', place: 'Trụ sở UBND xã', handoverBy: on });
    if (notice.status !== 201)
      throw new Error(`settle: notice ${caseId} ${notice.status} ${JSON.stringify(notice.body).slice(0, 300)}`);
  }
  // What is owed, paid on `on`; paid late, the principal accrues a late amount owed at once: paid right after.
  for (let round = 1; round <= 2; round++) {
    const { outstanding } = (await t.http().get(`/api/v1/cases/${caseId}/payments`).set('Authorization', auth))
      .body as { outstanding: string };
    if (BigInt(outstanding) <= 0n) return;
    const paid = await t
      .http()
      .post(`/api/v1/cases/${caseId}/payments`)
      .set('Authorization', auth)
      .set('Idempotency-Key', `settle-${caseId}-${round}`)
      .send({
        method: 'bank_transfer',
        amount: outstanding,
        paidOn: on,
        voucherNumber: `UNC-${caseId.slice(0, 8)}-${round}`,
        recipient: 'Chủ hộ',
      });
    if (paid.status !== 201)
      throw new Error(`settle: payment ${caseId} ${paid.status} ${JSON.stringify(paid.body).slice(0, 300)}`);
  }
}
