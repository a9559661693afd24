import ExcelJS from 'exceljs';

/**
 * The one door to exceljs. Reading gives plain cell values per sheet (row 1 first); writing takes plain rows.
 * Numbers cross into Excel as IEEE doubles, which Excel is; areas and quantities (≤ 4 decimals, ≤ 15 digits) read
 * back as the same decimal text, and money is written from integer đồng.
 */
export type CellValue = string | number | boolean | Date | null;

export async function readWorkbook(content: Buffer): Promise<Map<string, CellValue[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ArrayBuffer);
  const sheets = new Map<string, CellValue[][]>();
  wb.eachSheet((ws) => {
    const rows: CellValue[][] = [];
    // ws.columnCount walks every row: read it once, not per row (that made a 5,000-row import take 30 s).
    const width = ws.columnCount;
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: CellValue[] = [];
      for (let c = 1; c <= Math.max(row.cellCount, width); c++) cells.push(plain(row.getCell(c).value));
      rows[n - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    sheets.set(ws.name.normalize('NFC').trim(), rows);
  });
  return sheets;
}

function plain(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return plain(v.result);
    if ('text' in v) return String(v.text);
    if ('error' in v) return String(v.error);
  }
  return null;
}

export interface SheetSpec {
  name: string;
  columns: { header: string; width?: number; numFmt?: string; text?: boolean }[];
  rows: CellValue[][];
  /** Lines of guidance on a sheet of their own (no header styling). */
  notes?: boolean;
}

export async function writeWorkbook(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'GPMB';
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name, { views: spec.notes ? [] : [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = spec.columns.map((c) => ({
      header: c.header,
      width: c.width ?? Math.max(12, c.header.length + 2),
      style: c.text ? { numFmt: '@' } : c.numFmt ? { numFmt: c.numFmt } : {},
    }));
    if (!spec.notes) {
      ws.getRow(1).font = { bold: true };
      ws.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
    }
    for (const r of spec.rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
