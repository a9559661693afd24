import { type CellValue, type SheetSpec, writeWorkbook } from '../../core/excel/workbook.js';
import { formatVnDate } from '../../shared/dates.js';
import { formatDong } from '../../shared/vn-words.js';
import { CATEGORY_LABELS, type LineCategory } from '../compensation/domain/calculator.js';
import type { PlanCaseDto, PlanDto } from './dto/plan.dto.js';
import type { PlanLine } from './plan-line.entity.js';

const MONEY = '#,##0';
const QTY = '#,##0.####';
/** Excel holds doubles: integer đồng up to 2^53 and ≤ 4-decimal quantities cross exactly. */
const n = (s: string | null): number | null => (s === null ? null : Number(s));

/**
 * The plan in the layout appraisers work with: a summary sheet (by category, by commune) and one block per household
 * with every line, its quantity, unit price, amount and basis. Money shows as 1.234.567 in a Vietnamese Excel.
 */
export function planWorkbook(plan: PlanDto, cases: PlanCaseDto[], lines: PlanLine[]): Promise<Buffer> {
  const summary: CellValue[][] = [
    [`Phương án ${plan.code}: ${plan.name}`, null],
    [
      `Bảng giá ${plan.priceBookCode} (phiên bản ${plan.priceBookVersion})${plan.priceBookIsSample ? ' — SỐ LIỆU MẪU, không phải giá thật' : ''}; ngày áp giá ${formatVnDate(plan.valuationDate)}${plan.approvedOn ? `; phê duyệt ngày ${formatVnDate(plan.approvedOn)} (QĐ số ${plan.approvalNumber})` : ''}`,
      null,
    ],
    [`Số hộ: ${plan.caseCount}`, null],
    [null, null],
    ['Theo khoản mục', 'Số tiền (đồng)'],
    ...plan.totalsByCategory.map((t) => [t.label, n(t.amount)] as CellValue[]),
    ['Tổng chi trả', n(plan.net)],
    ['Tổng ghi nợ', n(plan.debt)],
    [null, null],
    ['Theo xã', 'Số tiền chi trả (đồng)'],
    ...plan.totalsByCommune.map((c) => [`${c.communeName} (${c.caseCount} hộ)`, n(c.net)] as CellValue[]),
  ];
  const byCase = new Map<string, PlanLine[]>();
  for (const l of lines) (byCase.get(l.caseId) ?? byCase.set(l.caseId, []).get(l.caseId)!).push(l);
  const detail: CellValue[][] = [];
  cases.forEach((c, i) => {
    detail.push([`${i + 1}. ${c.fullName} — ${c.communeName}`, null, null, null, null, null, null]);
    for (const l of byCase.get(c.caseId) ?? []) {
      detail.push([
        CATEGORY_LABELS[l.category as LineCategory] ?? l.category,
        l.description,
        n(l.quantity),
        l.unit,
        n(l.unitPrice),
        l.status === 'ok' ? n(l.amount) : null,
        l.status === 'ok' ? l.basis : `THIẾU CĂN CỨ: ${l.missing}`,
      ]);
    }
    detail.push([
      null,
      'Cộng số tiền chi trả của hộ',
      null,
      null,
      null,
      n(c.net),
      c.debt !== '0' ? `Ghi nợ: ${formatDong(c.debt)} đồng` : null,
    ]);
    detail.push([null, null, null, null, null, null, null]);
  });
  const sheets: SheetSpec[] = [
    {
      name: 'Tổng hợp',
      columns: [
        { header: 'Phương án bồi thường, hỗ trợ, tái định cư', width: 70 },
        { header: '', width: 22, numFmt: MONEY },
      ],
      rows: summary,
    },
    {
      name: 'Chi tiết từng hộ',
      columns: [
        { header: 'Khoản mục', width: 30 },
        { header: 'Nội dung', width: 50 },
        { header: 'Khối lượng', width: 14, numFmt: QTY },
        { header: 'ĐVT', width: 10 },
        { header: 'Đơn giá (đồng)', width: 16, numFmt: MONEY },
        { header: 'Thành tiền (đồng)', width: 18, numFmt: MONEY },
        { header: 'Căn cứ', width: 60 },
      ],
      rows: detail,
    },
  ];
  return writeWorkbook(sheets);
}
