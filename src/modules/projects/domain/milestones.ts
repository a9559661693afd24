import { Decimal } from 'decimal.js';

export interface MilestoneTarget {
  dueDate: string; // YYYY-MM-DD
  targetPercent: string; // exact decimal
}

/**
 * Milestone targets are cumulative shares of the project's area handed over, so a later milestone may not ask for
 * less than an earlier one ("70 % by 30/6, 100 % by 31/12"). Returns the offending pair, or null when consistent.
 */
export function findDecreasingTarget(
  milestones: readonly MilestoneTarget[],
): [MilestoneTarget, MilestoneTarget] | null {
  const sorted = [...milestones].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  for (let i = 1; i < sorted.length; i++) {
    if (new Decimal(sorted[i].targetPercent).lt(sorted[i - 1].targetPercent)) return [sorted[i - 1], sorted[i]];
  }
  return null;
}
