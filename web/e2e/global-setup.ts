import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

/**
 * Starts GPMB as `npm run up` does — API and worker in one process, serving web/dist at / — on its own copy of the
 * seeded test database and its own queue prefix, and stops it afterwards. Needs `npm test`'s build (dist/, web/dist)
 * and services (DATABASE_URL, REDIS_URL).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  for (const f of ['dist/src/main.js', 'dist/test/support/databases.js', 'web/dist/index.html'])
    if (!existsSync(join(root, f))) throw new Error(`${f} is missing: run the browser tests through \`npm test\``);
  const { createDatabase, TEMPLATE_DB, admin } = (await import(
    join(root, 'dist/test/support/databases.js')
  )) as typeof import('../../test/support/databases');
  const hasTemplate = await admin(
    async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE_DB])).rowCount === 1,
  );
  if (!hasTemplate) {
    const { prepareTemplate } = (await import(join(root, 'dist/test/setup/template.js'))) as {
      prepareTemplate(): Promise<void>;
    };
    await prepareTemplate();
  }
  const db = await createDatabase();
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    APP_MODE: 'all',
    DATABASE_URL: db.url,
    // The app and the seed connect as the application's role only (the copy is migrated already).
    DATABASE_OWNER_URL: '',
    HOST: '127.0.0.1',
    PORT: String(port),
    MIGRATE_ON_BOOT: 'false',
    LOG_LEVEL: process.env.BROWSER_LOG_LEVEL ?? 'warn',
    QUEUE_PREFIX: `b${randomBytes(4).toString('hex')}`,
    STORAGE_DIR: join(tmpdir(), 'gpmb-browser-files'),
    // Every test signs in from 127.0.0.1; the throttle has its own tests (test/e2e/auth-roles.spec.ts).
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
  };
  // The demo installation's data, as `npm run up` seeds it (the 2024 story and the draft plans).
  const seed = spawn(process.execPath, ['dist/src/cli.js', 'seed'], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const [code] = (await once(seed, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`the demo seed exited with ${code}`);
  const app = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (app.exitCode !== null) throw new Error(`GPMB exited with ${app.exitCode} before answering`);
    const ok = await fetch(`${base}/api/v1/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (i > 120) throw new Error('GPMB did not answer /api/v1/health within 60 s');
    await new Promise((r) => setTimeout(r, 500));
  }
  // The demo's documents (decisions, notices, minutes: a few hundred) render in the worker after the start; the tests
  // begin once they are done, on a machine as quiet as a clerk's first morning, not under that backlog.
  const { default: pg } = await import('pg');
  const db2 = new pg.Client({ connectionString: db.url });
  await db2.connect();
  try {
    for (let i = 0; ; i++) {
      const { rows } = await db2.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM documents WHERE status = 'pending'`,
      );
      if (rows[0].n === 0) break;
      if (i > 600) throw new Error(`${rows[0].n} demo documents still not rendered after 5 minutes`);
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await db2.end();
  }
  process.env.GPMB_WEB_URL = base;
  // Tests that need a record in a state the screens reach only after weeks (an approved plan) set it up here.
  process.env.GPMB_BROWSER_DATABASE_URL = db.url;
  return async () => {
    app.kill('SIGTERM');
    if (app.exitCode === null) await once(app, 'exit');
    await db.drop();
  };
}
