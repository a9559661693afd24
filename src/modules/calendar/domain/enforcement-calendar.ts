import { addDays, formatVnDate } from '../../../shared/dates.js';

/** When enforcement may be organised (procedure.md §6.1 guard 6): start hours, and the days around the Tết break. */
export interface EnforcementCalendarRules {
  /** 'HH:MM': no start before this hour… */
  earliestStart: string;
  /** …nor at or after this one. */
  latestStart: string;
  /** Days before the first and after the last day of the Tết break. */
  daysAroundTet: number;
  basis: string;
}

/** The days the rules name, from the holiday table: each day's kind and name, and the Tết breaks as date ranges. */
export interface EnforcementDays {
  /** Public holidays, Tết days, compensatory days and ethnic traditional days, by date. */
  days: ReadonlyMap<string, { kind: string; name: string }>;
  tetBreaks: readonly { from: string; to: string; name: string }[];
}

export interface EnforcementRefusal {
  code: 'ENFORCEMENT.NIGHT' | 'ENFORCEMENT.HOLIDAY' | 'ENFORCEMENT.NEAR_TET';
  message: string;
}

/**
 * Why enforcement may not start on `date` at `time` ('HH:MM'); an empty list when it may. Pure: the rules and the
 * holiday table are inputs, so a refusal can be explained years later with the table of its time.
 */
export function enforcementRefusals(
  date: string,
  time: string,
  rules: EnforcementCalendarRules,
  cal: EnforcementDays,
): EnforcementRefusal[] {
  const out: EnforcementRefusal[] = [];
  if (time < rules.earliestStart || time >= rules.latestStart) {
    out.push({
      code: 'ENFORCEMENT.NIGHT',
      message: `Không tổ chức cưỡng chế vào ban đêm (từ ${rules.latestStart.replace(':', ' giờ ')} đến ${rules.earliestStart.replace(':', ' giờ ')} sáng hôm sau); giờ dự kiến: ${time}.`,
    });
  }
  const day = cal.days.get(date);
  if (day)
    out.push({
      code: 'ENFORCEMENT.HOLIDAY',
      message: `Ngày ${formatVnDate(date)} là ngày nghỉ lễ, Tết hoặc ngày truyền thống (${day.name}): không tổ chức cưỡng chế.`,
    });
  for (const b of cal.tetBreaks) {
    const from = addDays(b.from, -rules.daysAroundTet);
    const to = addDays(b.to, rules.daysAroundTet);
    if (date >= from && date <= to && !(date >= b.from && date <= b.to)) {
      out.push({
        code: 'ENFORCEMENT.NEAR_TET',
        message: `Ngày ${formatVnDate(date)} nằm trong ${rules.daysAroundTet} ngày trước hoặc sau kỳ nghỉ ${b.name} (${formatVnDate(b.from)}–${formatVnDate(b.to)}): không tổ chức cưỡng chế từ ${formatVnDate(from)} đến ${formatVnDate(to)}.`,
      });
    }
  }
  return out;
}

/** Tết breaks as runs of consecutive `tet` days in the holiday table. */
export function tetBreaks(
  tetDays: readonly { date: string; name: string }[],
): { from: string; to: string; name: string }[] {
  const sorted = [...tetDays].sort((a, b) => a.date.localeCompare(b.date));
  const out: { from: string; to: string; name: string }[] = [];
  for (const d of sorted) {
    const last = out[out.length - 1];
    if (last && addDays(last.to, 1) === d.date) last.to = d.date;
    else out.push({ from: d.date, to: d.date, name: d.name });
  }
  return out;
}
