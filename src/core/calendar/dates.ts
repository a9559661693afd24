/**
 * Calendar dates as YYYY-MM-DD strings (legal dates have no time of day). Pure helpers, safe in domain code.
 */
const DAY = 86_400_000;

export const toDayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY;
export const fromDayNumber = (n: number): string => new Date(n * DAY).toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => fromDayNumber(toDayNumber(date) + days);
export const daysBetween = (from: string, to: string): number => toDayNumber(to) - toDayNumber(from);

/** "Cao Lộc, ngày 05 tháng 01 năm 2024" style: dd/mm/yyyy for messages. */
export const formatVnDate = (date: string): string => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/**
 * End of a period of `days` calendar days that starts after `start` (BLDS 2015 Đ147: the first day is not counted),
 * so the period covers start+1 … start+days. An act that must wait for the period to be over may happen the day after.
 */
export const periodEnd = (start: string, days: number): string => addDays(start, days);

/** A YYYY-MM-DD string naming a day that exists (2024-02-30 and 2024-13-01 do not). */
export const isCalendarDate = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(toDayNumber(s)) && fromDayNumber(toDayNumber(s)) === s;
