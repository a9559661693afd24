import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Decimal } from 'decimal.js';
import { DataSource } from 'typeorm';
import { seedDemoStory } from '../../seeds/demo-story.js';
import { seedDraftPlans } from '../../seeds/draft-plans.js';
import { PlansService } from '../../src/modules/plans/plans.service.js';
import { documentText } from '../support/pdf.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let ds: DataSource;
let made: Record<string, number>;
let ct: string;

/** The demo installation's history as `npm run seed` makes it (through the services), on a copy of the seeded data. */
beforeAll(async () => {
  t = await startTestApp();
  ds = t.app.get(DataSource);
  made = await seedDemoStory(ds, t.app);
  await seedDraftPlans(ds, t.app.get(PlansService));
  [{ id: ct }] = await ds.query(`SELECT id FROM projects WHERE code = 'CT-HNCL'`);
}, 300_000);
afterAll(async () => {
  await t.close();
});

const get = async (path: string, user = 'lanhdao.huyen') =>
  (
    await t
      .http()
      .get(`/api/v1${path}`)
      .set('Authorization', await t.login(user))
  ).body;

describe('the demo story of 2024', () => {
  it('shows the expressway missing "70 % by 30/06/2024", by the area its handover records give', async () => {
    const [{ total, handed }] = await ds.query(
      `SELECT (SELECT sum(recovered_area) FROM parcels WHERE project_id = $1)::text AS total,
              (SELECT coalesce(sum(area), 0) FROM handovers WHERE project_id = $1 AND handed_over_on <= '2024-06-30')::text AS handed`,
      [ct],
    );
    const percent = new Decimal(handed).div(total).times(100).toFixed(2);
    expect(Number(percent)).toBeGreaterThan(20); // a real effort, short of the target
    const p = await get(`/projects/${ct}/progress?asOf=2024-06-30`);
    expect(p.handedOverPercent).toBe(percent);
    expect(p.milestones[0]).toMatchObject({
      dueDate: '2024-06-30',
      targetPercent: '70',
      status: 'missed',
      actualPercent: percent,
    });
    // The lagging commune: its households approved, none handed over.
    const yenTrach = p.byCommune.find((c: { communeName: string }) => c.communeName === 'Yên Trạch');
    expect(yenTrach.households.planApproved).toBeGreaterThan(0);
    expect(yenTrach.handedOver).toBe('0');
    expect(
      p.byCommune.filter((c: { handedOver: string }) => new Decimal(c.handedOver).gt(0)).length,
    ).toBeGreaterThanOrEqual(5);
  });

  it('has households at every stage of the procedure, from the boundary to the handover', async () => {
    const states = (await ds.query(`SELECT DISTINCT state FROM cases`)).map((r: { state: string }) => r.state);
    expect(states).toEqual(
      expect.arrayContaining([
        'IDENTIFIED',
        'NOTIFIED',
        'SURVEY_REFUSED',
        'PERSUADING_SURVEY',
        'SURVEYED',
        'ORIGIN_CONFIRMED',
        'APPROVED',
        'DECISION_SERVED',
        'PAYMENT_NOTIFIED',
        'PAYMENT_REFUSED',
        'PERSUADING_PAYMENT',
        'PAID',
        'PERSUADING_HANDOVER',
        'HANDED_OVER',
      ]),
    );
    // Each approved household has its recovery decision and a step for every state it went through.
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM cases c WHERE c.project_id = $1 AND c.state = 'HANDED_OVER'
         AND NOT EXISTS (SELECT 1 FROM case_transitions t WHERE t.case_id = c.id AND t.action = 'payment_completed')`,
      [ct],
    );
    expect(n).toBe(0);
  });

  it('took the plan of đợt 1 through every step of the regime, each by its role, and decided on 25/04/2024', async () => {
    const plans = (await get(`/projects/${ct}/plans`, 'canbo.ttptqd')) as {
      id: string;
      status: string;
      approvedOn: string | null;
      approvalNumber: string | null;
    }[];
    expect(plans.map((p) => p.status).sort()).toEqual(['APPROVED', 'DRAFT']);
    const approved = plans.find((p) => p.status === 'APPROVED')!;
    expect(approved).toMatchObject({ approvedOn: '2024-04-25', approvalNumber: expect.stringMatching(/QĐ-UBND$/) });
    const steps = await ds.query(
      `SELECT t.action, t.occurred_on::text AS on, u.username FROM plan_transitions t JOIN users u ON u.id = t.actor_id
        WHERE t.plan_id = $1 ORDER BY t.recorded_at`,
      [approved.id],
    );
    expect(steps.map((s: { action: string; username: string }) => `${s.action}:${s.username}`)).toEqual([
      'submit_review:canbo.ttptqd',
      'post:lanhdao.ttptqd',
      'close_posting:canbo.ttptqd',
      'record_consultation:canbo.ttptqd',
      'start_dialogue:canbo.ttptqd',
      'record_dialogue:canbo.ttptqd',
      'finalise:lanhdao.ttptqd',
      'submit_appraisal:lanhdao.ttptqd',
      'appraise:phong.tnmt',
      'appraise:phong.nnptnt',
      'appraise:phong.ktht',
      'approve:lanhdao.huyen',
    ]);
    const [{ decisions, households }] = await ds.query(
      `SELECT (SELECT count(*)::int FROM documents WHERE type = 'recovery_decision' AND plan_id = $1) AS decisions,
              (SELECT count(*)::int FROM plan_cases WHERE plan_id = $1) AS households`,
      [approved.id],
    );
    expect(decisions).toBe(households);
    // Every payment is within what the approved plan gives the household.
    const [{ over }] = await ds.query(
      `SELECT count(*)::int AS over FROM (SELECT p.case_id, sum(p.amount) AS paid FROM payments p GROUP BY p.case_id) x
         JOIN plan_cases pc ON pc.case_id = x.case_id AND pc.plan_id = $1 WHERE x.paid <> pc.net`,
      [approved.id],
    );
    expect(over).toBe(0);
  });

  it('leaves QL4B in appraisal: two offices still to give their opinion, and it is in their "Việc cần làm"', async () => {
    const waiting = async (user: string) =>
      ((await get('/inbox', user)).plans as { projectCode: string; action: string }[]).filter(
        (p) => p.projectCode === 'QL4B' && p.action === 'appraise',
      );
    expect(await waiting('phong.nnptnt')).toHaveLength(1);
    expect(await waiting('phong.ktht')).toHaveLength(1);
    expect(await waiting('phong.tnmt')).toHaveLength(0);
  });

  it('has a complaint about the plan from the lagging commune, accepted', async () => {
    const list = await get('/complaints', 'canbo.ttptqd');
    expect(list.items).toEqual([expect.objectContaining({ state: 'ACCEPTED', subjectType: 'plan_approval' })]);
  });

  it('writes every number of every kind of document the Vietnamese way (issue 18 §13)', async () => {
    // One document of each kind the story issued, the longest (most pages, most numbers) of its kind.
    const docs: { id: string; type: string }[] = await ds.query(
      `SELECT DISTINCT ON (type) id, type FROM documents ORDER BY type, page_count DESC NULLS FIRST, number`,
    );
    expect(docs.map((d) => d.type)).toEqual(
      expect.arrayContaining(['plan_approval', 'recovery_decision', 'payment_notice', 'handover_minutes']),
    );
    const auth = await t.login('quantri');
    for (const d of docs) {
      // documentText refuses "70.00 %", "1000 đồng", "65.5 m²" and ISO dates.
      const { text } = await documentText(t, d.id, auth);
      expect([d.type, text.length > 200]).toEqual([d.type, true]);
    }
  }, 120_000);

  it('runs once: a second seed finds the story and makes nothing', async () => {
    expect(made.payments).toBeGreaterThan(100);
    const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM payments');
    expect(await seedDemoStory(ds, t.app)).toEqual({});
    expect((await ds.query('SELECT count(*)::int AS n FROM payments'))[0].n).toBe(n);
  });
});
