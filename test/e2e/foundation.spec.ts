import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('health', () => {
  it('reports database, Redis and a connected worker', async () => {
    const res = await t.http().get('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.database.up).toBe(true);
    expect(res.body.database.migrations).toBeGreaterThan(0);
    expect(res.body.redis.up).toBe(true);
    expect(res.body.queues.system.workers).toBeGreaterThanOrEqual(1);
  });
});

describe('API docs', () => {
  it('serves the OpenAPI UI and document', async () => {
    const ui = await t.http().get('/api/docs/');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
    const doc = await t.http().get('/api/docs/openapi.json');
    expect(doc.body.paths['/api/v1/projects']).toBeDefined();
  });
});

describe('API conventions', () => {
  it('gives every response a request id, and echoes a well-formed one', async () => {
    const mine = await t.http().get('/api/v1/health').set('X-Request-Id', 'abc-12345-xyz');
    expect(mine.headers['x-request-id']).toBe('abc-12345-xyz');
    const fresh = await t.http().get('/api/v1/health').set('X-Request-Id', 'bad id!');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects unknown body fields with a coded error naming the field', async () => {
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'canbo.ttptqd', password: 'gpmb-demo', role: 'admin' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION.UNKNOWN_FIELD');
    expect(res.body.details).toEqual({
      field: 'role',
      problems: [{ field: 'role', code: 'VALIDATION.UNKNOWN_FIELD', message: 'Trường này không được phép gửi lên.' }],
    });
    expect(res.body.message).toContain('role');
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  it('reports every invalid field in Vietnamese', async () => {
    const auth = await t.login('lanhdao.ttptqd');
    const res = await t.http().post('/api/v1/projects').set('Authorization', auth).send({
      code: 'x',
      name: '',
      investorAgencyId: 'not-a-uuid',
      recoveryGround: '63',
      regimeCode: 'LS-1019-2258',
      areaToRecover: '12,5',
      communeIds: [],
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION.FAILED');
    const fields = (res.body.details.problems as { field: string; message: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(
      expect.arrayContaining(['areaToRecover', 'code', 'investorAgencyId', 'name', 'recoveryGround']),
    );
    const area = res.body.details.problems.find((d: { field: string }) => d.field === 'areaToRecover');
    expect(area.message).toBe(
      'Diện tích phải là số thập phân không âm, dùng dấu chấm, tối đa 4 chữ số lẻ (ví dụ 9222.1).',
    );
  });

  it('answers an unknown route and a malformed id with codes', async () => {
    const auth = await t.login('canbo.ttptqd');
    expect((await t.http().get('/api/v1/nothing-here').set('Authorization', auth)).body.code).toBe(
      'HTTP.ROUTE_NOT_FOUND',
    );
    const bad = await t.http().get('/api/v1/projects/85').set('Authorization', auth);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION.ID_INVALID');
  });
});
