import { Decimal } from 'decimal.js';

/**
 * A price book (bảng đơn giá, giá đất cụ thể, mức hỗ trợ) as data: dated, cited, validated as a whole before it can
 * be used. Money is integer đồng in strings; areas, quantities, percentages and multipliers are decimal strings.
 * Every entry carries the legal basis the computed lines will cite.
 */
export interface Cited {
  basis: string;
}

export interface LandPriceEntry extends Cited {
  landTypeCode: string;
  /** Commune code, or "*" for every commune in the book's scope. */
  commune: string;
  /** Vị trí / khu vực, e.g. "VT1"; "*" for any. */
  position: string;
  /** Đồng per m² (giá đất cụ thể, or table price × coefficient already applied). */
  pricePerM2: string;
}

export interface UnitPriceEntry extends Cited {
  itemCode: string;
  description: string;
  unit: string;
  /** Đồng per unit, new-build value for structures. */
  unitPrice: string;
}

export interface StructureEntry extends UnitPriceEntry {
  /** "house": houses and living structures (100 % of new-build value); "other": remaining value + x %. */
  kind: 'house' | 'other';
  /** Depreciation life T in years, for "other" structures without an assessed remaining quality. */
  lifeYears?: number;
}

export interface CropEntry extends UnitPriceEntry {
  /** Standard density in plants per m², where a rule pays the excess at a lower rate. */
  standardDensityPerM2?: string;
  /** Share of the standard density paid in full, e.g. "150" (%). */
  fullRateUpToPercent?: string;
  /** Rate for plants beyond it, e.g. "30" (%). */
  excessRatePercent?: string;
}

export interface StabilisationBand {
  /** Share of the household's agricultural land in the commune that is recovered, in %. */
  fromPercent: string;
  /** Upper bound in %, null for "and above". */
  toPercent: string | null;
  /** Whether the lower bound itself belongs to the band (NĐ 88: 30 % is in the 30–70 % band). */
  fromInclusive: boolean;
  months: { stay: number; relocate: number; relocateDifficult: number };
}

export interface PolicyParameters {
  ricePricePerKg: Cited & { value: string };
  riceKgPerPersonMonth: Cited & { value: string };
  stabilisation: Cited & { bands: StabilisationBand[] };
  jobChangeMultiplier: Cited & { value: string };
  /** Hạn mức giao đất nông nghiệp per land group, m². */
  allocationLimitM2: Cited & { annual: string; perennial: string; forest: string; aquaculture: string };
  /** Chi phí đầu tư vào đất còn lại for agricultural land beyond the limit, đồng/m². */
  remainingInvestmentPerM2: Cited & { value: string };
  structureTopUpPercent: Cited & { value: string };
  minResettlementUnitValue: Cited & { value: string };
  selfArrangedHousingSupport: Cited & { value: string };
  relocationSupport: Cited & { value: string };
  /** Early-handover bonus: share of the compensation total, bounded (used by handover). */
  earlyHandoverBonus: Cited & { percent: string; min: string; max: string; withinDays: number };
  /** Rounding of a household's total, once: to a multiple of `unit` đồng. */
  rounding: Cited & { unit: string; mode: 'up' | 'half_up' | 'down' };
}

export interface PriceBookContent {
  landPrices: LandPriceEntry[];
  structures: StructureEntry[];
  crops: CropEntry[];
  livestock: UnitPriceEntry[];
  graves: UnitPriceEntry[];
  moving: UnitPriceEntry[];
  policy: Partial<PolicyParameters>;
}

export interface BookFinding {
  path: string;
  code: string;
  message: string;
}

const DONG = /^(0|[1-9]\d{0,15})$/;
const DEC = /^(0|[1-9]\d{0,11})(\.\d{1,6})?$/;

/**
 * Validates a whole book before activation: every price an integer amount of đồng, every entry cited, no key twice,
 * every policy parameter present, stabilisation bands that do not overlap. Returns the findings (empty when valid).
 */
export function validatePriceBook(c: PriceBookContent): BookFinding[] {
  const f: BookFinding[] = [];
  const need = (ok: boolean, path: string, code: string, message: string) => {
    if (!ok) f.push({ path, code, message });
  };
  const cited = (e: Cited, path: string) =>
    need(!!e.basis?.trim(), `${path}.basis`, 'PRICE_BOOK.BASIS_MISSING', 'Thiếu căn cứ pháp lý.');
  const unique = <T>(rows: T[], key: (r: T) => string, path: string) => {
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      const k = key(r);
      need(!seen.has(k), `${path}[${i}]`, 'PRICE_BOOK.DUPLICATE_ENTRY', `Trùng mục "${k}".`);
      seen.add(k);
    });
  };
  c.landPrices.forEach((e, i) => {
    const p = `landPrices[${i}]`;
    need(DONG.test(e.pricePerM2), `${p}.pricePerM2`, 'PRICE_BOOK.AMOUNT_INVALID', 'Giá đất phải là số nguyên đồng/m².');
    need(
      /^[A-Z]{3}$/.test(e.landTypeCode),
      `${p}.landTypeCode`,
      'PRICE_BOOK.LAND_TYPE_INVALID',
      'Mã loại đất gồm 3 chữ in hoa.',
    );
    cited(e, p);
  });
  unique(c.landPrices, (e) => `${e.landTypeCode}|${e.commune}|${e.position}`, 'landPrices');
  for (const [name, rows] of [
    ['structures', c.structures],
    ['crops', c.crops],
    ['livestock', c.livestock],
    ['graves', c.graves],
    ['moving', c.moving],
  ] as const) {
    (rows as UnitPriceEntry[]).forEach((e, i) => {
      const p = `${name}[${i}]`;
      need(DONG.test(e.unitPrice), `${p}.unitPrice`, 'PRICE_BOOK.AMOUNT_INVALID', 'Đơn giá phải là số nguyên đồng.');
      need(!!e.itemCode && !!e.unit, p, 'PRICE_BOOK.ENTRY_INCOMPLETE', 'Thiếu mã hạng mục hoặc đơn vị tính.');
      cited(e, p);
    });
    unique(rows as UnitPriceEntry[], (e) => e.itemCode, name);
  }
  c.structures.forEach((e, i) => {
    need(
      e.kind === 'house' || e.kind === 'other',
      `structures[${i}].kind`,
      'PRICE_BOOK.ENTRY_INCOMPLETE',
      'Loại công trình phải là house hoặc other.',
    );
    if (e.lifeYears !== undefined)
      need(
        Number.isInteger(e.lifeYears) && e.lifeYears > 0,
        `structures[${i}].lifeYears`,
        'PRICE_BOOK.ENTRY_INCOMPLETE',
        'Niên hạn sử dụng phải là số năm > 0.',
      );
  });
  c.crops.forEach((e, i) => {
    const parts = [e.standardDensityPerM2, e.fullRateUpToPercent, e.excessRatePercent];
    need(
      parts.every((x) => x === undefined) || parts.every((x) => x !== undefined && DEC.test(x)),
      `crops[${i}]`,
      'PRICE_BOOK.DENSITY_RULE_INCOMPLETE',
      'Quy tắc mật độ cần đủ: mật độ chuẩn, tỷ lệ trả đủ, tỷ lệ phần vượt.',
    );
  });

  const p = c.policy;
  const values: [keyof PolicyParameters, RegExp][] = [
    ['ricePricePerKg', DONG],
    ['riceKgPerPersonMonth', DEC],
    ['jobChangeMultiplier', DEC],
    ['remainingInvestmentPerM2', DONG],
    ['structureTopUpPercent', DEC],
    ['minResettlementUnitValue', DONG],
    ['selfArrangedHousingSupport', DONG],
    ['relocationSupport', DONG],
  ];
  for (const [key, re] of values) {
    const v = p[key] as (Cited & { value: string }) | undefined;
    need(!!v, `policy.${key}`, 'PRICE_BOOK.PARAMETER_MISSING', `Thiếu tham số chính sách ${key}.`);
    if (v) {
      need(re.test(v.value), `policy.${key}.value`, 'PRICE_BOOK.AMOUNT_INVALID', 'Giá trị không hợp lệ.');
      cited(v, `policy.${key}`);
    }
  }
  need(
    !!p.allocationLimitM2,
    'policy.allocationLimitM2',
    'PRICE_BOOK.PARAMETER_MISSING',
    'Thiếu hạn mức giao đất nông nghiệp.',
  );
  need(!!p.rounding, 'policy.rounding', 'PRICE_BOOK.PARAMETER_MISSING', 'Thiếu quy tắc làm tròn.');
  need(
    !!p.earlyHandoverBonus,
    'policy.earlyHandoverBonus',
    'PRICE_BOOK.PARAMETER_MISSING',
    'Thiếu quy định thưởng bàn giao sớm.',
  );
  if (p.jobChangeMultiplier && DEC.test(p.jobChangeMultiplier.value)) {
    need(
      new Decimal(p.jobChangeMultiplier.value).lte(5),
      'policy.jobChangeMultiplier.value',
      'PRICE_BOOK.MULTIPLIER_TOO_HIGH',
      'Hệ số k không quá 5 lần (Điều 109 Luật Đất đai 2024; NĐ 88 Điều 22).',
    );
  }
  if (!p.stabilisation) {
    f.push({
      path: 'policy.stabilisation',
      code: 'PRICE_BOOK.PARAMETER_MISSING',
      message: 'Thiếu bảng số tháng hỗ trợ ổn định đời sống.',
    });
  } else {
    cited(p.stabilisation, 'policy.stabilisation');
    const bands = [...p.stabilisation.bands].sort((a, b) => new Decimal(a.fromPercent).cmp(b.fromPercent));
    for (let i = 1; i < bands.length; i++) {
      const prevTo = bands[i - 1].toPercent;
      need(
        prevTo !== null && new Decimal(prevTo).lte(bands[i].fromPercent),
        `policy.stabilisation.bands[${i}]`,
        'PRICE_BOOK.BANDS_OVERLAP',
        'Các khoảng tỷ lệ thu hồi chồng lên nhau.',
      );
    }
  }
  return f;
}

/** When and where an active book applies. */
export interface BookPeriod {
  id: string;
  code: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  /** Empty: the whole province. */
  communeCodes: string[];
}

/**
 * The active book that prices a commune on a day: in force that day, for that commune or for the whole province; the
 * latest one when several are (then by code), null when none is.
 */
export function bookInForceOn<T extends BookPeriod>(books: T[], communeCode: string, date: string): T | null {
  const [book] = books
    .filter(
      (b) =>
        b.effectiveFrom <= date &&
        (b.effectiveTo === null || date <= b.effectiveTo) &&
        (b.communeCodes.length === 0 || b.communeCodes.includes(communeCode)),
    )
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.code.localeCompare(a.code));
  return book ?? null;
}
