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

  describe('per account and per address, apart (issue 17 §6)', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp({
        env: { LOGIN_ACCOUNT_FAILURES: '3', LOGIN_RATE_LIMIT_PER_MINUTE: '20', TRUST_PROXY: 'loopback' },
      });
    });
    afterAll(async () => {
      await app.close();
    });
    const login = (from: string, username: string, password: string) =>
      app.http().post('/api/v1/auth/login').set('X-Forwarded-For', from).send({ username, password });

    it('an attack on one account stops that account, from any address; the office goes on signing in', async () => {
      for (const from of ['10.0.0.1', '10.0.0.2', '10.0.0.3'])
        expect((await login(from, 'quantri', 'doan-mo')).status).toBe(401);
      // The fourth guess, from a fresh address, and even the right password: the account waits.
      const fresh = await login('10.0.0.9', 'quantri', 'doan-mo');
      expect([fresh.status, fresh.body.code, fresh.body.details.limit]).toEqual([
        429,
        'AUTH.TOO_MANY_ATTEMPTS',
        'account',
      ]);
      expect((await login('10.0.0.9', 'quantri', 'gpmb-demo')).status).toBe(429);
      // Another clerk behind the same address as the attacker signs in.
      expect((await login('10.0.0.1', 'canbo.ttptqd', 'gpmb-demo')).status).toBe(200);
      // The throttled attempts are audited, with the limit and the address.
      const audit = await app
        .http()
        .get('/api/v1/audit?entity=user&id=quantri')
        .set('Authorization', `Bearer ${(await login('10.0.0.5', 'thanhtra', 'gpmb-demo')).body.token}`);
      const throttled = (audit.body as { action: string; changes: { field: string; to: unknown }[] }[]).filter(
        (e) => e.action === 'login_throttled',
      );
      expect(throttled).toHaveLength(2);
      expect(throttled[0].changes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'limit', to: 'account' }),
          expect.objectContaining({ field: 'address', to: '10.0.0.9' }),
        ]),
      );
    });

    it('a successful login clears the account’s failures', async () => {
      expect((await login('10.0.1.1', 'phong.tnmt', 'sai')).status).toBe(401);
      expect((await login('10.0.1.1', 'phong.tnmt', 'sai')).status).toBe(401);
      expect((await login('10.0.1.1', 'phong.tnmt', 'gpmb-demo')).status).toBe(200);
      expect((await login('10.0.1.1', 'phong.tnmt', 'sai')).status).toBe(401);
      expect((await login('10.0.1.1', 'phong.tnmt', 'sai')).status).toBe(401);
      expect((await login('10.0.1.1', 'phong.tnmt', 'gpmb-demo')).status).toBe(200);
    });

    it('one address over its limit waits, whatever account it tries; other addresses do not', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) statuses.push((await login('10.0.2.1', `khong-co-${i}`, 'x')).status);
      expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
      const over = await login('10.0.2.1', 'lanhdao.huyen', 'gpmb-demo');
      expect([over.status, over.body.details.limit]).toEqual([429, 'address']);
      expect((await login('10.0.2.2', 'lanhdao.huyen', 'gpmb-demo')).status).toBe(200);
    });

    it('answers an unknown name with the same work as a known one (no enumeration by timing)', async () => {
      const timed = async (username: string, from: string) => {
        const t0 = performance.now();
        expect((await login(from, username, 'sai-mat-khau')).status).toBe(401);
        return performance.now() - t0;
      };
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 2; i++) {
        // Two accounts of each kind, two tries each (under the account limit), interleaved.
        for (const [name, list] of [
          [`phong.ktht`, known],
          [`ai-do-khong-co-${i}`, unknown],
          [`phong.nnptnt`, known],
          [`nguoi-la-${i}`, unknown],
        ] as [string, number[]][])
          list.push(await timed(name, `10.0.3.${i + 1}`));
      }
      // Before: 3 ms against 120 ms. An argon2 verification either way: of the same order.
      expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
    });
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
