import { Decimal } from 'decimal.js';
import { type CellValue, writeWorkbook } from '../../core/excel/workbook.js';
import type { DocumentTemplate } from '../documents/documents.service.js';

/** One household of a payment list: amounts in integer đồng, as text. */
export interface PaymentListRow {
  name: string;
  commune: string;
  recovery: string;
  approved: string;
  /** Tiền chậm chi trả accrued (owed on top of the approved figure). */
  late: string;
  paid: string;
  deposited: string;
}

/** Owed (approved and late amounts) less received (paid and deposited). */
export const outstandingOf = (r: PaymentListRow): Decimal =>
  new Decimal(r.approved).plus(r.late).minus(r.paid).minus(r.deposited);

export function paymentListTotals(rows: PaymentListRow[]) {
  const sum = (f: (r: PaymentListRow) => Decimal.Value) => rows.reduce((s, r) => s.plus(f(r)), new Decimal(0));
  return {
    approved: sum((r) => r.approved),
    late: sum((r) => r.late),
    paid: sum((r) => r.paid),
    deposited: sum((r) => r.deposited),
    outstanding: sum(outstandingOf),
    settled: rows.filter((r) => outstandingOf(r).lte(0)).length,
  };
}

const MONEY = '#,##0';
/** Excel holds doubles: integer đồng up to 2^53 cross exactly. */
const n = (d: Decimal.Value): number => new Decimal(d).toNumber();

/** The same list as the PDF, in the columns of the PDF's table, for the cashier's spreadsheet. */
export function paymentListWorkbook(
  template: DocumentTemplate,
  number: string,
  rows: PaymentListRow[],
): Promise<Buffer> {
  const t = paymentListTotals(rows);
  const body: CellValue[][] = rows.map((r, i) => [
    i + 1,
    r.name,
    r.commune,
    r.recovery,
    n(r.approved),
    n(r.late),
    n(r.paid),
    n(r.deposited),
    n(outstandingOf(r)),
    null,
  ]);
  body.push([
    null,
    'Tổng cộng',
    null,
    null,
    n(t.approved),
    n(t.late),
    n(t.paid),
    n(t.deposited),
    n(t.outstanding),
    null,
  ]);
  return writeWorkbook([
    {
      name: `DS ${number.replace('/', '-')}`.slice(0, 31),
      columns: (template.appendix?.columns ?? []).map((c) => ({
        header: c.header,
        width: Math.max(8, c.width * 1.6),
        numFmt: c.align === 'right' ? MONEY : undefined,
      })),
      rows: body,
    },
  ]);
}
