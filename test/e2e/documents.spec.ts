import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { seedSyntheticCases } from '../../seeds/synthetic-cases.js';
import { repair } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('a batch of 200 decisions', () => {
  it('is numbered without gap or duplicate and rendered once each by the workers', async () => {
    const ds = t.app.get(DataSource);
    // A fresh project with 200 surveyed households; the plan is taken to APPRAISED in SQL (the steps are tested in
    // workflow.spec.ts), approval goes through the API.
    const [project] = await ds.query(`SELECT id FROM projects WHERE code = 'CCN-HT2'`);
    // The seeded households make way (signed inventories: removed by the owner, protections off).
    await repair(t.databaseName, async (c) => {
      await c.query(`DELETE FROM plan_cases WHERE case_id IN (SELECT id FROM cases WHERE project_id = $1)`, [
        project.id,
      ]);
      await c.query(`DELETE FROM plans WHERE project_id = $1`, [project.id]);
      await c.query(`DELETE FROM case_transitions WHERE case_id IN (SELECT id FROM cases WHERE project_id = $1)`, [
        project.id,
      ]);
      await c.query(
        `DELETE FROM inventory_items WHERE inventory_id IN (SELECT i.id FROM inventories i JOIN cases c ON c.id = i.case_id WHERE c.project_id = $1)`,
        [project.id],
      );
      await c.query(`DELETE FROM inventories WHERE case_id IN (SELECT id FROM cases WHERE project_id = $1)`, [
        project.id,
      ]);
      await c.query(`DELETE FROM parcels WHERE project_id = $1`, [project.id]);
      await c.query(`DELETE FROM cases WHERE project_id = $1`, [project.id]);
    });
    await seedSyntheticCases(ds, { perProject: { 'CCN-HT2': 200 }, seed: 7 });
    await ds.query(`UPDATE cases SET notice_delivered_on = '2023-01-02' WHERE project_id = $1`, [project.id]);
    const staff = await t.login('canbo.ttptqd');
    const [book] = await ds.query(`SELECT id FROM price_books WHERE code = 'MAU-CAOLOC-2024'`);
    const plan = await t
      .http()
      .post(`/api/v1/projects/${project.id}/plans`)
      .set('Authorization', staff)
      .send({ name: 'Đợt 200 hộ', priceBookId: book.id, valuationDate: '2024-06-01' });
    expect(plan.body.caseCount).toBe(200);
    await ds.query(
      `UPDATE plans SET status = 'APPRAISED', findings = '[]', appraisal = '{"land":{},"crops":{},"structures":{}}' WHERE id = $1`,
      [plan.body.id],
    );
    const [{ version }] = await ds.query('SELECT version FROM plans WHERE id = $1', [plan.body.id]);
    const approve = await t
      .http()
      .post(`/api/v1/plans/${plan.body.id}/transitions`)
      .set('Authorization', await t.login('lanhdao.huyen'))
      .send({ action: 'approve', version, occurredOn: '2025-07-01' });
    expect(approve.status).toBe(201);

    const decisions: { number: string }[] = await ds.query(
      `SELECT number FROM documents WHERE plan_id = $1 AND type = 'recovery_decision'`,
      [plan.body.id],
    );
    expect(decisions).toHaveLength(200);
    const numbers = decisions.map((d) => Number(d.number.split('/')[0])).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(200);
    expect(numbers[199] - numbers[0]).toBe(199); // consecutive: no gap
    for (let i = 0; ; i++) {
      const [{ n }] = await ds.query(
        `SELECT count(*)::int AS n FROM documents WHERE plan_id = $1 AND status = 'rendered'`,
        [plan.body.id],
      );
      if (n === 201) break;
      expect(i).toBeLessThan(600);
      await new Promise((r) => setTimeout(r, 200));
    }
    const files: { n: number }[] = await ds.query(
      `SELECT count(DISTINCT sha256)::int AS n FROM documents WHERE plan_id = $1`,
      [plan.body.id],
    );
    expect(files[0].n).toBe(201);
  }, 180_000);
});
