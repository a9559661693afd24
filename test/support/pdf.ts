import { execFileSync } from 'node:child_process';
import { QueueService } from '../../src/core/queue/queue.service.js';
import type { TestApp } from './test-app.js';

/** A document's PDF once a worker has rendered it, as text (pdftotext, whitespace collapsed) and its page info. */
export async function documentText(
  t: TestApp,
  documentId: string,
  auth: string,
): Promise<{ text: string; info: string }> {
  await t.app.get(QueueService).waitFor('documents', `render.${documentId}`, 60_000);
  const res = await t
    .http()
    .get(`/api/v1/documents/${documentId}/file`)
    .set('Authorization', auth)
    .buffer(true)
    .parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (d: Buffer) => chunks.push(d));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  if (res.status !== 200) throw new Error(`document ${documentId}: HTTP ${res.status}`);
  const pdf = res.body as Buffer;
  return {
    text: execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, ' '),
    info: execFileSync('pdfinfo', ['-'], { input: pdf }).toString('utf8'),
  };
}
