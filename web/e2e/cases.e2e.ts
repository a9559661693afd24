import { expect, type APIRequestContext, test } from '@playwright/test';
import { DEMO_PASSWORD, expectNoHorizontalScroll, signIn, typeDate } from './support';

interface CaseRow {
  id: string;
  communeName: string;
  landUser: { fullName: string };
}

/** A case of another commune, found through the API as the Center (the commune officer is never told its id). */
async function caseOutsideHopThanh(request: APIRequestContext): Promise<CaseRow> {
  const login = await request.post('/api/v1/auth/login', {
    data: { username: 'canbo.ttptqd', password: DEMO_PASSWORD },
  });
  const headers = { Authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
  const projects = (await (await request.get('/api/v1/projects', { headers })).json()) as {
    id: string;
    code: string;
  }[];
  const expressway = projects.find((p) => p.code === 'CT-HNCL')!;
  const page = (await (
    await request.get(`/api/v1/projects/${expressway.id}/cases?pageSize=5`, { headers })
  ).json()) as { items: CaseRow[] };
  return page.items[0];
}

test.describe('case files', () => {
  test('a commune officer sees only the households of its commune: list, search and direct link', async ({
    page,
    request,
  }) => {
    const other = await caseOutsideHopThanh(request);
    expect(other.communeName).not.toBe('Hợp Thành');
    await signIn(page, 'xa.hopthanh');
    await page.getByRole('menuitem', { name: 'Hồ sơ hộ' }).click();
    // Only the projects of its commune are offered.
    await page.getByLabel('Dự án').click();
    await expect(page.locator('.ant-select-item-option')).toHaveText([/^CCN-HT1/, /^CCN-HT2/]);
    await page.keyboard.press('Escape');
    const communes = page.locator('tbody tr.ant-table-row td:nth-child(3)');
    await expect(communes.first()).toHaveText('Hợp Thành');
    expect(new Set(await communes.allTextContents())).toEqual(new Set(['Hợp Thành']));
    await expectNoHorizontalScroll(page);
    // Searching for the other commune's household finds nothing.
    await page.getByLabel('Tìm theo tên hoặc CCCD').fill(other.landUser.fullName);
    await page.getByLabel('Tìm theo tên hoặc CCCD').press('Enter');
    await expect(page.getByText('Không có hồ sơ nào khớp điều kiện lọc.')).toBeVisible();
    // Its file, opened by a link, is refused and shows nothing of it.
    await page.goto(`/ho-so/${other.id}`);
    await expect(page.getByRole('alert')).toContainText('không thuộc phạm vi bạn được giao');
    await expect(page.getByText(other.landUser.fullName)).toHaveCount(0);
    // A link to no household at all says so, without showing the id it was given.
    const unknown = '00000000-0000-4000-8000-000000000000';
    await page.goto(`/ho-so/${unknown}`);
    await expect(page.getByRole('alert')).toContainText('Không tìm thấy hồ sơ.');
    await expect(page.locator('body')).not.toContainText(unknown);
  });

  test('the Center filters the list without accents, opens a file and reads it in Vietnamese, with no id shown', async ({
    page,
  }) => {
    await signIn(page, 'canbo.ttptqd');
    await page.goto('/ho-so?du-an=CT-HNCL');
    const first = page.locator('tbody tr.ant-table-row').first().locator('td').first();
    await expect(first).not.toBeEmpty();
    const name = (await first.textContent())!;
    // "Bế Đức Hải" typed as "be duc hai".
    const plain = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/gi, 'd')
      .toLowerCase();
    await page.getByLabel('Tìm theo tên hoặc CCCD').fill(plain);
    await page.getByLabel('Tìm theo tên hoặc CCCD').press('Enter');
    await expect(page.locator('tbody tr.ant-table-row').first().locator('td').first()).toHaveText(name);
    await page.getByRole('link', { name }).first().click();
    await expect(page.getByRole('heading', { name })).toBeVisible();
    await expect(page.getByText('Thửa đất', { exact: true })).toBeVisible();
    await expect(page.getByText('Các bước đã thực hiện')).toBeVisible();
    // Dates as dd/mm/yyyy, areas with a decimal comma, and no UUID anywhere on the page.
    const text = await page.locator('body').innerText();
    expect(text).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await expectNoHorizontalScroll(page);
  });

  test("a step dated before the case's last step is refused next to the date, in the server's words", async ({
    page,
  }) => {
    await signIn(page, 'canbo.ttptqd');
    await page.goto('/ho-so?du-an=CT-HNCL&buoc=SURVEYED');
    await page.locator('tbody tr.ant-table-row').first().locator('a').click();
    const step = page.getByRole('button', { name: /Xác nhận nguồn gốc đất/ });
    await expect(step).toBeEnabled();
    await step.click();
    const dialog = page.getByRole('dialog');
    const date = dialog.getByLabel('Ngày thực hiện');
    await typeDate(date, '01/01/2020');
    await dialog.getByLabel('Số, ký hiệu văn bản').fill('5/XN-UBND');
    await dialog.getByRole('button', { name: 'Ghi nhận' }).click();
    await expect(dialog.locator('.ant-form-item-explain-error')).toContainText('sớm hơn bước trước');
  });

  test('a persuasion visit to a household refusing the money goes into its log', async ({ page }) => {
    await signIn(page, 'canbo.ttptqd');
    // The demo story's Yên Trạch households who refused the money are being persuaded.
    await page.goto('/ho-so?du-an=CT-HNCL&buoc=PERSUADING_PAYMENT');
    await page.locator('tbody tr.ant-table-row').first().locator('a').click();
    const log = page
      .locator('.ant-card')
      .filter({ has: page.locator('.ant-card-head-title', { hasText: /^Vận động, đối thoại$/ }) });
    await expect(log).toContainText('Chưa có buổi làm việc nào.');
    // Not paid yet: the site cannot be handed over, and the file says why instead of offering it.
    await expect(page.getByRole('button', { name: 'Ghi nhận bàn giao' })).toHaveCount(0);
    await expect(page.getByText('Hộ chưa nhận đủ tiền bồi thường')).toBeVisible();
    await log.getByRole('button', { name: 'Ghi nhận buổi làm việc' }).click();
    const dialog = page.getByRole('dialog');
    await typeDate(dialog.getByLabel('Ngày'), '12/06/2024');
    await dialog.getByLabel('Cán bộ tham gia').fill('Cán bộ Trung tâm; Cán bộ địa chính xã Yên Trạch');
    await dialog.getByLabel('Kết quả').fill('Hộ đồng ý nhận tiền vào ngày 20/6');
    await dialog.getByRole('button', { name: 'Ghi nhận' }).click();
    await expect(dialog).toBeHidden();
    const row = log.locator('tbody tr.ant-table-row', { hasText: 'Hộ đồng ý nhận tiền vào ngày 20/6' });
    await expect(row).toContainText('12/06/2024');
    await expect(row).toContainText('Vận động, thuyết phục');
    await expect(row).toContainText('Cán bộ Trung tâm; Cán bộ địa chính xã Yên Trạch');
  });
});
