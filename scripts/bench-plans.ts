import 'reflect-metadata';
import { runBench, writeBenchDoc } from './bench-support.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSeeds } from '../seeds/run-seeds.js';
import { seedSyntheticCases } from '../seeds/synthetic-cases.js';
import { createApp } from '../src/bootstrap.js';
import { DEMO_PASSWORD, loadConfig } from '../src/core/config/app-config.js';
import { createAppDataSource } from '../src/database.js';
import { createDatabase } from '../test/support/databases.js';

/**
 * Bench: a draft plan of BENCH_PLAN_CASES cases (default 5,000) with about 20 lines each, computed and stored end to
 * end through POST /projects/:id/plans (read inputs, compute, write lines), then one case recomputed. Peak memory is
 * sampled every 20 ms during the request (the API and the bench share one process).
 */
const CASES = Number(process.env.BENCH_PLAN_CASES ?? 5000);

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
      QUEUE_PREFIX: 'bench-plans',
      MIGRATE_ON_BOOT: 'true',
      STORAGE_DIR: join(tmpdir(), 'gpmb-bench'),
    });
    const app = await createApp(config);
    // Bulk load and VACUUM as the owner (the application's role may not vacuum).
    const ds = await createAppDataSource({ databaseUrl: db.ownerUrl }).initialize();
    await runSeeds(ds, { demoUsers: true, syntheticCases: false });
    // Every inventory padded to 18 items so a case has about 20 lines, as the target describes.
    await seedSyntheticCases(ds, { perProject: { 'CT-HNCL': CASES }, padItemsTo: 18 });
    await ds.query('VACUUM ANALYZE');
    await ds.destroy();
    await app.listen(0, '127.0.0.1');
    const base = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/api/v1`;
    const post = async (path: string, token: string | null, body: unknown) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
    const { token } = (await (
      await post('/auth/login', null, { username: 'canbo.ttptqd', password: DEMO_PASSWORD })
    ).json()) as { token: string };
    const projects = (await (
      await fetch(`${base}/projects`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { id: string; code: string }[];
    const books = (await (
      await fetch(`${base}/price-books`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { id: string; code: string }[];
    const project = projects.find((p) => p.code === 'CT-HNCL')!;
    const book = books.find((b) => b.code === 'MAU-CAOLOC-2024')!;

    let peak = process.memoryUsage().rss;
    const before = peak;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const t0 = performance.now();
    const res = await post(`/projects/${project.id}/plans`, token, {
      name: 'Bench',
      priceBookId: book.id,
      valuationDate: '2024-06-01',
    });
    const createMs = performance.now() - t0;
    clearInterval(sampler);
    const plan = (await res.json()) as { id: string; caseCount: number; version: number; net: string };
    if (res.status !== 201) throw new Error(`plan: ${res.status} ${JSON.stringify(plan).slice(0, 300)}`);
    const lines = (await (
      await fetch(`${base}/plans/${plan.id}/lines?pageSize=1`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { total: number };
    const cases = (await (
      await fetch(`${base}/plans/${plan.id}/cases`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { caseId: string }[];

    const recompute: number[] = [];
    let version = plan.version;
    for (let i = 0; i < 11; i++) {
      const t1 = performance.now();
      const r = await post(`/plans/${plan.id}/recompute`, token, {
        version,
        caseIds: [cases[(i * 37) % cases.length].caseId],
      });
      const body = (await r.json()) as { plan: { version: number } };
      if (r.status !== 201) throw new Error(`recompute: ${r.status} ${JSON.stringify(body).slice(0, 300)}`);
      version = body.plan.version;
      if (i > 0) recompute.push(performance.now() - t1); // the first one warms up
    }
    recompute.sort((a, b) => a - b);
    // What the plan's screen asks on every visit: the plan with its findings (the staleness check over every case's
    // inputs) and the next steps (the facts every rule needs, the pricing facts among them).
    const timed = async (path: string) => {
      const times: number[] = [];
      for (let i = 0; i < 11; i++) {
        const t1 = performance.now();
        const r = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
        await r.arrayBuffer();
        if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
        if (i > 0) times.push(performance.now() - t1);
      }
      return times.sort((a, b) => a - b);
    };
    const shown = await timed(`/plans/${plan.id}`);
    const next = await timed(`/plans/${plan.id}/next-steps`);
    const ms = (t: number[]) => `${t[5].toFixed(0)} ms (${t[9].toFixed(0)} ms)`;
    const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
    writeBenchDoc(
      'bench-plans.md',
      'Plan computation benchmark',
      '`npm run bench -- plans` (synthetic cases, sample price book)',
      [
        '| measure | result | target |',
        '|---|---|---|',
        `| create plan: ${plan.caseCount} cases, ${lines.total} lines (read, compute, write, over HTTP) | ${(createMs / 1000).toFixed(2)} s | < 10 s |`,
        `| peak RSS during it (API + bench in one process; ${mb(before)} MiB before) | ${mb(peak)} MiB | < 500 MB |`,
        `| recompute one case in that plan, median of 10 (max) | ${ms(recompute)} | < 200 ms |`,
        `| GET the plan (figures, findings, staleness of every case), median of 10 (max) | ${ms(shown)} | < 300 ms |`,
        `| GET its next steps (every rule's facts, pricing at the decision), median of 10 (max) | ${ms(next)} | < 300 ms |`,
      ],
    );
    await app.close();
  } finally {
    await db.drop();
  }
}

runBench(main);
