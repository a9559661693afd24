import PDFDocument from 'pdfkit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChartModel, DocumentModel } from '../../shared/document-model.js';
import { vnLongDate } from '../../shared/vn-words.js';
import { headerLines } from './header-lines.js';

/**
 * The one door to pdfkit: lays out a DocumentModel per Nghị định 30/2020/NĐ-CP Phụ lục I — A4 portrait (appendix
 * tables landscape), margins top/bottom 20 mm, left 30 mm, right 15 mm; Liberation Serif (Times-metric, full
 * Vietnamese) embedded; the two-column header with its rules; Số and địa danh, ngày on one line; title and trích yếu;
 * căn cứ in italics; Điều 1, 2, 3; signature block and Nơi nhận; page numbers from page 2; tables whose header row
 * repeats on every page.
 */
const MM = 72 / 25.4;
/** Signature boxes of a minutes side by side: three fit the 165 mm text width with a name under each. */
const SIGNATORIES_PER_ROW = 3;
export const ND30_MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const FONTS = {
  regular: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italic: 'LiberationSerif-Italic.ttf',
  boldItalic: 'LiberationSerif-BoldItalic.ttf',
};

/** Font files are read once per process (and per font folder): the first lever noted in performance-notes.md. */
const fontCache = new Map<string, Record<keyof typeof FONTS, Buffer>>();
function fonts(dir: string) {
  let f = fontCache.get(dir);
  if (!f) {
    f = Object.fromEntries(Object.entries(FONTS).map(([k, file]) => [k, readFileSync(join(dir, file))])) as Record<
      keyof typeof FONTS,
      Buffer
    >;
    fontCache.set(dir, f);
  }
  return f;
}

export async function renderNd30Pdf(
  model: DocumentModel,
  fontDir: string,
  meta: { title: string; issuedOn: string },
): Promise<{ pdf: Buffer; pages: number }> {
  // The creation date is the document's date, not the render time (pdfkit also derives the file ID from it): the
  // same records give the same bytes, so a retried or repeated render stores the same file.
  const info = {
    Title: meta.title,
    Producer: 'GPMB',
    Creator: 'GPMB',
    CreationDate: new Date(`${meta.issuedOn}T00:00:00Z`),
  };
  const doc = new PDFDocument({ size: 'A4', margins: ND30_MARGINS, bufferPages: true, autoFirstPage: true, info });
  const f = fonts(fontDir);
  for (const [name, data] of Object.entries(f)) doc.registerFont(name, data);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));

  const left = ND30_MARGINS.left;
  const width = doc.page.width - ND30_MARGINS.left - ND30_MARGINS.right;
  const leftCol = width * 0.42;
  const rightCol = width - leftCol;
  const top = ND30_MARGINS.top;

  // Header, left column: parent body (upright), issuing body (bold), a short rule, then Số.
  // A name is broken between its words, never inside one or inside a place name (header-lines.ts).
  let yl = top;
  const headerText = (text: string, font: keyof typeof FONTS) => {
    doc.font(font).fontSize(12);
    for (const line of headerLines(text.toUpperCase(), leftCol - 4, (t) => doc.widthOfString(t))) {
      doc.text(line, left, yl, { width: leftCol, align: 'center', lineBreak: false });
      yl += doc.currentLineHeight(true);
    }
  };
  if (model.parentBody) headerText(model.parentBody, 'regular');
  headerText(model.issuingBody, 'bold');
  yl += 2;
  const ruleL = leftCol / 3;
  doc
    .moveTo(left + (leftCol - ruleL) / 2, yl)
    .lineTo(left + (leftCol + ruleL) / 2, yl)
    .lineWidth(0.6)
    .stroke();
  // Header, right column: Quốc hiệu and Tiêu ngữ, the motto underlined by a rule as long as it.
  let yr = top;
  doc
    .font('bold')
    .fontSize(12)
    .text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', left + leftCol, yr, { width: rightCol, align: 'center' });
  yr = doc.y;
  doc.font('bold').fontSize(13);
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  doc.text(motto, left + leftCol, yr, { width: rightCol, align: 'center' });
  const mw = doc.widthOfString(motto);
  yr = doc.y + 2;
  doc
    .moveTo(left + leftCol + (rightCol - mw) / 2, yr)
    .lineTo(left + leftCol + (rightCol + mw) / 2, yr)
    .lineWidth(0.6)
    .stroke();
  // Số (centred under the issuing body) and the place and date (italic, under the motto) on one line.
  const yLine = Math.max(yl, yr) + 8;
  doc.font('regular').fontSize(13).text(`Số: ${model.number}`, left, yLine, { width: leftCol, align: 'center' });
  doc
    .font('italic')
    .fontSize(13)
    .text(`${model.place}, ${vnLongDate(model.date)}`, left + leftCol, yLine, { width: rightCol, align: 'center' });

  // Title and trích yếu, with a short rule under it.
  doc.moveDown(1.6);
  doc.font('bold').fontSize(14).text(model.kind.toUpperCase(), left, doc.y, { width, align: 'center' });
  doc
    .font('bold')
    .fontSize(14)
    .text(model.summary, left + width * 0.1, doc.y, { width: width * 0.8, align: 'center' });
  const ys = doc.y + 5;
  doc
    .moveTo(left + width / 2 - width / 8, ys)
    .lineTo(left + width / 2 + width / 8, ys)
    .lineWidth(0.6)
    .stroke();
  doc.moveDown(1);
  if (model.authority) {
    doc.font('bold').fontSize(14).text(model.authority.toUpperCase(), left, doc.y, { width, align: 'center' });
    doc.moveDown(0.6);
  }

  const para = (text: string, font: keyof typeof FONTS = 'regular') =>
    doc
      .font(font)
      .fontSize(14)
      .text(text, left, doc.y, { width, align: 'justify', indent: 10 * MM, paragraphGap: 6, lineGap: 1.5 });
  for (const b of model.bases) para(b, 'italic');
  if (model.proposal) para(model.proposal, 'italic');
  if (model.decides) {
    doc.moveDown(0.4);
    doc.font('bold').fontSize(14).text('QUYẾT ĐỊNH:', left, doc.y, { width, align: 'center' });
    doc.moveDown(0.4);
  }
  for (const [n, a] of model.articles.entries()) {
    // The signature block never stands alone on a page: the last article goes over with it when both do not fit.
    if (n === model.articles.length - 1 && !model.signatories?.length) keepWithSignature(doc, model, a, left, width);
    doc
      .font('bold')
      .fontSize(14)
      .text(`${a.heading}\u00a0`, left, doc.y, {
        width,
        align: 'justify',
        indent: 10 * MM,
        paragraphGap: 6,
        continued: a.paragraphs.length > 0,
      });
    a.paragraphs.forEach((p, i) => {
      if (i === 0) doc.font('regular').text(p, { align: 'justify', paragraphGap: 6, lineGap: 1.5 });
      else para(p);
    });
    if (a.chart) chart(doc, a.chart, left, width);
  }

  if (model.signatories?.length) {
    signatories(doc, model.signatories, left, width);
  } else {
    signatureBlock(doc, model, left, leftCol, rightCol);
  }

  if (model.appendix) appendix(doc, model);

  // Page numbers from page 2, centred in the top margin (Phụ lục I).
  const range = doc.bufferedPageRange();
  for (let i = 1; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const w = doc.page.width;
    doc
      .font('regular')
      .fontSize(13)
      .text(String(i + 1), 0, 8 * MM, { width: w, align: 'center', lineBreak: false });
  }
  doc.end();
  await done;
  return { pdf: Buffer.concat(chunks), pages: range.count };
}

const DAY_MS = 86_400_000;
const dayOf = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY_MS;

/**
 * A step line of the cumulative share over time, 0–100 % with gridlines, month ticks, the targets as diamonds with
 * their labels, and a legend. Coordinates are drawing units (floats are fine here); the figures come in as text.
 */
function chart(doc: PDFKit.PDFDocument, c: ChartModel, left: number, width: number): void {
  const height = 75 * MM;
  if (doc.y + height + 20 * MM > doc.page.height - ND30_MARGINS.bottom) doc.addPage();
  doc
    .font('bold')
    .fontSize(12)
    .text(c.title, left, doc.y + 4, { width, align: 'center' });
  const top = doc.y + 4;
  const axisLeft = left + 12 * MM;
  const plotW = width - 14 * MM;
  const plotH = height - 22 * MM;
  const x0 = dayOf(c.from);
  const x1 = Math.max(dayOf(c.to), ...c.targets.map((t) => dayOf(t.date)), x0 + 1);
  const X = (d: string) => axisLeft + ((dayOf(d) - x0) / (x1 - x0)) * plotW;
  const Y = (p: string | number) => top + plotH - (Math.min(100, Number(p)) / 100) * plotH;
  doc.save().lineWidth(0.4).strokeColor('#999999');
  for (const p of [0, 25, 50, 75, 100]) {
    doc
      .moveTo(axisLeft, Y(p))
      .lineTo(axisLeft + plotW, Y(p))
      .stroke();
    doc
      .font('regular')
      .fontSize(9)
      .fillColor('#000000')
      .text(`${p}`, left, Y(p) - 4, { width: 10 * MM, align: 'right', lineBreak: false });
  }
  doc.restore();
  // Month ticks, thinned to at most 12 labels.
  const start = new Date(x0 * DAY_MS);
  const months: string[] = [];
  for (
    let m = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    m.getTime() / DAY_MS <= x1;
    m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))
  ) {
    months.push(m.toISOString().slice(0, 10));
  }
  const every = Math.max(1, Math.ceil(months.length / 12));
  months.forEach((m, i) => {
    doc
      .save()
      .lineWidth(0.4)
      .strokeColor('#000000')
      .moveTo(X(m), top + plotH)
      .lineTo(X(m), top + plotH + 3)
      .stroke()
      .restore();
    if (i % every === 0)
      doc
        .font('regular')
        .fontSize(8)
        .text(`${m.slice(5, 7)}/${m.slice(2, 4)}`, X(m) - 8 * MM, top + plotH + 4, {
          width: 16 * MM,
          align: 'center',
          lineBreak: false,
        });
  });
  doc
    .save()
    .lineWidth(0.8)
    .strokeColor('#000000')
    .moveTo(axisLeft, top)
    .lineTo(axisLeft, top + plotH)
    .lineTo(axisLeft + plotW, top + plotH)
    .stroke()
    .restore();
  // The share handed over: constant between handover days, so a step line.
  if (c.points.length) {
    doc.save().lineWidth(1.6).strokeColor('#1f4e9c');
    doc.moveTo(X(c.points[0].date), Y(c.points[0].percent));
    for (let i = 1; i < c.points.length; i++)
      doc.lineTo(X(c.points[i].date), Y(c.points[i - 1].percent)).lineTo(X(c.points[i].date), Y(c.points[i].percent));
    doc.stroke().restore();
  }
  for (const t of c.targets) {
    const x = X(t.date);
    const y = Y(t.percent);
    doc
      .save()
      .fillColor('#c0392b')
      .moveTo(x, y - 4)
      .lineTo(x + 4, y)
      .lineTo(x, y + 4)
      .lineTo(x - 4, y)
      .closePath()
      .fill()
      .restore();
    // Labels of high targets go under their marker, clear of the title.
    doc
      .font('italic')
      .fontSize(9)
      .fillColor('#000000')
      .text(t.label, Math.min(x - 20 * MM, axisLeft + plotW - 40 * MM), Number(t.percent) >= 90 ? y + 6 : y - 14, {
        width: 40 * MM,
        align: 'center',
        lineBreak: false,
      });
  }
  const legendY = top + plotH + 12;
  doc
    .save()
    .lineWidth(1.6)
    .strokeColor('#1f4e9c')
    .moveTo(axisLeft, legendY + 4)
    .lineTo(axisLeft + 10 * MM, legendY + 4)
    .stroke()
    .restore();
  doc
    .font('regular')
    .fontSize(9)
    .fillColor('#000000')
    .text(c.lineLabel, axisLeft + 12 * MM, legendY, { lineBreak: false });
  if (c.targets.length) {
    const lx = axisLeft + plotW / 2 + 10 * MM;
    doc
      .save()
      .fillColor('#c0392b')
      .moveTo(lx, legendY)
      .lineTo(lx + 4, legendY + 4)
      .lineTo(lx, legendY + 8)
      .lineTo(lx - 4, legendY + 4)
      .closePath()
      .fill()
      .restore();
    doc
      .font('regular')
      .fontSize(9)
      .fillColor('#000000')
      .text('Mục tiêu tiến độ', lx + 8, legendY, { lineBreak: false });
  }
  doc.x = left;
  doc.y = top + height;
  doc.font('regular').fontSize(14);
}

/**
 * Minutes: every participant signs (the biên bản kiểm đếm is signed by the household, the UBND xã and the Center,
 * LĐĐ 2013 Đ69 k1 c), so each gets a box — title in bold caps, room to sign, the name — at most three to a row, rows
 * balanced (5 → 3 + 2) and centred; a row never splits across pages.
 */
function signatories(
  doc: PDFKit.PDFDocument,
  parties: { title: string; name: string }[],
  left: number,
  width: number,
): void {
  const rows = Math.ceil(parties.length / SIGNATORIES_PER_ROW);
  const perRow = Math.ceil(parties.length / rows);
  const w = width / Math.min(perRow, SIGNATORIES_PER_ROW);
  for (let r = 0; r < rows; r++) {
    const row = parties.slice(r * perRow, (r + 1) * perRow);
    if (doc.y + 130 > doc.page.height - ND30_MARGINS.bottom) doc.addPage();
    const y = doc.y + 12;
    const x0 = left + (width - row.length * w) / 2;
    let captionBottom = y;
    row.forEach((p, i) => {
      doc
        .font('bold')
        .fontSize(13)
        .text(p.title.toUpperCase(), x0 + i * w, y, { width: w - 6, align: 'center' });
      doc
        .font('italic')
        .fontSize(12)
        .text('(Ký, ghi rõ họ tên)', x0 + i * w, doc.y, { width: w - 6, align: 'center' });
      captionBottom = Math.max(captionBottom, doc.y);
    });
    // Room to sign under the longest caption of the row, then the names on one line.
    const nameY = Math.max(y + 90, captionBottom + 50);
    row.forEach((p, i) => {
      doc
        .font('bold')
        .fontSize(13)
        .text(p.name, x0 + i * w, nameY, { width: w - 6, align: 'center' });
    });
    doc.y = nameY + 30;
  }
  doc.x = left;
}

/** Height of the signature block with Nơi nhận beside it (as `signatureBlock` lays them out). */
const signatureHeight = (model: DocumentModel) =>
  40 + model.signature.lines.length * 18 + Math.max(60, model.recipients.length * 14);

/**
 * A new page before the last article when the signature block would not fit after it on this page: the block then
 * follows the article's text instead of standing alone on the next page (the estimate may err; the page never does).
 */
function keepWithSignature(
  doc: PDFKit.PDFDocument,
  model: DocumentModel,
  a: DocumentModel['articles'][number],
  left: number,
  width: number,
): void {
  const bottom = doc.page.height - ND30_MARGINS.bottom;
  doc.font('regular').fontSize(14);
  const article =
    doc.heightOfString(`${a.heading} ${a.paragraphs.join('\n')}`, { width, lineGap: 1.5, indent: 10 * MM }) +
    a.paragraphs.length * 6 +
    (a.chart ? 240 : 0);
  // (A last article longer than half a page is left to run over: the block then follows its end anyway.)
  const half = (bottom - ND30_MARGINS.top) / 2;
  if (article < half && doc.y + article + signatureHeight(model) + 10 > bottom) doc.addPage();
  doc.x = left;
}

/** Signature block (right) and Nơi nhận (left), side by side; they move to a new page together if needed. */
function signatureBlock(
  doc: PDFKit.PDFDocument,
  model: DocumentModel,
  left: number,
  leftCol: number,
  rightCol: number,
): void {
  if (doc.y + signatureHeight(model) > doc.page.height - ND30_MARGINS.bottom) doc.addPage();
  const yb = doc.y + 10;
  doc.font('boldItalic').fontSize(12).text('Nơi nhận:', left, yb, { width: leftCol });
  doc.font('regular').fontSize(11);
  for (const r of model.recipients) doc.text(r, left, doc.y, { width: leftCol });
  const recipientsEnd = doc.y;
  let ysig = yb;
  doc.font('bold').fontSize(14);
  for (const line of model.signature.lines) {
    doc.text(line.toUpperCase(), left + leftCol, ysig, { width: rightCol, align: 'center' });
    ysig = doc.y;
  }
  doc
    .font('bold')
    .fontSize(14)
    .text(model.signature.name, left + leftCol, ysig + 60, { width: rightCol, align: 'center' });
  doc.y = Math.max(doc.y, recipientsEnd);
}

function appendix(doc: PDFKit.PDFDocument, model: DocumentModel): void {
  const a = model.appendix!;
  doc.addPage({
    size: 'A4',
    layout: 'landscape',
    margins: { top: ND30_MARGINS.top, bottom: ND30_MARGINS.bottom, left: 20 * MM, right: 15 * MM },
  });
  const left = 20 * MM;
  const width = doc.page.width - left - 15 * MM;
  doc.font('bold').fontSize(14).text('PHỤ LỤC', left, doc.y, { width, align: 'center' });
  doc.font('bold').fontSize(13).text(a.title.toUpperCase(), left, doc.y, { width, align: 'center' });
  doc.font('italic').fontSize(13).text(a.note, left, doc.y, { width, align: 'center' });
  doc.moveDown(0.8);
  const widths = a.columns.map((c) => (c.width / a.columns.reduce((s, x) => s + x.width, 0)) * width);
  const row = (cells: string[], font: 'regular' | 'bold') => {
    doc.font(font).fontSize(10.5);
    const heights = cells.map((c, i) => doc.heightOfString(c, { width: widths[i] - 6 }));
    const h = Math.max(...heights) + 6;
    return {
      h,
      draw: (y: number) => {
        let x = left;
        cells.forEach((c, i) => {
          doc.rect(x, y, widths[i], h).lineWidth(0.5).stroke();
          doc
            .font(font)
            .fontSize(10.5)
            .text(c, x + 3, y + 3, { width: widths[i] - 6, align: a.columns[i].align ?? 'left' });
          x += widths[i];
        });
        doc.y = y + h;
      },
    };
  };
  const header = row(
    a.columns.map((c) => c.header),
    'bold',
  );
  header.draw(doc.y);
  const bottom = () => doc.page.height - ND30_MARGINS.bottom;
  for (const cells of [...a.rows, ...(a.totals ? [a.totals] : [])]) {
    const r = row(cells, cells === a.totals ? 'bold' : 'regular');
    if (doc.y + r.h > bottom()) {
      // Tables break across pages with their header row repeated.
      doc.addPage({
        size: 'A4',
        layout: 'landscape',
        margins: { top: ND30_MARGINS.top, bottom: ND30_MARGINS.bottom, left: 20 * MM, right: 15 * MM },
      });
      header.draw(doc.y);
    }
    r.draw(doc.y);
  }
}
