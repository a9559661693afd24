import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll, signIn } from './support';

test.describe('sign in', () => {
  const reader = ['Việc cần làm', 'Tiến độ', 'Hồ sơ hộ'];
  const editor = [...reader, 'Nhập từ Excel'];
  for (const [username, role, scope, menu] of [
    ['canbo.ttptqd', 'Cán bộ Trung tâm Phát triển quỹ đất', '', [...editor, 'Người ký văn bản']],
    ['xa.hopthanh', 'Cán bộ UBND xã', 'Hợp Thành', editor],
    ['chudautu.bot', 'Chủ đầu tư / Ban quản lý dự án', '', reader],
    ['lanhdao.huyen', 'Lãnh đạo UBND huyện', '', [...reader, 'Người ký văn bản']],
  ] as const) {
    test(`${username} sees its name, role${scope ? ' and commune' : ''} in the header, and the menu of its role`, async ({
      page,
    }) => {
      await signIn(page, username);
      const header = page.getByTestId('current-user');
      await expect(header).toContainText(role);
      if (scope) await expect(header).toContainText(scope);
      const items = page.getByRole('menu', { name: 'Menu chính' }).getByRole('menuitem');
      await expect(items).toHaveText([...menu]);
      // The first screen after sign-in is the user's "Việc cần làm".
      await expect(page.getByRole('heading', { name: 'Việc cần làm' })).toBeVisible();
      await expectNoHorizontalScroll(page);
    });
  }

  test('a wrong password is refused in Vietnamese and nothing opens', async ({ page }) => {
    await page.goto('/dang-nhap');
    await page.getByLabel('Tên đăng nhập').fill('canbo.ttptqd');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('alert')).toContainText('mật khẩu');
    await expect(page).toHaveURL(/\/dang-nhap$/);
  });

  test('a link opened before signing in opens after it, and signing out closes the session', async ({ page }) => {
    await page.goto('/tien-do');
    await expect(page).toHaveURL(/\/dang-nhap$/);
    await page.getByLabel('Tên đăng nhập').fill('lanhdao.huyen');
    await page.getByLabel('Mật khẩu').fill('gpmb-demo');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('heading', { name: 'Tiến độ giải phóng mặt bằng' })).toBeVisible();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect(page).toHaveURL(/\/dang-nhap$/);
    await page.goto('/ho-so');
    await expect(page).toHaveURL(/\/dang-nhap$/);
  });
});
