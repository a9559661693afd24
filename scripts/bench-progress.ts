import 'reflect-metadata';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runSeeds, SYNTHETIC_CASES } from '../seeds/run-seeds.js';
import { seedSyntheticCases } from '../seeds/synthetic-cases.js';
import { createApp } from '../src/bootstrap.js';
import { DEMO_PASSWORD, loadConfig } from '../src/core/config/app-config.js';
import { migrateUnderLock } from '../src/core/database/data-source.js';
import { createAppDataSource } from '../src/database.js';
import { createDatabase } from '../test/support/databases.js';
import { runBench, writeBenchDoc } from './bench-support.js';

/**
 * Bench: progress against the milestones (issue 7) on a big project. A throw-away database with the seeded projects
 * (their usual synthetic cases) plus CT-HNCL grown to BENCH_PROGRESS_CASES cases (default 53,000 → about 100,000
 * parcels); every project gets one approved plan over all its cases (decision 01/02/2024), payments for most
 * households and handovers spread over February–November 2024 (some partial, some enforced), inserted set-based in
 * SQL. Then, over HTTP on 127.0.0.1, sequential requests (BENCH_REQUESTS each, default 50, after 5 warm-ups):
 * GET /projects/:id/progress?asOf= (three dates in turn), GET /progress?asOf= (all projects) and the chart.
 *
 *   npm run bench -- progress      (or: npx tsc -p tsconfig.json && DATABASE_URL=… REDIS_URL=… node dist/scripts/bench-progress.js)
 *
 * BENCH_PROGRESS_KEEP_DB=1 keeps the database (its name is printed) to look at query plans.
 */
const CASES = positiveInt('BENCH_PROGRESS_CASES', 53_000);
const REQUESTS = positiveInt('BENCH_REQUESTS', 50);
const WARMUP = 5;
const BIG = 'CT-HNCL';
const DATES = ['2024-06-30', '2024-09-30', '2024-12-31'];

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

/** Nearest-rank percentile of sorted values. */
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

async function main(): Promise<void> {
  const db = await createDatabase({ template: null });
  try {
    const config = loadConfig({
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: db.url,
      DATABASE_OWNER_URL: db.ownerUrl,
      APP_MODE: 'api',
      LOG_LEVEL: 'warn',
      QUEUE_PREFIX: 'bench-progress',
      MIGRATE_ON_BOOT: 'true',
      STORAGE_DIR: join(tmpdir(), 'gpmb-bench'),
    });
    // Migrated before the app starts, so that every connection of the app's pool opens with the database's settings
    // (the migrations turn JIT off for the database; a session opened before keeps its own).
    // Bulk load and VACUUM as the owner (the application's role may not vacuum).
    const ds = await createAppDataSource({ databaseUrl: db.ownerUrl }).initialize();
    await migrateUnderLock(ds);
    const app = await createApp(config);
    await runSeeds(ds, { demoUsers: true, syntheticCases: false });
    const t0 = performance.now();
    await seedSyntheticCases(ds, { perProject: { ...SYNTHETIC_CASES, [BIG]: CASES } });
    const loadMs = performance.now() - t0;

    const t1 = performance.now();
    // One approved plan per project over all its cases (the steps before approval are benchmarked elsewhere).
    await ds.query(`
      INSERT INTO plans (version, project_id, code, name, kind, status, price_book_id, price_book_version, valuation_date, case_count, approved_on, approval_number)
      SELECT 1, p.id, 'PA-BENCH', 'Phương án (bench)', 'original', 'APPROVED', b.id, b.version, '2024-01-15', (SELECT count(*) FROM cases c WHERE c.project_id = p.id), '2024-02-01', '01/QĐ-UBND'
      FROM projects p CROSS JOIN (SELECT id, version FROM price_books WHERE code = 'MAU-CAOLOC-2024') b`);
    await ds.query(`
      INSERT INTO plan_cases (plan_id, case_id, gross, net, debt, missing_basis, input_hash, line_count)
      SELECT pl.id, c.id, n.net, n.net, 0, false, repeat('0', 64), 0
      FROM cases c JOIN plans pl ON pl.project_id = c.project_id AND pl.code = 'PA-BENCH'
      CROSS JOIN LATERAL (SELECT 50000000 + abs(hashtext(c.id::text)) % 900000000 AS net) n`);
    // 85 % of households paid in full within three months of the decision.
    const [staff] = await ds.query(`SELECT id FROM users WHERE username = 'canbo.ttptqd'`);
    await ds.query(
      `INSERT INTO payments (case_id, plan_id, method, amount, principal, paid_on, voucher_number, recipient, idempotency_key, request_hash, recorded_by)
       SELECT pc.case_id, pc.plan_id, 'bank_transfer', pc.net, pc.net, date '2024-02-05' + abs(hashtext(pc.case_id::text || 'pay')) % 90, 'PC-BENCH', 'Chủ hộ', 'bench-' || pc.case_id, repeat('0', 64), $1
       FROM plan_cases pc WHERE abs(hashtext(pc.case_id::text)) % 100 < 85`,
      [staff.id],
    );
    // Handovers: 80 % of parcels in full, 8 % half, from 05/02 over about 300 days; 1 % enforced.
    await ds.query(
      `INSERT INTO handovers (case_id, project_id, parcel_id, handed_over_on, area, enforced, recorded_by)
       SELECT pa.case_id, pa.project_id, pa.id, date '2024-02-05' + abs(hashtext(pa.id::text || 'on')) % 300,
              CASE WHEN k.r < 80 THEN pa.recovered_area ELSE round(pa.recovered_area / 2, 1) END, k.r = 0, $1
       FROM parcels pa CROSS JOIN LATERAL (SELECT abs(hashtext(pa.id::text)) % 100 AS r) k
       WHERE k.r < 88 AND pa.recovered_area > 0`,
      [staff.id],
    );
    const prepMs = performance.now() - t1;
    await ds.query('VACUUM ANALYZE');
    const [counts] = await ds.query(`
      SELECT (SELECT count(*) FROM projects)::int AS projects, (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM parcels)::int AS parcels,
             (SELECT count(*) FROM parcels pa JOIN projects p ON p.id = pa.project_id WHERE p.code = '${BIG}')::int AS "bigParcels",
             (SELECT count(*) FROM cases c JOIN projects p ON p.id = c.project_id WHERE p.code = '${BIG}')::int AS "bigCases",
             (SELECT count(*) FROM handovers)::int AS handovers, (SELECT count(*) FROM payments)::int AS payments,
             (SELECT count(*) FROM case_transitions)::int AS transitions, current_setting('server_version') AS pg`);
    await ds.destroy();

    await app.listen(0, '127.0.0.1');
    const base = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/api/v1`;
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'lanhdao.huyen', password: DEMO_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const get = async (path: string) => {
      const started = performance.now();
      const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
      const body = await res.text();
      const ms = performance.now() - started;
      if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${body.slice(0, 300)}`);
      return { ms, body };
    };
    const projects = JSON.parse((await get('/projects')).body) as { id: string; code: string }[];
    const big = projects.find((p) => p.code === BIG)!;

    const measure = async (path: (i: number) => string) => {
      for (let i = 0; i < WARMUP; i++) await get(path(i));
      const times: number[] = [];
      for (let i = 0; i < REQUESTS; i++) times.push((await get(path(i))).ms);
      times.sort((a, b) => a - b);
      return { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] };
    };
    const loadBefore = loadavg()[0];
    const project = await measure((i) => `/projects/${big.id}/progress?asOf=${DATES[i % DATES.length]}`);
    const dashboard = await measure((i) => `/progress?asOf=${DATES[i % DATES.length]}`);
    const chart = await measure((i) => `/projects/${big.id}/progress/chart.svg?asOf=${DATES[i % DATES.length]}`);

    // The dashboard and the project endpoint must agree on the big project.
    const one = JSON.parse((await get(`/projects/${big.id}/progress?asOf=2024-06-30`)).body) as {
      handedOver: string;
      handedOverPercent: string;
      households: { total: number; handedOver: number };
      byBatch: unknown[];
    };
    const all = JSON.parse((await get('/progress?asOf=2024-06-30')).body) as {
      projects: { code: string; handedOver: string; householdsHandedOver: number }[];
      totals: { projects: number };
    };
    const row = all.projects.find((p) => p.code === BIG)!;
    if (row.handedOver !== one.handedOver || row.householdsHandedOver !== one.households.handedOver)
      throw new Error(`dashboard and project progress disagree: ${JSON.stringify(row)} vs ${JSON.stringify(one)}`);

    const loadAfter = loadavg()[0];
    const f = (v: number) => v.toFixed(0);
    const k = (v: number) => v.toLocaleString('en-US');
    const row3 = (name: string, r: { p50: number; p95: number; max: number }, target: number | null) =>
      `| ${name} | ${REQUESTS} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.max)} | ${target === null ? '—' : `p95 < ${target} ms: ${r.p95 < target ? 'met' : '**not met**'}`} |`;
    writeBenchDoc(
      'bench-progress.md',
      'Progress benchmark',
      `PostgreSQL ${counts.pg}, ${cpus().length} CPU(s), \`npm run bench -- progress\` (\`scripts/bench-progress.ts\`)`,
      [
        `Data: ${BIG} with ${k(counts.bigCases)} cases and **${k(counts.bigParcels)} parcels**; ${counts.projects} projects in all (${k(counts.cases)} cases, ` +
          `${k(counts.parcels)} parcels, ${k(counts.transitions)} case transitions), one approved plan per project, ${k(counts.payments)} payments, ` +
          `${k(counts.handovers)} handover rows over Feb–Nov 2024. Synthetic cases loaded in ${(loadMs / 1000).toFixed(1)} s; plans, payments and handovers inserted in ${(prepMs / 1000).toFixed(1)} s.`,
        '',
        `Sequential requests over HTTP on 127.0.0.1 as \`lanhdao.huyen\` (sees every project), ${WARMUP} warm-ups first; \`asOf\` cycles through ${DATES.join(', ')}. ` +
          `On 30/06/2024 ${BIG} stands at ${one.handedOverPercent} % (${k(one.households.handedOver)} of ${k(one.households.total)} households, ${one.byBatch.length} batch(es)); the dashboard lists ${all.totals.projects} projects and agrees with it. ` +
          `Load average (1 min) ${loadBefore.toFixed(2)} before the measurements, ${loadAfter.toFixed(2)} after (other work on the machine slows every figure).`,
        '',
        '| request | n | p50 ms | p95 ms | max ms | target |',
        '|---|---:|---:|---:|---:|---|',
        row3(`\`GET /projects/:id/progress?asOf=\` (${BIG}, ${k(counts.bigParcels)} parcels)`, project, 200),
        row3(`\`GET /progress?asOf=\` (all ${counts.projects} projects)`, dashboard, 500),
        row3(`\`GET /projects/:id/progress/chart.svg?asOf=\` (${BIG})`, chart, null),
        '',
        'How it is computed: each case carries the first day it reached each stage (plan approved, paid, first handover, handed over, ' +
          'enforced; kept by statement-level triggers on plans, plan_cases, payments and handovers, migration ProgressCaseDates), ' +
          `so the households by stage, commune and batch are one index-only pass over the ${k(counts.bigCases)} ` +
          'cases; the area handed over by commune and batch comes from `handover_days` (area per project, day, commune and batch, kept by ' +
          'the same triggers), a few thousand rows. The critical path (in one read-only snapshot) takes the ten largest cases with no ' +
          'handover yet from an index, and reads the partly handed-over cases by recovered area in pages of 40, 160 and 640 until no later ' +
          'case can enter the list; only when that does not settle it does one statement rank every partly handed-over case (about ' +
          '21,000 on this data as of 30/06/2024: 45–55 ms measured with psql, the worst case). JIT compilation is off for the database ' +
          '(it added 5–50 ms to these statements). The triggers make the bulk insert of plans, payments and handovers above slower (it ' +
          'recomputes and locks every case touched); one payment or handover recorded through the API recomputes one case.',
        '',
        'History on the same data (2026-11-24): correlated subqueries per case, about 2.8 s per project-progress call; set-based ' +
          'statements over cases, handovers, plan lines and payments, p50 143–161 ms and p95 165–233 ms over six runs (the 200 ms target ' +
          'met only on a quiet machine; the dashboard p95 162–263 ms); with the stage dates and daily sums, p95 70 ms with a critical path ' +
          'read page by page without bound (up to every case in the worst case), 142 ms when it ranked every partly handed-over case on ' +
          'each call, and the figures above with bounded pages, then one ranking statement.',
      ],
    );
    await app.close();
  } finally {
    if (process.env.BENCH_PROGRESS_KEEP_DB) console.log(`kept database ${db.name}`);
    else await db.drop();
  }
}

runBench(main);
