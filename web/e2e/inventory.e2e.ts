import { expect, type APIRequestContext, test } from '@playwright/test';
import { DEMO_PASSWORD, pick, signIn } from './support';

/** Records the delivery of the recovery notice through the API (the notice itself is the land office's act). */
async function deliverNotice(request: APIRequestContext, caseId: string): Promise<void> {
  const login = await request.post('/api/v1/auth/login', {
    data: { username: 'canbo.ttptqd', password: DEMO_PASSWORD },
  });
  const headers = { Authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
  const res = await request.post(`/api/v1/cases/${caseId}/transitions`, {
    headers,
    data: { action: 'deliver_notice', occurredOn: '2024-01-05', documentRef: '05/TB-UBND' },
  });
  expect(res.status(), await res.text()).toBe(201);
}

test('a household registered with two parcels, its inventory entered from the keyboard and signed, its minutes as PDF', async ({
  page,
  request,
}) => {
  const name = 'Nông Văn Kiểm Đếm';
  const cccd = `0${String(Date.now()).slice(-11)}`;
  await signIn(page, 'canbo.ttptqd');
  await page.goto('/ho-so?du-an=QL4B');
  await page.getByRole('button', { name: 'Thêm hộ' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('Họ tên chủ hộ / tên tổ chức').fill(name);
  await form.getByLabel('Số CCCD').fill(cccd);
  await pick(page, form.getByLabel('Xã'), 'Gia Cát');
  await form.getByLabel('Đợt').fill('3');
  await form.getByRole('button', { name: 'Thêm thành viên hộ' }).click();
  await form.getByLabel('Họ tên thành viên').fill('Nông Thị Vợ');
  await form.getByLabel('Quan hệ với chủ hộ').fill('Vợ');
  await form.getByRole('button', { name: 'Ghi hồ sơ' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  const caseId = new URL(page.url()).pathname.split('/').pop()!;

  // Two parcels, areas typed the Vietnamese way.
  for (const [number, type, measured, recovered] of [
    [cccd.slice(-4), 'ONT', '300', '120,5'],
    [String(Number(cccd.slice(-4)) + 1), 'LUC', '1.500', '1.500'],
  ]) {
    await page.getByRole('button', { name: 'Thêm thửa' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tờ bản đồ số').fill('33');
    await dialog.getByLabel('Thửa số').fill(number);
    await pick(page, dialog.getByLabel('Loại đất'), type);
    await dialog.getByLabel('DT đo đạc (m²)').fill(measured);
    await dialog.getByLabel('DT thu hồi (m²)').fill(recovered);
    await dialog.getByRole('button', { name: 'Ghi thửa đất' }).click();
    await expect(dialog).toBeHidden();
  }
  const parcels = page.locator('.ant-card', { hasText: 'Thửa đất' }).locator('tbody tr.ant-table-row');
  await expect(parcels).toHaveCount(2);
  await expect(page.locator('.ant-card', { hasText: 'Thửa đất' })).toContainText('120,5');
  await expect(page.locator('.ant-card', { hasText: 'Thửa đất' })).toContainText('1.500');

  await deliverNotice(request, caseId);
  await page.getByRole('button', { name: 'Tải lại' }).click();
  await page.getByRole('link', { name: 'Mở biên bản kiểm đếm' }).click();
  await expect(page.getByRole('heading', { name: `Kiểm đếm — ${name}` })).toBeVisible();

  // Row 1: a house from the price book, 65,5 m² built in 2010; Enter on the quantity opens row 2.
  await pick(page, page.getByLabel('Hạng mục dòng 1'), 'NHA-C4');
  await page.getByLabel('Năm xây dựng dòng 1').fill('2010');
  await page.getByLabel('Số lượng dòng 1').fill('65,5');
  await page.getByLabel('Số lượng dòng 1').press('Enter');
  await expect(page.getByLabel('Số lượng dòng 2')).toBeFocused();
  // Row 2: rice, typed the Vietnamese way (1.250 m²).
  await pick(page, page.getByLabel('Loại tài sản dòng 2'), 'Hoa màu');
  await pick(page, page.getByLabel('Hạng mục dòng 2'), 'LUA');
  await page.getByLabel('Số lượng dòng 2').fill('1.250');
  // Priced as typed, by the plan's calculator on the server: a house at its new-build value (65,5 × 3.200.000),
  // rice by its area (1.250 × 9.000 đồng), with the book and the day the prices are of.
  await expect(page.getByText('209.600.000', { exact: true })).toBeVisible();
  await expect(page.getByText('11.250.000', { exact: true })).toBeVisible();
  await expect(page.getByTestId('inventory-preview-total')).toContainText(
    'Tổng dự tính: 220.850.000 đồng, theo bảng giá MAU-CAOLOC-2024 (giá MẪU)',
  );

  await page.getByRole('button', { name: 'Ký biên bản' }).click();
  await page.getByRole('button', { name: 'Ký', exact: true }).click();
  await expect(page.getByText('Lần 1: Đã ký')).toBeVisible();
  // Signed: read-only, with its two items; a correction would be a new revision.
  await expect(page.locator('tbody tr.ant-table-row')).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Lập biên bản điều chỉnh (lần 2)' })).toBeVisible();
  await expect(page.getByLabel('Số lượng dòng 1')).toHaveCount(0);

  // The minutes, rendered by the worker, open as a PDF.
  const minutes = page.getByRole('button', { name: /Biên bản số .* \(PDF\)$/ });
  await expect(minutes).toBeVisible({ timeout: 30_000 });
  const popup = page.waitForEvent('popup');
  await minutes.click();
  const pdf = await popup;
  expect(pdf.url()).toMatch(/^blob:/);
  await pdf.close();

  // The signed minutes, scanned, are attached to the household's file and open from it.
  await page.getByRole('link', { name: '← Hồ sơ của hộ' }).click();
  await page.getByLabel('Mô tả tệp').fill('Biên bản kiểm đếm đã ký');
  await page.locator('input[type=file]').setInputFiles({
    name: 'bien-ban-da-ky.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
  });
  const attachments = page.locator('.ant-card', { hasText: 'Tệp đính kèm' });
  await expect(attachments).toContainText('Biên bản kiểm đếm đã ký');
  const scan = page.waitForEvent('popup');
  await attachments.getByRole('button', { name: 'bien-ban-da-ky.pdf' }).click();
  expect((await scan).url()).toMatch(/^blob:/);
});
