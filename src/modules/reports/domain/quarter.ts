import { addDays } from '../../../shared/dates.js';

/** Roman numerals, as quarters are written in Vietnamese reports ("quý II năm 2024"). */
export const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** First and last day of a quarter. */
export function quarterRange(year: number, quarter: number): { from: string; to: string } {
  const first = (quarter - 1) * 3 + 1;
  const from = `${year}-${String(first).padStart(2, '0')}-01`;
  const next = quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(first + 3).padStart(2, '0')}-01`;
  return { from, to: addDays(next, -1) };
}

export function quarterOf(date: string): { year: number; quarter: number } {
  return { year: Number(date.slice(0, 4)), quarter: Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1 };
}

/** The last day a quarterly report due "before day N of the quarter's last month" may be sent. */
export function quarterlyReportDue(year: number, quarter: number, dueBeforeDay: number): string {
  return addDays(`${year}-${String(quarter * 3).padStart(2, '0')}-${String(dueBeforeDay).padStart(2, '0')}`, -1);
}
