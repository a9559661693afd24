import { expect, test } from '@playwright/test';
import { as, draftPlan, markAppraised, pick, signIn, typeDate } from './support';

test('a plan step taken from its page; a version changed meanwhile is said plainly, and saving again keeps the date typed', async ({
  page,
  request,
}) => {
  const plan = await draftPlan(request, { planName: 'Phương án thử từng bước trên trình duyệt' });
  await signIn(page, 'canbo.ttptqd');
  // The inbox lists it for the Center, and opens it.
  await page.getByRole('link', { name: `${plan.code} — Phương án thử từng bước trên trình duyệt` }).click();
  await expect(page.getByText('Dự thảo', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: /Trình rà soát nội bộ/ }).click();
  const dialog = page.getByRole('dialog');
  await typeDate(dialog.getByLabel('Ngày thực hiện'), '03/06/2024');
  // Meanwhile a colleague recomputes the plan: its version moves on.
  const api = await as(request, 'lanhdao.ttptqd');
  await api('post', `/plans/${plan.id}/recompute`, { version: plan.version });
  await dialog.getByRole('button', { name: 'Ghi nhận' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Bản ghi đã được người khác sửa');
  await dialog.getByRole('button', { name: 'Tải lại' }).click();
  await expect(dialog.getByRole('alert')).toBeHidden();
  await expect(dialog.getByLabel('Ngày thực hiện')).toHaveValue('03/06/2024');
  await dialog.getByRole('button', { name: 'Ghi nhận' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Trung tâm rà soát', { exact: true })).toBeVisible();
  await expect(page.getByText('03/06/2024', { exact: true })).toBeVisible(); // the step, in the history
  // The next step is the Center lead's: shown, not offered.
  await expect(page.getByRole('button', { name: /Niêm yết công khai/ })).toBeDisabled();
});

test('a draft re-priced from its page after a parcel changed: the clerk sees which household moved and by how much', async ({
  page,
  request,
}) => {
  const plan = await draftPlan(request, { fullName: 'Lục Văn Tính Lại', planName: 'Phương án thử tính lại' });
  // The recovered area is corrected after the plan was computed (400 → 500 m²).
  const api = await as(request, 'canbo.ttptqd');
  const [parcel] = await api<{ id: string; version: number }[]>('get', `/cases/${plan.caseId}/parcels`);
  await api('patch', `/parcels/${parcel.id}`, { version: parcel.version, recoveredArea: '500' });

  await signIn(page, 'canbo.ttptqd');
  await page.goto(`/phuong-an/${plan.id}`);
  await page.getByRole('button', { name: 'Tính lại' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Ngày định giá')).toHaveValue('01/06/2024');
  await typeDate(dialog.getByLabel('Ngày định giá'), '15/06/2024');
  await dialog.getByRole('button', { name: 'Tính lại' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Đã tính lại: 1 hộ thay đổi');
  const row = dialog.getByRole('row', { name: /Lục Văn Tính Lại/ });
  // Before, after, the difference (100 m² more), grouped as a clerk writes them.
  await expect(row.getByRole('cell')).toHaveText([
    'Lục Văn Tính Lại',
    '33.600.000',
    '41.100.000',
    '+7.500.000',
    'đổi 1',
  ]);
  await dialog.getByRole('button', { name: 'Xong' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('15/06/2024', { exact: true })).toBeVisible(); // the new valuation date
});

test("the approval is signed by the deputy chosen in its form, and the plan's decisions say so", async ({
  page,
  request,
}) => {
  const plan = await draftPlan(request, {
    projectCode: 'CCN-HT1',
    communeName: 'Hợp Thành',
    fullName: 'Nông Văn Ký Thay',
    planName: 'Phương án thử ký thay',
  });
  await markAppraised(plan.id);
  await signIn(page, 'lanhdao.huyen');
  await page.goto(`/phuong-an/${plan.id}`);
  await page.getByRole('button', { name: /Phê duyệt phương án và thu hồi đất/ }).click();
  const dialog = page.getByRole('dialog');
  await typeDate(dialog.getByLabel('Ngày thực hiện'), '30/06/2025');
  // The Chairman in office that day signs unless a deputy is chosen.
  await expect(dialog).toContainText('Để trống: Chủ tịch Hoàng Văn Minh ký.');
  await pick(page, dialog.getByLabel('Người ký'), 'Nông Thị Hạnh');
  await dialog.getByRole('button', { name: 'Ghi nhận' }).click();
  await expect(dialog).toBeHidden();
  const documents = page
    .locator('.ant-card')
    .filter({ has: page.locator('.ant-card-head-title', { hasText: /^Văn bản$/ }) });
  await expect(documents).toContainText('Người ký: Phó Chủ tịch Nông Thị Hạnh (ký thay)');
  await expect(documents).not.toContainText('Chủ tịch Hoàng Văn Minh');
});
