import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { workingDaysBetween } from '../../src/modules/calendar/domain/calendar.js';
import { CalendarService } from '../../src/modules/calendar/calendar.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let ubndId: string;
let centerId: string;
beforeAll(async () => {
  t = await startTestApp();
  const agencies = await t
    .http()
    .get('/api/v1/agencies')
    .set('Authorization', await t.login('quantri'));
  ubndId = agencies.body.find((a: { code: string }) => a.code === 'UBND-CL').id;
  centerId = agencies.body.find((a: { code: string }) => a.code === 'TTPTQD-CL').id;
});
afterAll(async () => {
  await t.close();
});

describe('holiday table', () => {
  it('holds Tết 2024 and counts working days across it from the seeded table', async () => {
    const res = await t
      .http()
      .get('/api/v1/holidays?year=2024')
      .set('Authorization', await t.login('canbo.ttptqd'));
    expect(res.body.filter((h: { kind: string }) => h.kind === 'tet').map((h: { date: string }) => h.date)).toEqual([
      '2024-02-08',
      '2024-02-09',
      '2024-02-10',
      '2024-02-11',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
    ]);
    const rest = await t.app.get(CalendarService).restDays();
    expect(workingDaysBetween('2024-02-01', '2024-02-29', rest)).toBe(15);
  });

  it('is edited by the administrator only, and the change is used at once', async () => {
    const admin = await t.login('quantri');
    expect(
      (
        await t
          .http()
          .put('/api/v1/holidays/2024-03-08')
          .set('Authorization', await t.login('canbo.ttptqd'))
          .send({ name: 'Thử', kind: 'public' })
      ).status,
    ).toBe(403);
    const put = await t
      .http()
      .put('/api/v1/holidays/2024-03-08')
      .set('Authorization', admin)
      .send({ name: 'Ngày nghỉ thử', kind: 'public', basis: 'Thông báo thử' });
    expect(put.status).toBe(200);
    const rest = await t.app.get(CalendarService).restDays();
    expect(rest.holidays.has('2024-03-08')).toBe(true);
    expect((await t.http().delete('/api/v1/holidays/2024-03-08/public').set('Authorization', admin)).status).toBe(204);
    expect((await t.app.get(CalendarService).restDays()).holidays.has('2024-03-08')).toBe(false);
  });
});

describe('decision numbers', () => {
  it('gives 50 simultaneous requests 50 consecutive numbers: no gap, no duplicate', async () => {
    const leader = await t.login('lanhdao.huyen');
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t
          .http()
          .post('/api/v1/document-register')
          .set('Authorization', leader)
          .send({ agencyId: ubndId, typeCode: 'QĐ', issuedOn: '2025-03-01', subject: `Quyết định thử ${i}` }),
      ),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    const numbers = results.map((r) => r.body.number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(results.find((r) => r.body.number === 5)!.body.formatted).toBe('05/QĐ-UBND');
    const register = await t
      .http()
      .get(`/api/v1/document-register?agencyId=${ubndId}&year=2025`)
      .set('Authorization', leader);
    expect(register.body).toHaveLength(50);
  });

  it('numbers each issuing body and each year on its own', async () => {
    const lead = await t.login('lanhdao.ttptqd');
    const a = await t
      .http()
      .post('/api/v1/document-register')
      .set('Authorization', lead)
      .send({ agencyId: centerId, typeCode: 'TTr', issuedOn: '2025-05-01', subject: 'Tờ trình thử' });
    const b = await t
      .http()
      .post('/api/v1/document-register')
      .set('Authorization', lead)
      .send({ agencyId: ubndId, typeCode: 'TB', issuedOn: '2026-01-02', subject: 'Thông báo thử' });
    expect(a.body.formatted).toBe('01/TTr-TTPTQĐ');
    expect(b.body.formatted).toBe('01/TB-UBND');
  });
});
