import { expect, type Locator, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'gpmb-demo';

/** Signs in through the sign-in screen, as a clerk would. */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

/** The API's answer for the signed-in user (the token the web app keeps for this tab). */
export async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => {
    const r = await fetch(p, { headers: { Authorization: `Bearer ${sessionStorage.getItem('gpmb.token')}` } });
    if (!r.ok) throw new Error(`${p}: ${r.status}`);
    return (await r.json()) as unknown;
  }, path) as Promise<T>;
}

/** Nothing wider than a 1366-pixel laptop screen: no horizontal scrolling of the page. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll).toBeLessThanOrEqual(inner);
}

/** Types a date into an Ant Design date picker as a clerk does (dd/mm/yyyy, then Enter) and waits for it to hold. */
export async function typeDate(input: Locator, ddmmyyyy: string): Promise<void> {
  await input.click();
  await input.press('ControlOrMeta+A');
  await input.pressSequentially(ddmmyyyy, { delay: 20 });
  await expect(input).toHaveValue(ddmmyyyy);
  await input.press('Enter');
}
