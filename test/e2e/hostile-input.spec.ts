import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { createCase } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The inputs that reached a 500 before issue 14, each now a coded 400 naming the field, with nothing written. */
let t: TestApp;
let staff: string;
let lead: string;
let ds: DataSource;
let caseId: string;
let caseVersion: number;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.login('canbo.ttptqd');
  lead = await t.login('lanhdao.ttptqd');
  ds = t.app.get(DataSource);
  const c = await createCase(t, 'CT-HNCL');
  caseId = c.id;
  caseVersion = c.version;
});
afterAll(async () => {
  await t.close();
});

const patchCase = (body: unknown) =>
  t
    .http()
    .patch(`/api/v1/cases/${caseId}`)
    .set('Authorization', staff)
    .set('Content-Type', 'application/json')
    .send(body as object);
const rows = async () =>
  (
    await ds.query(
      `SELECT (SELECT count(*) FROM audit_entries)::int AS audit, (SELECT version FROM cases WHERE id = $1) AS version`,
      [caseId],
    )
  )[0];

describe('hostile bodies', () => {
  const deep = `{"version":1,"note":${'['.repeat(5000)}${']'.repeat(5000)}}`;
  it.each([
    ['5,000 nested arrays', deep, 'VALIDATION.TOO_DEEP'],
    ['a NUL character', JSON.stringify({ version: 1, note: 'a\u0000b' }), 'VALIDATION.NUL_CHARACTER'],
    ['a lone surrogate', '{"version":1,"note":"a\\ud800b"}', 'VALIDATION.INVALID_CHARACTER'],
    ['a __proto__ key', '{"version":1,"__proto__":{"note":"x"}}', 'VALIDATION.FORBIDDEN_FIELD'],
    ['a constructor key', '{"version":1,"constructor":{"prototype":{}}}', 'VALIDATION.FORBIDDEN_FIELD'],
  ])('%s: 400 with its code, nothing written', async (_name, body, code) => {
    const before = await rows();
    const res = await patchCase(body);
    expect(res.status).toBe(400);
    expect(res.body.details.problems).toEqual([expect.objectContaining({ code, message: expect.any(String) })]);
    expect(await rows()).toEqual(before);
  });

  it('a body that is not UTF-8: refused, not stored as U+FFFD', async () => {
    const raw = Buffer.concat([Buffer.from('{"version":1,"note":"Ho'), Buffer.from([0xe0, 0x80]), Buffer.from('ng"}')]);
    const before = await rows();
    const res = await t
      .http()
      .patch(`/api/v1/cases/${caseId}`)
      .set('Authorization', staff)
      .set('Content-Type', 'application/json')
      .serialize((b: unknown) => b as string)
      .send(raw as unknown as string);
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual({
      field: '(body)',
      problems: [expect.objectContaining({ field: '(body)', code: 'VALIDATION.INVALID_UTF8' })],
    });
    expect(await rows()).toEqual(before);
  });

  it('a query string too long for the HTTP parser: 431 in the one error shape (issue 18 §14)', async () => {
    const res = await t
      .http()
      .get(`/api/v1/audit?entity=${'x'.repeat(20_000)}`)
      .set('Authorization', staff);
    expect(res.status).toBe(431);
    expect(res.body).toEqual({
      code: 'HTTP.HEADERS_TOO_LARGE',
      message: 'Đường dẫn hoặc tiêu đề yêu cầu quá dài.',
      details: {},
      requestId: expect.any(String),
    });
  });

  it('a NUL in a query or in the path: 400, not a database error', async () => {
    const q = await t
      .http()
      .get(`/api/v1/projects/${(await ds.query(`SELECT id FROM projects WHERE code = 'QL4B'`))[0].id}/cases?q=a%00b`)
      .set('Authorization', staff);
    expect(q.status).toBe(400);
    expect(q.body.details.problems[0]).toMatchObject({ field: 'q', code: 'VALIDATION.NUL_CHARACTER' });
    const p = await t
      .http()
      .put('/api/v1/holidays/2024-01-01%00')
      .set('Authorization', await t.login('quantri'))
      .send({ kind: 'public_holiday', name: 'x' });
    expect(p.status).toBe(400);
  });

  it.each([
    ['year 0000', '0000-01-01', 'Năm phải từ 1900 đến 2100.'],
    ['year 9999', '9999-12-31', 'Năm phải từ 1900 đến 2100.'],
    ['29/02 of a common year', '2023-02-29', 'Ngày không tồn tại.'],
    ['no date', undefined, 'Bắt buộc phải có ngày.'],
  ])('a milestone due on %s: 400 with a Vietnamese reason', async (_name, dueDate, message) => {
    const [project] = await ds.query(`SELECT id FROM projects WHERE code = 'CAX-2024'`);
    const res = await t
      .http()
      .post(`/api/v1/projects/${project.id}/milestones`)
      .set('Authorization', lead)
      .send({ dueDate, targetPercent: '100' });
    expect(res.status).toBe(400);
    expect(res.body.details.problems).toEqual([expect.objectContaining({ field: 'dueDate', message })]);
  });

  it('a required field left out says it is required, not "less than the minimum" (issue 18 §14)', async () => {
    const res = await patchCase({ note: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual({
      field: 'version',
      problems: [{ field: 'version', code: 'VALIDATION.REQUIRED', message: 'Bắt buộc phải có.' }],
    });
  });

  it('null on an optional field that is not nullable: 400 naming it (it was a TypeError)', async () => {
    const parcel = await t.http().post(`/api/v1/cases/${caseId}/parcels`).set('Authorization', staff).send({
      mapSheet: '41',
      parcelNumber: '7',
      landTypeCode: 'ONT',
      legalArea: '120',
      measuredArea: '120',
      recoveredArea: '60',
    });
    expect(parcel.status).toBe(201);
    const res = await t
      .http()
      .patch(`/api/v1/parcels/${parcel.body.id}`)
      .set('Authorization', staff)
      .send({ version: parcel.body.version, recoveredArea: null });
    expect(res.status).toBe(400);
    expect(res.body.details.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'recoveredArea', code: 'VALIDATION.IS_NOT_NULL' })]),
    );
    // A nullable field still takes null: the case's batch is cleared.
    const cleared = await patchCase({ version: caseVersion, batch: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.batch).toBeNull();
    caseVersion = cleared.body.version;
  });
});

describe('text is stored in NFC', () => {
  it('decomposed Vietnamese (typed on a Mac) is stored composed, in notes, positions and project names', async () => {
    const nfd = (s: string) => s.normalize('NFD');
    const note = await patchCase({ version: caseVersion, note: nfd('Hộ xin gia hạn đến tháng Mười') });
    expect(note.status).toBe(200);
    caseVersion = note.body.version;
    const [{ note: stored }] = await ds.query('SELECT note FROM cases WHERE id = $1', [caseId]);
    expect(stored).toBe('Hộ xin gia hạn đến tháng Mười'.normalize('NFC'));
    expect(stored).not.toBe(nfd('Hộ xin gia hạn đến tháng Mười'));
    const [project] = await ds.query(`SELECT id, version FROM projects WHERE code = 'CAX-2024'`);
    const renamed = await t
      .http()
      .patch(`/api/v1/projects/${project.id}`)
      .set('Authorization', lead)
      .send({ version: project.version, name: nfd('Trụ sở công an xã Hồng Phong') });
    expect(renamed.status).toBe(200);
    const [{ name }] = await ds.query('SELECT name FROM projects WHERE id = $1', [project.id]);
    expect(name).toBe('Trụ sở công an xã Hồng Phong');
  });
});
