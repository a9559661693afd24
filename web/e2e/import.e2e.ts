import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { apiGet, signIn } from './support';

/**
 * The template the screen offers, filled as a clerk would: two households on the "Hộ" sheet, the second with an
 * 11-digit CCCD (row 3); the other sheets left with their headers only.
 */
async function filledTemplate(template: Buffer): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  for (const ws of wb.worksheets) if (ws.rowCount > 1) ws.spliceRows(2, ws.rowCount - 1);
  const households = wb.getWorksheet('Hộ')!;
  const headers = (households.getRow(1).values as unknown[]).slice(1).map(String);
  const row = (values: Record<string, string | number>) => headers.map((h) => values[h] ?? null);
  households.addRow(
    row({
      'Mã hộ': 'H1',
      Loại: 'Hộ gia đình',
      'Họ tên / Tên tổ chức': 'Lục Văn Nhập',
      'Số CCCD': '091234567891',
      Xã: 'Gia Cát',
      'Số nhân khẩu': 4,
    }),
  );
  households.addRow(
    row({
      'Mã hộ': 'H2',
      Loại: 'Hộ gia đình',
      'Họ tên / Tên tổ chức': 'Hà Thị Sai',
      'Số CCCD': '01234567890',
      Xã: 'Gia Cát',
      'Số nhân khẩu': 3,
    }),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('an import with one bad cell shows that cell, by sheet, row and column, and writes nothing', async ({ page }) => {
  await signIn(page, 'canbo.ttptqd');
  await page.getByRole('menuitem', { name: 'Nhập từ Excel' }).click();
  await page.getByLabel('Dự án nhập vào').click();
  await page.locator('.ant-select-item-option', { hasText: 'QL4B' }).click();
  const projects = await apiGet<{ id: string; code: string }[]>(page, '/api/v1/projects');
  const ql4b = projects.find((p) => p.code === 'QL4B')!;
  const count = async () =>
    (await apiGet<{ total: number }>(page, `/api/v1/projects/${ql4b.id}/cases?pageSize=1`)).total;
  const before = await count();
  // The template, downloaded with the button the screen offers.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải mẫu Excel' }).click();
  const template = await readFile((await (await download).path())!);
  await page.locator('input[type=file]').setInputFiles({
    name: 'ho-so.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await filledTemplate(template),
  });
  await expect(page.getByRole('alert')).toContainText('không dữ liệu nào được nhập');
  const row = page.locator('tbody tr.ant-table-row');
  await expect(row).toHaveCount(1);
  await expect(row.locator('td')).toHaveText(['Hộ', '3', 'Số CCCD', /12 chữ số/]);
  expect(await count()).toBe(before);
});
