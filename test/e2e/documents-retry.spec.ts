import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { QueueService } from '../../src/core/queue/queue.service.js';
import { createCase, projectByCode } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The file store is made to fail for real (its root is a plain file, so creating the file's directory fails with
 * ENOTDIR), a decision is issued, the worker's first attempt fails, the store is repaired, and BullMQ's retry renders
 * the document: one record, one file, rendered once, however many times the job is retried or enqueued again.
 */
let t: TestApp;
const storageDir = join(tmpdir(), `gpmb-retry-${process.pid}-${Date.now()}`);

beforeAll(async () => {
  writeFileSync(storageDir, 'not a directory');
  t = await startTestApp({ env: { STORAGE_DIR: storageDir } });
});
afterAll(async () => {
  await t.close();
  rmSync(storageDir, { recursive: true, force: true });
});

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );

describe('a render job retried after a failure', () => {
  it('produces one document and one file, laid out within the NĐ 30 margins', async () => {
    const c = await createCase(t, 'QL4B', { communeName: 'Gia Cát', fullName: 'Hà Văn Thử Lại' });
    const staff = await t.login('canbo.ttptqd');
    await t
      .http()
      .post(`/api/v1/cases/${c.id}/parcels`)
      .set('Authorization', staff)
      .send({ mapSheet: '56', parcelNumber: '7', landTypeCode: 'ONT', measuredArea: '300', recoveredArea: '80' });
    const project = await projectByCode(t, 'QL4B');
    const res = await t
      .http()
      .post(`/api/v1/projects/${project.id}/recovery-notices`)
      .set('Authorization', await t.login('lanhdao.huyen'))
      .send({
        issuedOn: '2024-01-05',
        caseIds: [c.id],
        surveyFrom: '2024-01-15',
        surveyTo: '2024-03-15',
      });
    expect(res.status).toBe(201);
    const [notice] = res.body as { documentId: string }[];
    const queues = t.app.get(QueueService);
    const jobId = `render.${notice.documentId}`;

    // Wait for the first attempt to fail, then repair the store before the retry (1 s backoff).
    const deadline = Date.now() + 20_000;
    let status = await queues.status('documents', jobId);
    while ((status?.attemptsMade ?? 0) < 1 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 25));
      status = await queues.status('documents', jobId);
    }
    expect(status?.attemptsMade).toBeGreaterThanOrEqual(1);
    expect(status?.failedReason).toMatch(/ENOTDIR|EEXIST|not a directory/i);
    rmSync(storageDir);
    mkdirSync(storageDir);

    const result = (await queues.waitFor('documents', jobId, 30_000)) as { sha256: string; skipped: boolean };
    expect(result.skipped).toBe(false);
    const after = await queues.status('documents', jobId);
    expect(after).toMatchObject({ state: 'completed' });
    expect(after!.attemptsMade).toBeGreaterThanOrEqual(2);

    const ds = t.app.get(DataSource);
    const docs = await ds.query(
      `SELECT id, status, sha256 FROM documents WHERE entity_type = 'case' AND entity_id = $1 AND type = 'recovery_notice'`,
      [c.id],
    );
    expect(docs).toEqual([{ id: notice.documentId, status: 'rendered', sha256: result.sha256 }]);
    expect(files(storageDir)).toHaveLength(1);

    // Enqueued again (a second click): the same job id, nothing rendered twice.
    await queues.enqueue('documents.render', { documentId: notice.documentId }, jobId);
    expect(files(storageDir)).toHaveLength(1);
    expect(existsSync(join(storageDir, result.sha256.slice(0, 2), result.sha256))).toBe(true);

    // NĐ 30/2020 margins on A4: every word of page 1 lies at least 30 mm from the left edge (and at most 35 mm: the
    // text starts at the margin), 15 mm from the right, 20 mm from the top and the bottom.
    const pdf = (
      await t
        .http()
        .get(`/api/v1/documents/${notice.documentId}/file`)
        .set('Authorization', staff)
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (d: Buffer) => chunks.push(d));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        })
    ).body as Buffer;
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', '-', '-'], { input: pdf }).toString('utf8');
    const page = /<page width="([\d.]+)" height="([\d.]+)">/.exec(bbox)!;
    expect([Math.round(Number(page[1])), Math.round(Number(page[2]))]).toEqual([595, 842]);
    const words = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">/g)].map(
      (m) => m.slice(1, 5).map(Number),
    );
    expect(words.length).toBeGreaterThan(50);
    const mm = (x: number) => (x * 72) / 25.4;
    const left = Math.min(...words.map((w) => w[0]));
    expect(left).toBeGreaterThanOrEqual(mm(30) - 0.5);
    expect(left).toBeLessThanOrEqual(mm(35));
    expect(Math.max(...words.map((w) => w[2]))).toBeLessThanOrEqual(Number(page[1]) - mm(15) + 0.01);
    expect(Math.min(...words.map((w) => w[1]))).toBeGreaterThanOrEqual(mm(20) - 0.5);
    expect(Math.max(...words.map((w) => w[3]))).toBeLessThanOrEqual(Number(page[2]) - mm(20) + 0.01);
  });
});
