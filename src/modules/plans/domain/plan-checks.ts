import { Decimal } from 'decimal.js';
import type { CaseInput, CaseResult } from '../../compensation/domain/calculator.js';

export interface PlanFinding {
  code: string;
  severity: 'blocking' | 'warning';
  caseId: string | null;
  message: string;
  details: Record<string, unknown>;
}

/**
 * Checks a plan must pass before it leaves draft (procedure.md §8, §9). Pure: computed inputs and results in,
 * coded findings out. Blocking findings keep the plan in draft.
 */
export function checkPlan(
  cases: { input: CaseInput; result: CaseResult; name: string }[],
  afterNotice: Map<string, string[]>,
): PlanFinding[] {
  const f: PlanFinding[] = [];
  const seenParcels = new Map<string, string>();
  for (const { input, result, name } of cases) {
    const add = (
      code: string,
      severity: PlanFinding['severity'],
      message: string,
      details: Record<string, unknown> = {},
    ) => f.push({ code, severity, caseId: input.caseId, message: `${name}: ${message}`, details });

    for (const l of result.lines.filter((x) => x.status === 'missing_basis')) {
      add('PLAN.MISSING_BASIS', 'blocking', `thiếu căn cứ để tính "${l.description}" (${l.missing}).`, {
        itemCode: l.itemCode,
        missing: l.missing,
      });
    }
    for (const p of input.parcels) {
      if (new Decimal(p.recoveredArea).gt(p.measuredArea)) {
        add(
          'PLAN.RECOVERED_AREA_EXCEEDS_PARCEL',
          'blocking',
          `thửa ${p.parcelNumber} tờ ${p.mapSheet} có diện tích thu hồi lớn hơn diện tích thửa.`,
          { parcelId: p.id },
        );
      }
      const key = `${p.mapSheet}|${p.parcelNumber}|${input.communeCode}`;
      const other = seenParcels.get(key);
      if (other && other !== input.caseId) {
        add(
          'PLAN.PARCEL_IN_TWO_CASES',
          'blocking',
          `thửa ${p.parcelNumber} tờ ${p.mapSheet} có trong hai hồ sơ của phương án.`,
          { otherCaseId: other },
        );
      }
      seenParcels.set(key, input.caseId);
      const fullyResidential =
        p.group === 'residential' && p.eligible && new Decimal(p.recoveredArea).eq(p.measuredArea);
      const arranged = input.facts.resettlement && input.facts.resettlement.mode !== 'none';
      if (fullyResidential && !arranged) {
        add(
          'PLAN.NO_RESETTLEMENT_ARRANGEMENT',
          'blocking',
          `thu hồi hết đất ở (thửa ${p.parcelNumber}) nhưng chưa có phương án tái định cư hoặc tự lo chỗ ở.`,
          { parcelId: p.id },
        );
      }
    }
    // ≥ 30 % of the household's agricultural land recovered, yet no stabilisation line (NĐ 88 Đ19).
    const agriRecovered = input.parcels
      .filter((x) => x.eligible && x.group === 'agricultural')
      .reduce((s, x) => s.plus(x.recoveredArea), new Decimal(0));
    const inUse = input.facts.agriculturalLandInUse
      ? new Decimal(input.facts.agriculturalLandInUse)
      : input.parcels
          .filter((x) => x.group === 'agricultural')
          .reduce((s, x) => s.plus(x.measuredArea), new Decimal(0));
    if (input.kind !== 'organisation' && inUse.gt(0) && agriRecovered.div(inUse).gte(0.3)) {
      const hasLine = result.lines.some((l) => l.category === 'support_stabilisation' && l.status === 'ok');
      if (!hasLine)
        add(
          'PLAN.STABILISATION_MISSING',
          'blocking',
          'bị thu hồi từ 30 % đất nông nghiệp trở lên nhưng chưa có khoản hỗ trợ ổn định đời sống.',
          { sharePercent: agriRecovered.div(inUse).times(100).toFixed(2) },
        );
    }
    // Assets created after the notice are not compensable (LĐĐ 2024 Đ105 k2): none may carry a line.
    const late = new Set(afterNotice.get(input.caseId) ?? []);
    const priced = result.lines.filter((l) => l.sourceId && late.has(l.sourceId));
    if (priced.length > 0)
      add(
        'PLAN.ASSET_AFTER_NOTICE_PRICED',
        'blocking',
        'có tài sản tạo lập sau thông báo thu hồi đất được tính bồi thường.',
        { itemIds: priced.map((l) => l.sourceId) },
      );
    if (late.size > 0)
      add(
        'PLAN.ASSETS_AFTER_NOTICE_EXCLUDED',
        'warning',
        `${late.size} tài sản tạo lập sau thông báo thu hồi đất không được tính.`,
        { itemIds: [...late] },
      );
  }
  return f;
}
