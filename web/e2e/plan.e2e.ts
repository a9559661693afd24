import { expect, type APIRequestContext, test } from '@playwright/test';
import { DEMO_PASSWORD, signIn, typeDate } from './support';

/** An API session as one of the demo users. */
async function as(request: APIRequestContext, username: string) {
  const login = await request.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  const headers = { Authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
  const call = async <T>(method: 'get' | 'post', path: string, data?: unknown): Promise<T> => {
    const res = await request[method](`/api/v1${path}`, { headers, data });
    if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return call;
}

/** A draft plan of one surveyed household with nothing blocking it, made through the API as the Center. */
async function draftPlan(request: APIRequestContext): Promise<{ id: string; code: string; version: number }> {
  const api = await as(request, 'canbo.ttptqd');
  const project = (
    await api<{ id: string; code: string; communes: { id: string; name: string }[] }[]>('get', '/projects')
  ).find((p) => p.code === 'QL4B')!;
  const cccd = `0${String(Date.now()).slice(-11)}`;
  const c = await api<{ id: string }>('post', `/projects/${project.id}/cases`, {
    communeId: project.communes.find((x) => x.name === 'Gia Cát')!.id,
    batch: '1',
    landUser: {
      kind: 'household',
      fullName: 'Hoàng Văn Thử Trình Duyệt',
      cccd,
      members: [
        {
          fullName: 'Hoàng Văn Thử Trình Duyệt',
          birthYear: 1970,
          relation: 'Chủ hộ',
          livesOnLand: true,
          farmsLand: true,
        },
      ],
    },
  });
  await api('post', `/cases/${c.id}/transitions`, {
    action: 'deliver_notice',
    occurredOn: '2024-01-05',
    documentRef: '05/TB-UBND',
  });
  await api('post', `/cases/${c.id}/parcels`, {
    mapSheet: '31',
    parcelNumber: cccd.slice(-5),
    landTypeCode: 'LUC',
    position: 'VT1',
    measuredArea: '1000',
    recoveredArea: '400',
  });
  const inv = await api<{ id: string; version: number }>('post', `/cases/${c.id}/inventories`, {
    surveyedOn: '2024-03-05',
    participants: [{ name: 'Đại diện hộ', role: 'Đại diện hộ' }],
    items: [{ kind: 'crop', itemCode: 'LUA', description: 'Lúa', quantity: '100', unit: 'm2' }],
  });
  await api('post', `/inventories/${inv.id}/sign`, { version: inv.version });
  const book = (await api<{ id: string; code: string }[]>('get', '/price-books')).find(
    (b) => b.code === 'MAU-CAOLOC-2024',
  )!;
  return api('post', `/projects/${project.id}/plans`, {
    name: 'Phương án thử trên trình duyệt',
    priceBookId: book.id,
    valuationDate: '2024-06-01',
    caseIds: [c.id],
  });
}

test('a plan step taken from its page; a version changed meanwhile is said plainly, and saving again keeps the date typed', async ({
  page,
  request,
}) => {
  const plan = await draftPlan(request);
  await signIn(page, 'canbo.ttptqd');
  // The inbox lists it for the Center, and opens it.
  await page
    .getByRole('link', { name: new RegExp(plan.code) })
    .first()
    .click();
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
  await expect(dialog.getByLabel('Ngày thực hiện')).toHaveValue('03/06/2024');
  await dialog.getByRole('button', { name: 'Ghi nhận' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Trung tâm rà soát', { exact: true })).toBeVisible();
  await expect(page.getByText('03/06/2024', { exact: true })).toBeVisible(); // the step, in the history
  // The next step is the Center lead's: shown, not offered.
  await expect(page.getByRole('button', { name: /Niêm yết công khai/ })).toBeDisabled();
});
