/**
 * Case-list benchmark: a fresh database with 100,000 synthetic cases in one project, the API in-process on
 * 127.0.0.1, and sequential requests for the list, its filters, the text search and a deep page.
 *
 *   npx tsc -p tsconfig.json && DATABASE_URL=… REDIS_URL=… node dist/scripts/bench-cases.js
 *
 * Environment: DATABASE_URL and REDIS_URL (required; the bench creates and drops its own database on that server),
 * BENCH_CASES (default 100000), BENCH_REQUESTS (measured requests per scenario, default 200; 20 warm-up requests
 * come first). Prints a markdown table and appends it to docs/bench-cases.md. The bench database is dropped at the
 * end, also on failure or Ctrl-C.
 */
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { runSeeds } from '../seeds/run-seeds.js';
import { seedSyntheticCases } from '../seeds/synthetic-cases.js';
import { createApp } from '../src/bootstrap.js';
import { DEMO_PASSWORD, loadConfig } from '../src/core/config/app-config.js';
import { migrateUnderLock, roleOf } from '../src/core/database/data-source.js';
import { searchKey } from '../src/shared/vn-number.js';
import { createAppDataSource } from '../src/database.js';

const PROJECT = 'CT-HNCL';
const WARMUP = 20;
const HOST = '127.0.0.1';

const here = dirname(fileURLToPath(import.meta.url));
// dist/scripts/bench-cases.js → the project root is two levels up; scripts/bench-cases.ts (if run directly) → one.
const ROOT = basename(dirname(here)) === 'dist' ? resolve(here, '../..') : resolve(here, '..');

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

// ---------------------------------------------------------------------------------------------------------------
// A throw-away database (same pattern as test/support/databases.ts createDatabase with no template)
// ---------------------------------------------------------------------------------------------------------------

function urlFor(base: string, database: string): string {
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(base: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: urlFor(base, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Made by the owner (DATABASE_OWNER_URL, else DATABASE_URL); the app connects as DATABASE_URL's role. */
async function createDatabase(
  appBase: string,
  base: string,
): Promise<{ name: string; url: string; ownerUrl: string; drop(): Promise<void> }> {
  const name = `gpmb_bench_${randomBytes(5).toString('hex')}`;
  await adminQuery(base, `CREATE DATABASE ${name}`);
  let dropped = false;
  return {
    name,
    url: urlFor(appBase, name),
    ownerUrl: urlFor(base, name),
    async drop() {
      if (dropped) return;
      dropped = true;
      await adminQuery(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------------------------------------------

interface Scenario {
  name: string;
  /** The path for the i-th request (scenarios with several values rotate through them). */
  path(i: number): string;
}

interface Result {
  name: string;
  n: number;
  p50: number;
  p95: number;
  max: number;
  medianTotal: number;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function measure(base: string, token: string, s: Scenario, n: number): Promise<Result> {
  const call = async (i: number): Promise<{ ms: number; total: number }> => {
    const started = performance.now();
    const res = await fetch(`${base}${s.path(i)}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { total?: number };
    const ms = performance.now() - started;
    if (res.status !== 200)
      throw new Error(`${s.name}: GET ${s.path(i)} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    return { ms, total: body.total ?? 0 };
  };
  for (let i = 0; i < WARMUP; i++) await call(i);
  const times: number[] = [];
  const totals: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = await call(WARMUP + i);
    times.push(r.ms);
    totals.push(r.total);
  }
  times.sort((a, b) => a - b);
  totals.sort((a, b) => a - b);
  return {
    name: s.name,
    n,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times[times.length - 1],
    medianTotal: percentile(totals, 50),
  };
}

const ms = (v: number) => v.toFixed(1);

function table(results: Result[]): string {
  const lines = ['| scenario | n | p50 ms | p95 ms | max ms | matches (median) |', '|---|---:|---:|---:|---:|---:|'];
  for (const r of results)
    lines.push(
      `| ${r.name} | ${r.n} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.max)} | ${r.medianTotal.toLocaleString('en-US')} |`,
    );
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------------------------

interface Samples {
  projectId: string;
  communeIds: string[];
  names: string[];
  cccds: string[];
  parcelNumbers: string[];
  emptySearchText: number;
  pgVersion: string;
}

async function loadSamples(ds: DataSource): Promise<Samples> {
  const [{ id: projectId }] = await ds.query('SELECT id FROM projects WHERE code = $1', [PROJECT]);
  const communeIds = (
    await ds.query('SELECT commune_id FROM project_communes WHERE project_id = $1 ORDER BY commune_id', [projectId])
  ).map((r: { commune_id: string }) => r.commune_id);
  // A fixed pseudo-random sample (setseed), so two runs on the same data ask the same questions.
  await ds.query('SELECT setseed(0.2024)');
  const people: { full_name: string; cccd: string }[] = await ds.query(
    `SELECT lu.full_name, lu.cccd FROM cases c JOIN land_users lu ON lu.id = c.land_user_id
     WHERE c.project_id = $1 AND lu.cccd IS NOT NULL ORDER BY random() LIMIT 200`,
    [projectId],
  );
  const parcels: { parcel_number: string }[] = await ds.query(
    'SELECT parcel_number FROM parcels WHERE project_id = $1 ORDER BY random() LIMIT 200',
    [projectId],
  );
  // "Nông Văn Lâm Mẫu 0042" → "nong van lam": what a clerk types, without accents or the synthetic marker.
  const names = [...new Set(people.map((p) => searchKey(p.full_name).replace(/ mau \d+$/, '')))];
  const [{ n: emptySearchText }] = await ds.query(`SELECT count(*)::int AS n FROM cases WHERE search_text = ''`);
  const [{ v: pgVersion }] = await ds.query(`SELECT current_setting('server_version') AS v`);
  return {
    projectId,
    communeIds,
    names,
    cccds: people.map((p) => p.cccd.trim()),
    parcelNumbers: parcels.map((p) => p.parcel_number),
    emptySearchText,
    pgVersion,
  };
}

async function main(): Promise<void> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl)
    throw new Error('DATABASE_URL is not set (postgres://… of a server where the bench may create a database)');
  if (!process.env.REDIS_URL) throw new Error('REDIS_URL is not set');
  const caseCount = positiveInt('BENCH_CASES', 100_000);
  const requests = positiveInt('BENCH_REQUESTS', 200);
  const suffix = randomBytes(4).toString('hex');

  const db = await createDatabase(baseUrl, process.env.DATABASE_OWNER_URL || baseUrl);
  let ds: DataSource | null = null;
  let app: INestApplication | null = null;
  const queuePrefix = `gpmb-bench-${suffix}`;
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    process.stderr.write(`\n${signal}: dropping ${db.name}…\n`);
    void Promise.resolve()
      .then(() => app?.close())
      .catch(() => undefined)
      .then(() => (ds?.isInitialized ? ds.destroy() : undefined))
      .catch(() => undefined)
      .then(() => db.drop())
      .catch((err: unknown) => process.stderr.write(`could not drop ${db.name}: ${String(err)}\n`))
      .finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    console.log(`bench database ${db.name}: migrating and seeding…`);
    ds = createAppDataSource({ databaseUrl: db.ownerUrl });
    await ds.initialize();
    await migrateUnderLock(ds, roleOf(db.url) === roleOf(db.ownerUrl) ? null : roleOf(db.url));
    await runSeeds(ds, { demoUsers: true, syntheticCases: false });

    console.log(`loading ${caseCount.toLocaleString('en-US')} synthetic cases into ${PROJECT}…`);
    const t0 = performance.now();
    const loaded = await seedSyntheticCases(ds, { perProject: { [PROJECT]: caseCount } });
    const loadMs = performance.now() - t0;
    const [{ n: transitions }] = await ds.query('SELECT count(*)::int AS n FROM case_transitions');
    const [{ n: landUsers }] = await ds.query('SELECT count(*)::int AS n FROM land_users');
    console.log(`loaded in ${(loadMs / 1000).toFixed(1)} s: ${JSON.stringify({ ...loaded, landUsers, transitions })}`);
    // What autovacuum would do after a bulk load: fresh statistics and a visibility map for the planner.
    const t1 = performance.now();
    await ds.query('VACUUM ANALYZE');
    const vacuumMs = performance.now() - t1;
    const samples = await loadSamples(ds);
    if (samples.emptySearchText > 0)
      throw new Error(`${samples.emptySearchText} cases have an empty search_text: the triggers did not fill it`);
    await ds.destroy();
    ds = null;

    const config = loadConfig({
      ...process.env,
      DATABASE_URL: db.url,
      DATABASE_OWNER_URL: db.ownerUrl,
      APP_MODE: 'api',
      LOG_LEVEL: 'warn',
      MIGRATE_ON_BOOT: 'false',
      NODE_ENV: 'development',
      HOST,
      QUEUE_PREFIX: queuePrefix,
      STORAGE_DIR: join(tmpdir(), 'gpmb-bench-files'),
    });
    app = await createApp(config);
    await app.listen(0, HOST);
    const { port } = app.getHttpServer().address() as AddressInfo;
    const api = `http://${HOST}:${port}/api/v1`;

    const login = await fetch(`${api}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'canbo.ttptqd', password: DEMO_PASSWORD }),
    });
    const session = (await login.json()) as { token?: string };
    if (login.status !== 200 || !session.token)
      throw new Error(`login answered ${login.status}: ${JSON.stringify(session)}`);
    const token = session.token;

    const list = `/projects/${samples.projectId}/cases?pageSize=50`;
    const at = <T>(values: T[], i: number): T => values[i % values.length];
    const q = (s: string) => encodeURIComponent(s);
    const scenarios: Scenario[] = [
      { name: 'list, page 1', path: () => list },
      { name: 'list, commune filter', path: (i) => `${list}&communeId=${at(samples.communeIds, i)}` },
      { name: 'list, state=SURVEYED + poorHousehold=true', path: () => `${list}&state=SURVEYED&poorHousehold=true` },
      {
        name: 'search, name without accents (e.g. "' + samples.names[0] + '")',
        path: (i) => `${list}&q=${q(at(samples.names, i))}`,
      },
      { name: 'search, full CCCD', path: (i) => `${list}&q=${at(samples.cccds, i)}` },
      { name: 'search, parcel number', path: (i) => `${list}&q=${q(at(samples.parcelNumbers, i))}` },
      { name: 'list, deep page (page=500)', path: () => `${list}&page=500` },
    ];
    const results: Result[] = [];
    for (const s of scenarios) {
      const r = await measure(api, token, s, requests);
      console.log(`  ${s.name}: p50 ${ms(r.p50)} ms, p95 ${ms(r.p95)} ms, max ${ms(r.max)} ms`);
      results.push(r);
    }

    const date = new Date().toISOString().slice(0, 10);
    const rows = `${loaded.cases.toLocaleString('en-US')} cases (${landUsers.toLocaleString('en-US')} land users), ${loaded.parcels.toLocaleString('en-US')} parcels, ${loaded.inventories.toLocaleString('en-US')} inventories, ${loaded.items.toLocaleString('en-US')} inventory items, ${transitions.toLocaleString('en-US')} case transitions`;
    const report = [
      `## ${date} — node ${process.version}`,
      '',
      `PostgreSQL ${samples.pgVersion}, ${cpus().length} CPU(s). Project ${PROJECT}, sequential requests over HTTP on ${HOST} ` +
        `(${WARMUP} warm-up requests per scenario first), page size 50, user \`canbo.ttptqd\`.`,
      '',
      `- load (seedSyntheticCases): **${(loadMs / 1000).toFixed(1)} s** for ${rows}`,
      `- VACUUM ANALYZE after the load: ${(vacuumMs / 1000).toFixed(1)} s`,
      '',
      table(results),
      '',
    ].join('\n');
    console.log(`\n${report}`);

    const docs = join(ROOT, 'docs', 'bench-cases.md');
    await mkdir(dirname(docs), { recursive: true });
    if (!existsSync(docs)) {
      await writeFile(
        docs,
        '# Case list benchmark\n\n' +
          'Written by `node dist/scripts/bench-cases.js` (build first with `npx tsc -p tsconfig.json`; needs `DATABASE_URL` and ' +
          '`REDIS_URL`). Each run creates a throw-away database, loads synthetic cases (`seeds/synthetic-cases.ts`), starts the ' +
          'API in-process and times `GET /api/v1/projects/:id/cases`. Newest runs at the end.\n\n',
      );
    }
    await appendFile(docs, `${report}\n`);
    console.log(`written to ${docs}`);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (!interrupted) {
      await app?.close().catch((err: unknown) => console.error('closing the app:', err));
      if (ds?.isInitialized) await ds.destroy().catch(() => undefined);
      await cleanRedis(process.env.REDIS_URL, queuePrefix).catch((err: unknown) =>
        console.error('cleaning Redis:', err),
      );
      await db.drop();
      console.log(`dropped ${db.name}`);
    }
  }
}

/** The bench's own keys (login counter, any queue metadata) under its private prefix. */
async function cleanRedis(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
