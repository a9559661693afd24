import { describe, expect, it } from '@jest/globals';
import {
  calendarDaysBetween,
  calendarDeadline,
  isWorkingDay,
  workingDayDeadline,
  workingDaysBetween,
} from './calendar.js';

// Tết Giáp Thìn 2024: rest from Thursday 08/02 to Wednesday 14/02 (official notice); with the weekend, 7 days.
const TET_2024 = ['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14'];
const rest = { holidays: new Set([...TET_2024, '2024-04-18', '2024-04-29', '2024-04-30', '2024-05-01']) };

describe('legal day counting', () => {
  it.each([
    ['posting 20 days from Mon 01/07/2024 ends Sun 21/07 → Mon 22/07', '2024-07-01', 20, '2024-07-22'],
    ['30 days from 10/01/2024 ends Fri 09/02, Tết → Thu 15/02', '2024-01-10', 30, '2024-02-15'],
    ['10 days from 21/04/2024 ends 01/05 (holiday) → Thu 02/05', '2024-04-21', 10, '2024-05-02'],
    ['90 days from 05/01/2024 ends Thu 04/04 (working day)', '2024-01-05', 90, '2024-04-04'],
  ])('%s', (_n, start, days, end) => {
    expect(calendarDeadline(start, days, rest)).toBe(end);
  });

  it.each([
    ['10 working days from Fri 02/02/2024 across Tết → Fri 23/02', '2024-02-02', 10, '2024-02-23'],
    ['5 working days from Mon 01/07/2024 → Mon 08/07', '2024-07-01', 5, '2024-07-08'],
    ['1 working day from Fri 26/04/2024 (Mon 29, Tue 30, Wed 01 off) → Thu 02/05', '2024-04-26', 1, '2024-05-02'],
  ])('%s', (_n, start, days, end) => {
    expect(workingDayDeadline(start, days, rest)).toBe(end);
  });

  it('counts working days across Tết: 01/02 → 29/02/2024 has 15', () => {
    // February 2024: 21 weekdays, 5 of them Tết holidays; 01/02 itself not counted.
    expect(workingDaysBetween('2024-02-01', '2024-02-29', rest)).toBe(15);
    expect(isWorkingDay('2024-02-12', rest)).toBe(false);
    expect(isWorkingDay('2024-02-15', rest)).toBe(true);
  });

  it('counts calendar days without the first', () => {
    expect(calendarDaysBetween('2024-01-05', '2024-04-04')).toBe(90);
  });
});
