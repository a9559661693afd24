import { Decimal } from 'decimal.js';
import { formatVnDate } from '../../../shared/dates.js';

/** Area handed over on one day (the sum of that day's handover records, m², exact decimal string). */
export interface HandoverDay {
  date: string;
  area: string;
}

/** One point of the curve: cumulative share of the area handed over at the end of `date` (2 decimals). */
export interface SeriesPoint {
  date: string;
  percent: string;
}

/** A milestone drawn on the chart: its target on its due date, and the label leaders read. */
export interface MilestonePoint {
  date: string;
  percent: string;
  /** "70 % — 30/06/2024" */
  label: string;
}

export interface ProgressSeries {
  from: string;
  asOf: string;
  points: SeriesPoint[];
  milestones: MilestonePoint[];
}

/**
 * Cumulative area handed over as of any date, from the daily sums (prefix sums + binary search, so a dashboard over
 * many projects and milestones stays linear). `days` may come in any order and repeat a date.
 */
export function cumulativeHandover(days: HandoverDay[]): (date: string) => Decimal {
  const merged = mergeDays(days);
  const dates = merged.map((d) => d.date);
  const sums: Decimal[] = [];
  merged.reduce((s, d) => {
    const next = s.plus(d.area);
    sums.push(next);
    return next;
  }, new Decimal(0));
  return (date: string) => {
    // Last index with dates[i] <= date.
    let lo = 0;
    let hi = dates.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (dates[mid] <= date) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? new Decimal(0) : sums[lo - 1];
  };
}

/** Share of `total` in %, 2 decimals (0.00 when nothing is to be recovered), as the progress endpoints give it. */
export const percentOf = (area: Decimal, total: string): string =>
  new Decimal(total).gt(0) ? area.div(total).times(100).toFixed(2) : '0.00';

/** "70" → "70", "72.50" → "72,5": a target as a Vietnamese reader writes it. */
export const vnPercent = (percent: string): string => new Decimal(percent).toFixed().replace('.', ',');

/**
 * The progress chart's data (issue 7): the cumulative share of the area handed over, one point per day with a
 * handover, from `start` (the project's start) or else the first handover, to `asOf`; and the milestone targets as
 * (due date, target %) points. Each point is the figure `GET /projects/:id/progress?asOf=<date>` gives for that date,
 * so the chart, the progress endpoint and the quarterly report agree to the hundredth of a percent.
 * Handovers after `asOf` are not shown (the chart is "as of" a date, like the figures).
 */
export function progressSeries(input: {
  total: string;
  handovers: HandoverDay[];
  asOf: string;
  start?: string | null;
  milestones: { dueDate: string; targetPercent: string }[];
}): ProgressSeries {
  const { total, asOf } = input;
  const days = mergeDays(input.handovers).filter((d) => d.date <= asOf);
  const handedAsOf = cumulativeHandover(days);
  let from = input.start ?? days[0]?.date ?? asOf;
  if (from > asOf) from = asOf;
  const dates = [from, ...days.map((d) => d.date).filter((d) => d > from), asOf];
  const points: SeriesPoint[] = [];
  for (const date of dates) {
    if (points.length > 0 && points[points.length - 1].date === date) continue;
    points.push({ date, percent: percentOf(handedAsOf(date), total) });
  }
  const milestones = [...input.milestones]
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
    .map((m) => ({
      date: m.dueDate,
      percent: new Decimal(m.targetPercent).toFixed(2),
      label: `${vnPercent(m.targetPercent)} % — ${formatVnDate(m.dueDate)}`,
    }));
  return { from, asOf, points, milestones };
}

function mergeDays(days: HandoverDay[]): HandoverDay[] {
  const byDate = new Map<string, Decimal>();
  for (const d of days) byDate.set(d.date, (byDate.get(d.date) ?? new Decimal(0)).plus(d.area));
  return [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, area]) => ({ date, area: area.toFixed() }));
}
