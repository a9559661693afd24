import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { createCase, projectByCode } from '../support/factories.js';
import { documentText } from '../support/pdf.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 18 §12: a document is signed by whoever holds the office on its date — the head, or a deputy chosen at issue
 * who signs "KT." — as recorded in the dated list of signatories; never by the user who pressed the button.
 */
let t: TestApp;
let staff: string;
let leader: string;
let admin: string;
let projectId: string;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.login('canbo.ttptqd');
  leader = await t.login('lanhdao.huyen');
  admin = await t.login('quantri');
  projectId = (await projectByCode(t, 'QL4B')).id;
});
afterAll(async () => {
  await t.close();
});

/** A household of QL4B with one parcel, ready for its recovery notice. */
let parcelNumber = 0;
async function household(name: string) {
  const c = await createCase(t, 'QL4B', { communeName: 'Gia Cát', fullName: name });
  const p = await t
    .http()
    .post(`/api/v1/cases/${c.id}/parcels`)
    .set('Authorization', staff)
    .send({
      mapSheet: '61',
      parcelNumber: String(++parcelNumber),
      landTypeCode: 'ONT',
      measuredArea: '200',
      recoveredArea: '80',
    });
  expect(p.status).toBe(201);
  return c.id;
}
const notices = (body: Record<string, unknown>) =>
  t
    .http()
    .post(`/api/v1/projects/${projectId}/recovery-notices`)
    .set('Authorization', leader)
    .send({ surveyFrom: '2026-08-01', surveyTo: '2026-09-30', ...body });
const issuedCount = async () =>
  (await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM issued_numbers`))[0].n as number;

describe('signatories', () => {
  it('lists who signs for a body on a day, to every role; only an administrator records a term', async () => {
    const list = await t.http().get('/api/v1/signatories?agency=UBND-CL&on=2024-08-28').set('Authorization', staff);
    expect(list.status).toBe(200);
    expect(list.body.map((s: { fullName: string; title: string; deputy: boolean }) => [s.title, s.fullName])).toEqual([
      ['Chủ tịch', 'Hoàng Văn Minh'],
      ['Phó Chủ tịch', 'Nông Thị Hạnh'],
    ]);
    const body = {
      agency: 'UBND-CL',
      fullName: 'Lăng Văn Mới',
      title: 'Chủ tịch',
      deputy: false,
      effectiveFrom: '2026-07-01',
      basis: 'Nghị quyết của HĐND huyện bầu Chủ tịch UBND huyện (thử)',
    };
    expect((await t.http().post('/api/v1/signatories').set('Authorization', leader).send(body)).status).toBe(403);
    const created = await t.http().post('/api/v1/signatories').set('Authorization', admin).send(body);
    expect(created.status).toBe(201);
    const reversed = await t
      .http()
      .post('/api/v1/signatories')
      .set('Authorization', admin)
      .send({ ...body, fullName: 'Ngược Ngày', effectiveTo: '2026-06-01' });
    expect([reversed.status, reversed.body.code, reversed.body.details.field]).toEqual([
      400,
      'SIGNATORY.TERM_REVERSED',
      'effectiveTo',
    ]);
    const old = list.body.find((s: { title: string }) => s.title === 'Chủ tịch');
    const ended = await t
      .http()
      .post(`/api/v1/signatories/${old.id}/end`)
      .set('Authorization', admin)
      .send({ effectiveTo: '2026-06-30' });
    expect([ended.status, ended.body.effectiveTo]).toEqual([201, '2026-06-30']);
  });

  it('signs with the head in office on the date, or the deputy chosen ("KT."), never the user', async () => {
    // Before the change of Chairman, and after it.
    const before = await notices({ issuedOn: '2026-06-30', caseIds: [await household('Hà Văn Trước')] });
    const after = await notices({ issuedOn: '2026-07-01', caseIds: [await household('Hà Văn Sau')] });
    expect([before.status, after.status]).toEqual([201, 201]);
    const textOf = async (res: { body: { documentId: string }[] }) =>
      (await documentText(t, res.body[0].documentId, staff)).text;
    const b = await textOf(before);
    expect(b).toMatch(/TM\. ỦY BAN NHÂN DÂN .*CHỦ TỊCH .*Hoàng Văn Minh/);
    const a = await textOf(after);
    expect(a).toMatch(/TM\. ỦY BAN NHÂN DÂN .*CHỦ TỊCH .*Lăng Văn Mới/);
    for (const text of [a, b]) {
      expect(text).not.toContain('Lãnh đạo UBND huyện (demo)');
      expect(text).not.toContain('KT.');
    }

    const deputy = (
      await t.http().get('/api/v1/signatories?agency=UBND-CL&on=2026-07-02').set('Authorization', staff)
    ).body.find((s: { deputy: boolean }) => s.deputy);
    const deputyCase = await household('Hà Văn Phó');
    const byDeputy = await notices({ issuedOn: '2026-07-02', caseIds: [deputyCase], signatoryId: deputy.id });
    expect(byDeputy.status).toBe(201);
    expect(await textOf(byDeputy)).toMatch(/TM\. ỦY BAN NHÂN DÂN .*KT\. CHỦ TỊCH .*PHÓ CHỦ TỊCH .*Nông Thị Hạnh/);
    // The document list says who signed, for the văn thư and the screens.
    const listed = await t
      .http()
      .get(`/api/v1/documents?entityType=case&entityId=${deputyCase}`)
      .set('Authorization', staff);
    expect(listed.body.map((d: { type: string; signedBy: string }) => [d.type, d.signedBy])).toEqual([
      ['recovery_notice', 'Phó Chủ tịch Nông Thị Hạnh (ký thay)'],
    ]);
  });

  it("names the body that issues a kind of document for a commune, for the forms' signer choice", async () => {
    const commune = (await projectByCode(t, 'QL4B')).communes[0].id;
    const issuer = (query: string) => t.http().get(`/api/v1/agencies/issuer?${query}`).set('Authorization', staff);
    expect((await issuer(`kind=people_committee&placeId=${commune}`)).body).toEqual({
      agencyCode: 'UBND-CL',
      agencyName: 'Ủy ban nhân dân huyện Cao Lộc',
    });
    expect((await issuer(`kind=land_fund_center&placeId=${commune}`)).body.agencyCode).toBe('TTPTQD-CL');
    const wrongKind = await issuer(`kind=land_office&placeId=${commune}`);
    expect([wrongKind.status, wrongKind.body.details.field]).toEqual([400, 'kind']);
    const nowhere = await issuer('kind=people_committee&placeId=00000000-0000-4000-8000-000000000000');
    expect([nowhere.status, nowhere.body.code]).toEqual([404, 'REFERENCE.ISSUER_UNKNOWN']);
  });

  it('refuses a signer of another body, or a day nobody heads the body, and writes nothing', async () => {
    const centerHead = (
      await t.http().get('/api/v1/signatories?agency=TTPTQD-CL').set('Authorization', staff)
    ).body.find((s: { deputy: boolean }) => !s.deputy);
    const caseId = await household('Hà Văn Từ Chối');
    const count = await issuedCount();
    const foreign = await notices({ issuedOn: '2026-07-03', caseIds: [caseId], signatoryId: centerHead.id });
    expect([foreign.status, foreign.body.code, foreign.body.details.field]).toEqual([
      400,
      'DOCUMENT.SIGNATORY_UNKNOWN',
      'signatoryId',
    ]);
    // Before the sample Chairman's term began (25/06/2021), no head is recorded.
    const nobody = await notices({ issuedOn: '2021-01-05', caseIds: [caseId] });
    expect([nobody.status, nobody.body.code]).toEqual([409, 'DOCUMENT.NO_SIGNATORY']);
    expect(nobody.body.message).toContain('Ủy ban nhân dân huyện Cao Lộc');
    expect(nobody.body.message).toContain('05/01/2021');
    expect(await issuedCount()).toBe(count);
  });

  it('refuses a recovery notice for a household without a parcel to recover (issue 18 §13)', async () => {
    const c = await createCase(t, 'QL4B', { communeName: 'Gia Cát', fullName: 'Hà Văn Chưa Thửa' });
    const count = await issuedCount();
    const res = await notices({ issuedOn: '2026-07-03', caseIds: [c.id] });
    expect([res.status, res.body.code, res.body.details]).toEqual([
      409,
      'NOTICE.NO_PARCELS',
      { field: 'caseIds', caseIds: [c.id] },
    ]);
    expect(res.body.message).toContain('Hà Văn Chưa Thửa');
    expect(await issuedCount()).toBe(count);
  });
});
