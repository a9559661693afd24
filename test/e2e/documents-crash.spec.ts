import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { Worker } from 'bullmq';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap.js';
import { QueueService } from '../../src/core/queue/queue.service.js';
import { createRedis } from '../../src/core/queue/redis-connection.js';
import { DocumentsService } from '../../src/modules/documents/documents.service.js';
import { repair } from '../support/databases.js';
import { createCase, projectByCode } from '../support/factories.js';
import { startTestApp, type TestApp, testConfig } from '../support/test-app.js';

/**
 * A worker dies holding a render job: a BullMQ worker takes the job and never finishes it, then stops without
 * releasing it (its lock is no longer renewed). A real worker process of the app, started afterwards, finds the
 * stalled job once the lock expired and renders it: one document, rendered once, the same file (SHA-256) as a
 * render from scratch of the same records.
 */
let t: TestApp;
let worker: INestApplication | null = null;

beforeAll(async () => {
  // The API alone: no worker of the app competes for the job.
  t = await startTestApp({ env: { APP_MODE: 'api', STORAGE_DIR: join('/tmp', `gpmb-crash-${process.pid}`) } });
});
afterAll(async () => {
  await worker?.close();
  await t.close();
});

describe('a crashed worker', () => {
  it('leaves its job to another worker, which renders the same file once', async () => {
    const connection = createRedis(t.config.redisUrl, 'crashing-worker');
    let taken: (id: string) => void = () => undefined;
    const took = new Promise<string>((resolve) => (taken = resolve));
    const crashing = new Worker(
      'documents',
      async (job) => {
        taken(job.id!);
        await new Promise(() => undefined); // dies mid-render: never returns
      },
      { connection, prefix: t.config.queuePrefix, lockDuration: 1000, stalledInterval: 1000 },
    );

    const c = await createCase(t, 'QL4B', { communeName: 'Gia Cát', fullName: 'Lục Văn Dừng' });
    await t
      .http()
      .post(`/api/v1/cases/${c.id}/parcels`)
      .set('Authorization', await t.login('canbo.ttptqd'))
      .send({ mapSheet: '57', parcelNumber: '3', landTypeCode: 'ONT', measuredArea: '200', recoveredArea: '60' });
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
    const documentId = res.body[0].documentId as string;
    expect(await took).toBe(`render.${documentId}`);
    await crashing.close(true); // the process is gone: no completion, no lock renewal
    await connection.quit();
    const ds = t.app.get(DataSource);
    expect((await ds.query('SELECT status FROM documents WHERE id = $1', [documentId]))[0].status).toBe('pending');

    // Another worker process of the app (same database, queue and file store), checking for stalled jobs every second.
    worker = await createApp(
      testConfig({
        DATABASE_URL: t.databaseUrl,
        APP_MODE: 'worker',
        QUEUE_PREFIX: t.config.queuePrefix,
        STORAGE_DIR: t.config.storageDir,
        WORKER_STALLED_MS: '1000',
      }),
    );
    const result = (await t.app.get(QueueService).waitFor('documents', `render.${documentId}`, 30_000)) as {
      sha256: string;
      skipped: boolean;
    };
    expect(result.skipped).toBe(false);
    const [doc] = await ds.query('SELECT status, sha256 FROM documents WHERE id = $1', [documentId]);
    expect(doc).toEqual({ status: 'rendered', sha256: result.sha256 });
    expect(
      await ds.query(`SELECT count(*)::int AS n FROM documents WHERE entity_id = $1 AND type = 'recovery_notice'`, [
        c.id,
      ]),
    ).toEqual([{ n: 1 }]);

    // The same records give the same file: rendered again from scratch, byte for byte (the rendered record is
    // final, so only the owner with the protections off can make it pending again).
    await repair(t.databaseName, (c) =>
      c.query(`UPDATE documents SET status = 'pending', sha256 = NULL WHERE id = $1`, [documentId]),
    );
    const again = await t.app.get(DocumentsService).render(documentId);
    expect(again.sha256).toBe(result.sha256);
    const dir = join(t.config.storageDir, result.sha256.slice(0, 2));
    expect(readdirSync(dir).filter((f) => f.startsWith(result.sha256))).toEqual([result.sha256]);
  });
});
