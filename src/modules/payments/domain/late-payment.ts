import { Decimal } from 'decimal.js';
import { addDays, toDayNumber } from '../../../shared/dates.js';

/** A late-payment rate in force from a date (Luật Quản lý thuế: % per day of the amount paid late). */
export interface LateRate {
  effectiveFrom: string;
  percentPerDay: string;
  basis: string;
}

export interface LateAmount {
  /** Days after the deadline up to and including the payment date (the deadline day itself is not late). */
  days: number;
  /** Integer đồng, rounded half up once at the end. */
  amount: string;
  /** The rates applied, with their day counts, for the record. */
  parts: { from: string; to: string; days: number; percentPerDay: string; basis: string }[];
}

/**
 * Tiền chậm trả (LĐĐ 2013 Đ93 k2; LĐĐ 2024 Đ94 k3 b; procedure.md §8.9): amount × rate × days late, where the rate is
 * the tax-administration late rate in force on each day (a dated table, so a rate change mid-way is honoured).
 */
export function lateAmount(amount: string, deadline: string, paidOn: string, rates: LateRate[]): LateAmount {
  const days = Math.max(0, toDayNumber(paidOn) - toDayNumber(deadline));
  if (days === 0) return { days: 0, amount: '0', parts: [] };
  const sorted = [...rates].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const parts: LateAmount['parts'] = [];
  let total = new Decimal(0);
  for (let d = 1; d <= days; d++) {
    const day = addDays(deadline, d);
    const rate = [...sorted].reverse().find((r) => r.effectiveFrom <= day);
    if (!rate) throw new Error(`no late-payment rate in force on ${day}`);
    const last = parts[parts.length - 1];
    if (last && last.percentPerDay === rate.percentPerDay && last.basis === rate.basis) {
      last.to = day;
      last.days++;
    } else {
      parts.push({ from: day, to: day, days: 1, percentPerDay: rate.percentPerDay, basis: rate.basis });
    }
    total = total.plus(new Decimal(amount).times(rate.percentPerDay).div(100));
  }
  return { days, amount: total.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(), parts };
}
