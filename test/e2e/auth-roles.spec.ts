import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { Type } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants.js';
import type { Role } from '../../src/shared/roles.js';
import { POLICY_KEY } from '../../src/core/auth/policy.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let projects: { id: string; code: string }[];
const id = (code: string) => projects.find((p) => p.code === code)!.id;

beforeAll(async () => {
  t = await startTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '100' } });
  const res = await t
    .http()
    .get('/api/v1/projects')
    .set('Authorization', await t.login('canbo.ttptqd'));
  projects = res.body;
});
afterAll(async () => {
  await t.close();
});

const USERS: [string, Role][] = [
  ['canbo.ttptqd', 'center_staff'],
  ['lanhdao.ttptqd', 'center_lead'],
  ['phong.tnmt', 'land_office'],
  ['phong.nnptnt', 'agriculture_office'],
  ['phong.ktht', 'infrastructure_office'],
  ['xa.hopthanh', 'commune_officer'],
  ['lanhdao.huyen', 'district_leader'],
  ['chudautu.bot', 'investor'],
  ['quantri', 'admin'],
  ['thanhtra', 'auditor'],
];

describe('login', () => {
  it.each(USERS)('%s logs in and is %s', async (username, role) => {
    const res = await t
      .http()
      .get('/api/v1/auth/me')
      .set('Authorization', await t.login(username));
    expect(res.status).toBe(200);
    expect(res.body.role).toBe(role);
    expect(res.body.username).toBe(username);
  });

  it('refuses a wrong password with a Vietnamese message, and audits the attempt without the password', async () => {
    const res = await t.http().post('/api/v1/auth/login').send({ username: 'quantri', password: 'doan-mo' });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({
      code: 'AUTH.INVALID_CREDENTIALS',
      message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    });
    const audit = await t
      .http()
      .get('/api/v1/audit?entity=user&id=quantri')
      .set('Authorization', await t.login('thanhtra'));
    expect(audit.body[0]).toMatchObject({ action: 'login_failed', entityId: 'quantri', actorId: null });
    expect(JSON.stringify(audit.body)).not.toContain('doan-mo');
  });

  it('refuses a request without a token, and a token after logout', async () => {
    expect((await t.http().get('/api/v1/projects')).body.code).toBe('AUTH.TOKEN_MISSING');
    const login = await t.http().post('/api/v1/auth/login').send({ username: 'canbo.ttptqd', password: 'gpmb-demo' });
    const auth = `Bearer ${login.body.token}`;
    expect((await t.http().post('/api/v1/auth/logout').set('Authorization', auth)).status).toBe(204);
    const after = await t.http().get('/api/v1/auth/me').set('Authorization', auth);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('AUTH.TOKEN_INVALID');
  });
});

describe('login rate limit', () => {
  it('answers 429 with a code once an address exceeds the limit in a minute', async () => {
    const limited = await startTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await limited.http().post('/api/v1/auth/login').send({ username: 'quantri', password: 'sai' });
        statuses.push(res.status);
        if (res.status === 429) expect(res.body.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('every route declares a policy', () => {
  it('has @Allow or @Public on each handler', () => {
    const modules = t.app.get(ModulesContainer);
    const scanner = new MetadataScanner();
    const reflector = t.app.get(Reflector);
    const missing: string[] = [];
    let routes = 0;
    const controllers = [...modules.values()].flatMap((m) => [...m.controllers.values()]);
    for (const wrapper of controllers) {
      const proto = Object.getPrototypeOf(wrapper.instance);
      for (const name of scanner.getAllMethodNames(proto)) {
        const handler = proto[name];
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        routes++;
        if (!reflector.getAllAndOverride(POLICY_KEY, [handler, wrapper.metatype as Type]))
          missing.push(`${wrapper.name}.${name}`);
      }
    }
    expect(routes).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });
});

describe('roles: allowed and denied routes', () => {
  const newProject = () => ({
    code: `T-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
    name: 'Dự án thử nghiệm phân quyền',
    investorAgencyId: '',
    recoveryGround: '62',
    regimeCode: 'LS-1019-2258',
    communeIds: [],
  });

  it.each(USERS.map(([u, r]) => [u, r, r === 'center_lead' || r === 'admin']))(
    'POST /projects as %s (%s): allowed=%s',
    async (username, _role, allowed) => {
      const agencies = await t
        .http()
        .get('/api/v1/agencies')
        .set('Authorization', await t.login('canbo.ttptqd'));
      const body = {
        ...newProject(),
        investorAgencyId: agencies.body.find((a: { code: string }) => a.code === 'CDT-BQLDA-CL').id,
      };
      const res = await t
        .http()
        .post('/api/v1/projects')
        .set('Authorization', await t.login(username as string))
        .send(body);
      if (allowed) {
        expect(res.status).toBe(201);
      } else {
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('AUTH.ROLE_NOT_ALLOWED');
      }
    },
  );

  it.each(
    USERS.map(([u, r]) => [u, r, ['center_staff', 'center_lead', 'land_office', 'admin', 'auditor'].includes(r)]),
  )('GET /audit as %s (%s): allowed=%s', async (username, _role, allowed) => {
    const res = await t
      .http()
      .get(`/api/v1/audit?entity=project&id=${id('CT-HNCL')}`)
      .set('Authorization', await t.login(username as string));
    expect(res.status).toBe(allowed ? 200 : 403);
  });

  it.each(USERS.map(([u, r]) => [u, r, r === 'center_lead' || r === 'admin']))(
    'PATCH /projects/:id/milestones as %s (%s): allowed=%s',
    async (username, _role, allowed) => {
      const list = await t
        .http()
        .get(`/api/v1/projects/${id('QL4B')}/milestones`)
        .set('Authorization', await t.login('quantri'));
      const m = list.body[0];
      const res = await t
        .http()
        .patch(`/api/v1/projects/${id('QL4B')}/milestones/${m.id}`)
        .set('Authorization', await t.login(username as string))
        .send({ version: m.version, label: `${m.label}` });
      expect(res.status).toBe(allowed ? 200 : 403);
    },
  );
});

describe('scope', () => {
  it('shows a commune officer only the projects in their commune', async () => {
    const auth = await t.login('xa.hopthanh');
    const res = await t.http().get('/api/v1/projects').set('Authorization', auth);
    expect(res.body.map((p: { code: string }) => p.code).filter((c: string) => !c.startsWith('T-'))).toEqual([
      'CCN-HT1',
      'CCN-HT2',
    ]);
    const other = await t
      .http()
      .get(`/api/v1/projects/${id('CT-HNCL')}`)
      .set('Authorization', auth);
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('AUTH.OUT_OF_SCOPE');
    expect(
      (
        await t
          .http()
          .get(`/api/v1/projects/${id('CCN-HT1')}`)
          .set('Authorization', auth)
      ).status,
    ).toBe(200);
  });

  it('shows an investor only its own projects', async () => {
    const auth = await t.login('chudautu.bot');
    const res = await t.http().get('/api/v1/projects').set('Authorization', auth);
    expect(res.body.map((p: { code: string }) => p.code)).toEqual(['CT-HNCL']);
    expect(
      (
        await t
          .http()
          .get(`/api/v1/projects/${id('QL4B')}/milestones`)
          .set('Authorization', auth)
      ).status,
    ).toBe(403);
  });
});
