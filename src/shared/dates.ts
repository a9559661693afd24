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

/** Dates the procedure can meet: earlier or later ones are typing mistakes (and PostgreSQL refuses year 0). */
export const DATE_YEARS = { min: 1900, max: 2100 } as const;

/** The problem with a date string, or null: YYYY-MM-DD, a day that exists (leap years), within DATE_YEARS. */
export function calendarDateProblem(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return 'Bắt buộc phải có ngày.';
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!m) return 'Ngày phải theo định dạng YYYY-MM-DD.';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < DATE_YEARS.min || year > DATE_YEARS.max) return `Năm phải từ ${DATE_YEARS.min} đến ${DATE_YEARS.max}.`;
  const days = [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  if (month < 1 || month > 12 || day < 1 || day > days[month - 1]) return 'Ngày không tồn tại.';
  return null;
}

/** A YYYY-MM-DD string naming a day that exists (2024-02-30 and 2024-13-01 do not), years 1900–2100. */
export const isCalendarDate = (s: string): boolean => calendarDateProblem(s) === null;
