import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll, signIn, typeDate } from './support';

test('the administrator keeps who signs for each body: a new deputy recorded from the act, listed in office', async ({
  page,
}) => {
  await signIn(page, 'quantri');
  await page.getByRole('menuitem', { name: 'Người ký văn bản' }).click();
  await expect(page.getByRole('heading', { name: 'Người ký văn bản' })).toBeVisible();
  const committee = page
    .locator('.ant-card')
    .filter({ has: page.locator('.ant-card-head-title', { hasText: /^Ủy ban nhân dân huyện Cao Lộc$/ }) });
  await expect(committee.getByRole('row', { name: /Hoàng Văn Minh/ })).toContainText('Đang giữ chức');
  await expect(committee.getByRole('row', { name: /Nông Thị Hạnh/ })).toContainText('Phó Chủ tịch (ký thay)');
  await expectNoHorizontalScroll(page);

  await committee.getByRole('button', { name: 'Ghi người ký' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Họ và tên').fill('Chu Văn Mạnh');
  await dialog.getByLabel('Chức vụ', { exact: true }).fill('Phó Chủ tịch');
  await dialog.getByLabel('Cấp phó').check();
  await typeDate(dialog.getByLabel('Giữ chức từ ngày'), '01/10/2026');
  await dialog.getByRole('button', { name: 'Ghi', exact: true }).click();
  // The act that gave the office is required.
  await expect(dialog).toContainText('Ghi nghị quyết bầu, quyết định bổ nhiệm hoặc phân công.');
  await dialog
    .getByLabel('Văn bản giao chức vụ')
    .fill('Nghị quyết số 15/NQ-HĐND ngày 30/09/2026 của HĐND huyện Cao Lộc về việc bầu Phó Chủ tịch UBND huyện');
  await dialog.getByRole('button', { name: 'Ghi', exact: true }).click();
  await expect(dialog).toBeHidden();
  const row = committee.getByRole('row', { name: /Chu Văn Mạnh/ });
  await expect(row).toContainText('01/10/2026');
  await expect(row).toContainText('Phó Chủ tịch (ký thay)');
});

test('a Center clerk reads the list but records nothing', async ({ page }) => {
  await signIn(page, 'canbo.ttptqd');
  await page.goto('/nguoi-ky');
  await expect(page.getByRole('row', { name: /Lương Văn Thắng/ })).toContainText('Giám đốc');
  await expect(page.getByRole('button', { name: 'Ghi người ký' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Thôi giữ chức' })).toHaveCount(0);
});
