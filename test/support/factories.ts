import { Decimal } from 'decimal.js';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { TestApp } from './test-app.js';

/** Synthetic, obviously fictitious people: names from a fixed list, CCCD numbers starting with 099 (no real province). */
const NAMES = ['Hoàng Văn Thử', 'Lương Thị Mẫu', 'Nông Văn Giả', 'Vi Thị Thí Nghiệm', 'Lăng Văn Ví Dụ'];
let seq = 0;

export const fakeCccd = (): string => `099${String(randomInt(0, 1e9)).padStart(9, '0')}`;
export const fakeName = (): string => `${NAMES[seq++ % NAMES.length]} ${seq}`;

export async function projectByCode(t: TestApp, code: string): Promise<{ id: string; communes: { id: string; name: string }[] }> {
  const res = await t.http().get('/api/v1/projects').set('Authorization', await t.login('quantri'));
  return res.body.find((p: { code: string }) => p.code === code);
}

export async function createCase(
  t: TestApp,
  projectCode: string,
  options: { communeName?: string; fullName?: string; cccd?: string; as?: string; flags?: Record<string, boolean> } = {},
): Promise<{ id: string; version: number; landUser: { id: string; fullName: string; cccd: string } }> {
  const project = await projectByCode(t, projectCode);
  const commune = options.communeName ? project.communes.find((c) => c.name === options.communeName)! : project.communes[0];
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
 * A plan over a project's eligible cases, approved on `approvedOn` (decision numbers issued by the approval): the
 * steps before approval are tested in workflow.spec.ts, so the plan is moved to APPRAISED directly. Notices are dated
 * far enough back for the 90/180-day periods to be over. Returns the plan and its cases.
 */
export async function approvedPlan(t: TestApp, projectCode: string, approvedOn: string): Promise<{ planId: string; caseIds: string[] }> {
  const ds = t.app.get(DataSource);
  const [project] = await ds.query('SELECT id FROM projects WHERE code = $1', [projectCode]);
  await ds.query(`UPDATE cases SET notice_delivered_on = '2023-01-02' WHERE project_id = $1`, [project.id]);
  const [book] = await ds.query(`SELECT id FROM price_books WHERE code = 'MAU-CAOLOC-2024'`);
  const staff = await t.login('canbo.ttptqd');
  const plan = await t.http().post(`/api/v1/projects/${project.id}/plans`).set('Authorization', staff).send({ name: 'Phương án thử', priceBookId: book.id, valuationDate: '2024-01-15' });
  if (plan.status !== 201) throw new Error(`approvedPlan: create ${plan.status} ${JSON.stringify(plan.body).slice(0, 300)}`);
  await ds.query(`UPDATE plans SET status = 'APPRAISED', findings = '[]', appraisal = '{"land":{},"crops":{},"structures":{}}' WHERE id = $1`, [plan.body.id]);
  const [{ version }] = await ds.query('SELECT version FROM plans WHERE id = $1', [plan.body.id]);
  const approve = await t.http().post(`/api/v1/plans/${plan.body.id}/transitions`).set('Authorization', await t.login('lanhdao.huyen')).send({ action: 'approve', version, occurredOn: approvedOn });
  if (approve.status !== 201) throw new Error(`approvedPlan: approve ${approve.status} ${JSON.stringify(approve.body).slice(0, 300)}`);
  const cases = (await t.http().get(`/api/v1/plans/${plan.body.id}/cases`).set('Authorization', staff)).body as { caseId: string }[];
  return { planId: plan.body.id, caseIds: cases.map((c) => c.caseId) };
}

/**
 * Site handover of the listed cases on `on` (bàn giao mặt bằng), every parcel at once: its whole recovered area, or
 * `half` of it (rounded down to 0.1 m²). The ONE place tests create handovers: whatever handover requires before it
 * (today an approved plan; tomorrow perhaps payment) is set up here. Returns the area handed over (m², exact).
 */
export async function handOverCases(t: TestApp, caseIds: string[], on: string, options: { share?: 'all' | 'half'; as?: string; enforced?: boolean } = {}): Promise<string> {
  const auth = await t.login(options.as ?? 'canbo.ttptqd');
  let total = new Decimal(0);
  for (const caseId of caseIds) {
    const parcels = (await t.http().get(`/api/v1/cases/${caseId}/parcels`).set('Authorization', auth)).body as { id: string; recoveredArea: string }[];
    const items = parcels
      .map((p) => ({ parcelId: p.id, area: options.share === 'half' ? new Decimal(p.recoveredArea).div(2).toDecimalPlaces(1, Decimal.ROUND_DOWN) : new Decimal(p.recoveredArea) }))
      .filter((p) => p.area.gt(0));
    if (items.length === 0) continue;
    const res = await t
      .http()
      .post(`/api/v1/cases/${caseId}/handover`)
      .set('Authorization', auth)
      .send({ handedOverOn: on, parcels: items.map((p) => ({ parcelId: p.parcelId, area: p.area.toFixed() })), ...(options.enforced ? { enforced: true } : {}) });
    if (res.status !== 201) throw new Error(`handOverCases: ${caseId} ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    total = items.reduce((s, p) => s.plus(p.area), total);
  }
  return total.toFixed();
}
