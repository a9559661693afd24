import { type APIRequestContext, expect, type Locator, type Page } from '@playwright/test';
import pg from 'pg';

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

/**
 * Picks an option of an Ant Design select from the keyboard, as a clerk does: opens it, types, and presses Enter once
 * the option typed is offered (options may still be loading).
 */
export async function pick(page: Page, select: Locator, typed: string): Promise<void> {
  await select.click();
  await page.keyboard.type(typed);
  await expect(page.locator('.ant-select-item-option-active', { hasText: typed })).toBeVisible();
  await page.keyboard.press('Enter');
}

/** Types a date into an Ant Design date picker as a clerk does (dd/mm/yyyy, then Enter) and waits for it to hold. */
export async function typeDate(input: Locator, ddmmyyyy: string): Promise<void> {
  await input.click();
  await input.press('ControlOrMeta+A');
  await input.pressSequentially(ddmmyyyy, { delay: 20 });
  await expect(input).toHaveValue(ddmmyyyy);
  await input.press('Enter');
}

/** An API session as one of the demo users. */
export async function as(request: APIRequestContext, username: string) {
  const login = await request.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  const headers = { Authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
  const call = async <T>(method: 'get' | 'post' | 'patch', path: string, data?: unknown): Promise<T> => {
    const res = await request[method](`/api/v1${path}`, { headers, data });
    if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return call;
}

/**
 * Puts a draft plan where the district leader approves it: posting, consultation and appraisal (weeks of the
 * procedure, tested by the API's own tests) are skipped in the database. Answers the plan's version.
 */
export async function markAppraised(planId: string): Promise<number> {
  const db = new pg.Client({ connectionString: process.env.GPMB_BROWSER_DATABASE_URL });
  await db.connect();
  try {
    const { rows } = await db.query<{ version: number }>(
      `UPDATE plans SET status = 'APPRAISED', findings = '[]', appraisal = '{"land":{},"crops":{},"structures":{}}'
        WHERE id = $1 RETURNING version`,
      [planId],
    );
    return rows[0].version;
  } finally {
    await db.end();
  }
}

/**
 * A new household in a project's boundary, registered through the API as the Center, with a CCCD no other test uses;
 * `withHead` records its head as its one member.
 */
export async function newHousehold(
  request: APIRequestContext,
  options: { projectCode: string; communeName: string; fullName: string; withHead?: boolean },
): Promise<{ id: string; cccd: string; projectId: string }> {
  const { projectCode, communeName, fullName, withHead = false } = options;
  const api = await as(request, 'canbo.ttptqd');
  const project = (
    await api<{ id: string; code: string; communes: { id: string; name: string }[] }[]>('get', '/projects')
  ).find((p) => p.code === projectCode)!;
  const cccd = `0${String(Date.now()).slice(-8)}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  const c = await api<{ id: string }>('post', `/projects/${project.id}/cases`, {
    communeId: project.communes.find((x) => x.name === communeName)!.id,
    batch: '1',
    landUser: {
      kind: 'household',
      fullName,
      cccd,
      ...(withHead
        ? {
            members: [{ fullName, birthYear: 1970, relation: 'Chủ hộ', livesOnLand: true, farmsLand: true }],
          }
        : {}),
    },
  });
  return { id: c.id, cccd, projectId: project.id };
}

/**
 * A draft plan of one new surveyed household with nothing blocking it (notice, one parcel, a signed inventory), made
 * through the API as the Center; the plan holds only that household, whatever the seeded plans hold.
 */
export async function draftPlan(
  request: APIRequestContext,
  options: { projectCode?: string; communeName?: string; fullName?: string; planName?: string } = {},
): Promise<{ id: string; code: string; version: number; caseId: string; fullName: string }> {
  const {
    projectCode = 'QL4B',
    communeName = 'Gia Cát',
    fullName = 'Hoàng Văn Thử Trình Duyệt',
    planName = 'Phương án thử trên trình duyệt',
  } = options;
  const api = await as(request, 'canbo.ttptqd');
  const c = await newHousehold(request, { projectCode, communeName, fullName, withHead: true });
  const { cccd } = c;
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
  const plan = await api<{ id: string; code: string; version: number }>('post', `/projects/${c.projectId}/plans`, {
    name: planName,
    priceBookId: book.id,
    valuationDate: '2024-06-01',
    caseIds: [c.id],
  });
  return { ...plan, caseId: c.id, fullName };
}
