import { expect, test } from '@playwright/test';
import { as, draftPlan, signIn, typeDate } from './support';

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
