import 'reflect-metadata';
import { runBench, writeBenchDoc } from './bench-support.js';
import { createApp } from '../src/bootstrap.js';
import { loadConfig } from '../src/core/config/app-config.js';
import { writeWorkbook, type CellValue } from '../src/core/excel/workbook.js';
import { SHEETS } from '../src/modules/cases/domain/import-rows.js';
import { createDatabase } from '../test/support/databases.js';

/**
 * Bench: import one workbook of BENCH_IMPORT_ROWS households (default 5,000), each with one parcel and one inventory
 * item (so three sheets of that many rows), through the real HTTP endpoint, on a fresh migrated and seeded database.
 * Run: npm run bench (or `node dist/scripts/bench-import.js` after `npx tsc -p tsconfig.json`).
 */
const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 5000);

async function main(): Promise<void> {
  const db = await createDatabase({ template: null });
  try {
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: db.url,
      DATABASE_OWNER_URL: db.ownerUrl,
      APP_MODE: 'api',
      LOG_LEVEL: 'warn',
      QUEUE_PREFIX: 'bench-import',
      MIGRATE_ON_BOOT: 'true',
    });
    const app = await createApp(config);
    const { runSeeds } = await import('../seeds/run-seeds.js');
    const { createAppDataSource } = await import('../src/database.js');
    const ds = await createAppDataSource(config).initialize();
    await runSeeds(ds, { demoUsers: true, syntheticCases: false });
    await ds.destroy();
    await app.listen(0, '127.0.0.1');
    const base = `${await app.getUrl()}/api/v1`.replace('[::1]', '127.0.0.1');
    const login = (await (
      await fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'canbo.ttptqd', password: 'gpmb-demo' }),
      })
    ).json()) as { token: string };
    const auth = { authorization: `Bearer ${login.token}` };
    const projects = (await (await fetch(`${base}/projects`, { headers: auth })).json()) as {
      code: string;
      id: string;
      communes: { name: string }[];
    }[];
    const project = projects.find((p) => p.code === 'CT-HNCL')!;
    const communes: string[] = project.communes.map((c) => c.name);

    const households: CellValue[][] = [];
    const parcels: CellValue[][] = [];
    const items: CellValue[][] = [];
    for (let i = 1; i <= rows; i++) {
      const key = `H${i}`;
      const commune = communes[i % communes.length];
      households.push([
        key,
        'Hộ gia đình',
        `Hộ Mẫu Bench ${i}`,
        `099${String(i).padStart(9, '0')}`,
        1960 + (i % 40),
        `Thôn Mẫu ${i % 9}`,
        commune,
        '1',
        1 + (i % 6),
        i % 12 === 0 ? 'x' : null,
        null,
        'x',
      ]);
      parcels.push([
        key,
        commune,
        String(1 + (i % 60)),
        String(i),
        i % 3 === 0 ? 'ONT' : 'LUC',
        null,
        `${1000 + (i % 500)},5`,
        `${200 + (i % 300)}`,
        'VT1',
        'Bench',
        'x',
        '',
      ]);
      items.push([key, '20/02/2024', 'Hoa màu', 'LUA', 'Lúa', '1.250', 'm2', null, null, null, null, null, null]);
    }
    const cols = (spec: { columns: readonly string[] }) => spec.columns.map((header) => ({ header }));
    const t0 = performance.now();
    const file = await writeWorkbook([
      { name: SHEETS.households.name, columns: cols(SHEETS.households), rows: households },
      { name: SHEETS.parcels.name, columns: cols(SHEETS.parcels), rows: parcels },
      { name: SHEETS.items.name, columns: cols(SHEETS.items), rows: items },
    ]);
    const built = performance.now() - t0;
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)]), 'bench.xlsx');
    const t1 = performance.now();
    const res = await fetch(`${base}/projects/${project.id}/cases/import`, {
      method: 'POST',
      headers: auth,
      body: form,
    });
    const took = performance.now() - t1;
    const body = await res.json();
    if (res.status !== 201) throw new Error(`import failed: ${res.status} ${JSON.stringify(body).slice(0, 500)}`);
    const rss = (process.resourceUsage().maxRSS / 1024).toFixed(0);
    const line = `| ${rows} households + ${rows} parcels + ${rows} items (${(file.length / 1024).toFixed(0)} KiB) | ${(took / 1000).toFixed(2)} s | ${(built / 1000).toFixed(2)} s | ${rss} MiB |`;
    writeBenchDoc('bench-import.md', 'Excel import benchmark', `${rows} rows per sheet, \`npm run bench -- import\``, [
      '| workbook | import (HTTP, validate, write) | build workbook | peak RSS (API and bench in one process) |',
      '|---|---|---|---|',
      line,
    ]);
    await app.close();
  } finally {
    await db.drop();
  }
}

runBench(main);
