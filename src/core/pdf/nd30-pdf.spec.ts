import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import type { DocumentModel } from '../../shared/document-model.js';
import { renderNd30Pdf } from './nd30-pdf.js';

/** Layout checked by rendering (issue 18 §13): header names unbroken, the signature block never alone on a page. */
const FONT_DIR = process.env.FONT_DIR ?? '/usr/share/fonts/truetype/liberation2';
const model = (over: Partial<DocumentModel> = {}): DocumentModel => ({
  issuingBody: 'Trung tâm Phát triển quỹ đất huyện Cao Lộc',
  number: '05/TB-TTPTQĐ',
  place: 'Cao Lộc',
  date: '2024-06-01',
  kind: 'THÔNG BÁO',
  summary: 'Về việc chi trả tiền bồi thường, hỗ trợ',
  bases: [],
  decides: false,
  articles: [{ heading: '1.', paragraphs: ['Nội dung thông báo.'] }],
  signature: { lines: ['Giám đốc'], name: 'Lương Văn Thắng' },
  recipients: ['- Như trên;', '- Lưu: VT, TTPTQĐ.'],
  ...over,
});
const pages = async (m: DocumentModel) => {
  const { pdf } = await renderNd30Pdf(m, FONT_DIR, { title: 't', issuedOn: m.date });
  return execFileSync('pdftotext', ['-raw', '-', '-'], { input: pdf }).toString('utf8').split('\f').slice(0, -1);
};

describe('ND30 layout by rendering', () => {
  it.each([
    ['Trung tâm Phát triển quỹ đất huyện Cao Lộc', 'QUỸ ĐẤT HUYỆN CAO LỘC'],
    ['Ủy ban nhân dân huyện Cao Lộc', 'HUYỆN CAO LỘC'],
  ])('breaks the header "%s" between words, keeping "%s" on one line', async (body, kept) => {
    const [first] = await pages(model({ issuingBody: body }));
    const lines = first.split('\n').map((l) => l.trim());
    expect(lines.some((l) => l.includes(kept))).toBe(true);
    expect(lines.some((l) => /(CAO|QUỸ)$/.test(l))).toBe(false);
  });

  it('never leaves the signature block alone on a page, whatever the length of the text before it', async () => {
    const filler = 'Căn cứ văn bản có liên quan của cơ quan có thẩm quyền về bồi thường, hỗ trợ, tái định cư;';
    let pushedOver = 0;
    for (let n = 10; n <= 30; n++) {
      const ps = await pages(
        model({
          bases: Array.from({ length: n }, () => filler),
          articles: [
            { heading: '1.', paragraphs: ['Nội dung thứ nhất.'] },
            { heading: '2.', paragraphs: ['Điều khoản cuối cùng của văn bản này, trước chữ ký.'] },
          ],
        }),
      );
      const signed = ps.find((p) => p.includes('Nơi nhận:'))!;
      // The page with the signature also carries the last article's text.
      expect([n, signed.includes('Điều khoản cuối cùng')]).toEqual([n, true]);
      if (ps.indexOf(signed) > 0 && !ps[ps.indexOf(signed) - 1].includes('Điều khoản cuối cùng')) pushedOver++;
    }
    // Some lengths did need the last article moved to the signature's page.
    expect(pushedOver).toBeGreaterThan(0);
  });

  it.each([1, 2, 4, 5, 7])('minutes with %i participants print a signature box for each of them', async (n) => {
    const parties = [
      { title: 'Đại diện Trung tâm PTQĐ', name: 'Lương Văn Thắng' },
      { title: 'Đại diện UBND xã', name: 'Hoàng Thị Phương Thảo' },
      { title: 'Chủ hộ', name: 'Nông Văn Hai' },
      { title: 'Cán bộ địa chính xã', name: 'Vi Văn Đức' },
      { title: 'Trưởng thôn', name: 'Lộc Văn Sáu' },
      { title: 'Đại diện chủ đầu tư', name: 'Triệu Thị Bảy' },
      { title: 'Người làm chứng', name: 'Mã Văn Tám' },
    ].slice(0, n);
    const text = (await pages(model({ kind: 'BIÊN BẢN', signatories: parties }))).join('\n');
    const lines = text.split('\n').map((l) => l.trim());
    for (const p of parties) {
      // Each name whole on a line: its box is wide enough.
      expect([p.name, lines.some((l) => l.includes(p.name))]).toEqual([p.name, true]);
    }
    expect(text.match(/\(Ký, ghi rõ họ tên\)/g)?.length).toBe(n);
  });
});
