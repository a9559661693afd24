import { expect, test } from '@playwright/test';
import pg from 'pg';
import { DEMO_PASSWORD, signIn, typeDate } from './support';

/**
 * A household of CCN-HT1 in a plan approved on 30/06/2025: the plan is made and approved through the API; the steps
 * between (posting, consultation, appraisal — weeks of the procedure, tested elsewhere) are skipped in the database.
 */
async function approvedHousehold(request: import('@playwright/test').APIRequestContext) {
  const db = new pg.Client({ connectionString: process.env.GPMB_BROWSER_DATABASE_URL });
  await db.connect();
  try {
    const login = async (username: string) =>
      `Bearer ${((await (await request.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } })).json()) as { token: string }).token}`;
    const {
      rows: [c],
    } = await db.query<{ id: string; projectId: string; name: string }>(
      `SELECT c.id, c.project_id AS "projectId", lu.full_name AS name FROM cases c JOIN projects p ON p.id = c.project_id
       JOIN land_users lu ON lu.id = c.land_user_id
       WHERE p.code = 'CCN-HT1' AND NOT EXISTS (SELECT 1 FROM plan_cases pc WHERE pc.case_id = c.id)
         AND EXISTS (SELECT 1 FROM parcels x WHERE x.case_id = c.id) ORDER BY c.id LIMIT 1`,
    );
    await db.query(`UPDATE cases SET notice_delivered_on = '2023-01-02' WHERE id = $1`, [c.id]);
    const {
      rows: [book],
    } = await db.query<{ id: string }>(`SELECT id FROM price_books WHERE code = 'MAU-CAOLOC-2024'`);
    const plan = await request.post(`/api/v1/projects/${c.projectId}/plans`, {
      headers: { Authorization: await login('canbo.ttptqd') },
      data: { name: 'Chi trả trên trình duyệt', priceBookId: book.id, valuationDate: '2024-06-01', caseIds: [c.id] },
    });
    expect(plan.status(), await plan.text()).toBe(201);
    const { id: planId } = (await plan.json()) as { id: string };
    await db.query(
      `UPDATE plans SET status = 'APPRAISED', findings = '[]', appraisal = '{"land":{},"crops":{},"structures":{}}' WHERE id = $1`,
      [planId],
    );
    const {
      rows: [{ version }],
    } = await db.query<{ version: number }>('SELECT version FROM plans WHERE id = $1', [planId]);
    const approve = await request.post(`/api/v1/plans/${planId}/transitions`, {
      headers: { Authorization: await login('lanhdao.huyen') },
      data: { action: 'approve', version, occurredOn: '2025-06-30' },
    });
    expect(approve.status(), await approve.text()).toBe(201);
    return c;
  } finally {
    await db.end();
  }
}

test("the Center's payment notice, the household paid in full, then its site handed over, from its file", async ({
  page,
  request,
}) => {
  const c = await approvedHousehold(request);
  await signIn(page, 'canbo.ttptqd');
  await page.goto(`/ho-so/${c.id}`);
  const card = page
    .locator('.ant-card')
    .filter({ has: page.locator('.ant-card-head-title', { hasText: /^Chi trả$/ }) });
  await expect(card.getByRole('button', { name: 'Ghi nhận chi trả' })).toBeDisabled(); // no notice yet

  await card.getByRole('button', { name: 'Lập thông báo chi trả' }).click();
  const notice = page.getByRole('dialog');
  await typeDate(notice.getByLabel('Ngày chi trả'), '10/12/2026');
  await notice.getByLabel('Địa điểm chi trả').fill('Hội trường UBND xã Hợp Thành');
  await typeDate(notice.getByLabel('Hạn bàn giao mặt bằng'), '25/12/2026');
  await notice.getByRole('button', { name: 'Ban hành thông báo' }).click();
  await expect(notice).toBeHidden();
  await expect(card).toContainText('Hội trường UBND xã Hợp Thành');

  // The amount offered is what is still owed, in Vietnamese grouping; recorded once.
  await card.getByRole('button', { name: 'Ghi nhận chi trả' }).click();
  const payment = page.getByRole('dialog');
  const owed = await payment.getByLabel('Số tiền (đồng)').inputValue();
  expect(owed).toMatch(/^\d{1,3}(\.\d{3})+$/);
  await payment.getByLabel('Số chứng từ').fill('PC-0001');
  await payment.getByRole('button', { name: 'Ghi nhận' }).click();
  await expect(payment).toBeHidden();
  await expect(card.locator('tbody tr.ant-table-row')).toHaveCount(1);
  await expect(card.locator('tbody tr.ant-table-row')).toContainText(owed);
  await expect(card.locator('.ant-descriptions-item', { hasText: 'Còn phải chi' })).toContainText(
    /^Còn phải chi:?\s*0 đồng$/,
  );
  await expect(card.getByRole('button', { name: 'Ghi nhận chi trả' })).toBeDisabled();

  // Paid: the site is handed over, every parcel's remaining area offered; the case counts as handed over.
  const handover = page
    .locator('.ant-card')
    .filter({ has: page.locator('.ant-card-head-title', { hasText: /^Bàn giao mặt bằng$/ }) });
  await handover.getByRole('button', { name: 'Ghi nhận bàn giao' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Ghi nhận bàn giao' }).click();
  await expect(dialog).toBeHidden();
  await expect(handover).toContainText('Đã bàn giao toàn bộ');
  await expect(handover.getByRole('button', { name: 'Ghi nhận bàn giao' })).toHaveCount(0);
});
