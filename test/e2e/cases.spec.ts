import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { QueueService } from '../../src/core/queue/queue.service.js';
import { createCase, fakeCccd, projectByCode } from '../support/factories.js';
import { documentText } from '../support/pdf.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let staff: string;
beforeAll(async () => {
  t = await startTestApp();
  staff = await t.login('canbo.ttptqd');
});
afterAll(async () => {
  await t.close();
});

const parcel = (over: Record<string, unknown> = {}) => ({
  mapSheet: '12',
  parcelNumber: '85',
  landTypeCode: 'ONT',
  measuredArea: '9222',
  recoveredArea: '500',
  ...over,
});

describe('land users', () => {
  it('refuses a CCCD that is not 12 digits, in Vietnamese, naming the field', async () => {
    const project = await projectByCode(t, 'CCN-HT1');
    const res = await t
      .http()
      .post(`/api/v1/projects/${project.id}/cases`)
      .set('Authorization', staff)
      .send({
        communeId: project.communes[0].id,
        landUser: { kind: 'household', fullName: 'Hộ Thử', cccd: '0012345' },
      });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual({
      field: 'landUser.cccd',
      problems: [{ field: 'landUser.cccd', code: 'VALIDATION.MATCHES', message: 'Số CCCD phải gồm đúng 12 chữ số.' }],
    });
  });

  it('finds the same person in a second project by CCCD, and refuses the CCCD under another name', async () => {
    const cccd = fakeCccd();
    const first = await createCase(t, 'CCN-HT1', { fullName: 'Nông Văn Hai Dự Án', cccd });
    const second = await createCase(t, 'CCN-HT2', { fullName: 'Nong Van Hai Du An', cccd });
    expect(second.landUser.id).toBe(first.landUser.id);
    const project = await projectByCode(t, 'QL4B');
    const clash = await t
      .http()
      .post(`/api/v1/projects/${project.id}/cases`)
      .set('Authorization', staff)
      .send({ communeId: project.communes[0].id, landUser: { kind: 'household', fullName: 'Người Khác', cccd } });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('LAND_USER.CCCD_NAME_MISMATCH');
    const found = await t.http().get(`/api/v1/land-users?cccd=${cccd}`).set('Authorization', staff);
    expect(found.body).toHaveLength(1);
  });

  it('masks CCCD and address for roles that do not need them', async () => {
    const c = await createCase(t, 'CT-HNCL');
    const asInvestor = await t
      .http()
      .get(`/api/v1/cases/${c.id}`)
      .set('Authorization', await t.login('chudautu.bot'));
    expect(asInvestor.status).toBe(200);
    expect(asInvestor.body.landUser).toMatchObject({
      cccd: null,
      address: null,
      members: null,
      personalDataHidden: true,
      memberCount: 1,
    });
    const asStaff = await t.http().get(`/api/v1/cases/${c.id}`).set('Authorization', staff);
    expect(asStaff.body.landUser.cccd).toMatch(/^099\d{9}$/);
  });
});

describe('parcels', () => {
  it('refuses a recovered area above the parcel area, with the figures in Vietnamese format', async () => {
    const c = await createCase(t, 'CCN-HT1');
    const res = await t
      .http()
      .post(`/api/v1/cases/${c.id}/parcels`)
      .set('Authorization', staff)
      .send(parcel({ recoveredArea: '9322.5' }));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('PARCEL.RECOVERED_AREA_EXCEEDS_PARCEL');
    expect(res.body.message).toBe('Diện tích thu hồi (9.322,5 m²) lớn hơn diện tích thửa đất (9.222 m²).');
    const zero = await t
      .http()
      .post(`/api/v1/cases/${c.id}/parcels`)
      .set('Authorization', staff)
      .send(parcel({ recoveredArea: '0' }));
    expect(zero.body.code).toBe('PARCEL.RECOVERED_AREA_NOT_POSITIVE');
    const comma = await t
      .http()
      .post(`/api/v1/cases/${c.id}/parcels`)
      .set('Authorization', staff)
      .send(parcel({ measuredArea: '9222,1' }));
    expect(comma.body.code).toBe('VALIDATION.FAILED');
    const unknownType = await t
      .http()
      .post(`/api/v1/cases/${c.id}/parcels`)
      .set('Authorization', staff)
      .send(parcel({ landTypeCode: 'XYZ' }));
    expect(unknownType.body.code).toBe('PARCEL.LAND_TYPE_UNKNOWN');
  });

  it('refuses the same parcel twice in one project, naming the case that has it', async () => {
    const a = await createCase(t, 'CCN-HT1', { fullName: 'Chủ Thửa Trước' });
    const b = await createCase(t, 'CCN-HT1');
    expect(
      (
        await t
          .http()
          .post(`/api/v1/cases/${a.id}/parcels`)
          .set('Authorization', staff)
          .send(parcel({ parcelNumber: '301' }))
      ).status,
    ).toBe(201);
    const twice = await t
      .http()
      .post(`/api/v1/cases/${b.id}/parcels`)
      .set('Authorization', staff)
      .send(parcel({ parcelNumber: '301' }));
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('PARCEL.ALREADY_RECOVERED');
    expect(twice.body.message).toContain('Chủ Thửa Trước');
    // The same sheet and number in another project is another recovery.
    const other = await createCase(t, 'CCN-HT2');
    expect(
      (
        await t
          .http()
          .post(`/api/v1/cases/${other.id}/parcels`)
          .set('Authorization', staff)
          .send(parcel({ parcelNumber: '301' }))
      ).status,
    ).toBe(201);
  });

  it('refuses a stale update with 409 and answers "who changed parcel 85 from 9,222 to 9,322 m², and when"', async () => {
    const c = await createCase(t, 'QL4B');
    const created = await t
      .http()
      .post(`/api/v1/cases/${c.id}/parcels`)
      .set('Authorization', staff)
      .send(parcel({ parcelNumber: '85' }));
    const lead = await t.login('lanhdao.ttptqd');
    const first = await t
      .http()
      .patch(`/api/v1/parcels/${created.body.id}`)
      .set('Authorization', lead)
      .send({ version: created.body.version, measuredArea: '9322' });
    expect(first.status).toBe(200);
    const stale = await t
      .http()
      .patch(`/api/v1/parcels/${created.body.id}`)
      .set('Authorization', staff)
      .send({ version: created.body.version, measuredArea: '9000' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CONCURRENCY.STALE_VERSION');
    const audit = await t
      .http()
      .get(`/api/v1/audit?entity=parcel&id=${created.body.id}&field=measuredArea`)
      .set('Authorization', staff);
    expect(audit.body[0]).toMatchObject({
      action: 'update',
      actorUsername: 'lanhdao.ttptqd',
      changes: [{ field: 'measuredArea', from: '9222', to: '9322' }],
    });
    expect(Date.parse(audit.body[0].at)).toBeGreaterThan(0);
  });
});

describe('search and list', () => {
  it('finds cases by name without accents, by CCCD and by parcel number, with filters and pages', async () => {
    const cccd = fakeCccd();
    const c = await createCase(t, 'CAX-2024', { fullName: 'Triệu Thị Tìm Kiếm', cccd, flags: { poorHousehold: true } });
    await t
      .http()
      .post(`/api/v1/cases/${c.id}/parcels`)
      .set('Authorization', staff)
      .send(parcel({ parcelNumber: '4417' }));
    const project = await projectByCode(t, 'CAX-2024');
    const search = async (query: string) =>
      (await t.http().get(`/api/v1/projects/${project.id}/cases?${query}`).set('Authorization', staff)).body as {
        items: { id: string }[];
        total: number;
      };
    expect((await search('q=trieu%20thi%20tim')).items.map((i) => i.id)).toEqual([c.id]);
    expect((await search(`q=${cccd}`)).items.map((i) => i.id)).toEqual([c.id]);
    expect((await search('q=4417')).items.map((i) => i.id)).toEqual([c.id]);
    expect((await search('q=tim%20kiem&poorHousehold=false')).total).toBe(0);
    expect((await search('q=tim%20kiem&state=IDENTIFIED&poorHousehold=true')).total).toBe(1);
    // The household flag lives on the land user; the list sees a change to it at once.
    await t
      .http()
      .patch(`/api/v1/land-users/${c.landUser.id}`)
      .set('Authorization', staff)
      .send({ version: 1, poorHousehold: false });
    expect((await search('q=tim%20kiem&poorHousehold=true')).total).toBe(0);
    expect((await search('q=tim%20kiem&poorHousehold=false')).total).toBe(1);
    for (let i = 0; i < 3; i++) await createCase(t, 'CAX-2024');
    const page = await search('pageSize=2&page=2');
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThanOrEqual(4);
  });
});

describe('commune scope', () => {
  it("keeps a commune officer out of another commune's cases, for reading and for changing", async () => {
    const elsewhere = await createCase(t, 'CT-HNCL'); // not in Hợp Thành
    const officer = await t.login('xa.hopthanh');
    const read = await t.http().get(`/api/v1/cases/${elsewhere.id}`).set('Authorization', officer);
    expect(read.status).toBe(403);
    expect(read.body.code).toBe('AUTH.OUT_OF_SCOPE');
    const write = await t
      .http()
      .patch(`/api/v1/cases/${elsewhere.id}`)
      .set('Authorization', officer)
      .send({ version: elsewhere.version, note: 'sửa trộm' });
    expect(write.status).toBe(403);
    const parcels = await t
      .http()
      .post(`/api/v1/cases/${elsewhere.id}/parcels`)
      .set('Authorization', officer)
      .send(parcel({ parcelNumber: '999' }));
    expect(parcels.status).toBe(403);
    const own = await createCase(t, 'CCN-HT1', { as: 'xa.hopthanh', communeName: 'Hợp Thành' });
    expect((await t.http().get(`/api/v1/cases/${own.id}`).set('Authorization', officer)).status).toBe(200);
    const project = await projectByCode(t, 'CCN-HT1');
    const list = await t.http().get(`/api/v1/projects/${project.id}/cases`).set('Authorization', officer);
    expect(list.body.items.every((i: { communeName: string }) => i.communeName === 'Hợp Thành')).toBe(true);
  });

  it('does not tell a commune officer who holds a CCCD, nor attach someone outside its communes (issue 17 §2)', async () => {
    const elsewhere = await createCase(t, 'CT-HNCL', { fullName: 'Lục Văn Ở Xa', cccd: fakeCccd() });
    const officer = await t.login('xa.hopthanh');
    const hopThanh = await projectByCode(t, 'CCN-HT1');
    const register = (landUser: Record<string, unknown> | null, landUserId?: string, as = officer) =>
      t
        .http()
        .post(`/api/v1/projects/${hopThanh.id}/cases`)
        .set('Authorization', as)
        .send({
          communeId: hopThanh.communes[0].id,
          batch: '1',
          ...(landUser ? { landUser: { kind: 'household', ...landUser } } : { landUserId }),
        });
    // Another name with that person's number: told only that the number is registered.
    for (const fullName of ['Tên Khác Hẳn', 'Lục Văn Ở Xa']) {
      const res = await register({ fullName, cccd: elsewhere.landUser.cccd });
      expect([res.status, res.body.code, res.body.details]).toEqual([
        409,
        'LAND_USER.CCCD_REGISTERED',
        { field: 'landUser.cccd' },
      ]);
      expect(JSON.stringify(res.body)).not.toContain('Lục Văn');
      expect(JSON.stringify(res.body)).not.toContain(elsewhere.landUser.id);
    }
    // Nor by id: that person answers as unknown.
    const byId = await register(null, elsewhere.landUser.id);
    expect([byId.status, byId.body.code]).toEqual([404, 'LAND_USER.NOT_FOUND']);
    // The Center attaches the same person, named as registered.
    const center = await register({ fullName: 'Lục Văn Ở Xa', cccd: elsewhere.landUser.cccd }, undefined, staff);
    expect(center.status).toBe(201);
    expect(center.body.landUser.id).toBe(elsewhere.landUser.id);
    // Now the person has a case in Hợp Thành: the officer may use the number in another project of its commune.
    const hopThanh2 = await projectByCode(t, 'CCN-HT2');
    const again = await t
      .http()
      .post(`/api/v1/projects/${hopThanh2.id}/cases`)
      .set('Authorization', officer)
      .send({
        communeId: hopThanh2.communes[0].id,
        landUser: { kind: 'household', fullName: 'Lục Văn Ở Xa', cccd: elsewhere.landUser.cccd },
      });
    expect(again.status).toBe(201);
  });
});

describe('recovery notice', () => {
  it('is issued per household with a TB number, rendered by a worker, and its number recorded at delivery', async () => {
    const c = await createCase(t, 'QL4B', { communeName: 'Gia Cát', fullName: 'Đàm Văn Thông Báo' });
    await t
      .http()
      .post(`/api/v1/cases/${c.id}/parcels`)
      .set('Authorization', staff)
      .send(parcel({ mapSheet: '55', parcelNumber: '12', recoveredArea: '120.5' }));
    const project = await projectByCode(t, 'QL4B');
    expect(
      (
        await t
          .http()
          .post(`/api/v1/projects/${project.id}/recovery-notices`)
          .set('Authorization', staff)
          .send({ issuedOn: '2024-01-05', caseIds: [c.id], surveyFrom: '2024-01-15', surveyTo: '2024-03-15' })
      ).status,
    ).toBe(403);
    const res = await t
      .http()
      .post(`/api/v1/projects/${project.id}/recovery-notices`)
      .set('Authorization', await t.login('lanhdao.huyen'))
      .send({
        issuedOn: '2024-01-05',
        caseIds: [c.id],
        surveyFrom: '2024-01-15',
        surveyTo: '2024-03-15',
      });
    expect(res.status).toBe(201);
    const [notice] = res.body;
    expect(notice.number).toMatch(/^\d{2,}\/TB-UBND$/);
    await t.app.get(QueueService).waitFor('documents', `render.${notice.documentId}`);
    const file = await t
      .http()
      .get(`/api/v1/documents/${notice.documentId}/file`)
      .set('Authorization', staff)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (d: Buffer) => chunks.push(d));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: file.body as Buffer })
      .toString('utf8')
      .replace(/\s+/g, ' ');
    expect(text).toContain('THÔNG BÁO');
    expect(text).toContain(`Số: ${notice.number} Cao Lộc, ngày 05 tháng 01 năm 2024`);
    expect(text).toContain('120,5 m² đất của Đàm Văn Thông Báo');
    expect(text).toContain('từ ngày 15/01/2024 đến ngày 15/03/2024');
    expect(text).toContain('tài sản tạo lập sau ngày thông báo này không được bồi thường');
    // Signed by the Chairman in office that day, not by the user who issued it (issue 18 §12).
    expect(text).toMatch(/TM\. ỦY BAN NHÂN DÂN .*CHỦ TỊCH .*Hoàng Văn Minh/);
    expect(text).not.toContain('(demo)');
    // Delivered before it was issued: refused (the 90/180-day clock cannot start before the notice exists).
    const early = await t
      .http()
      .post(`/api/v1/cases/${c.id}/transitions`)
      .set('Authorization', staff)
      .send({ action: 'deliver_notice', occurredOn: '2024-01-02', documentRef: notice.number });
    expect([early.status, early.body.code, early.body.details]).toEqual([
      400,
      'CASE.DATE_BEFORE_DOCUMENT',
      { field: 'occurredOn', documentRef: notice.number, issuedOn: '2024-01-05' },
    ]);
    const delivered = await t
      .http()
      .post(`/api/v1/cases/${c.id}/transitions`)
      .set('Authorization', staff)
      .send({ action: 'deliver_notice', occurredOn: '2024-01-08', documentRef: notice.number });
    expect(delivered.body.noticeDeliveredOn).toBe('2024-01-08');

    // The decisions that follow cite the notice by its number and its own date (05/01), not the delivery (08/01).
    const step = (as: string, body: Record<string, string>) =>
      t.http().post(`/api/v1/cases/${c.id}/transitions`).set('Authorization', as).send(body);
    expect((await step(staff, { action: 'refuse_survey', occurredOn: '2024-02-01' })).status).toBe(201);
    expect(
      (await step(staff, { action: 'persuade_survey', occurredOn: '2024-03-01', documentRef: '01/BB-VĐ' })).status,
    ).toBe(201);
    const ordered = await step(await t.login('lanhdao.huyen'), {
      action: 'order_forced_survey',
      occurredOn: '2024-03-12',
    });
    expect(ordered.status).toBe(201);
    const docs = (await t.http().get(`/api/v1/documents?entityType=case&entityId=${c.id}`).set('Authorization', staff))
      .body as { id: string; type: string }[];
    const decision = docs.find((d) => d.type === 'forced_survey_decision')!;
    const { text: decisionText } = await documentText(t, decision.id, staff);
    expect(decisionText).toContain(`Căn cứ Thông báo thu hồi đất số ${notice.number} ngày 05/01/2024;`);
  });
});

describe('case lifecycle: notice, refusal, persuasion, compulsory inventory (1019/2258)', () => {
  it('enforces the order and the 10-day wait after persuasion', async () => {
    const c = await createCase(t, 'CT-HNCL');
    const leader = await t.login('lanhdao.huyen');
    const step = (as: string, body: Record<string, string>) =>
      t.http().post(`/api/v1/cases/${c.id}/transitions`).set('Authorization', as).send(body);

    const early = await step(leader, {
      action: 'order_forced_survey',
      occurredOn: '2024-03-20',
      documentRef: '15/QĐ-UBND',
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('CASE.TRANSITION_NOT_ALLOWED');

    expect(
      (await step(staff, { action: 'deliver_notice', occurredOn: '2024-01-05', documentRef: '05/TB-UBND' })).status,
    ).toBe(201);
    expect((await step(staff, { action: 'refuse_survey', occurredOn: '2024-02-01' })).status).toBe(201);
    expect(
      (await step(staff, { action: 'persuade_survey', occurredOn: '2024-03-01', documentRef: '01/BB-VĐ' })).status,
    ).toBe(201);

    // What the screens are told: the decision is the next step, from 12/03/2024, with a document the system issues
    // when none is given; not the Center staff's to take.
    const next = (as: string) => t.http().get(`/api/v1/cases/${c.id}`).set('Authorization', as);
    const forStaff = (await next(staff)).body.nextSteps as { action: string }[];
    expect(forStaff.find((x) => x.action === 'order_forced_survey')).toEqual({
      action: 'order_forced_survey',
      label: expect.any(String),
      roles: ['district_leader'],
      mine: false,
      requiresDocument: true,
      systemIssuesDocument: true,
      // The Chairman's decision: the form offers the district People's Committee's signers (issue 18 §12).
      signer: { agencyCode: 'UBND-CL', agencyName: 'Ủy ban nhân dân huyện Cao Lộc' },
      earliestOn: '2024-03-12',
      waitBasis: expect.stringContaining('Điều 69'),
      blockedBy: null,
    });
    expect(
      ((await next(leader)).body.nextSteps as { action: string; mine: boolean }[]).find(
        (x) => x.action === 'order_forced_survey',
      )?.mine,
    ).toBe(true);

    const wrongRole = await step(staff, {
      action: 'order_forced_survey',
      occurredOn: '2024-03-12',
      documentRef: '15/QĐ-UBND',
    });
    expect(wrongRole.status).toBe(403);
    expect(wrongRole.body.code).toBe('CASE.ROLE_NOT_ALLOWED');

    const tooSoon = await step(leader, {
      action: 'order_forced_survey',
      occurredOn: '2024-03-11',
      documentRef: '15/QĐ-UBND',
    });
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.body.code).toBe('CASE.PERSUASION_PERIOD_NOT_OVER');
    expect(tooSoon.body.message).toContain('12/03/2024');

    // Without a number, the system issues the Chairman's decision itself (number, PDF).
    const ok = await step(leader, { action: 'order_forced_survey', occurredOn: '2024-03-12' });
    expect(ok.status).toBe(201);
    const decision = ok.body.transitions.at(-1).documentRef as string;
    expect(decision).toMatch(/^\d{2,}\/QĐ-UBND$/);
    const [doc] = (
      await t.http().get(`/api/v1/documents?entityType=case&entityId=${c.id}`).set('Authorization', staff)
    ).body.filter((d: { type: string }) => d.type === 'forced_survey_decision');
    await t.app.get(QueueService).waitFor('documents', `render.${doc.id}`);
    const pdf = await t
      .http()
      .get(`/api/v1/documents/${doc.id}/file`)
      .set('Authorization', staff)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (d: Buffer) => chunks.push(d));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf.body as Buffer })
      .toString('utf8')
      .replace(/\s+/g, ' ');
    expect(text).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN CAO LỘC');
    expect(text).toContain('Căn cứ biên bản vận động, thuyết phục ngày 01/03/2024');
    expect(text).not.toContain('TM. ỦY BAN NHÂN DÂN');
    expect(ok.body.state).toBe('FORCED_SURVEY_ORDERED');
    expect(ok.body.noticeDeliveredOn).toBe('2024-01-05');
    expect(ok.body.transitions.map((x: { action: string }) => x.action)).toEqual([
      'deliver_notice',
      'refuse_survey',
      'persuade_survey',
      'order_forced_survey',
    ]);
  });
});

describe('case states', () => {
  it("lists the project's regime states in order, and keeps them from a role outside the project", async () => {
    const project = await projectByCode(t, 'CT-HNCL');
    const res = await t.http().get(`/api/v1/projects/${project.id}/case-states`).set('Authorization', staff);
    expect(res.status).toBe(200);
    expect(res.body[0]).toEqual({ code: 'IDENTIFIED', label: expect.any(String) });
    const codes = res.body.map((s: { code: string }) => s.code) as string[];
    expect(codes.indexOf('NOTIFIED')).toBeLessThan(codes.indexOf('SURVEYED'));
    expect(codes.indexOf('SURVEYED')).toBeLessThan(codes.indexOf('APPROVED'));
    const officer = await t.login('xa.hopthanh');
    const refused = await t.http().get(`/api/v1/projects/${project.id}/case-states`).set('Authorization', officer);
    expect(refused.status).toBe(403);
  });
});

describe('inventories', () => {
  const item = (over: Record<string, unknown> = {}) => ({
    kind: 'structure',
    itemCode: 'NHA-C4',
    description: 'Nhà cấp 4 tường gạch mái tôn',
    quantity: '65.5',
    unit: 'm2',
    attributes: { grade: 'C4', yearBuilt: 2010, qualityPercent: 70 },
    ...over,
  });

  it('signs a record, refuses edits to it, and supersedes it with a correction that keeps the old one readable', async () => {
    const c = await createCase(t, 'CT-HNCL');
    await t
      .http()
      .post(`/api/v1/cases/${c.id}/transitions`)
      .set('Authorization', staff)
      .send({ action: 'deliver_notice', occurredOn: '2024-01-05', documentRef: '05/TB-UBND' });
    const draft = await t
      .http()
      .post(`/api/v1/cases/${c.id}/inventories`)
      .set('Authorization', staff)
      .send({
        surveyedOn: '2024-02-20',
        participants: [
          { name: 'Đại diện hộ', role: 'Đại diện hộ' },
          { name: 'Tổ kiểm đếm số 1', role: 'Tổ kiểm đếm' },
          { name: 'Hoàng Văn Địa', role: 'Cán bộ địa chính xã' },
          { name: 'Lộc Văn Sáu', role: 'Trưởng thôn' },
          { name: 'Triệu Thị Bảy', role: 'Đại diện chủ đầu tư' },
        ],
        items: [
          item(),
          item({
            kind: 'tree',
            itemCode: 'CAY-HONG',
            description: 'Cây hồng',
            quantity: '12',
            unit: 'cây',
            firstRecordedOn: '2024-02-01',
          }),
        ],
      });
    expect(draft.status).toBe(201);
    expect(draft.body.items.map((i: { afterNotice: boolean }) => i.afterNotice)).toEqual([false, true]);

    const signed = await t
      .http()
      .post(`/api/v1/inventories/${draft.body.id}/sign`)
      .set('Authorization', staff)
      .send({ version: draft.body.version });
    expect(signed.status).toBe(201);
    expect(signed.body.status).toBe('signed');
    // The signed minutes are numbered by the Center and rendered by a worker (biên bản kiểm đếm).
    const [minutes] = (
      await t.http().get(`/api/v1/documents?entityType=inventory&entityId=${draft.body.id}`).set('Authorization', staff)
    ).body;
    expect(minutes).toMatchObject({
      type: 'inventory_minutes',
      number: expect.stringMatching(/^\d{2,}\/BB-TTPTQĐ$/),
      issuedOn: '2024-02-20',
    });
    // (documentText also refuses numbers not written the Vietnamese way)
    const { text } = await documentText(t, minutes.id, staff);
    expect(text).toContain('BIÊN BẢN');
    expect(text).toContain('PHÁT TRIỂN QUỸ ĐẤT'); // the header never breaks inside "quỹ đất" (issue 18 §13)
    expect(text).toMatch(/Số: \d{2,}\/BB-TTPTQĐ Cao Lộc, ngày 20 tháng 02 năm 2024/);
    expect(text).toContain(
      'Nhà cấp 4 tường gạch mái tôn 65,5 m2 Cấp, loại: C4; Năm xây dựng: 2010; Chất lượng còn lại (%): 70',
    );
    expect(text).toContain('Tổ kiểm đếm số 1 (Tổ kiểm đếm)');
    // Five participants, five signature boxes (issue 18 §13: it printed four), each with its name.
    expect(text.match(/\(Ký, ghi rõ họ tên\)/g)?.length).toBe(5);
    for (const name of ['Hoàng Văn Địa', 'Lộc Văn Sáu', 'Triệu Thị Bảy']) expect(text.split(name).length).toBe(3);
    expect(text).toContain('tạo lập sau thông báo thu hồi');
    expect((await t.http().get(`/api/v1/cases/${c.id}`).set('Authorization', staff)).body.state).toBe('SURVEYED');

    const edit = await t.http().put(`/api/v1/inventories/${draft.body.id}`).set('Authorization', staff).send({
      version: signed.body.version,
      surveyedOn: '2024-02-20',
      participants: [],
      items: [],
    });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('INVENTORY.SIGNED_IMMUTABLE');
    const resign = await t
      .http()
      .post(`/api/v1/inventories/${draft.body.id}/sign`)
      .set('Authorization', staff)
      .send({ version: signed.body.version });
    expect(resign.body.code).toBe('INVENTORY.SIGNED_IMMUTABLE');

    const correction = await t
      .http()
      .post(`/api/v1/cases/${c.id}/inventories`)
      .set('Authorization', staff)
      .send({
        surveyedOn: '2024-03-01',
        participants: [{ name: 'Đại diện hộ', role: 'Đại diện hộ' }],
        items: [item({ quantity: '70' })],
      });
    expect(correction.body).toMatchObject({ revision: 2, status: 'draft', supersedesId: draft.body.id });
    const second = await t
      .http()
      .post(`/api/v1/cases/${c.id}/inventories`)
      .set('Authorization', staff)
      .send({ surveyedOn: '2024-03-01', participants: [], items: [] });
    expect(second.body.code).toBe('INVENTORY.DRAFT_EXISTS');
    // A record cannot be signed for a case that has not received its recovery notice.
    const early = await createCase(t, 'CT-HNCL');
    const d = await t
      .http()
      .post(`/api/v1/cases/${early.id}/inventories`)
      .set('Authorization', staff)
      .send({ surveyedOn: '2024-02-20', participants: [{ name: 'Hộ', role: 'Đại diện hộ' }], items: [] });
    const tooEarly = await t
      .http()
      .post(`/api/v1/inventories/${d.body.id}/sign`)
      .set('Authorization', staff)
      .send({ version: d.body.version });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.code).toBe('CASE.TRANSITION_NOT_ALLOWED');
    expect((await t.http().get(`/api/v1/inventories/${d.body.id}`).set('Authorization', staff)).body.status).toBe(
      'draft',
    );
    await t
      .http()
      .post(`/api/v1/inventories/${correction.body.id}/sign`)
      .set('Authorization', staff)
      .send({ version: correction.body.version });
    const all = await t.http().get(`/api/v1/cases/${c.id}/inventories`).set('Authorization', staff);
    expect(all.body.map((i: { revision: number; status: string }) => [i.revision, i.status])).toEqual([
      [2, 'signed'],
      [1, 'superseded'],
    ]);
    expect(all.body[1].items[0].quantity).toBe('65.5');
  });
});

describe('engagement log and attachments', () => {
  it('records visits, and keeps signed scans checked by content with their SHA-256', async () => {
    const c = await createCase(t, 'QL4B');
    const visit = await t
      .http()
      .post(`/api/v1/cases/${c.id}/engagements`)
      .set('Authorization', staff)
      .send({
        kind: 'visit',
        occurredOn: '2024-02-02',
        officers: ['Cán bộ A', 'Cán bộ B'],
        outcome: 'Hộ hẹn trả lời sau Tết',
      });
    expect(visit.status).toBe(201);
    expect(visit.body.kindLabel).toBe('Đến gặp hộ');

    const pdf = Buffer.from('%PDF-1.4\n% biên bản đã ký\n%%EOF\n');
    const up = await t
      .http()
      .post(`/api/v1/cases/${c.id}/attachments`)
      .set('Authorization', staff)
      .field('description', 'Biên bản kiểm đếm đã ký')
      .attach('file', pdf, { filename: 'biên-bản.pdf', contentType: 'application/pdf' });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ mediaType: 'application/pdf', sizeBytes: pdf.length, fileName: 'biên-bản.pdf' });
    const down = await t
      .http()
      .get(`/api/v1/attachments/${up.body.id}/file`)
      .set('Authorization', staff)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(down.status).toBe(200);
    expect(Buffer.compare(down.body as Buffer, pdf)).toBe(0);
    expect(down.headers['x-content-sha256']).toBe(up.body.sha256);
    expect(down.headers['content-disposition']).toContain("filename*=UTF-8''bi%C3%AAn-b%E1%BA%A3n.pdf");

    const fake = await t
      .http()
      .post(`/api/v1/cases/${c.id}/attachments`)
      .set('Authorization', staff)
      .attach('file', Buffer.from('MZ not a pdf'), { filename: 'scan.pdf', contentType: 'application/pdf' });
    expect(fake.status).toBe(400);
    expect(fake.body.code).toBe('ATTACHMENT.TYPE_NOT_ALLOWED');
  });
});

describe('two clerks at once', () => {
  it('lets exactly one of two simultaneous registrations of the same parcel win; the other gets a coded 409', async () => {
    const [a, b] = [await createCase(t, 'CT-HNCL'), await createCase(t, 'CT-HNCL')];
    const results = await Promise.all(
      [a, b].map((c) =>
        t
          .http()
          .post(`/api/v1/cases/${c.id}/parcels`)
          .set('Authorization', staff)
          .send(parcel({ mapSheet: '40', parcelNumber: '7' })),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(['PARCEL.ALREADY_RECOVERED', 'CONFLICT.DUPLICATE']).toContain(loser.body.code);
  });
});
