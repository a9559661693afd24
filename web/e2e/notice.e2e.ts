import { expect, test } from '@playwright/test';
import { as, newHousehold, pick, signIn, typeDate } from './support';

test('the district issues recovery notices for the households chosen in the list, signed by its Chairman', async ({
  page,
  request,
}) => {
  // A household of QL4B in the boundary, its parcel recorded from the cadastral extract (a notice states it).
  const api = await as(request, 'canbo.ttptqd');
  const { id, cccd } = await newHousehold(request, {
    projectCode: 'QL4B',
    communeName: 'Gia Cát',
    fullName: 'Lò Văn Thông Báo',
  });
  await api('post', `/cases/${id}/parcels`, {
    mapSheet: '44',
    parcelNumber: cccd.slice(-5),
    landTypeCode: 'LUC',
    position: 'VT1',
    measuredArea: '800',
    recoveredArea: '350.5',
  });

  await signIn(page, 'lanhdao.huyen');
  await page.goto('/ho-so?du-an=QL4B&tim=lo van thong bao');
  await page.getByRole('checkbox', { name: 'Chọn Lò Văn Thông Báo' }).check();
  await page.getByRole('button', { name: 'Ban hành thông báo thu hồi đất (1 hộ)' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Để trống: Chủ tịch Hoàng Văn Minh ký.');
  await typeDate(dialog.getByLabel('Kiểm đếm từ ngày'), '05/01/2027');
  await typeDate(dialog.getByLabel('Kiểm đếm đến ngày'), '05/03/2027');
  await dialog.getByRole('button', { name: 'Ban hành 1 thông báo' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/Đã ban hành 1 thông báo thu hồi đất/)).toBeVisible();

  // The household's file lists the notice and who signed it.
  await page.getByRole('link', { name: 'Lò Văn Thông Báo' }).click();
  await expect(
    page.getByText(/Thông báo thu hồi đất số \d+\/TB-UBND .*Người ký: Chủ tịch Hoàng Văn Minh/).first(),
  ).toBeVisible();
});

test('the forced-survey decision the system issues is signed by the deputy chosen in the step form', async ({
  page,
  request,
}) => {
  // A household that refused the survey and was persuaded in vain: the Chairman's decision is the next step.
  const api = await as(request, 'canbo.ttptqd');
  const c = await newHousehold(request, {
    projectCode: 'QL4B',
    communeName: 'Gia Cát',
    fullName: 'Hoàng Văn Không Hợp Tác',
  });
  for (const step of [
    { action: 'deliver_notice', occurredOn: '2024-01-05', documentRef: '05/TB-UBND' },
    { action: 'refuse_survey', occurredOn: '2024-02-01' },
    { action: 'persuade_survey', occurredOn: '2024-03-01', documentRef: '01/BB-VĐ' },
  ])
    await api('post', `/cases/${c.id}/transitions`, step);

  await signIn(page, 'lanhdao.huyen');
  await page.goto(`/ho-so/${c.id}`);
  await page.getByRole('button', { name: /Ghi nhận quyết định kiểm đếm bắt buộc/ }).click();
  const dialog = page.getByRole('dialog');
  await typeDate(dialog.getByLabel('Ngày thực hiện'), '12/03/2024');
  // No number typed: the system issues the decision, signed by the Chairman unless a deputy is chosen.
  await expect(dialog).toContainText('Để trống: Chủ tịch Hoàng Văn Minh ký.');
  await pick(page, dialog.getByLabel('Người ký'), 'Nông Thị Hạnh');
  await dialog.getByRole('button', { name: 'Ghi nhận' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page
      .getByText(/Quyết định kiểm đếm bắt buộc số \d+\/QĐ-UBND .*Người ký: Phó Chủ tịch Nông Thị Hạnh \(ký thay\)/)
      .first(),
  ).toBeVisible();
});
