import { addDays, toDayNumber } from '../../../shared/dates.js';

/**
 * Legal time counting (procedure.md §4; Bộ luật Dân sự 2015 Đ147 k2, Đ148 k5): the first day is not counted, and a
 * period whose last day is a rest day (weekend or holiday) ends on the next working day. Working-day periods skip
 * rest days altogether. Pure: the holidays are an input, so a computation can be replayed with the table of its time.
 */
export interface RestDays {
  /** YYYY-MM-DD of public holidays and compensatory days off (not weekends, which are always rest days). */
  holidays: ReadonlySet<string>;
}

export function isWeekend(date: string): boolean {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow === 0 || dow === 6;
}

export function isWorkingDay(date: string, rest: RestDays): boolean {
  return !isWeekend(date) && !rest.holidays.has(date);
}

export function nextWorkingDay(date: string, rest: RestDays): string {
  let d = date;
  while (!isWorkingDay(d, rest)) d = addDays(d, 1);
  return d;
}

/**
 * Last day of a period of `days` calendar days from an event on `start`: the first day is not counted (BLDS 2015
 * Đ147 k2), so the period covers start+1 … start+days, and when that day is a rest day the period ends on the next
 * working day (Đ148 k5). The one place every period the system counts is computed: posting, notice, waits between
 * steps, payment, complaints, deadlines lists.
 */
export function calendarDeadline(start: string, days: number, rest: RestDays): string {
  return nextWorkingDay(addDays(start, days), rest);
}

/** Last day of a period of `days` working days from an event on `start` (the start day itself not counted). */
export function workingDayDeadline(start: string, days: number, rest: RestDays): string {
  let d = start;
  let left = days;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d, rest)) left--;
  }
  return d;
}

/** Working days strictly after `from` up to and including `to`. */
export function workingDaysBetween(from: string, to: string, rest: RestDays): number {
  let n = 0;
  for (let d = addDays(from, 1); toDayNumber(d) <= toDayNumber(to); d = addDays(d, 1)) if (isWorkingDay(d, rest)) n++;
  return n;
}

/** Whole calendar days elapsed from `from` to `to` (the first day not counted): 1 July → 31 July is 30. */
export const calendarDaysBetween = (from: string, to: string): number => toDayNumber(to) - toDayNumber(from);
