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
  const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, ' ');
  const bad = numbersNotWrittenTheVietnameseWay(text);
  if (bad.length) throw new Error(`document ${documentId}: numbers not written the Vietnamese way: ${bad.join(' | ')}`);
  return { text, info: execFileSync('pdfinfo', ['-'], { input: pdf }).toString('utf8') };
}

/**
 * Numbers in a document's text as a văn thư reads them (issue 18 §13): "70,00 %", "1.000 đồng", "65,5 m²",
 * "01/06/2024" — never "70.00 %", "1000 đồng", "65.5 m²" or "2024-06-01". Every document a test fetches through
 * `documentText` is checked; the answer lists each offending passage with a little context.
 */
export function numbersNotWrittenTheVietnameseWay(text: string): string[] {
  const rules: [string, RegExp][] = [
    ['percent with a decimal point', /\d\.\d+ ?%/gu],
    // (not "…/2024 đồng ý", "đồng thời": a year before a verb)
    ['money without thousands dots', /(?<![\d.,/])\d{4,} ?(đồng(?! (ý|thời))|đ(?!\p{L}))/gu],
    ['area with a decimal point', /(?<![\d.,])\d+\.(\d{1,2}|\d{4,}) ?(m2|m²|ha)(?!\p{L})/gu],
    ['ISO date', /(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/gu],
  ];
  return rules.flatMap(([rule, re]) =>
    [...text.matchAll(re)].map(
      (m) => `${rule}: "…${text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 10)}…"`,
    ),
  );
}
