import { Decimal } from 'decimal.js';
import { addDays, daysBetween } from '../../../shared/dates.js';

export type MilestoneStatus = 'met' | 'missed' | 'on_track' | 'at_risk';

export interface MilestoneProgress {
  dueDate: string;
  targetPercent: string;
  /** % handed over on the due date (past milestones) or as of now (future ones). */
  actualPercent: string;
  status: MilestoneStatus;
  /** When the target is reached at the recent rate; null when the rate is zero or the target is met. */
  forecastDate: string | null;
}

/**
 * Milestone status against the handover record (issue 7): a past milestone is met or missed by what was handed
 * over on its date; a future one is on track when the recent handover rate (the last `windowDays`) reaches the
 * target by its date, at risk otherwise. Pure: `handedAsOf(date)` answers the cumulative area handed over.
 */
export function milestoneProgress(
  asOf: string,
  total: string,
  handedAsOf: (date: string) => Decimal,
  milestones: { dueDate: string; targetPercent: string }[],
  windowDays = 30,
): MilestoneProgress[] {
  const T = new Decimal(total);
  const pct = (area: Decimal) => (T.gt(0) ? area.div(T).times(100) : new Decimal(0));
  const now = handedAsOf(asOf);
  const rate = now.minus(handedAsOf(addDays(asOf, -windowDays))).div(windowDays); // m² per day
  return [...milestones]
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
    .map((m) => {
      const targetArea = T.times(m.targetPercent).div(100);
      if (m.dueDate <= asOf) {
        const atDue = handedAsOf(m.dueDate);
        return {
          ...m,
          actualPercent: pct(atDue).toFixed(2),
          status: atDue.gte(targetArea) ? 'met' : 'missed',
          forecastDate: null,
        };
      }
      if (now.gte(targetArea)) return { ...m, actualPercent: pct(now).toFixed(2), status: 'met', forecastDate: null };
      const forecastDate = rate.gt(0) ? addDays(asOf, targetArea.minus(now).div(rate).ceil().toNumber()) : null;
      const onTrack = forecastDate !== null && daysBetween(forecastDate, m.dueDate) >= 0;
      return { ...m, actualPercent: pct(now).toFixed(2), status: onTrack ? 'on_track' : 'at_risk', forecastDate };
    });
}
