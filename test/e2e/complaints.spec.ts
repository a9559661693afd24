import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Decimal } from 'decimal.js';
import { DataSource } from 'typeorm';
import { approvedPlan, projectByCode, settle } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let staff: string;
let leader: string;
let commune: string;
let planId: string;
let caseIds: string[];
let hopThanh: { id: string; communes: { id: string; name: string }[] };

/** CCN-HT1 (Hợp Thành, not remote) with an approved plan of 30/06/2025; CAX-2024 crosses remote communes. */
beforeAll(async () => {
  t = await startTestApp();
  staff = await t.login('canbo.ttptqd');
  leader = await t.login('lanhdao.huyen');
  commune = await t.login('xa.hopthanh');
  ({ planId, caseIds } = await approvedPlan(t, 'CCN-HT1', '2025-06-30'));
  hopThanh = await projectByCode(t, 'CCN-HT1');
});
afterAll(async () => {
  await t.close();
});

const register = (as: string, body: Record<string, unknown>) =>
  t
    .http()
    .post('/api/v1/complaints')
    .set('Authorization', as)
    .send({
      kind: 'complaint',
      channel: 'direct',
      subjectType: 'plan_approval',
      content: 'Đề nghị xem xét lại giá đất bồi thường.',
      ...body,
    });
const get = async (id: string, as = staff) =>
  (await t.http().get(`/api/v1/complaints/${id}`).set('Authorization', as)).body;
const step = async (id: string, body: Record<string, unknown>, as = staff) => {
  const { version } = await get(id);
  return t
    .http()
    .post(`/api/v1/complaints/${id}/steps`)
    .set('Authorization', as)
    .send({ version, ...body });
};

describe('registering', () => {
  it("a commune officer registers a household's complaint in their commune; the complainant is the case's land user", async () => {
    const res = await register(commune, { projectId: hopThanh.id, caseId: caseIds[0], receivedOn: '2026-07-02' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      code: expect.stringMatching(/^DT-2026-\d{4}$/),
      state: 'RECEIVED',
      level: 1,
      communeId: hopThanh.communes[0].id,
      agency: 'people_committee',
      remoteCommune: false,
    });
    expect(res.body.complainantName.length).toBeGreaterThan(3);
    expect(res.body.events).toEqual([
      expect.objectContaining({ action: 'register', toState: 'RECEIVED', occurredOn: '2026-07-02' }),
    ]);
  });

  it('refuses bad input with a coded error and the field', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ projectId: hopThanh.id, receivedOn: '2026-07-02' }, 400, 'COMPLAINT.COMMUNE_REQUIRED'],
      [{ projectId: hopThanh.id, caseId: caseIds[0], receivedOn: '2099-01-01' }, 400, 'COMPLAINT.DATE_IN_FUTURE'],
      [
        { projectId: hopThanh.id, caseId: caseIds[0], receivedOn: '2026-07-02', planLineId: '999999999' },
        400,
        'COMPLAINT.PLAN_LINE_NOT_FOUND',
      ],
      [{ projectId: hopThanh.id, caseId: caseIds[0], receivedOn: '2012-06-30' }, 409, 'COMPLAINT.NO_RULE'],
    ];
    for (const [body, status, code] of cases) {
      const res = await register(staff, body);
      expect([res.status, res.body.code]).toEqual([status, code]);
    }
    const invalid = await register(staff, {
      projectId: hopThanh.id,
      caseId: caseIds[0],
      receivedOn: '2026-07-02',
      kind: 'khieu_nai',
    });
    expect(invalid.status).toBe(400);
  });
});

describe('commune scope', () => {
  it('a commune officer neither registers nor sees complaints of another commune', async () => {
    const highway = await projectByCode(t, 'CT-HNCL');
    const other = await register(staff, {
      projectId: highway.id,
      communeId: highway.communes[0].id,
      complainantName: 'Hoàng Văn Thử',
      complainantAddress: 'Thôn Nà Pàn',
      receivedOn: '2026-07-03',
    });
    expect(other.status).toBe(201);
    expect(other.body.complainantAddress).toBe('Thôn Nà Pàn');
    const read = await t.http().get(`/api/v1/complaints/${other.body.id}`).set('Authorization', commune);
    expect([read.status, read.body.code]).toEqual([403, 'AUTH.OUT_OF_SCOPE']);
    const list = await t.http().get('/api/v1/complaints').set('Authorization', commune);
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(other.body.id);
    expect(list.body.items.every((c: { communeId: string }) => c.communeId === hopThanh.communes[0].id)).toBe(true);
    const write = await register(commune, {
      projectId: highway.id,
      communeId: highway.communes[0].id,
      complainantName: 'Hoàng Văn Thử',
      receivedOn: '2026-07-03',
    });
    expect(write.status).toBe(403);
    // A complainant known to the system is linked even without a case: a land user of another project.
    const [known] = await t.app
      .get(DataSource)
      .query(
        `SELECT c.land_user_id AS id, lu.full_name AS name FROM cases c JOIN land_users lu ON lu.id = c.land_user_id WHERE c.project_id = $1 LIMIT 1`,
        [highway.id],
      );
    const linked = await register(staff, {
      projectId: highway.id,
      communeId: highway.communes[0].id,
      landUserId: known.id,
      receivedOn: '2026-07-03',
      kind: 'petition',
      subjectType: 'other',
    });
    expect(linked.body).toMatchObject({ caseId: null, landUserId: known.id, complainantName: known.name });
    const mismatch = await register(staff, {
      projectId: hopThanh.id,
      caseId: caseIds[0],
      landUserId: known.id,
      receivedOn: '2026-07-03',
    });
    expect([mismatch.status, mismatch.body.code]).toEqual([400, 'COMPLAINT.LAND_USER_MISMATCH']);
    // The investor sees the complaint of its project without the complainant's address.
    const investor = await get(other.body.id, await t.login('chudautu.bot'));
    expect(investor.complainantAddress).toBeNull();
  });
});

describe('deadlines from the dated rules', () => {
  it('before 1/7/2026: thụ lý within 10 calendar days, a Sunday moves it to Monday', async () => {
    const res = await register(staff, { projectId: hopThanh.id, caseId: caseIds[1], receivedOn: '2026-06-18' });
    expect(res.body.deadlines).toMatchObject({ acceptanceDue: '2026-06-29', nextDue: '2026-06-29', overdue: true });
  });

  it('from 1/7/2026 (NĐ 155/2026): 7 working days across a weekend; resolution 30 days in a normal commune, 45 in a remote one', async () => {
    const normal = await register(staff, { projectId: hopThanh.id, caseId: caseIds[2], receivedOn: '2026-07-02' });
    expect(normal.body.deadlines).toMatchObject({ acceptanceDue: '2026-07-13', resolutionDue: null });
    const police = await projectByCode(t, 'CAX-2024');
    const [baoLam] = await t.app.get(DataSource).query(`SELECT id FROM admin_units WHERE code = 'CL-BAO-LAM'`);
    const remote = await register(staff, {
      projectId: police.id,
      communeId: baoLam.id,
      complainantName: 'Lộc Văn Xa',
      receivedOn: '2026-07-02',
    });
    expect(remote.body).toMatchObject({ remoteCommune: true, deadlines: { acceptanceDue: '2026-07-13' } });

    for (const [id, due] of [
      [normal.body.id, '2026-08-05'],
      [remote.body.id, '2026-08-20'],
    ]) {
      const accepted = await step(id, { action: 'accept', occurredOn: '2026-07-06', documentRef: '12/TB-UBND' });
      expect(accepted.status).toBe(201);
      expect(accepted.body).toMatchObject({
        state: 'ACCEPTED',
        acceptedOn: '2026-07-06',
        deadlines: { resolutionDue: due, nextDue: due },
      });
    }
    // Complex, marked at acceptance: 45 days in a normal commune.
    const complex = await register(staff, { projectId: hopThanh.id, caseId: caseIds[3], receivedOn: '2026-07-02' });
    const accepted = await step(complex.body.id, {
      action: 'accept',
      occurredOn: '2026-07-06',
      documentRef: '13/TB-UBND',
      complex: true,
    });
    expect(accepted.body.deadlines.resolutionDue).toBe('2026-08-20');
  });

  it('an overdue complaint is listed for its agency on the deadlines list and by the overdue filter', async () => {
    const late = await register(staff, {
      projectId: hopThanh.id,
      caseId: caseIds[4],
      receivedOn: '2026-07-02',
      kind: 'petition',
      subjectType: 'other',
      agency: 'commune_committee',
    });
    // A petition: processed within 10 calendar days (Luật Tiếp công dân); 12/7 is a Sunday.
    expect(late.body.deadlines.acceptanceDue).toBe('2026-07-13');
    const deadlines = await t
      .http()
      .get('/api/v1/deadlines')
      .query({ agencyKind: 'commune_committee', status: 'overdue' })
      .set('Authorization', staff);
    expect(deadlines.status).toBe(200);
    expect(deadlines.body.items).toContainEqual(
      expect.objectContaining({
        kind: 'complaint_acceptance',
        entityType: 'complaint',
        entityId: late.body.id,
        dueOn: '2026-07-13',
        agencyLabel: 'UBND xã',
      }),
    );
    expect(deadlines.body.byAgency).toContainEqual(
      expect.objectContaining({ agencyKind: 'commune_committee', overdue: expect.any(Number) }),
    );
    expect(
      deadlines.body.byAgency.find((a: { agencyKind: string }) => a.agencyKind === 'commune_committee').overdue,
    ).toBeGreaterThanOrEqual(1);
    const overdue = await t
      .http()
      .get('/api/v1/complaints')
      .query({ overdue: 'true', agency: 'commune_committee' })
      .set('Authorization', commune);
    expect(overdue.body.items.map((c: { id: string }) => c.id)).toContain(late.body.id);
    // The commune officer sees it on their own deadlines list too (their commune).
    const mine = await t.http().get('/api/v1/deadlines').set('Authorization', commune);
    expect(mine.body.items.map((i: { entityId: string }) => i.entityId)).toContain(late.body.id);
  });
});

describe('invalid steps are refused with coded errors', () => {
  it('wrong order, wrong role, missing reason, stale version, date before the previous step', async () => {
    const c = (await register(staff, { projectId: hopThanh.id, caseId: caseIds[5], receivedOn: '2026-07-02' })).body;
    const cases: [Record<string, unknown>, string, number, string][] = [
      [
        { action: 'decide', occurredOn: '2026-07-10', documentRef: '1/QĐ-UBND', outcome: 'rejected' },
        leader,
        409,
        'COMPLAINT.TRANSITION_NOT_ALLOWED',
      ],
      [{ action: 'start_verification', occurredOn: '2026-07-10' }, staff, 409, 'COMPLAINT.TRANSITION_NOT_ALLOWED'],
      [
        { action: 'appeal', occurredOn: '2026-07-10', documentRef: 'Đơn lần hai' },
        staff,
        409,
        'COMPLAINT.TRANSITION_NOT_ALLOWED',
      ],
      [
        { action: 'refuse', occurredOn: '2026-07-10', documentRef: '2/TB-UBND' },
        staff,
        400,
        'COMPLAINT.REASON_REQUIRED',
      ],
      [{ action: 'accept', occurredOn: '2026-07-10' }, staff, 400, 'COMPLAINT.DOCUMENT_REQUIRED'],
      [
        { action: 'accept', occurredOn: '2026-07-01', documentRef: '3/TB-UBND' },
        staff,
        400,
        'COMPLAINT.DATE_BEFORE_PREVIOUS',
      ],
      [
        { action: 'accept', occurredOn: '2026-07-10', documentRef: '3/TB-UBND' },
        await t.login('thanhtra'),
        403,
        'AUTH.ROLE_NOT_ALLOWED',
      ],
    ];
    for (const [body, as, status, code] of cases) {
      const res = await step(c.id, body, as);
      expect([body.action, res.status, res.body.code]).toEqual([body.action, status, code]);
    }
    const stale = await t
      .http()
      .post(`/api/v1/complaints/${c.id}/steps`)
      .set('Authorization', staff)
      .send({ version: c.version + 5, action: 'accept', occurredOn: '2026-07-10', documentRef: '3/TB-UBND' });
    expect([stale.status, stale.body.code]).toEqual([409, 'CONCURRENCY.STALE_VERSION']);
    // Nothing half-written: still RECEIVED with only its registration.
    expect(await get(c.id)).toMatchObject({
      state: 'RECEIVED',
      version: c.version,
      events: [expect.objectContaining({ action: 'register' })],
    });
    await step(c.id, { action: 'accept', occurredOn: '2026-07-06', documentRef: '3/TB-UBND' });
    await step(c.id, { action: 'start_verification', occurredOn: '2026-07-07' });
    const byCommune = await step(
      c.id,
      { action: 'decide', occurredOn: '2026-07-20', documentRef: '4/QĐ-UBND', outcome: 'rejected' },
      commune,
    );
    expect([byCommune.status, byCommune.body.code]).toEqual([403, 'COMPLAINT.ROLE_NOT_ALLOWED']);
    const rejected = await step(
      c.id,
      { action: 'decide', occurredOn: '2026-07-20', documentRef: '4/QĐ-UBND', outcome: 'rejected' },
      leader,
    );
    expect(rejected.body).toMatchObject({
      state: 'DECIDED_L1',
      outcome: 'rejected',
      deadlines: { appealUntil: '2026-08-19' },
    });
    const early = await step(c.id, { action: 'finalize', occurredOn: '2026-08-19' });
    expect([early.status, early.body.code]).toEqual([409, 'COMPLAINT.NOT_YET_FINAL']);
    expect((await step(c.id, { action: 'finalize', occurredOn: '2026-08-20' })).body.state).toBe('FINAL');
  });
});

describe('second level, suspension', () => {
  it('an appeal goes to the province: 10 days to accept, recorded by the Center, dialogue before the decision', async () => {
    const c = (await register(staff, { projectId: hopThanh.id, caseId: caseIds[10], receivedOn: '2026-07-02' })).body;
    expect((await step(c.id, { action: 'accept', occurredOn: '2026-07-06', documentRef: '60/TB-UBND' })).status).toBe(
      201,
    );
    expect((await step(c.id, { action: 'start_verification', occurredOn: '2026-07-07' })).status).toBe(201);
    expect(
      (
        await step(
          c.id,
          { action: 'decide', occurredOn: '2026-07-20', documentRef: '61/QĐ-UBND', outcome: 'rejected' },
          leader,
        )
      ).status,
    ).toBe(201);
    const appealed = await step(c.id, {
      action: 'appeal',
      occurredOn: '2026-07-24',
      documentRef: 'Đơn khiếu nại lần hai ngày 24/7/2026',
    });
    expect(appealed.body).toMatchObject({
      state: 'APPEALED_L2',
      level: 2,
      agency: 'provincial_committee',
      deadlines: { acceptanceDue: '2026-08-03', nextDue: '2026-08-03' },
    });
    const byCommune = await step(
      c.id,
      { action: 'accept', occurredOn: '2026-07-28', documentRef: '5/TB-UBND tỉnh' },
      commune,
    );
    expect([byCommune.status, byCommune.body.code]).toEqual([403, 'COMPLAINT.ROLE_NOT_ALLOWED']);
    expect(
      (await step(c.id, { action: 'accept', occurredOn: '2026-07-28', documentRef: '5/TB-UBND tỉnh' })).body.deadlines
        .resolutionDue,
    ).toBe('2026-09-11');
    expect((await step(c.id, { action: 'start_verification', occurredOn: '2026-07-29' })).status).toBe(201);
    const early = await step(
      c.id,
      { action: 'decide', occurredOn: '2026-08-20', documentRef: '7/QĐ-UBND', outcome: 'rejected' },
      await t.login('lanhdao.ttptqd'),
    );
    expect([early.status, early.body.code]).toEqual([409, 'COMPLAINT.DIALOGUE_REQUIRED']);
    expect(
      (
        await step(c.id, {
          action: 'hold_dialogue',
          occurredOn: '2026-08-18',
          documentRef: 'Biên bản đối thoại 18/8/2026',
        })
      ).status,
    ).toBe(201);
    const decided = await step(
      c.id,
      { action: 'decide', occurredOn: '2026-08-20', documentRef: '7/QĐ-UBND', outcome: 'rejected' },
      await t.login('lanhdao.ttptqd'),
    );
    expect(decided.body).toMatchObject({
      state: 'DECIDED_L2',
      decidedOn: '2026-08-20',
      deadlines: { appealUntil: '2026-09-21' },
    });
    expect((await get(c.id)).events.map((e: { action: string }) => e.action)).toEqual([
      'register',
      'accept',
      'start_verification',
      'decide',
      'appeal',
      'accept',
      'start_verification',
      'hold_dialogue',
      'decide',
    ]);
  });

  it('the days suspended do not count towards the resolution deadline', async () => {
    const c = (await register(staff, { projectId: hopThanh.id, caseId: caseIds[11], receivedOn: '2026-07-02' })).body;
    await step(c.id, { action: 'accept', occurredOn: '2026-07-06', documentRef: '70/TB-UBND' });
    await step(c.id, { action: 'start_verification', occurredOn: '2026-07-07' });
    const noReason = await step(
      c.id,
      { action: 'suspend', occurredOn: '2026-07-10', documentRef: '71/QĐ-UBND' },
      leader,
    );
    expect([noReason.status, noReason.body.code]).toEqual([400, 'COMPLAINT.REASON_REQUIRED']);
    const suspended = await step(
      c.id,
      {
        action: 'suspend',
        occurredOn: '2026-07-10',
        documentRef: '71/QĐ-UBND',
        note: 'Chờ kết quả đo đạc lại thửa đất',
      },
      leader,
    );
    expect(suspended.body).toMatchObject({ state: 'SUSPENDED', deadlines: { nextDue: null, overdue: false } });
    const resumed = await step(c.id, { action: 'resume', occurredOn: '2026-07-22', documentRef: '72/QĐ-UBND' }, leader);
    expect(resumed.body).toMatchObject({ state: 'VERIFYING', deadlines: { resolutionDue: '2026-08-17' } });
  });
});

describe('grievance → plan loop', () => {
  it('an upheld complaint on a plan line opens a draft adjusted plan with that line as decided; its approval closes the loop', async () => {
    const caseId = caseIds[6];
    const lines = (
      await t.http().get(`/api/v1/plans/${planId}/lines`).query({ caseId, pageSize: 500 }).set('Authorization', staff)
    ).body.items as {
      id: string;
      category: string;
      itemCode: string;
      sourceId: string | null;
      quantity: string;
      unitPrice: string | null;
      amount: string | null;
      status: string;
    }[];
    const disputed = lines.find((l) => l.category === 'land' && l.status === 'ok')!;
    expect(disputed).toBeDefined();
    const c = (
      await register(commune, {
        projectId: hopThanh.id,
        planLineId: disputed.id,
        receivedOn: '2026-07-02',
        content: 'Thửa đất được áp giá vị trí 2, đề nghị áp giá vị trí 1.',
      })
    ).body;
    expect(c).toMatchObject({ caseId, planId, planLineId: disputed.id });
    await step(c.id, { action: 'accept', occurredOn: '2026-07-06', documentRef: '20/TB-UBND' });
    await step(c.id, { action: 'start_verification', occurredOn: '2026-07-07' });
    await step(c.id, {
      action: 'hold_dialogue',
      occurredOn: '2026-07-15',
      documentRef: 'Biên bản đối thoại ngày 15/7/2026',
    });
    const newPrice = new Decimal(disputed.unitPrice!).plus(150000).toFixed();
    const decided = await step(
      c.id,
      {
        action: 'decide',
        occurredOn: '2026-07-20',
        documentRef: '25/QĐ-UBND',
        outcome: 'upheld',
        correction: { unitPrice: newPrice },
      },
      leader,
    );
    expect(decided.status).toBe(201);
    expect(decided.body).toMatchObject({
      state: 'DECIDED_L1',
      outcome: 'upheld',
      decisionNumber: '25/QĐ-UBND',
      adjustmentPlan: { status: 'DRAFT', loopClosed: false },
    });

    const adjusted = (await t.http().get(`/api/v1/plans/${decided.body.adjustmentPlan.id}`).set('Authorization', staff))
      .body;
    expect(adjusted).toMatchObject({ kind: 'adjustment', parentPlanId: planId, caseCount: 1 });
    const check = async (adjustedId: string) => {
      const after = (
        await t
          .http()
          .get(`/api/v1/plans/${adjustedId}/lines`)
          .query({ caseId, pageSize: 500 })
          .set('Authorization', staff)
      ).body.items as typeof lines & { basis: string }[];
      const changed = after.find(
        (l) => l.category === 'land' && l.itemCode === disputed.itemCode && l.quantity === disputed.quantity,
      )!;
      expect(changed.unitPrice).toBe(newPrice);
      expect(changed.amount).toBe(new Decimal(disputed.quantity).times(newPrice).toFixed());
      expect((changed as unknown as { basis: string }).basis).toContain(
        'Quyết định giải quyết khiếu nại số 25/QĐ-UBND ngày 20/07/2026',
      );
      // Job-change support on that parcel follows the corrected price (k × land price).
      const jobBefore = lines.find((l) => l.category === 'support_job_change' && l.sourceId === disputed.sourceId);
      const jobAfter = after.find((l) => l.category === 'support_job_change' && l.sourceId === disputed.sourceId);
      if (jobBefore)
        expect(jobAfter!.unitPrice).toBe(
          new Decimal(jobBefore.unitPrice!).div(disputed.unitPrice!).times(newPrice).toFixed(),
        );
      // Every other line as in the approved plan (rounding, deductions and the lines derived from land aside).
      const derived = (l: (typeof lines)[number]) =>
        ['rounding', 'deduction', 'resettlement_top_up'].includes(l.category) ||
        (l.category === 'support_job_change' && l.sourceId === disputed.sourceId);
      const rest = (ls: typeof lines) =>
        ls
          .filter((l) => l.id !== disputed.id && !derived(l))
          .map((l) => `${l.category}|${l.itemCode}|${l.amount}`)
          .sort();
      expect(rest(after.filter((l) => l !== changed))).toEqual(rest(lines));
    };
    await check(adjusted.id);
    // A recompute of the draft keeps the decided line.
    const recomputed = await t
      .http()
      .post(`/api/v1/plans/${adjusted.id}/recompute`)
      .set('Authorization', staff)
      .send({ version: adjusted.version });
    expect(recomputed.status).toBe(201);
    await check(adjusted.id);

    // The adjusted plan goes through its steps (taken to APPRAISED here) and is approved: the loop closes.
    const ds = t.app.get(DataSource);
    await ds.query(
      `UPDATE plans SET status = 'APPRAISED', findings = '[]', appraisal = '{"land":{},"crops":{},"structures":{}}' WHERE id = $1`,
      [adjusted.id],
    );
    const [{ version }] = await ds.query('SELECT version FROM plans WHERE id = $1', [adjusted.id]);
    const approve = await t
      .http()
      .post(`/api/v1/plans/${adjusted.id}/transitions`)
      .set('Authorization', leader)
      .send({ action: 'approve', version, occurredOn: '2026-08-10' });
    expect(approve.status).toBe(201);
    expect((await get(c.id)).adjustmentPlan).toMatchObject({
      id: adjusted.id,
      status: 'APPROVED',
      approvedOn: '2026-08-10',
      loopClosed: true,
    });
  });

  it('a correction is refused when the complaint was not upheld or names no plan line', async () => {
    const c = (await register(staff, { projectId: hopThanh.id, caseId: caseIds[7], receivedOn: '2026-07-02' })).body;
    await step(c.id, { action: 'accept', occurredOn: '2026-07-06', documentRef: '30/TB-UBND' });
    await step(c.id, { action: 'start_verification', occurredOn: '2026-07-07' });
    const noLine = await step(
      c.id,
      {
        action: 'decide',
        occurredOn: '2026-07-20',
        documentRef: '31/QĐ-UBND',
        outcome: 'upheld',
        correction: { unitPrice: '100000' },
      },
      leader,
    );
    expect([noLine.status, noLine.body.code]).toEqual([400, 'COMPLAINT.CORRECTION_NOT_APPLICABLE']);
    expect((await get(c.id)).state).toBe('VERIFYING');
  });
});

describe('a complaint does not stop enforcement unless a decision says so', () => {
  it('the suspension decision refuses the enforcement decision and the enforcement act on the case until lifted', async () => {
    const caseId = caseIds[8];
    const caseStep = (action: string, occurredOn: string, documentRef: string, as = staff) =>
      t
        .http()
        .post(`/api/v1/cases/${caseId}/transitions`)
        .set('Authorization', as)
        .send({ action, occurredOn, documentRef });
    const caseOf = async () => (await t.http().get(`/api/v1/cases/${caseId}`).set('Authorization', staff)).body;
    // Paid, then refusing to hand over the site despite persuasion: the enforcement decision is the next step.
    await settle(t, caseId, '2026-06-25', staff);
    expect((await caseStep('refuse_handover', '2026-06-26', '05/BB-KBG')).status).toBe(201);
    expect((await caseStep('persuade_handover', '2026-06-29', '06/BB-VĐ')).status).toBe(201);
    const c = (
      await register(staff, {
        projectId: hopThanh.id,
        caseId,
        receivedOn: '2026-07-02',
        subjectType: 'enforcement_decision',
      })
    ).body;
    const enforce = () =>
      t
        .http()
        .post(`/api/v1/cases/${caseId}/enforcement`)
        .set('Authorization', leader)
        .send({ enforcedOn: '2026-07-08', startTime: '07:30', minutesRef: '01/BB-CC' });
    // Without a suspension, the complaint changes nothing: the case's own state decides (no enforcement decision yet).
    expect((await enforce()).body.code).toBe('CASE.TRANSITION_NOT_ALLOWED');
    const byStaff = await t
      .http()
      .post(`/api/v1/complaints/${c.id}/execution-suspension`)
      .set('Authorization', staff)
      .send({ suspended: true, occurredOn: '2026-07-05', documentRef: '40/QĐ-UBND', version: c.version });
    expect(byStaff.status).toBe(403);
    const suspended = await t
      .http()
      .post(`/api/v1/complaints/${c.id}/execution-suspension`)
      .set('Authorization', leader)
      .send({ suspended: true, occurredOn: '2026-07-05', documentRef: '40/QĐ-UBND', version: c.version });
    expect(suspended.body).toMatchObject({
      executionSuspended: true,
      executionSuspensionRef: '40/QĐ-UBND ngày 05/07/2026',
    });
    expect((await caseOf()).executionSuspendedBy).toBe(`quyết định 40/QĐ-UBND ngày 05/07/2026 (đơn ${c.code})`);
    const refused = await enforce();
    expect([refused.status, refused.body.code]).toEqual([409, 'ENFORCEMENT.SUSPENDED_BY_COMPLAINT']);
    const noDecision = await caseStep('order_enforcement', '2026-07-06', '', leader);
    expect([noDecision.status, noDecision.body.code, noDecision.body.message]).toEqual([
      409,
      'ENFORCEMENT.SUSPENDED_BY_COMPLAINT',
      `Việc thi hành đang bị tạm đình chỉ theo quyết định 40/QĐ-UBND ngày 05/07/2026 (đơn ${c.code}).`,
    ]);
    expect((await caseOf()).state).toBe('PERSUADING_HANDOVER');
    const lifted = await t
      .http()
      .post(`/api/v1/complaints/${c.id}/execution-suspension`)
      .set('Authorization', leader)
      .send({ suspended: false, occurredOn: '2026-07-09', documentRef: '41/QĐ-UBND', version: suspended.body.version });
    expect(lifted.body.executionSuspended).toBe(false);
    expect((await caseOf()).executionSuspendedBy).toBeNull();
    const ordered = await caseStep('order_enforcement', '2026-07-10', '', leader);
    expect([ordered.status, ordered.body.state]).toEqual([201, 'ENFORCEMENT_ORDERED']);
  });
});

describe('documents of the steps and the summary', () => {
  it('a signed scan attaches to a step; the summary counts by type, state, project, commune with the average resolution time', async () => {
    const c = (await register(staff, { projectId: hopThanh.id, caseId: caseIds[9], receivedOn: '2026-07-02' })).body;
    const accepted = (await step(c.id, { action: 'accept', occurredOn: '2026-07-06', documentRef: '50/TB-UBND' })).body;
    const event = accepted.events.find((e: { action: string }) => e.action === 'accept');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const up = await t
      .http()
      .post(`/api/v1/complaints/${c.id}/attachments`)
      .set('Authorization', staff)
      .field('eventId', event.id)
      .attach('file', pdf, 'thong-bao-thu-ly.pdf');
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ ownerType: 'complaint_event', ownerId: event.id, complaintId: c.id });
    expect((await get(c.id)).attachments).toEqual([expect.objectContaining({ id: up.body.id, eventId: event.id })]);
    const file = await t.http().get(`/api/v1/attachments/${up.body.id}/file`).set('Authorization', commune);
    expect(file.status).toBe(200);
    // The letter's scans carry personal data: not to the investor, and not among the case's own files.
    const investor = await t.login('chudautu.bot');
    expect((await t.http().get(`/api/v1/attachments/${up.body.id}/file`).set('Authorization', investor)).status).toBe(
      403,
    );
    const caseFiles = (await t.http().get(`/api/v1/cases/${caseIds[9]}/attachments`).set('Authorization', staff))
      .body as { id: string }[];
    expect(caseFiles.map((f) => f.id)).not.toContain(up.body.id);

    const summary = await t
      .http()
      .get('/api/v1/complaints/summary')
      .query({ projectId: hopThanh.id, from: '2026-07-01', to: '2026-11-24' })
      .set('Authorization', staff);
    expect(summary.status).toBe(200);
    const s = summary.body;
    const all = (
      await t.http().get('/api/v1/complaints').query({ projectId: hopThanh.id }).set('Authorization', staff)
    ).body.items.filter((x: { receivedOn: string }) => x.receivedOn >= '2026-07-01');
    expect(s.total).toBe(all.length);
    expect(s.byKind.reduce((n: number, k: { count: number }) => n + k.count, 0)).toBe(s.total);
    expect(s.byProject).toEqual([{ key: hopThanh.id, label: 'CCN-HT1', count: s.total }]);
    expect(s.byCommune).toEqual([{ key: hopThanh.communes[0].id, label: hopThanh.communes[0].name, count: s.total }]);
    // Decided at the first level: received 2/7, decided 20/7 (18 days), in the three decided complaints above.
    expect(s.resolved).toBe(3);
    expect(s.averageResolutionDays).toBe('18.0');
    expect(s.overdue).toBe(all.filter((x: { deadlines: { overdue: boolean } }) => x.deadlines.overdue).length);
    expect(s.overdue).toBeGreaterThan(0);
  });

  it('as of a past date, counts each complaint in the state its steps had left it then', async () => {
    const to = '2026-07-10';
    const summary = (
      await t
        .http()
        .get('/api/v1/complaints/summary')
        .query({ projectId: hopThanh.id, from: '2026-07-01', to })
        .set('Authorization', staff)
    ).body;
    const listed = (
      await t.http().get('/api/v1/complaints').query({ projectId: hopThanh.id }).set('Authorization', staff)
    ).body.items as { id: string; receivedOn: string }[];
    const states = new Map<string, number>();
    for (const x of listed.filter((c) => c.receivedOn >= '2026-07-01' && c.receivedOn <= to)) {
      const steps = (await get(x.id)).events as { toState: string; occurredOn: string }[];
      const state = steps.filter((e) => e.occurredOn <= to).at(-1)!.toState;
      states.set(state, (states.get(state) ?? 0) + 1);
    }
    expect(Object.fromEntries(summary.byState.map((k: { key: string; count: number }) => [k.key, k.count]))).toEqual(
      Object.fromEntries(states),
    );
    // Decided on 20/07: none yet on 10/07, though they are decided today.
    expect(summary.byState.map((k: { key: string }) => k.key)).not.toContain('DECIDED_L1');
    expect(summary.resolved).toBe(0);
    const today = (
      await t
        .http()
        .get('/api/v1/complaints/summary')
        .query({ projectId: hopThanh.id, from: '2026-07-01' })
        .set('Authorization', staff)
    ).body;
    expect(today.byState.map((k: { key: string }) => k.key)).toContain('DECIDED_L1');
  });

  it('the quarterly report of the project states the complaints of the quarter', async () => {
    const lead = await t.login('lanhdao.ttptqd');
    const summary = (
      await t
        .http()
        .get('/api/v1/complaints/summary')
        .query({ projectId: hopThanh.id, from: '2026-07-01', to: '2026-09-18' })
        .set('Authorization', lead)
    ).body;
    const res = await t
      .http()
      .post('/api/v1/reports/quarterly')
      .set('Authorization', lead)
      .send({ year: 2026, quarter: 3, projectId: hopThanh.id, issuedOn: '2026-09-18' });
    expect(res.status).toBe(201);
    const { documentText } = await import('../support/pdf.js');
    const text = (await documentText(t, res.body[0].documentId, lead)).text.replace(/\s+/g, ' ');
    expect(text).toContain(`Đơn thư: trong kỳ tiếp nhận ${summary.total} đơn (`);
    expect(text).toContain(`${summary.byKind.find((k: { key: string }) => k.key === 'complaint').count} khiếu nại`);
    expect(text).toContain('đã giải quyết lần đầu 3 đơn, thời gian giải quyết bình quân 18,0 ngày');
    expect(text).toContain(`${summary.overdue} đơn quá hạn thụ lý hoặc giải quyết`);
    expect(text).toContain(`theo xã: ${summary.total} ${hopThanh.communes[0].name}`);
  });
});
