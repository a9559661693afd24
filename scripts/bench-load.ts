import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runSeeds } from '../seeds/run-seeds.js';
import { AppConfig, DEMO_PASSWORD, loadConfig } from '../src/core/config/app-config.js';
import { migrateUnderLock } from '../src/core/database/data-source.js';
import { createAppDataSource } from '../src/database.js';
import { appRole, createDatabase } from '../test/support/databases.js';
import { runBench, writeBenchDoc } from './bench-support.js';

/**
 * Bench: an office of clerks at once (issue 14). A throw-away database with the seeds (about 500 households); the
 * app (API and worker, as `npm run up` starts it, default pool and timeouts) in its own process; CT-HNCL's plan
 * approved and most of its households notified for payment, QL4B's households with a draft correction of their
 * inventory. Then, over HTTP on 127.0.0.1, for BENCH_LOAD_SECONDS (60):
 *   - 150 clients, each in a loop: case list (a page, sometimes a search), case detail, project progress, an
 *     inventory edit (read, then save with its version), a payment of 1.000 đ on the client's own household;
 *   - 50 clients racing to pay ONE household its whole approved amount, all at once (one wins, 49 are refused
 *     with PAYMENT.OVERPAYMENT); when the round is over, the 50 race on the next household, and so on;
 *   - /health every 200 ms.
 * Then 1,000 simultaneous retries of one payment with the same Idempotency-Key.
 * Reported: p50/p95/p99/max per route, 5xx (must be 0), the longest request, /health's worst time.
 *
 *   npm run bench -- load
 */
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const MIXED = 150;
const RACERS = 50;
const RETRIES = 1000;
const RACE_ROUNDS = 20;

interface Sample {
  route: string;
  status: number;
  ms: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

async function freePort(): Promise<number> {
  const srv = createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address() as { port: number };
  srv.close();
  return port;
}

function startServer(config: AppConfig, port: number, profile: string[] = []): ChildProcess {
  const child = spawn(process.execPath, [...profile, 'dist/src/main.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      APP_MODE: 'all',
      DATABASE_URL: config.databaseUrl,
      DATABASE_OWNER_URL: '',
      REDIS_URL: config.redisUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      QUEUE_PREFIX: 'bench-load',
      MIGRATE_ON_BOOT: 'false',
      STORAGE_DIR: join(tmpdir(), 'gpmb-bench-load'),
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return child;
}

async function waitUntilUp(base: string): Promise<void> {
  for (let i = 0; ; i++) {
    const ok = await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (i > 300) throw new Error('the app did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function main(): Promise<void> {
  const db = await createDatabase({ template: null });
  let server: ChildProcess | null = null;
  try {
    const config = loadConfig({
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: db.url,
      DATABASE_OWNER_URL: db.ownerUrl,
      APP_MODE: 'api',
      LOG_LEVEL: 'warn',
    });
    const ds = await createAppDataSource({ databaseUrl: db.ownerUrl }).initialize();
    await migrateUnderLock(ds, appRole());
    await runSeeds(ds, { demoUsers: true, syntheticCases: true });

    const port = await freePort();
    server = startServer(config, port);
    const base = `http://127.0.0.1:${port}/api/v1`;
    await waitUntilUp(base);
    const login = async (username: string) => {
      const res = await fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: DEMO_PASSWORD }),
      });
      return `Bearer ${((await res.json()) as { token: string }).token}`;
    };
    const staff = await login('canbo.ttptqd');
    const leader = await login('lanhdao.huyen');
    const call = async (
      method: string,
      path: string,
      auth: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: auth,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    };
    const must = async (what: string, p: Promise<{ status: number; body: Record<string, unknown> }>) => {
      const r = await p;
      if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
      return r.body;
    };

    // CT-HNCL's plan approved on 30/06/2025 (history moved back past the notice period, appraisal taken as done).
    const t0 = performance.now();
    const [project] = await ds.query(`SELECT id FROM projects WHERE code = 'CT-HNCL'`);
    const [{ d }] = await ds.query<{ d: number }[]>(
      `SELECT coalesce(max(t.occurred_on) - (date '2025-06-30' - 181), 0) AS d FROM case_transitions t JOIN cases c ON c.id = t.case_id WHERE c.project_id = $1`,
      [project.id],
    );
    if (d > 0) {
      await ds.query(
        `UPDATE case_transitions t SET occurred_on = t.occurred_on - $2::int FROM cases c WHERE c.id = t.case_id AND c.project_id = $1`,
        [project.id, d],
      );
      await ds.query(`UPDATE cases SET notice_delivered_on = notice_delivered_on - $2::int WHERE project_id = $1`, [
        project.id,
        d,
      ]);
    }
    await ds.query(`DELETE FROM plans WHERE project_id = $1 AND status = 'DRAFT'`, [project.id]);
    const [book] = await ds.query(`SELECT id FROM price_books WHERE code = 'MAU-CAOLOC-2024'`);
    const plan = (await must(
      'plan',
      call('POST', `/projects/${project.id}/plans`, staff, {
        name: 'Phương án (bench)',
        priceBookId: book.id,
        valuationDate: '2025-06-30',
      }),
    )) as { id: string };
    await ds.query(
      `UPDATE plans SET status = 'APPRAISED', findings = '[]', appraisal = '{"land":{},"crops":{},"structures":{}}' WHERE id = $1`,
      [plan.id],
    );
    const [{ version }] = await ds.query('SELECT version FROM plans WHERE id = $1', [plan.id]);
    await must(
      'approve',
      call('POST', `/plans/${plan.id}/transitions`, leader, { action: 'approve', version, occurredOn: '2025-06-30' }),
    );
    const planCases = (await must('plan cases', call('GET', `/plans/${plan.id}/cases`, staff))) as unknown as {
      caseId: string;
      net: string;
    }[];
    const payable = planCases.filter((c) => BigInt(c.net) > 10_000_000n);
    const notified = payable.slice(0, MIXED + 1 + RACE_ROUNDS);
    for (const c of notified) {
      await must(
        'notice',
        call('POST', `/cases/${c.caseId}/payment-notices`, staff, {
          issuedOn: '2025-07-01',
          paymentOn: '2025-07-10',
          paymentTime: '08:00',
          place: 'Trụ sở UBND xã',
          handoverBy: '2025-07-25',
        }),
      );
    }
    // QL4B: a draft correction of the inventory of each surveyed household.
    const surveyed: { id: string }[] = await ds.query(
      `SELECT c.id FROM cases c JOIN projects p ON p.id = c.project_id WHERE p.code = 'QL4B' AND c.state = 'SURVEYED' ORDER BY c.id LIMIT 60`,
    );
    const drafts: string[] = [];
    for (const c of surveyed) {
      const inv = await must(
        'draft',
        call('POST', `/cases/${c.id}/inventories`, staff, {
          surveyedOn: '2024-09-01',
          participants: [{ name: 'Đại diện hộ', role: 'Đại diện hộ' }],
          items: [],
        }),
      );
      drafts.push(inv.id as string);
    }
    const projects: { id: string }[] = await ds.query('SELECT id FROM projects ORDER BY code');
    const allCases: { id: string }[] = await ds.query('SELECT id FROM cases ORDER BY id');
    // The decisions and notices of the set-up are rendered by the worker first: the load starts from a quiet queue.
    for (;;) {
      const [{ pending }] = await ds.query(`SELECT count(*)::int AS pending FROM documents WHERE status = 'pending'`);
      if (pending === 0) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const setupMs = performance.now() - t0;
    if (process.env.BENCH_LOAD_PROFILE) {
      // A CPU profile of the load alone: a fresh server process, profiled from its start.
      server.kill('SIGTERM');
      await once(server, 'exit');
      server = startServer(config, port, ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_LOAD_PROFILE}`]);
      await waitUntilUp(base);
    }

    const retryCase = notified[MIXED];
    const raceCases = notified.slice(MIXED + 1);
    const mine = notified.slice(0, MIXED);
    const samples: Sample[] = [];
    const deadline = performance.now() + SECONDS * 1000;
    const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)];
    let seq = 0;
    const timed = async (route: string, run: () => Promise<{ status: number }>) => {
      const started = performance.now();
      let status: number;
      try {
        status = (await run()).status;
      } catch {
        status = 599; // no answer (connection refused or reset)
      }
      samples.push({ route, status, ms: performance.now() - started });
    };
    const pay = (caseId: string) => () =>
      call(
        'POST',
        `/cases/${caseId}/payments`,
        staff,
        { method: 'cash', amount: '1000', paidOn: '2025-07-10', voucherNumber: `PC-${++seq}`, recipient: 'Chủ hộ' },
        { 'idempotency-key': `bench-${seq}-${Math.random()}` },
      );

    const mixedClient = async (i: number) => {
      while (performance.now() < deadline) {
        const r = Math.random();
        if (r < 0.3) {
          const q = Math.random() < 0.3 ? `&q=${encodeURIComponent(pick(['hoang', 'nong van', '099', '12']))}` : '';
          await timed('GET /projects/:id/cases', () =>
            call(
              'GET',
              `/projects/${project.id}/cases?page=${1 + Math.floor(Math.random() * 5)}&pageSize=50${q}`,
              staff,
            ),
          );
        } else if (r < 0.55) {
          await timed('GET /cases/:id', () => call('GET', `/cases/${pick(allCases).id}`, staff));
        } else if (r < 0.7) {
          await timed('GET /projects/:id/progress', () =>
            call('GET', `/projects/${pick(projects).id}/progress`, staff),
          );
        } else if (r < 0.85) {
          const id = pick(drafts);
          await timed('GET+PUT /inventories/:id', async () => {
            const inv = await call('GET', `/inventories/${id}`, staff);
            return call('PUT', `/inventories/${id}`, staff, {
              version: inv.body.version,
              surveyedOn: '2024-09-01',
              participants: [{ name: 'Đại diện hộ', role: 'Đại diện hộ' }],
              items: [
                {
                  kind: 'tree',
                  itemCode: 'CAY-HONG',
                  description: 'Cây hồng',
                  quantity: String(1 + (i % 40)),
                  unit: 'cây',
                },
              ],
            });
          });
        } else {
          await timed('POST /cases/:id/payments (own case)', pay(mine[i].caseId));
        }
      }
    };
    const raceWinners: number[] = [];
    const races = async () => {
      for (const c of raceCases) {
        if (performance.now() >= deadline) break;
        const results = await Promise.all(
          Array.from({ length: RACERS }, (_, i) => {
            const key = `race-${c.caseId}-${i}`;
            const body = {
              method: 'cash',
              amount: c.net,
              paidOn: '2025-07-10',
              voucherNumber: `PC-R${i}`,
              recipient: 'Chủ hộ',
            };
            let status = 0;
            return timed('POST /cases/:id/payments (50 racing on one case)', async () => {
              status = (await call('POST', `/cases/${c.caseId}/payments`, staff, body, { 'idempotency-key': key }))
                .status;
              return { status };
            }).then(() => status);
          }),
        );
        raceWinners.push(results.filter((x) => x === 201).length);
      }
    };
    const health: number[] = [];
    let healthBad = 0;
    const healthLoop = async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        const ok = await fetch(`${base}/health`).then(
          (r) => r.status === 200,
          () => false,
        );
        health.push(performance.now() - started);
        if (!ok) healthBad++;
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    const loadStart = performance.now();
    await Promise.all([...mine.map((_, i) => mixedClient(i)), races(), healthLoop()]);
    const loadMs = performance.now() - loadStart;

    // 1,000 retries of one payment at once: the same key and body (a double-clicking clerk, a retrying client).
    const retryStarted = performance.now();
    const retryBody = {
      method: 'bank_transfer',
      amount: '5000000',
      paidOn: '2025-07-10',
      voucherNumber: 'UNC-RETRY',
      recipient: 'Chủ hộ',
    };
    const retries = await Promise.all(
      Array.from({ length: RETRIES }, async () => {
        const started = performance.now();
        const r = await call('POST', `/cases/${retryCase.caseId}/payments`, staff, retryBody, {
          'idempotency-key': 'bench-retry-one-key',
        }).catch(() => ({ status: 599, body: {} }));
        samples.push({
          route: 'POST /cases/:id/payments (1,000 same-key retries)',
          status: r.status,
          ms: performance.now() - started,
        });
        return r;
      }),
    );
    const retryMs = performance.now() - retryStarted;
    const [{ n: recorded }] = await ds.query(
      `SELECT count(*)::int AS n FROM payments WHERE idempotency_key = 'bench-retry-one-key'`,
    );
    const retryIds = new Set(retries.filter((r) => r.status < 300).map((r) => (r.body as { id?: string }).id));

    const byRoute = new Map<string, Sample[]>();
    for (const s of samples) byRoute.set(s.route, [...(byRoute.get(s.route) ?? []), s]);
    const table = [
      '| route | requests | p50 ms | p95 ms | p99 ms | max ms | 5xx | statuses |',
      '|---|---:|---:|---:|---:|---:|---:|---|',
      ...[...byRoute.entries()].map(([route, xs]) => {
        const ms = xs.map((x) => x.ms).sort((a, b) => a - b);
        const statuses = new Map<number, number>();
        for (const x of xs) statuses.set(x.status, (statuses.get(x.status) ?? 0) + 1);
        const shown = [...statuses.entries()]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s}×${n}`)
          .join(' ');
        return `| ${route} | ${xs.length} | ${percentile(ms, 50).toFixed(0)} | ${percentile(ms, 95).toFixed(0)} | ${percentile(ms, 99).toFixed(0)} | ${ms[ms.length - 1].toFixed(0)} | ${xs.filter((x) => x.status >= 500).length} | ${shown} |`;
      }),
    ];
    const all = samples.map((s) => s.ms).sort((a, b) => a - b);
    const fiveXx = samples.filter((s) => s.status >= 500).length;
    const healthSorted = [...health].sort((a, b) => a - b);
    const app = new AppConfig();
    table.push(
      '',
      `- ${samples.length} requests; ${((samples.length - RETRIES) / (loadMs / 1000)) | 0} requests/s during the ${SECONDS} s of load (${MIXED} mixed clients + ${RACERS} racing on one household); **5xx: ${fiveXx}**.`,
      `- Longest request: ${all[all.length - 1].toFixed(0)} ms (statement timeout ${app.dbStatementTimeoutMs} ms, lock timeout ${app.dbLockTimeoutMs} ms, record queue wait ${app.recordQueueWaitMs} ms, pool ${app.dbPoolSize}).`,
      `- /health: ${health.length} checks, p50 ${percentile(healthSorted, 50).toFixed(0)} ms, max ${healthSorted[healthSorted.length - 1].toFixed(0)} ms, ${health.filter((x) => x >= 1000).length} over 1 s, ${healthBad} not 200.`,
      `- Races of ${RACERS} on one household: ${raceWinners.length} rounds, winners per round ${JSON.stringify(raceWinners)} (each must be 1).`,
      `- 1,000 same-key retries in ${(retryMs / 1000).toFixed(1)} s: ${recorded} payment recorded, ${retryIds.size} distinct payment id answered.`,
      `- Set-up (plan of ${planCases.length} households approved, ${notified.length} payment notices, ${drafts.length} draft inventories, their documents rendered): ${(setupMs / 1000).toFixed(1)} s.`,
    );
    writeBenchDoc(
      'bench-load.md',
      'Load: 200 clients for a minute, 50 of them on one household (issue 14)',
      `app (API + worker) in its own process with the default pool and timeouts, PostgreSQL and the load generator on the same 2 cores; \`npm run bench -- load\``,
      table,
    );
    if (fiveXx > 0 || recorded !== 1 || raceWinners.some((w) => w !== 1))
      throw new Error(
        `load bench: ${fiveXx} × 5xx, ${recorded} payments recorded for one key, winners ${JSON.stringify(raceWinners)}`,
      );
  } finally {
    if (server) {
      server.kill('SIGTERM');
      await once(server, 'exit').catch(() => undefined);
    }
    await db.drop();
  }
}

runBench(main);
