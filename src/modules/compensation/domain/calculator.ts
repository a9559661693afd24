import { Decimal } from 'decimal.js';
import type { CropEntry, PriceBookContent, StructureEntry, UnitPriceEntry } from '../../pricing/domain/price-book.js';
import { formatDong, formatPercent } from '../../../shared/vn-words.js';

/**
 * The compensation calculator (procedure.md §8, §9): case data + price book + valuation date → lines.
 * Pure and deterministic: no clock, no I/O; the same inputs give the same lines years later. Every line says how it
 * was computed (quantity, unit price, inputs) and under which basis. A missing price or parameter gives a line in
 * state `missing_basis` with what is missing and no amount — never a silent zero.
 */
export type LandGroup = 'agricultural' | 'residential' | 'other';
export type LimitGroup = 'annual' | 'perennial' | 'forest' | 'aquaculture';

export interface ParcelInput {
  id: string;
  mapSheet: string;
  parcelNumber: string;
  landTypeCode: string;
  group: LandGroup;
  position: string;
  measuredArea: string;
  recoveredArea: string;
  eligible: boolean;
}

export interface ItemInput {
  id: string;
  kind: 'land' | 'structure' | 'tree' | 'crop' | 'livestock' | 'grave' | 'movable';
  itemCode: string;
  description: string;
  quantity: string;
  unit: string;
  attributes: Record<string, string | number | boolean>;
  afterNotice: boolean;
}

/** Facts the Center records on a case for pricing (case.pricingFacts). */
export interface PricingFacts {
  /** The household must move (residential land recovered, no place left to live). */
  relocating?: boolean;
  /** Moving to a commune of difficult or especially difficult conditions (longer stabilisation). */
  difficultArea?: boolean;
  /** The household's agricultural land in use in the commune, m² (denominator of the recovered share). */
  agriculturalLandInUse?: string;
  /** Unpaid land financial obligations (tiền sử dụng đất, tiền thuê đất, tiền chậm nộp), đồng. */
  unpaidLandObligation?: string;
  resettlement?: { mode: 'none' | 'plot' | 'self_arranged'; plotArea?: string; plotPricePerM2?: string };
}

export interface CaseInput {
  caseId: string;
  kind: 'household' | 'individual' | 'organisation';
  members: number;
  directlyFarming: boolean;
  communeCode: string;
  parcels: ParcelInput[];
  items: ItemInput[];
  facts: PricingFacts;
  /** Lines corrected by a decision (an upheld complaint): applied over the computed lines before the totals. */
  corrections?: LineCorrection[];
}

/**
 * A line as a decision set it: the line of the same category, item and source takes the given quantity and/or unit
 * price (a line the calculator did not produce is added). Its basis cites the decision.
 */
export interface LineCorrection {
  category: LineCategory;
  itemCode: string;
  sourceId: string | null;
  description: string;
  unit: string;
  quantity: string | null;
  unitPrice: string | null;
  basis: string;
}

export const LINE_CATEGORIES = [
  'land',
  'land_remaining_investment',
  'structure',
  'crop',
  'livestock',
  'grave',
  'moving',
  'support_stabilisation',
  'support_job_change',
  'support_relocation',
  'support_self_arranged_housing',
  'resettlement_top_up',
  'deduction',
  'rounding',
] as const;
export type LineCategory = (typeof LINE_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<LineCategory, string> = {
  land: 'Bồi thường về đất',
  land_remaining_investment: 'Chi phí đầu tư vào đất còn lại',
  structure: 'Bồi thường nhà, công trình',
  crop: 'Bồi thường cây trồng',
  livestock: 'Bồi thường vật nuôi, thủy sản',
  grave: 'Di chuyển mồ mả',
  moving: 'Chi phí di chuyển tài sản',
  support_stabilisation: 'Hỗ trợ ổn định đời sống',
  support_job_change: 'Hỗ trợ đào tạo, chuyển đổi nghề',
  support_relocation: 'Hỗ trợ di chuyển chỗ ở',
  support_self_arranged_housing: 'Hỗ trợ tự lo chỗ ở',
  resettlement_top_up: 'Hỗ trợ đủ suất tái định cư tối thiểu',
  deduction: 'Khấu trừ',
  rounding: 'Làm tròn',
};

export interface Line {
  category: LineCategory;
  itemCode: string;
  description: string;
  quantity: string;
  unit: string;
  /** Đồng per unit (may carry decimals when it is a product such as k × price). */
  unitPrice: string | null;
  /** Exact đồng (decimals possible before the household total is rounded); null when the basis is missing. */
  amount: string | null;
  status: 'ok' | 'missing_basis';
  missing: string | null;
  inputs: Record<string, string>;
  basis: string;
  /** The parcel or inventory item the line prices. */
  sourceId: string | null;
}

export interface CaseResult {
  caseId: string;
  lines: Line[];
  /** Sum of compensation and support lines (before deductions), exact. */
  gross: string;
  /** What is paid: gross − deductions, rounded once by the book's rule; integer đồng. */
  net: string;
  /** Recorded debt (ghi nợ): obligations or resettlement price not covered by the money due. */
  debt: string;
  missingBasis: boolean;
  /** Items left out because they were created after the recovery notice (LĐĐ 2024 Đ105 k2). */
  excludedItems: string[];
}

const ZERO = new Decimal(0);
const str = (d: Decimal) => d.toFixed();

/** Hạn mức groups of agricultural land types (LĐĐ 2013 Đ129 / LĐĐ 2024 Đ176; procedure.md §8.1). */
export function limitGroupOf(landTypeCode: string): LimitGroup | null {
  if (/^(LUC|LUK|LUN|BHK|NHK|HNK|NKH)$/.test(landTypeCode)) return 'annual';
  if (landTypeCode === 'CLN') return 'perennial';
  if (/^(RSX|RPH|RDD)$/.test(landTypeCode)) return 'forest';
  if (/^(NTS|LMU)$/.test(landTypeCode)) return 'aquaculture';
  return null;
}

/**
 * The legal basis of the calculator's own rules, from the procedure regime the plan runs under (issue 18 §11): a plan
 * of the 2013 Land Law cites NĐ 47/2014, one of the 2024 law NĐ 88/2024. Prices and parameters carry their own basis
 * in the price book.
 */
export interface RuleBases {
  /** Khấu trừ nghĩa vụ tài chính về đất chưa thực hiện. */
  deduction: string;
  /** Tiền sử dụng đất of the resettlement plot, paid from the money due (the rest recorded as debt). */
  resettlementPlot: string;
  /** Remaining value of a structure from the quality recorded at the inventory. */
  structureRemainingQuality: string;
  /** Remaining value of a structure from its age and depreciation life. */
  structureAge: string;
  /** The household's total paid in whole đồng when the book has no rounding rule. */
  wholeDong: string;
}

/** What a computation is made at: the valuation date (prices, a structure's age) and the regime's rule bases. */
export interface Valuation {
  valuationDate: string;
  bases: RuleBases;
}

export function calculateCase(input: CaseInput, book: PriceBookContent, at: Valuation): CaseResult {
  const lines: Line[] = [];
  const p = book.policy;
  const { bases } = at;
  const valuationYear = Number(at.valuationDate.slice(0, 4));
  const missing = (
    base: Omit<Line, 'amount' | 'status' | 'missing' | 'unitPrice'> & { unitPrice?: string | null },
    what: string,
  ): Line => ({
    ...base,
    unitPrice: base.unitPrice ?? null,
    amount: null,
    status: 'missing_basis',
    missing: what,
  });
  const ok = (base: Omit<Line, 'status' | 'missing'>): Line => ({ ...base, status: 'ok', missing: null });

  // ---- Land (§8.1): eligible parcels at the land price; agricultural land beyond the allocation limit gets the
  // remaining investment cost instead. The limit applies per land group, across the household's parcels.
  const limitLeft = new Map<LimitGroup, Decimal>();
  const landLines: Line[] = [];
  const agriWithinLimit: { parcel: ParcelInput; area: Decimal }[] = [];
  for (const parcel of [...input.parcels].sort(
    (a, b) => a.mapSheet.localeCompare(b.mapSheet) || a.parcelNumber.localeCompare(b.parcelNumber),
  )) {
    if (!parcel.eligible) continue;
    const recovered = new Decimal(parcel.recoveredArea);
    const label = `thửa ${parcel.parcelNumber}, tờ ${parcel.mapSheet} (${parcel.landTypeCode})`;
    const price = landPrice(book, parcel, input.communeCode);
    let within = recovered;
    let beyond = ZERO;
    const lg = parcel.group === 'agricultural' ? limitGroupOf(parcel.landTypeCode) : null;
    if (lg && input.kind !== 'organisation') {
      if (!p.allocationLimitM2) {
        landLines.push(
          missing(
            {
              category: 'land',
              itemCode: parcel.landTypeCode,
              description: `Đất ${label}`,
              quantity: str(recovered),
              unit: 'm2',
              inputs: {},
              basis: '',
              sourceId: parcel.id,
            },
            'Hạn mức giao đất nông nghiệp',
          ),
        );
        continue;
      }
      const left = limitLeft.get(lg) ?? new Decimal(p.allocationLimitM2[lg]);
      within = Decimal.min(recovered, left);
      beyond = recovered.minus(within);
      limitLeft.set(lg, left.minus(within));
      agriWithinLimit.push({ parcel, area: within });
    }
    if (within.gt(0)) {
      const base = {
        category: 'land' as const,
        itemCode: parcel.landTypeCode,
        description: `Bồi thường đất ${label}`,
        quantity: str(within),
        unit: 'm2',
        sourceId: parcel.id,
      };
      landLines.push(
        price
          ? ok({
              ...base,
              unitPrice: price.pricePerM2,
              amount: str(within.times(price.pricePerM2)),
              inputs: {
                recoveredArea: parcel.recoveredArea,
                position: parcel.position,
                ...(lg ? { withinLimit: str(within) } : {}),
              },
              basis: price.basis,
            })
          : missing(
              { ...base, inputs: { position: parcel.position }, basis: '' },
              `Giá đất ${parcel.landTypeCode} vị trí ${parcel.position || '(chưa ghi)'} tại xã ${input.communeCode}`,
            ),
      );
    }
    if (beyond.gt(0)) {
      const base = {
        category: 'land_remaining_investment' as const,
        itemCode: parcel.landTypeCode,
        description: `Chi phí đầu tư vào đất còn lại, phần vượt hạn mức, ${label}`,
        quantity: str(beyond),
        unit: 'm2',
        sourceId: parcel.id,
      };
      landLines.push(
        p.remainingInvestmentPerM2
          ? ok({
              ...base,
              unitPrice: p.remainingInvestmentPerM2.value,
              amount: str(beyond.times(p.remainingInvestmentPerM2.value)),
              inputs: { limitGroup: lg!, limit: p.allocationLimitM2![lg!] },
              basis: p.remainingInvestmentPerM2.basis,
            })
          : missing({ ...base, inputs: {}, basis: '' }, 'Mức chi phí đầu tư vào đất còn lại'),
      );
    }
  }
  // Land lines corrected by a decision are corrected first: job-change support and the resettlement top-up are
  // derived from them below.
  const corrections = input.corrections ?? [];
  for (const c of corrections.filter((x) => LAND_CATEGORIES.includes(x.category))) applyCorrection(landLines, c);
  lines.push(...landLines);

  // ---- Assets (§8.2, §8.3, §8.7). Items created after the notice are not compensable.
  const excludedItems: string[] = [];
  for (const item of input.items) {
    if (item.kind === 'land') continue; // land is priced from the parcels
    if (item.afterNotice) {
      excludedItems.push(item.id);
      continue;
    }
    lines.push(...priceItem(item, book, valuationYear, bases));
  }

  // ---- Life stabilisation (§8.4): 30 kg rice × members × months, by the recovered share of agricultural land.
  const agriRecovered = input.parcels
    .filter((x) => x.eligible && x.group === 'agricultural')
    .reduce((s, x) => s.plus(x.recoveredArea), ZERO);
  if (agriRecovered.gt(0) && input.kind !== 'organisation') {
    lines.push(...stabilisation(input, book, agriRecovered));
  }

  // ---- Job change (§8.5): k × agricultural land price × recovered area within the limit, households farming it.
  if (input.directlyFarming && input.kind !== 'organisation') {
    for (const { parcel, area: computedArea } of agriWithinLimit) {
      // A corrected land line (an upheld complaint) sets the area and the land price the support is computed from.
      const corrected = landLines.find(
        (l) => l.category === 'land' && l.sourceId === parcel.id && 'computedUnitPrice' in l.inputs,
      );
      const area = corrected ? new Decimal(corrected.quantity) : computedArea;
      if (area.lte(0)) continue;
      const price = corrected?.unitPrice
        ? { pricePerM2: corrected.unitPrice }
        : landPrice(book, parcel, input.communeCode);
      const base = {
        category: 'support_job_change' as const,
        itemCode: parcel.landTypeCode,
        description: `Hỗ trợ chuyển đổi nghề, thửa ${parcel.parcelNumber} tờ ${parcel.mapSheet}`,
        quantity: str(area),
        unit: 'm2',
        sourceId: parcel.id,
      };
      if (!p.jobChangeMultiplier || !price) {
        lines.push(
          missing(
            { ...base, inputs: {}, basis: '' },
            !price ? `Giá đất ${parcel.landTypeCode} vị trí ${parcel.position}` : 'Hệ số k hỗ trợ chuyển đổi nghề',
          ),
        );
        continue;
      }
      const unitPrice = new Decimal(p.jobChangeMultiplier.value).times(price.pricePerM2);
      lines.push(
        ok({
          ...base,
          unitPrice: str(unitPrice),
          amount: str(unitPrice.times(area)),
          inputs: { k: p.jobChangeMultiplier.value, landPricePerM2: price.pricePerM2 },
          basis: p.jobChangeMultiplier.basis,
        }),
      );
    }
  }

  // ---- Relocation and resettlement (§8.6).
  const facts = input.facts;
  if (facts.relocating) {
    lines.push(
      p.relocationSupport
        ? ok({
            category: 'support_relocation',
            itemCode: 'HT-DI-CHUYEN',
            description: 'Hỗ trợ di chuyển chỗ ở',
            quantity: '1',
            unit: 'hộ',
            unitPrice: p.relocationSupport.value,
            amount: p.relocationSupport.value,
            inputs: {},
            basis: p.relocationSupport.basis,
            sourceId: null,
          })
        : missing(
            {
              category: 'support_relocation',
              itemCode: 'HT-DI-CHUYEN',
              description: 'Hỗ trợ di chuyển chỗ ở',
              quantity: '1',
              unit: 'hộ',
              inputs: {},
              basis: '',
              sourceId: null,
            },
            'Mức hỗ trợ di chuyển',
          ),
    );
  }
  const residentialLand = landLines.filter(
    (l) => l.category === 'land' && input.parcels.find((x) => x.id === l.sourceId)?.group === 'residential',
  );
  const residentialAmount = residentialLand.reduce((s, l) => s.plus(l.amount ?? 0), ZERO);
  const mode = facts.resettlement?.mode ?? 'none';
  if (mode === 'self_arranged') {
    lines.push(
      p.selfArrangedHousingSupport
        ? ok({
            category: 'support_self_arranged_housing',
            itemCode: 'HT-TU-LO',
            description: 'Hỗ trợ tự lo chỗ ở',
            quantity: '1',
            unit: 'hộ',
            unitPrice: p.selfArrangedHousingSupport.value,
            amount: p.selfArrangedHousingSupport.value,
            inputs: {},
            basis: p.selfArrangedHousingSupport.basis,
            sourceId: null,
          })
        : missing(
            {
              category: 'support_self_arranged_housing',
              itemCode: 'HT-TU-LO',
              description: 'Hỗ trợ tự lo chỗ ở',
              quantity: '1',
              unit: 'hộ',
              inputs: {},
              basis: '',
              sourceId: null,
            },
            'Mức hỗ trợ tự lo chỗ ở',
          ),
    );
  }
  if (mode === 'plot') {
    if (!p.minResettlementUnitValue) {
      lines.push(
        missing(
          {
            category: 'resettlement_top_up',
            itemCode: 'TDC-TOI-THIEU',
            description: 'Hỗ trợ đủ suất tái định cư tối thiểu',
            quantity: '1',
            unit: 'suất',
            inputs: {},
            basis: '',
            sourceId: null,
          },
          'Giá trị suất tái định cư tối thiểu',
        ),
      );
    } else {
      const topUp = Decimal.max(0, new Decimal(p.minResettlementUnitValue.value).minus(residentialAmount));
      if (topUp.gt(0)) {
        lines.push(
          ok({
            category: 'resettlement_top_up',
            itemCode: 'TDC-TOI-THIEU',
            description: 'Hỗ trợ đủ suất tái định cư tối thiểu',
            quantity: '1',
            unit: 'suất',
            unitPrice: str(topUp),
            amount: str(topUp),
            inputs: {
              minimumUnit: p.minResettlementUnitValue.value,
              residentialLandCompensation: str(residentialAmount),
            },
            basis: p.minResettlementUnitValue.basis,
            sourceId: null,
          }),
        );
      }
    }
  }

  // ---- Corrections decided on the plan (procedure.md §6.3, §12): they replace the computed figures of their line.
  for (const c of corrections.filter((x) => !LAND_CATEGORIES.includes(x.category))) applyCorrection(lines, c);

  // ---- Every amount is whole đồng, line by line (issue 18 §2): the đồng has no smaller unit (Luật Kế toán 2015
  // Đ11 k1), so a product such as 1.7 m² × 333,333 đ is paid as 566,667 đ — its fraction rounded up, in the
  // household's favour (toward +∞, which for a deduction is the smaller amount taken). The exact product stays in the
  // line's inputs. Totals, categories, the workbook and the documents then add the same integers.
  for (const l of lines) {
    if (l.amount === null) continue;
    const exact = new Decimal(l.amount);
    const whole = exact.ceil();
    if (!whole.eq(exact)) {
      l.inputs = { ...l.inputs, exactAmount: str(exact) };
      l.amount = str(whole);
    }
  }

  // ---- Totals, deductions (§9), resettlement plot price, rounding once (§8.8).
  const okAmount = (cats: LineCategory[]) =>
    lines.filter((l) => cats.includes(l.category) && l.amount !== null).reduce((s, l) => s.plus(l.amount!), ZERO);
  const gross = okAmount(LINE_CATEGORIES.filter((c) => c !== 'deduction' && c !== 'rounding'));
  let debt = ZERO;
  let payable = gross;
  // What the household owes or pays is whole đồng too, rounded in its favour (down).
  const obligation = new Decimal(facts.unpaidLandObligation ?? 0).floor();
  if (obligation.gt(0)) {
    // Deducted only from land compensation and remaining investment cost, never from assets or support
    // (NĐ 88 Đ25 k1 c); what it cannot cover stays as debt (k1 b).
    const landCompensation = okAmount(['land', 'land_remaining_investment']);
    const deducted = Decimal.min(obligation, landCompensation);
    debt = debt.plus(obligation.minus(deducted));
    payable = payable.minus(deducted);
    if (deducted.gt(0)) {
      lines.push(
        ok({
          category: 'deduction',
          itemCode: 'KT-NGHIA-VU',
          description: 'Khấu trừ nghĩa vụ tài chính về đất chưa thực hiện',
          quantity: '1',
          unit: 'hộ',
          unitPrice: str(deducted.neg()),
          amount: str(deducted.neg()),
          inputs: { obligation: str(obligation), landCompensation: str(landCompensation) },
          basis: bases.deduction,
          sourceId: null,
        }),
      );
    }
  }
  if (mode === 'plot' && facts.resettlement?.plotArea && facts.resettlement.plotPricePerM2) {
    // The resettlement plot is paid from the money due; what it cannot cover is recorded as debt (NĐ 88 Đ25 k2, Đ26).
    const exactPlotPrice = new Decimal(facts.resettlement.plotArea).times(facts.resettlement.plotPricePerM2);
    const plotPrice = exactPlotPrice.floor();
    const offset = Decimal.min(plotPrice, Decimal.max(payable, 0));
    debt = debt.plus(plotPrice.minus(offset));
    payable = payable.minus(offset);
    if (offset.gt(0)) {
      lines.push(
        ok({
          category: 'deduction',
          itemCode: 'TDC-TIEN-SDD',
          description: 'Tiền sử dụng đất lô tái định cư',
          quantity: facts.resettlement.plotArea,
          unit: 'm2',
          unitPrice: facts.resettlement.plotPricePerM2,
          amount: str(offset.neg()),
          inputs: {
            plotPrice: str(plotPrice),
            ...(plotPrice.eq(exactPlotPrice) ? {} : { exactPlotPrice: str(exactPlotPrice) }),
          },
          basis: bases.resettlementPlot,
          sourceId: null,
        }),
      );
    }
  }
  let net = payable;
  if (p.rounding && p.rounding.unit !== '1') {
    const unit = new Decimal(p.rounding.unit);
    const rounded =
      p.rounding.mode === 'up'
        ? net.div(unit).ceil().times(unit)
        : p.rounding.mode === 'down'
          ? net.div(unit).floor().times(unit)
          : net.div(unit).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(unit);
    const diff = rounded.minus(net);
    if (!diff.eq(0)) {
      lines.push(
        ok({
          category: diff.lt(0) ? 'deduction' : 'rounding',
          itemCode: 'LAM-TRON',
          description: `Làm tròn tổng số tiền của hộ đến ${formatDong(unit.toFixed())} đồng`,
          quantity: '1',
          unit: 'hộ',
          unitPrice: str(diff),
          amount: str(diff),
          inputs: { before: str(net), unit: p.rounding.unit, mode: p.rounding.mode },
          basis: p.rounding.basis,
          sourceId: null,
        }),
      );
    }
    net = rounded;
  } else {
    // No rounding rule: still pay whole đồng, rounding the fraction up in the household's favour.
    const whole = net.ceil();
    if (!whole.eq(net))
      lines.push(
        ok({
          category: 'rounding',
          itemCode: 'LAM-TRON',
          description: 'Làm tròn đến đồng',
          quantity: '1',
          unit: 'hộ',
          unitPrice: str(whole.minus(net)),
          amount: str(whole.minus(net)),
          inputs: { before: str(net) },
          basis: bases.wholeDong,
          sourceId: null,
        }),
      );
    net = whole;
  }
  return {
    caseId: input.caseId,
    lines,
    gross: str(gross),
    net: str(net),
    debt: str(debt.ceil()),
    missingBasis: lines.some((l) => l.status === 'missing_basis'),
    excludedItems,
  };
}

const LAND_CATEGORIES: readonly LineCategory[] = ['land', 'land_remaining_investment'];

function applyCorrection(lines: Line[], c: LineCorrection): void {
  const at = lines.findIndex(
    (l) => l.category === c.category && l.itemCode === c.itemCode && l.sourceId === c.sourceId,
  );
  const old = at >= 0 ? lines[at] : null;
  const quantity = c.quantity ?? old?.quantity ?? '0';
  const unitPrice = c.unitPrice ?? old?.unitPrice ?? null;
  const corrected: Line =
    unitPrice === null
      ? {
          category: c.category,
          itemCode: c.itemCode,
          description: old?.description ?? c.description,
          quantity,
          unit: old?.unit ?? c.unit,
          unitPrice: null,
          amount: null,
          status: 'missing_basis',
          missing: 'Đơn giá theo quyết định điều chỉnh',
          inputs: {},
          basis: c.basis,
          sourceId: c.sourceId,
        }
      : {
          category: c.category,
          itemCode: c.itemCode,
          description: old?.description ?? c.description,
          quantity,
          unit: old?.unit ?? c.unit,
          unitPrice,
          amount: str(new Decimal(quantity).times(unitPrice)),
          status: 'ok',
          missing: null,
          inputs: {
            ...(old?.inputs ?? {}),
            ...(old ? { computedQuantity: old.quantity, computedUnitPrice: old.unitPrice ?? '' } : {}),
          },
          basis: old?.basis ? `${c.basis} (thay cho: ${old.basis})` : c.basis,
          sourceId: c.sourceId,
        };
  if (at >= 0) lines[at] = corrected;
  else lines.push(corrected);
}

function landPrice(book: PriceBookContent, parcel: ParcelInput, communeCode: string) {
  const candidates = book.landPrices.filter(
    (e) =>
      e.landTypeCode === parcel.landTypeCode &&
      (e.commune === communeCode || e.commune === '*') &&
      (e.position === parcel.position || e.position === '*'),
  );
  // The most specific entry wins: named commune over "*", named position over "*".
  return candidates.sort((a, b) => specificity(b) - specificity(a))[0];
}
const specificity = (e: { commune: string; position: string }) =>
  (e.commune === '*' ? 0 : 2) + (e.position === '*' ? 0 : 1);

function priceItem(item: ItemInput, book: PriceBookContent, valuationYear: number, bases: RuleBases): Line[] {
  const qty = new Decimal(item.quantity);
  const base = {
    itemCode: item.itemCode,
    description: item.description,
    quantity: item.quantity,
    unit: item.unit,
    sourceId: item.id,
  };
  const missingLine = (category: LineCategory, what: string): Line => ({
    ...base,
    category,
    unitPrice: null,
    amount: null,
    status: 'missing_basis',
    missing: what,
    inputs: {},
    basis: '',
  });
  const list: Record<ItemInput['kind'], { category: LineCategory; entries: UnitPriceEntry[] }> = {
    land: { category: 'land', entries: [] },
    structure: { category: 'structure', entries: book.structures },
    tree: { category: 'crop', entries: book.crops },
    crop: { category: 'crop', entries: book.crops },
    livestock: { category: 'livestock', entries: book.livestock },
    grave: { category: 'grave', entries: book.graves },
    movable: { category: 'moving', entries: book.moving },
  };
  const { category, entries } = list[item.kind];
  const entry = entries.find((e) => e.itemCode === item.itemCode);
  if (!entry) return [missingLine(category, `Đơn giá mã ${item.itemCode}`)];
  if (entry.unit !== item.unit)
    return [missingLine(category, `Đơn giá mã ${item.itemCode} tính theo ${entry.unit}, biên bản ghi ${item.unit}`)];

  if (item.kind === 'structure') {
    const s = entry as StructureEntry;
    const newBuild = qty.times(s.unitPrice);
    if (s.kind === 'house') {
      // Houses and living structures: 100 % of the new-build value (LĐĐ 2013 Đ89 k1; LĐĐ 2024 Đ102 k1).
      return [
        {
          ...base,
          category,
          unitPrice: s.unitPrice,
          amount: str(newBuild),
          status: 'ok',
          missing: null,
          inputs: { newBuildValue: str(newBuild) },
          basis: s.basis,
        },
      ];
    }
    const topUp = book.policy.structureTopUpPercent;
    if (!topUp) return [missingLine(category, 'Tỷ lệ x % cộng thêm cho công trình')];
    // Other structures: remaining value Tgt + x % of it, at most the new-build value (NĐ 88 Đ14 k1; NĐ 47 Đ9).
    let remaining: Decimal;
    const inputs: Record<string, string> = { newBuildValue: str(newBuild), topUpPercent: topUp.value };
    const quality = item.attributes.qualityPercent;
    const yearBuilt = item.attributes.yearBuilt;
    // The line says which rule valued it (issue 18 §6): the remaining quality the survey recorded, else the age.
    let rule: string;
    let ruleBasis: string;
    if (quality !== undefined && quality !== '') {
      remaining = newBuild.times(String(quality)).div(100);
      inputs.qualityPercent = String(quality);
      inputs.rule = 'remaining_quality';
      rule = `chất lượng còn lại ${formatPercent(String(quality))} ghi nhận khi kiểm đếm`;
      ruleBasis = bases.structureRemainingQuality;
    } else if (yearBuilt !== undefined && s.lifeYears) {
      const used = Math.min(Math.max(valuationYear - Number(yearBuilt), 0), s.lifeYears);
      remaining = newBuild.minus(newBuild.times(used).div(s.lifeYears));
      Object.assign(inputs, { yearBuilt: String(yearBuilt), yearsUsed: String(used), lifeYears: String(s.lifeYears) });
      inputs.rule = 'age';
      rule = `giá trị còn lại theo thời gian sử dụng ${used}/${s.lifeYears} năm`;
      ruleBasis = bases.structureAge;
    } else {
      return [missingLine(category, 'Chất lượng còn lại (%) hoặc năm xây dựng và niên hạn của công trình')];
    }
    const amount = Decimal.min(newBuild, remaining.plus(remaining.times(topUp.value).div(100)));
    inputs.remainingValue = str(remaining);
    return [
      {
        ...base,
        description: `${item.description} (${rule})`,
        category,
        unitPrice: s.unitPrice,
        amount: str(amount),
        status: 'ok',
        missing: null,
        inputs,
        basis: `${s.basis}; ${ruleBasis}; ${topUp.basis}`,
      },
    ];
  }

  if (item.kind === 'tree' || item.kind === 'crop') {
    const c = entry as CropEntry;
    const area = item.attributes.areaM2;
    if (c.standardDensityPerM2 && c.fullRateUpToPercent && c.excessRatePercent) {
      // A density rule cannot be applied without the planted area: never paid in full silently (issue 18 §6).
      if (area === undefined || area === '')
        return [missingLine(category, `Diện tích trồng (m²) của ${item.description} để áp mật độ`)];
      // Plants beyond the full-rate density are paid at the excess rate (provincial density rule, procedure.md §8.3).
      const cap = new Decimal(c.standardDensityPerM2).times(String(area)).times(c.fullRateUpToPercent).div(100).floor();
      const full = Decimal.min(qty, cap);
      const excess = qty.minus(full);
      const inputs = { areaM2: String(area), standardDensityPerM2: c.standardDensityPerM2, fullRateUpTo: str(cap) };
      const out: Line[] = [
        {
          ...base,
          quantity: str(full),
          category,
          unitPrice: c.unitPrice,
          amount: str(full.times(c.unitPrice)),
          status: 'ok',
          missing: null,
          inputs,
          basis: c.basis,
        },
      ];
      if (excess.gt(0)) {
        const rate = new Decimal(c.unitPrice).times(c.excessRatePercent).div(100);
        out.push({
          ...base,
          description: `${item.description} (phần vượt mật độ, ${formatPercent(c.excessRatePercent)} đơn giá)`,
          quantity: str(excess),
          category,
          unitPrice: str(rate),
          amount: str(excess.times(rate)),
          status: 'ok',
          missing: null,
          inputs: { ...inputs, excessRatePercent: c.excessRatePercent },
          basis: c.basis,
        });
      }
      return out;
    }
  }
  return [
    {
      ...base,
      category,
      unitPrice: entry.unitPrice,
      amount: str(qty.times(entry.unitPrice)),
      status: 'ok',
      missing: null,
      inputs: {},
      basis: entry.basis,
    },
  ];
}

function stabilisation(input: CaseInput, book: PriceBookContent, agriRecovered: Decimal): Line[] {
  const p = book.policy;
  const base = {
    category: 'support_stabilisation' as const,
    itemCode: 'HT-ODDS',
    description: 'Hỗ trợ ổn định đời sống',
    unit: 'người × tháng',
    sourceId: null,
  };
  const inUse = input.facts.agriculturalLandInUse
    ? new Decimal(input.facts.agriculturalLandInUse)
    : input.parcels.filter((x) => x.group === 'agricultural').reduce((s, x) => s.plus(x.measuredArea), ZERO);
  if (inUse.lte(0))
    return [
      {
        ...base,
        quantity: '0',
        unitPrice: null,
        amount: null,
        status: 'missing_basis',
        missing: 'Diện tích đất nông nghiệp đang sử dụng của hộ trong xã',
        inputs: {},
        basis: '',
      },
    ];
  const share = agriRecovered.div(inUse).times(100);
  if (!p.stabilisation || !p.ricePricePerKg || !p.riceKgPerPersonMonth) {
    return [
      {
        ...base,
        quantity: '0',
        unitPrice: null,
        amount: null,
        status: 'missing_basis',
        missing: 'Bảng số tháng, giá gạo hoặc định mức gạo hỗ trợ ổn định đời sống',
        inputs: { sharePercent: share.toFixed(2) },
        basis: '',
      },
    ];
  }
  // Upper bounds are inclusive; a band whose lower bound is exclusive starts just above the previous one
  // (30–70 % inclusive, then "over 70 %": NĐ 88 Đ19 k1 a).
  const band = p.stabilisation.bands.find(
    (b) =>
      (b.fromInclusive ? share.gte(b.fromPercent) : share.gt(b.fromPercent)) &&
      (b.toPercent === null || share.lte(b.toPercent)),
  );
  if (!band) return [];
  const months = input.facts.relocating
    ? input.facts.difficultArea
      ? band.months.relocateDifficult
      : band.months.relocate
    : band.months.stay;
  // An individual (cá nhân) is one person without a member list; a household needs its list or declared size.
  const members = input.members > 0 ? input.members : input.kind === 'individual' ? 1 : 0;
  if (members <= 0) {
    return [
      {
        ...base,
        quantity: '0',
        unitPrice: null,
        amount: null,
        status: 'missing_basis',
        missing: 'Danh sách nhân khẩu của hộ',
        inputs: { sharePercent: share.toFixed(2), months: String(months) },
        basis: p.stabilisation.basis,
      },
    ];
  }
  const perPersonMonth = new Decimal(p.riceKgPerPersonMonth.value).times(p.ricePricePerKg.value);
  const quantity = new Decimal(members).times(months);
  return [
    {
      ...base,
      description: `Hỗ trợ ổn định đời sống: ${members} nhân khẩu × ${months} tháng (thu hồi ${formatPercent(share.toFixed(2))} đất nông nghiệp)`,
      quantity: str(quantity),
      unitPrice: str(perPersonMonth),
      amount: str(quantity.times(perPersonMonth)),
      status: 'ok',
      missing: null,
      inputs: {
        members: String(members),
        months: String(months),
        sharePercent: share.toFixed(2),
        agriculturalRecovered: str(agriRecovered),
        agriculturalInUse: str(inUse),
        riceKg: p.riceKgPerPersonMonth.value,
        ricePricePerKg: p.ricePricePerKg.value,
      },
      basis: `${p.stabilisation.basis}; ${p.ricePricePerKg.basis}`,
    },
  ];
}
