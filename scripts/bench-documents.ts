import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSeeds } from '../seeds/run-seeds.js';
import { seedSyntheticCases } from '../seeds/synthetic-cases.js';
import { createApp } from '../src/bootstrap.js';
import { DEMO_PASSWORD, loadConfig } from '../src/core/config/app-config.js';
import { QueueService } from '../src/core/queue/queue.service.js';
import { createAppDataSource } from '../src/database.js';
import { DocumentsService } from '../src/modules/documents/documents.service.js';
import { createDatabase, repair } from '../test/support/databases.js';
import { runBench, writeBenchDoc } from './bench-support.js';

/**
 * Bench: approve a plan of BENCH_DOC_CASES cases (default 1,000) and render every recovery decision through the
 * real worker (default concurrency), plus the approval decision with its appendix of that many households. The plan is
 * taken straight to APPRAISED in SQL (the workflow itself is tested elsewhere); approval goes through the API. The
 * worker is a process of its own (APP_MODE=worker, as deployed), so its peak memory is its own (VmHWM).
 */
const CASES = Number(process.env.BENCH_DOC_CASES ?? 1000);

async function main(): Promise<void> {
  const db = await createDatabase({ template: null });
  try {
    const env = {
      NODE_ENV: 'development',
      DATABASE_URL: db.url,
      DATABASE_OWNER_URL: db.ownerUrl,
      LOG_LEVEL: 'warn',
      QUEUE_PREFIX: `bench-docs-${process.pid}`,
      STORAGE_DIR: join(tmpdir(), 'gpmb-bench-docs'),
    };
    const config = loadConfig({ ...process.env, ...env, APP_MODE: 'api', MIGRATE_ON_BOOT: 'true' });
    const app = await createApp(config);
    const ds = await createAppDataSource({ databaseUrl: db.ownerUrl }).initialize();
    await runSeeds(ds, { demoUsers: true, syntheticCases: false });
    await seedSyntheticCases(ds, { perProject: { 'CT-HNCL': CASES } });
    await app.listen(0, '127.0.0.1');
    const base = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/api/v1`;
    const call = async (method: string, path: string, token: string | null, body?: unknown) =>
      fetch(`${base}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
    const login = async (u: string) =>
      (
        (await (await call('POST', '/auth/login', null, { username: u, password: DEMO_PASSWORD })).json()) as {
          token: string;
        }
      ).token;
    const staff = await login('canbo.ttptqd');
    const leader = await login('lanhdao.huyen');
    const [project] = await ds.query(`SELECT id FROM projects WHERE code = 'CT-HNCL'`);
    const [book] = await ds.query(`SELECT id FROM price_books WHERE code = 'MAU-CAOLOC-2024'`);
    const created = (await (
      await call('POST', `/projects/${project.id}/plans`, staff, {
        name: 'Bench',
        priceBookId: book.id,
        valuationDate: '2024-06-01',
      })
    ).json()) as { id: string };
    // Straight to APPRAISED, with every notice old enough and no blocking finding.
    await ds.query(`UPDATE cases SET notice_delivered_on = '2023-01-02' WHERE project_id = $1`, [project.id]);
    await ds.query(
      `UPDATE plans SET status = 'APPRAISED', findings = '[]', appraisal = '{"land":{},"crops":{},"structures":{}}' WHERE id = $1`,
      [created.id],
    );
    const [{ version }] = await ds.query('SELECT version FROM plans WHERE id = $1', [created.id]);
    await ds.destroy();
    const worker = await startWorker({
      ...process.env,
      ...env,
      APP_MODE: 'worker',
      MIGRATE_ON_BOOT: 'false',
      LOG_LEVEL: 'info',
    });

    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t0 = performance.now();
    const res = await call('POST', `/plans/${created.id}/transitions`, leader, {
      action: 'approve',
      version,
      occurredOn: '2025-06-30',
    });
    if (res.status !== 201) throw new Error(`approve: ${res.status} ${(await res.text()).slice(0, 300)}`);
    const approveMs = performance.now() - t0;
    const docs = (await (await call('GET', `/documents?planId=${created.id}`, staff)).json()) as {
      id: string;
      type: string;
    }[];
    // Completion is polled in the database (1,000 job-event listeners would slow the very thing measured).
    const poll = await createAppDataSource(config).initialize();
    for (;;) {
      const [{ n }] = await poll.query(
        `SELECT count(*)::int AS n FROM documents WHERE plan_id = $1 AND status = 'rendered'`,
        [created.id],
      );
      if (n === docs.length) break;
      if (performance.now() - t0 > 600_000) throw new Error(`only ${n} of ${docs.length} documents rendered`);
      await new Promise((r) => setTimeout(r, 200));
    }
    await poll.destroy();
    const allMs = performance.now() - t0;
    clearInterval(sampler);
    const workerPeak = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${worker.pid}/status`, 'utf8'))![1]) * 1024;
    worker.kill('SIGTERM');
    const approval = docs.find((d) => d.type === 'plan_approval')!;
    // The appendix document alone, rendered again from scratch (timed in isolation).
    await app.get(QueueService).queue('documents').pause();
    const documents = app.get(DocumentsService);
    // A rendered document is final: only the owner, with the protections off, makes it pending again.
    await repair(db.name, (c) =>
      c.query(`UPDATE documents SET status = 'pending', sha256 = NULL WHERE id = $1`, [approval.id]),
    );
    const t1 = performance.now();
    const r = await documents.render(approval.id);
    const appendixMs = performance.now() - t1;
    // One recovery decision rendered directly (no queue): where the time of a job goes.
    const sample = docs.filter((d) => d.type === 'recovery_decision').slice(0, 20);
    await repair(db.name, (c) =>
      c.query(`UPDATE documents SET status = 'pending', sha256 = NULL WHERE id = ANY($1)`, [sample.map((d) => d.id)]),
    );
    const direct: number[] = [];
    for (const d of sample) {
      const t2 = performance.now();
      await documents.render(d.id);
      direct.push(performance.now() - t2);
    }
    direct.sort((x, y) => x - y);
    const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
    writeBenchDoc(
      'bench-documents.md',
      'Decision documents benchmark',
      `\`npm run bench -- documents\`, pdfkit + Liberation Serif 2, one worker process with the default concurrency (${config.workerConcurrency})`,
      [
        '| measure | result | target |',
        '|---|---|---|',
        `| approve a ${CASES}-case plan (numbers, decisions, documents issued; HTTP) | ${(approveMs / 1000).toFixed(2)} s | — |`,
        `| render ${docs.length - 1} recovery decisions + the approval decision, from the approval's commit (jobs enqueued) to the last file stored | ${((allMs - approveMs) / 1000).toFixed(1)} s | < 60 s for 1,000 |`,
        `| the same from the approval request (approval + rendering) | ${(allMs / 1000).toFixed(1)} s | — |`,
        `| approval decision with a ${CASES}-household appendix (${r.pages} pages), alone | ${(appendixMs / 1000).toFixed(2)} s | < 15 s |`,
        `| one recovery decision rendered directly (no queue), median of 20 | ${direct[10].toFixed(0)} ms | — |`,
        `| peak RSS of the worker process (APP_MODE=worker, VmHWM) | ${mb(workerPeak)} MiB | < 400 MB |`,
        `| peak RSS of the API process (with the bench's own work) | ${mb(peak)} MiB | — |`,
      ],
    );
    await app.close();
  } finally {
    await db.drop();
  }
}

/** The worker as deployed: its own process, ready once it logs that it runs. */
function startWorker(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/src/main.js'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    const timer = setTimeout(() => reject(new Error('worker did not start in 60 s')), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('worker running')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

runBench(main);
