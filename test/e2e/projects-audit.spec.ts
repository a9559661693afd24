import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let lead: string;
let expressway: {
  id: string;
  version: number;
  milestones: { id: string; dueDate: string; targetPercent: string; version: number }[];
};

beforeAll(async () => {
  t = await startTestApp();
  lead = await t.login('lanhdao.ttptqd');
  const list = await t.http().get('/api/v1/projects').set('Authorization', lead);
  expressway = list.body.find((p: { code: string }) => p.code === 'CT-HNCL');
});
afterAll(async () => {
  await t.close();
});

describe('seeded projects', () => {
  it('lists the five projects with their milestones, investor, legal ground and regime', async () => {
    const res = await t
      .http()
      .get('/api/v1/projects')
      .set('Authorization', await t.login('thanhtra'));
    expect(res.status).toBe(200);
    expect(res.body.map((p: { code: string }) => p.code)).toEqual([
      'CAX-2024',
      'CCN-HT1',
      'CCN-HT2',
      'CT-HNCL',
      'QL4B',
    ]);
    const ct = res.body.find((p: { code: string }) => p.code === 'CT-HNCL');
    expect(ct.milestones.map((m: { dueDate: string; targetPercent: string }) => [m.dueDate, m.targetPercent])).toEqual([
      ['2024-06-30', '70'],
      ['2024-12-31', '100'],
    ]);
    expect(ct).toMatchObject({ recoveryGround: '62', regimeCode: 'LS-1019-2258' });
    expect(ct.investorName).toContain('Hữu Nghị – Chi Lăng');
    const police = res.body.find((p: { code: string }) => p.code === 'CAX-2024');
    expect(police.recoveryGround).toBe('61');
    const ql4b = res.body.find((p: { code: string }) => p.code === 'QL4B');
    expect(ql4b.milestones).toEqual([expect.objectContaining({ dueDate: '2024-03-31', targetPercent: '100' })]);
  });
});

describe('editing a project', () => {
  it('updates, bumps the version, and writes field-level audit rows that answer "who changed what, when"', async () => {
    const res = await t
      .http()
      .patch(`/api/v1/projects/${expressway.id}`)
      .set('Authorization', lead)
      .send({ version: expressway.version, areaToRecover: '9322', name: 'Cao tốc Hữu Nghị – Chi Lăng, đoạn Cao Lộc' });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(expressway.version + 1);
    expect(res.body.areaToRecover).toBe('9322');

    const second = await t
      .http()
      .patch(`/api/v1/projects/${expressway.id}`)
      .set('Authorization', lead)
      .send({ version: res.body.version, areaToRecover: '9322.5' });
    expect(second.status).toBe(200);

    const audit = await t
      .http()
      .get(`/api/v1/audit?entity=project&id=${expressway.id}&field=areaToRecover`)
      .set('Authorization', await t.login('thanhtra'));
    expect(audit.status).toBe(200);
    expect(audit.body).toHaveLength(2);
    expect(audit.body[0]).toMatchObject({
      action: 'update',
      actorUsername: 'lanhdao.ttptqd',
      changes: [{ field: 'areaToRecover', from: '9322', to: '9322.5' }],
    });
    expect(audit.body[1].changes).toEqual(
      expect.arrayContaining([
        { field: 'areaToRecover', from: null, to: '9322' },
        {
          field: 'name',
          from: expect.stringContaining('Dự án đường cao tốc'),
          to: 'Cao tốc Hữu Nghị – Chi Lăng, đoạn Cao Lộc',
        },
      ]),
    );
    expect(audit.body[0].requestId).toBeTruthy();
    expressway.version = second.body.version;
  });

  it("refuses a stale update with 409 and keeps the other clerk's change", async () => {
    const stale = await t
      .http()
      .patch(`/api/v1/projects/${expressway.id}`)
      .set('Authorization', lead)
      .send({ version: expressway.version - 1, description: 'ghi đè' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'CONCURRENCY.STALE_VERSION',
      details: { yourVersion: expressway.version - 1, currentVersion: expressway.version },
    });
    const now = await t.http().get(`/api/v1/projects/${expressway.id}`).set('Authorization', lead);
    expect(now.body.areaToRecover).toBe('9322.5');
    expect(now.body.description).not.toBe('ghi đè');
  });

  it('refuses an unknown regime and a duplicate code with coded errors', async () => {
    const badRegime = await t
      .http()
      .patch(`/api/v1/projects/${expressway.id}`)
      .set('Authorization', lead)
      .send({ version: expressway.version, regimeCode: 'V9999' });
    expect(badRegime.status).toBe(400);
    expect(badRegime.body.code).toBe('PROJECT.REGIME_UNKNOWN');
    const agencies = await t.http().get('/api/v1/agencies').set('Authorization', lead);
    const investor = agencies.body.find((a: { code: string }) => a.code === 'CDT-BQLDA-CL').id;
    const dup = await t.http().post('/api/v1/projects').set('Authorization', lead).send({
      code: 'QL4B',
      name: 'Trùng mã',
      investorAgencyId: investor,
      recoveryGround: '62',
      regimeCode: 'LS-1019-2258',
      communeIds: [],
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('PROJECT.CODE_TAKEN');
    const notInvestor = await t
      .http()
      .post('/api/v1/projects')
      .set('Authorization', lead)
      .send({
        code: 'T-NOT-INV',
        name: 'Sai chủ đầu tư',
        investorAgencyId: agencies.body.find((a: { code: string }) => a.code === 'TNMT-CL').id,
        recoveryGround: '62',
        regimeCode: 'LS-1019-2258',
        communeIds: [],
      });
    expect(notInvestor.body.code).toBe('PROJECT.INVESTOR_UNKNOWN');
  });
});

describe('milestones', () => {
  const path = () => `/api/v1/projects/${expressway.id}/milestones`;

  it('adds a milestone, and refuses a second one on the same date', async () => {
    const add = await t
      .http()
      .post(path())
      .set('Authorization', lead)
      .send({ dueDate: '2024-09-30', targetPercent: '85', label: '85 % trước 30/9/2024' });
    expect(add.status).toBe(201);
    expect(add.body).toMatchObject({ dueDate: '2024-09-30', targetPercent: '85', version: 1 });
    const again = await t
      .http()
      .post(path())
      .set('Authorization', lead)
      .send({ dueDate: '2024-09-30', targetPercent: '90' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('MILESTONE.DATE_TAKEN');
  });

  it("refuses a target lower than an earlier milestone's", async () => {
    const res = await t
      .http()
      .post(path())
      .set('Authorization', lead)
      .send({ dueDate: '2024-10-31', targetPercent: '60' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MILESTONE.TARGET_DECREASES');
    expect(res.body.message).toBe(
      'Mục tiêu ngày 31/10/2024 (60 %) thấp hơn mục tiêu của mốc trước đó ngày 30/09/2024 (85 %).',
    );
  });

  it('refuses an impossible date and a percentage above 100', async () => {
    const res = await t
      .http()
      .post(path())
      .set('Authorization', lead)
      .send({ dueDate: '2024-02-30', targetPercent: '101' });
    expect(res.status).toBe(400);
    expect(res.body.details.problems.map((d: { field: string }) => d.field).sort()).toEqual([
      'dueDate',
      'targetPercent',
    ]);
  });

  it('deletes a milestone and audits it', async () => {
    const list = await t.http().get(path()).set('Authorization', lead);
    const sep = list.body.find((m: { dueDate: string }) => m.dueDate === '2024-09-30');
    expect((await t.http().delete(`${path()}/${sep.id}`).set('Authorization', lead)).status).toBe(204);
    const audit = await t.http().get(`/api/v1/audit?entity=milestone&id=${sep.id}`).set('Authorization', lead);
    expect(audit.body.map((a: { action: string }) => a.action)).toEqual(['delete', 'create']);
  });
});
