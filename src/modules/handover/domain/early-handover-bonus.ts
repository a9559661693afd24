import { Decimal } from 'decimal.js';
import { daysBetween, formatVnDate } from '../../../shared/dates.js';
import { formatDong } from '../../../shared/vn-words.js';

/** The price book's rule (policy.earlyHandoverBonus): a share of the compensation, bounded, for a prompt handover. */
export interface EarlyHandoverRule {
  percent: string;
  min: string;
  max: string;
  withinDays: number;
  basis: string;
}

export interface EarlyHandoverBonus {
  eligible: boolean;
  /** Integer đồng; '0' when not eligible. */
  amount: string;
  /** Days from full payment to complete handover (the payment day not counted). */
  days: number;
  inputs: Record<string, string>;
  basis: string;
  explanation: string;
}

/**
 * Thưởng bàn giao mặt bằng sớm (procedure.md §8.7; LĐĐ 2024 Đ111 k7 requires it, the province sets it): a household
 * paid in full that hands over its whole site within `withinDays` days of the payment gets `percent` % of its
 * compensation and support, rounded to the đồng, no less than `min` and no more than `max`. Pure.
 */
export function earlyHandoverBonus(
  rule: EarlyHandoverRule,
  input: { compensation: string; paidOn: string; handedOverOn: string },
): EarlyHandoverBonus {
  const days = Math.max(0, daysBetween(input.paidOn, input.handedOverOn));
  const inputs = {
    compensation: input.compensation,
    percent: rule.percent,
    min: rule.min,
    max: rule.max,
    withinDays: String(rule.withinDays),
    paidOn: input.paidOn,
    handedOverOn: input.handedOverOn,
  };
  if (days > rule.withinDays) {
    return {
      eligible: false,
      amount: '0',
      days,
      inputs,
      basis: rule.basis,
      explanation: `Bàn giao ngày ${formatVnDate(input.handedOverOn)}, sau ${days} ngày kể từ ngày nhận đủ tiền (${formatVnDate(input.paidOn)}), quá ${rule.withinDays} ngày: không được thưởng.`,
    };
  }
  const share = new Decimal(input.compensation).times(rule.percent).div(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  const amount = Decimal.min(Decimal.max(share, rule.min), rule.max);
  const bound =
    amount.eq(rule.min) && share.lt(rule.min)
      ? ' (mức tối thiểu)'
      : amount.eq(rule.max) && share.gt(rule.max)
        ? ' (mức tối đa)'
        : '';
  return {
    eligible: true,
    amount: amount.toFixed(),
    days,
    inputs,
    basis: rule.basis,
    explanation: `${rule.percent.replace('.', ',')} % × ${formatDong(input.compensation)} đồng = ${formatDong(share.toFixed())} đồng; thưởng ${formatDong(amount.toFixed())} đồng${bound}. Bàn giao sau ${days} ngày kể từ ngày nhận đủ tiền (không quá ${rule.withinDays} ngày).`,
  };
}
