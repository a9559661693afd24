import { describe, expect, it } from '@jest/globals';
import { quarterlyReportDue, quarterOf, quarterRange } from './quarter.js';

describe('quarters', () => {
  it.each([
    [2024, 1, '2024-01-01', '2024-03-31'],
    [2024, 2, '2024-04-01', '2024-06-30'],
    [2024, 3, '2024-07-01', '2024-09-30'],
    [2024, 4, '2024-10-01', '2024-12-31'],
  ])('quý %i/%i runs from %s to %s', (year, q, from, to) => expect(quarterRange(year, q)).toEqual({ from, to }));

  it.each([
    ['2024-01-01', 2024, 1],
    ['2024-06-30', 2024, 2],
    ['2024-07-01', 2024, 3],
    ['2024-12-31', 2024, 4],
  ])('%s is in quarter %i/%i', (d, year, quarter) => expect(quarterOf(d)).toEqual({ year, quarter }));

  it.each([
    [2024, 2, 20, '2024-06-19'],
    [2024, 4, 20, '2024-12-19'],
    [2025, 1, 1, '2025-02-28'],
  ])('the report of %i Q%i due before day %i is due on %s', (year, q, day, due) =>
    expect(quarterlyReportDue(year, q, day)).toBe(due),
  );
});
