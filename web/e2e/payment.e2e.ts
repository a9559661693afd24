import { type APIRequestContext, expect, test } from '@playwright/test';
import { as, draftPlan, markAppraised, pick, signIn, typeDate } from './support';

/**
 * A new household of CCN-HT1 in a plan of its own approved on 30/06/2025: the plan is made and approved through the
 * API; the steps between (posting, consultation, appraisal — weeks of the procedure, tested elsewhere) are skipped in
 * the database.
 */
async function approvedHousehold(request: APIRequestContext) {
  const plan = await draftPlan(request, {
    projectCode: 'CCN-HT1',
    communeName: 'Hợp Thành',
    fullName: 'Lương Văn Chi Trả',
  });
  const version = await markAppraised(plan.id);
  await (
    await as(request, 'lanhdao.huyen')
  )('post', `/plans/${plan.id}/transitions`, {
    action: 'approve',
    version,
    occurredOn: '2025-06-30',
  });
  return { id: plan.caseId, name: plan.fullName };
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
  // The Center's director signs unless a deputy is chosen: here the deputy, who signs for the director.
  await expect(notice).toContainText('Để trống: Giám đốc Lương Văn Thắng ký.');
  await pick(page, notice.getByLabel('Người ký'), 'Vi Thị Lan');
  await notice.getByRole('button', { name: 'Ban hành thông báo' }).click();
  await expect(notice).toBeHidden();
  await expect(card).toContainText('Hội trường UBND xã Hợp Thành');
  await expect(page.getByText(/Người ký: Phó Giám đốc Vi Thị Lan \(ký thay\)/).first()).toBeVisible();

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
