import { Decimal } from 'decimal.js';
import { parseVnDecimal } from '../../../shared/vn-number.js';
import { ITEM_KIND_LABELS } from '../../inventory/domain/item-kinds.js';

/**
 * The case import workbook (templates/import/ho-so-kiem-dem.xlsx): three sheets, one header row each, linked by
 * "Mã hộ". Pure: takes cell values as the spreadsheet gave them and returns typed rows, or every problem found with
 * its sheet, row, column and a Vietnamese reason. The caller writes nothing unless there is no problem at all.
 */
export type Cell = string | number | boolean | Date | null;

export interface ImportProblem {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

export interface HouseholdRow {
  row: number;
  key: string;
  kind: 'household' | 'individual' | 'organisation';
  fullName: string;
  cccd: string | null;
  birthYear: number | null;
  address: string;
  commune: string;
  batch: string | null;
  poorHousehold: boolean;
  policyFamily: boolean;
  directlyFarming: boolean;
  memberCount: number;
}

export interface ParcelRow {
  row: number;
  key: string;
  commune: string;
  mapSheet: string;
  parcelNumber: string;
  landTypeCode: string;
  legalArea: string | null;
  measuredArea: string;
  recoveredArea: string;
  position: string;
  origin: string;
  eligible: boolean;
  certificateNumber: string;
}

export interface ItemRow {
  row: number;
  key: string;
  surveyedOn: string;
  kind: string;
  itemCode: string;
  description: string;
  quantity: string;
  unit: string;
  attributes: Record<string, string | number>;
  firstRecordedOn: string | null;
}

export const SHEETS = {
  households: {
    name: 'Hộ',
    columns: [
      'Mã hộ',
      'Loại',
      'Họ tên / Tên tổ chức',
      'Số CCCD',
      'Năm sinh',
      'Địa chỉ',
      'Xã',
      'Đợt',
      'Số nhân khẩu',
      'Hộ nghèo',
      'Gia đình chính sách',
      'Trực tiếp SXNN',
    ],
  },
  parcels: {
    name: 'Thửa đất',
    columns: [
      'Mã hộ',
      'Xã',
      'Số tờ',
      'Số thửa',
      'Loại đất',
      'DT theo GCN (m²)',
      'DT đo đạc (m²)',
      'DT thu hồi (m²)',
      'Vị trí',
      'Nguồn gốc',
      'Đủ ĐK bồi thường',
      'Số GCN',
    ],
  },
  items: {
    name: 'Kiểm đếm',
    columns: [
      'Mã hộ',
      'Ngày kiểm đếm',
      'Loại tài sản',
      'Mã hạng mục',
      'Mô tả',
      'Số lượng',
      'ĐVT',
      'Cấp / loại',
      'Năm xây dựng',
      'Chất lượng còn lại (%)',
      'Loài cây',
      'Cỡ / tuổi',
      'Ngày tạo lập',
    ],
  },
} as const;

export const KIND_LABELS: Record<HouseholdRow['kind'], string> = {
  household: 'Hộ gia đình',
  individual: 'Cá nhân',
  organisation: 'Tổ chức',
};
export { ITEM_KIND_LABELS };

const fold = (s: string) => s.normalize('NFC').trim().toLowerCase();
const byLabel = <T extends string>(labels: Record<T, string>, text: string): T | undefined =>
  (Object.keys(labels) as T[]).find((k) => fold(labels[k]) === fold(text) || k === text.trim());

class RowReader {
  constructor(
    private readonly sheet: string,
    private readonly columns: readonly string[],
    readonly row: number,
    private readonly cells: Cell[],
    private readonly problems: ImportProblem[],
  ) {}

  private cell(column: string): Cell {
    const v = this.cells[this.columns.indexOf(column)];
    return v === undefined || v === '' ? null : v;
  }

  problem(column: string, message: string): void {
    this.problems.push({ sheet: this.sheet, row: this.row, column, message });
  }

  text(column: string, opts: { required?: boolean; max?: number } = {}): string {
    const v = this.cell(column);
    const s = v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).normalize('NFC').trim();
    if (opts.required && !s) this.problem(column, 'Không được để trống.');
    if (opts.max && s.length > opts.max) this.problem(column, `Dài quá ${opts.max} ký tự.`);
    return s;
  }

  /** Areas and quantities: a number cell, or text typed the Vietnamese way ("20.000", "9222,1"). */
  decimal(column: string, opts: { required?: boolean; positive?: boolean } = {}): string | null {
    const v = this.cell(column);
    if (v === null) {
      if (opts.required) this.problem(column, 'Không được để trống.');
      return null;
    }
    let out: string | null = null;
    if (typeof v === 'number') {
      // The shortest text that reads back as the same number is what the clerk typed; never rounded here.
      out = Number.isFinite(v) && v >= 0 && !/e/i.test(String(v)) ? new Decimal(String(v)).toFixed() : null;
    } else if (typeof v === 'string') {
      out = parseVnDecimal(v);
    }
    if (out === null) {
      this.problem(column, `"${String(v)}" không phải là số (dùng dấu phẩy cho phần thập phân, ví dụ 9222,1).`);
      return null;
    }
    if (!/^\d{1,12}(\.\d{1,4})?$/.test(out)) {
      this.problem(column, 'Tối đa 12 chữ số phần nguyên và 4 chữ số thập phân.');
      return null;
    }
    if (opts.positive && new Decimal(out).lte(0)) this.problem(column, 'Phải lớn hơn 0.');
    return out;
  }

  integer(column: string, min: number, max: number): number | null {
    const d = this.decimal(column);
    if (d === null) return null;
    if (d.includes('.') || Number(d) < min || Number(d) > max) {
      this.problem(column, `Phải là số nguyên từ ${min} đến ${max}.`);
      return null;
    }
    return Number(d);
  }

  /** "x", "có", "1", TRUE mark a flag; empty, "không", "0", FALSE do not. */
  flag(column: string, fallback = false): boolean {
    const v = this.cell(column);
    if (v === null) return fallback;
    if (typeof v === 'boolean') return v;
    const s = fold(String(v));
    if (['x', 'có', 'co', '1', 'true'].includes(s)) return true;
    if (['không', 'khong', '0', 'false'].includes(s)) return false;
    this.problem(column, 'Ghi "x" (hoặc "có") nếu đúng, để trống nếu không.');
    return fallback;
  }

  /** A date cell, or "dd/mm/yyyy", or "yyyy-mm-dd". */
  date(column: string, opts: { required?: boolean } = {}): string | null {
    const v = this.cell(column);
    if (v === null) {
      if (opts.required) this.problem(column, 'Không được để trống.');
      return null;
    }
    let iso: string | null = null;
    if (v instanceof Date && !Number.isNaN(v.getTime())) iso = v.toISOString().slice(0, 10);
    else if (typeof v === 'string') {
      const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v.trim());
      if (vn) iso = `${vn[3]}-${vn[2].padStart(2, '0')}-${vn[1].padStart(2, '0')}`;
      else if (/^\d{4}-\d{2}-\d{2}$/.test(v.trim())) iso = v.trim();
    }
    if (
      !iso ||
      Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) ||
      new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) !== iso
    ) {
      this.problem(column, `"${v instanceof Date ? '' : String(v)}" không phải là ngày hợp lệ (dd/mm/yyyy).`);
      return null;
    }
    return iso;
  }
}

export interface ParsedWorkbook {
  households: HouseholdRow[];
  parcels: ParcelRow[];
  items: ItemRow[];
  problems: ImportProblem[];
}

/** `sheets` maps a sheet name to its rows (row 1 = header); row numbers in problems are the spreadsheet's. */
export function parseImportWorkbook(sheets: Map<string, Cell[][]>): ParsedWorkbook {
  const problems: ImportProblem[] = [];
  const readSheet = <S extends (typeof SHEETS)[keyof typeof SHEETS]>(spec: S, required: boolean): RowReader[] => {
    const rows = sheets.get(spec.name);
    if (!rows) {
      if (required)
        problems.push({ sheet: spec.name, row: 0, column: '', message: `Thiếu trang tính "${spec.name}".` });
      return [];
    }
    const header = (rows[0] ?? []).map((c) => (c === null ? '' : String(c).normalize('NFC').trim()));
    spec.columns.forEach((col, i) => {
      if (header[i] !== col) {
        problems.push({
          sheet: spec.name,
          row: 1,
          column: col,
          message: `Cột ${i + 1} phải có tiêu đề "${col}" (đang là "${header[i] ?? ''}"). Dùng đúng mẫu.`,
        });
      }
    });
    return rows
      .map((cells, i) => ({ cells, row: i + 1 }))
      .slice(1)
      .filter(({ cells }) => cells.some((c) => c !== null && c !== ''))
      .map(({ cells, row }) => new RowReader(spec.name, spec.columns, row, cells, problems));
  };

  const households: HouseholdRow[] = [];
  const keys = new Map<string, number>();
  const cccds = new Map<string, number>();
  for (const r of readSheet(SHEETS.households, true)) {
    const key = r.text('Mã hộ', { required: true, max: 40 });
    if (key && keys.has(key)) r.problem('Mã hộ', `Trùng với dòng ${keys.get(key)}.`);
    keys.set(key, r.row);
    const kindText = r.text('Loại', { required: true });
    const kind = byLabel(KIND_LABELS, kindText);
    if (kindText && !kind)
      r.problem('Loại', `"${kindText}" phải là một trong: ${Object.values(KIND_LABELS).join(', ')}.`);
    const cccd = r.text('Số CCCD');
    if (cccd && !/^\d{12}$/.test(cccd))
      r.problem('Số CCCD', 'Số CCCD phải gồm đúng 12 chữ số (định dạng ô là Văn bản để giữ số 0 đầu).');
    if (!cccd && kind && kind !== 'organisation') r.problem('Số CCCD', 'Hộ gia đình, cá nhân phải có số CCCD.');
    if (cccd && cccds.has(cccd)) r.problem('Số CCCD', `Trùng với dòng ${cccds.get(cccd)}.`);
    if (cccd) cccds.set(cccd, r.row);
    households.push({
      row: r.row,
      key,
      kind: kind ?? 'household',
      fullName: r.text('Họ tên / Tên tổ chức', { required: true, max: 300 }),
      cccd: cccd || null,
      birthYear: r.integer('Năm sinh', 1900, 2100),
      address: r.text('Địa chỉ', { max: 500 }),
      commune: r.text('Xã', { required: true }),
      batch: r.text('Đợt', { max: 20 }) || null,
      memberCount: r.integer('Số nhân khẩu', 0, 50) ?? 0,
      poorHousehold: r.flag('Hộ nghèo'),
      policyFamily: r.flag('Gia đình chính sách'),
      directlyFarming: r.flag('Trực tiếp SXNN'),
    });
  }

  const parcels: ParcelRow[] = [];
  const parcelKeys = new Map<string, number>();
  for (const r of readSheet(SHEETS.parcels, false)) {
    const key = r.text('Mã hộ', { required: true });
    if (key && !keys.has(key)) r.problem('Mã hộ', `Không có hộ mã "${key}" trong trang "${SHEETS.households.name}".`);
    const mapSheet = r.text('Số tờ', { required: true });
    const parcelNumber = r.text('Số thửa', { required: true });
    for (const [col, v] of [
      ['Số tờ', mapSheet],
      ['Số thửa', parcelNumber],
    ] as const) {
      if (v && !/^[0-9]{1,6}([a-zA-Z]|-[0-9]{1,4})?$/.test(v))
        r.problem(col, `"${v}" không phải số tờ/số thửa hợp lệ (ví dụ 85, 85a, 12-1).`);
    }
    const commune = r.text('Xã', { required: true });
    const natural = `${fold(commune)}|${mapSheet}|${parcelNumber}`;
    if (mapSheet && parcelNumber && parcelKeys.has(natural))
      r.problem('Số thửa', `Thửa này đã có ở dòng ${parcelKeys.get(natural)}: một thửa không thể thu hồi hai lần.`);
    parcelKeys.set(natural, r.row);
    const landTypeCode = r.text('Loại đất', { required: true }).toUpperCase();
    const measuredArea = r.decimal('DT đo đạc (m²)', { required: true, positive: true });
    const recoveredArea = r.decimal('DT thu hồi (m²)', { required: true, positive: true });
    if (measuredArea && recoveredArea && new Decimal(recoveredArea).gt(measuredArea)) {
      r.problem(
        'DT thu hồi (m²)',
        `Diện tích thu hồi (${recoveredArea} m²) lớn hơn diện tích thửa (${measuredArea} m²).`,
      );
    }
    parcels.push({
      row: r.row,
      key,
      commune,
      mapSheet,
      parcelNumber,
      landTypeCode,
      legalArea: r.decimal('DT theo GCN (m²)'),
      measuredArea: measuredArea ?? '0',
      recoveredArea: recoveredArea ?? '0',
      position: r.text('Vị trí', { max: 40 }),
      origin: r.text('Nguồn gốc', { max: 500 }),
      eligible: r.flag('Đủ ĐK bồi thường', true),
      certificateNumber: r.text('Số GCN', { max: 40 }),
    });
  }

  const items: ItemRow[] = [];
  for (const r of readSheet(SHEETS.items, false)) {
    const key = r.text('Mã hộ', { required: true });
    if (key && !keys.has(key)) r.problem('Mã hộ', `Không có hộ mã "${key}" trong trang "${SHEETS.households.name}".`);
    const kindText = r.text('Loại tài sản', { required: true });
    const kind = byLabel(ITEM_KIND_LABELS, kindText);
    if (kindText && !kind)
      r.problem('Loại tài sản', `"${kindText}" phải là một trong: ${Object.values(ITEM_KIND_LABELS).join(', ')}.`);
    const itemCode = r.text('Mã hạng mục', { required: true, max: 40 });
    if (itemCode && !/^[A-Za-z0-9._-]{1,40}$/.test(itemCode))
      r.problem('Mã hạng mục', 'Mã hạng mục gồm chữ, số, dấu chấm, gạch.');
    const attributes: Record<string, string | number> = {};
    const grade = r.text('Cấp / loại', { max: 60 });
    if (grade) attributes.grade = grade;
    const yearBuilt = r.integer('Năm xây dựng', 1900, 2100);
    if (yearBuilt !== null) attributes.yearBuilt = yearBuilt;
    const quality = r.integer('Chất lượng còn lại (%)', 0, 100);
    if (quality !== null) attributes.qualityPercent = quality;
    const species = r.text('Loài cây', { max: 100 });
    if (species) attributes.species = species;
    const size = r.text('Cỡ / tuổi', { max: 60 });
    if (size) attributes.sizeClass = size;
    items.push({
      row: r.row,
      key,
      surveyedOn: r.date('Ngày kiểm đếm', { required: true }) ?? '',
      kind: kind ?? 'structure',
      itemCode,
      description: r.text('Mô tả', { required: true, max: 500 }),
      quantity: r.decimal('Số lượng', { required: true }) ?? '0',
      unit: r.text('ĐVT', { required: true, max: 16 }),
      attributes,
      firstRecordedOn: r.date('Ngày tạo lập'),
    });
  }
  return { households, parcels, items, problems };
}
