import { applyDecorators, ParseUUIDPipe } from '@nestjs/common';
import { AppError } from '../errors/app-error.js';
import { Matches, ValidateBy, ValidateIf, ValidationOptions } from 'class-validator';
import { calendarDateProblem } from '../../shared/dates.js';

/**
 * Shared field validators. Messages prefixed `VI:` are shown to the clerk as they are (see validation.ts).
 * Amounts travel as strings of digits (integer đồng) and areas as decimal strings, never as JSON floats.
 */
const vi = (message: string): ValidationOptions => ({ message: `VI:${message}` });

/** Căn cước công dân: 12 digits (Luật Căn cước 2023). */
export const IsCccd = () => Matches(/^\d{12}$/, vi('Số CCCD phải gồm đúng 12 chữ số.'));

/** Area in m² as a decimal string with at most 4 decimals, e.g. "9222.1". */
export const IsDecimalArea = () =>
  Matches(
    /^(0|[1-9]\d{0,11})(\.\d{1,4})?$/,
    vi('Diện tích phải là số thập phân không âm, dùng dấu chấm, tối đa 4 chữ số lẻ (ví dụ 9222.1).'),
  );

/** Percentage 0–100 with up to 2 decimals, as a string. */
export const IsPercent = () =>
  Matches(
    /^(100(\.0{1,2})?|[1-9]?\d(\.\d{1,2})?)$/,
    vi('Tỷ lệ phải từ 0 đến 100, tối đa 2 chữ số lẻ (ví dụ 70 hoặc 72.5).'),
  );

/** Money in integer đồng, as a string of digits (may exceed 2^53). */
export const IsVndAmount = () =>
  Matches(/^(0|[1-9]\d{0,17})$/, vi('Số tiền phải là số nguyên đồng, không có dấu phân cách.'));

/** Calendar date YYYY-MM-DD that exists, years 1900–2100. */
export const IsCalendarDate = (options: ValidationOptions = {}) =>
  ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value) => calendarDateProblem(value) === null,
        defaultMessage: (args) => `VI:${calendarDateProblem(args?.value)}`,
      },
    },
    options,
  );

/** Map sheet (số tờ) or parcel number (số thửa): digits, optionally followed by letters or "-digits". */
export const IsParcelNumber = () =>
  Matches(/^[0-9]{1,6}([a-zA-Z]|-[0-9]{1,4})?$/, vi('Số tờ/số thửa phải là số (ví dụ 85, 85a, 12-1).'));

/**
 * An optional field: it may be left out, but when sent it is validated — `null` included, which is refused unless
 * the field is declared nullable with class-validator's own `@IsOptional()` (a few fields, where null clears a value).
 * `{"recoveredArea": null}` is a coded 400, not a TypeError in the service.
 */
export const Optional = () =>
  applyDecorators(
    ValidateIf((_object: object, value: unknown) => value !== undefined),
    ValidateBy({
      name: 'isNotNull',
      validator: {
        validate: (value) => value !== null,
        defaultMessage: () => 'VI:Không được để trống (null); bỏ trường này nếu không thay đổi.',
      },
    }),
  );

/** Route ids: a malformed id is a coded 400, not a database error. */
export const uuidParam = () =>
  new ParseUUIDPipe({
    exceptionFactory: () =>
      new AppError('validation', 'VALIDATION.ID_INVALID', 'Mã định danh trên đường dẫn không hợp lệ.'),
  });
