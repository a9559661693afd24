import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config.js';

const valid = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db', REDIS_URL: 'redis://127.0.0.1:6379' };

describe('loadConfig', () => {
  it('gives defaults for what is optional', () => {
    const c = loadConfig(valid);
    expect(c.appMode).toBe('all');
    expect(c.port).toBe(3000);
    expect(c.runsApi && c.runsWorker).toBe(true);
  });

  it.each([
    {
      name: 'missing DATABASE_URL',
      env: { REDIS_URL: valid.REDIS_URL },
      problem: /^DATABASE_URL=\(hidden\): DATABASE_URL must be a postgres:\/\/ URL/,
    },
    { name: 'missing REDIS_URL', env: { DATABASE_URL: valid.DATABASE_URL }, problem: /^REDIS_URL=/ },
    { name: 'APP_MODE not api|worker|all', env: { ...valid, APP_MODE: 'both' }, problem: /^APP_MODE="both"/ },
    { name: 'PORT not a number', env: { ...valid, PORT: 'eighty' }, problem: /^PORT=/ },
    { name: 'PORT out of range', env: { ...valid, PORT: '70000' }, problem: /^PORT=70000/ },
    { name: 'NODE_ENV unknown', env: { ...valid, NODE_ENV: 'staging' }, problem: /^NODE_ENV="staging"/ },
    { name: 'QUEUE_PREFIX with spaces', env: { ...valid, QUEUE_PREFIX: 'a b' }, problem: /^QUEUE_PREFIX=/ },
    {
      name: 'an owner URL for another database',
      env: { ...valid, DATABASE_OWNER_URL: 'postgres://owner:p@127.0.0.1:5432/other' },
      problem: /^DATABASE_OWNER_URL=\(hidden\): must name the same server and database/,
    },
  ])('refuses $name with a message naming the variable', ({ env, problem }) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.some((p) => problem.test(p))).toBe(true);
    expect((error as ConfigError).message).toMatch(/^Invalid configuration:/);
  });

  it('never prints the database password in its error', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:secret@h/db', REDIS_URL: valid.REDIS_URL })).toThrow(
      /\(hidden\)/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:secret@h/db', REDIS_URL: valid.REDIS_URL })).not.toThrow(
      /secret/,
    );
  });
});

describe('process.env', () => {
  it('is read by the config class and nothing else in src/', () => {
    const readers: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts') && !p.endsWith('.spec.ts') && readFileSync(p, 'utf8').includes('process.env'))
          readers.push(p);
      }
    };
    walk('src');
    expect(readers).toEqual([join('src', 'core', 'config', 'app-config.ts')]);
  });
});
