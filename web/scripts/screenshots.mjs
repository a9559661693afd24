// Screenshots of the main screens at 1366×768 for docs/screens/, taken from a running GPMB (`npm run up`):
//   node web/scripts/screenshots.mjs [http://127.0.0.1:3000]
// Uses Debian's Chromium (CHROMIUM_PATH to override) through Playwright; no browser download.
import { chromium } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const out = join(import.meta.dirname, '..', '..', 'docs', 'screens');
await mkdir(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const page = await browser.newPage({
  viewport: { width: 1366, height: 768 },
  locale: 'vi-VN',
  timezoneId: 'Asia/Ho_Chi_Minh',
});
const shot = async (name) => {
  await page.waitForLoadState('networkidle');
  // Nothing still loading (a table refreshing is drawn faded).
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton'));
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(out, `${name}.png`) });
};
await page.goto(`${base}/dang-nhap`);
await shot('dang-nhap');
await page.getByLabel('Tên đăng nhập').fill('lanhdao.ttptqd');
await page.getByLabel('Mật khẩu').fill('gpmb-demo');
await page.getByRole('button', { name: 'Đăng nhập' }).click();
await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
await shot('viec-can-lam');
await page.goto(`${base}/tien-do?ngay=2024-06-30&du-an=CT-HNCL`);
await shot('tien-do');
await page.goto(`${base}/ho-so?du-an=CT-HNCL`);
await shot('ho-so');
await page.locator('tbody tr.ant-table-row a').first().click();
await shot('ho-so-ho');
await page.goto(`${base}/`);
await page.locator('a[href^="/phuong-an/"]').first().click();
await shot('phuong-an');
await page.goto(`${base}/nhap-excel`);
await shot('nhap-excel');
await browser.close();
console.log(`screenshots written to ${out}`);
