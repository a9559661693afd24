import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError, FieldProblem, problemDetails } from '../errors/app-error.js';

/**
 * Vietnamese messages per class-validator constraint. A constraint with its own message (our shared validators)
 * keeps it; anything unknown falls back to a generic message rather than English.
 */
const MESSAGES: Record<string, (c: Record<string, unknown>) => string> = {
  whitelistValidation: () => 'Trường này không được phép gửi lên.',
  isNotEmpty: () => 'Không được để trống.',
  isDefined: () => 'Bắt buộc phải có.',
  isString: () => 'Phải là chuỗi ký tự.',
  isInt: () => 'Phải là số nguyên.',
  isBoolean: () => 'Phải là true hoặc false.',
  isUuid: () => 'Mã định danh không hợp lệ.',
  isIn: () => 'Giá trị không nằm trong danh sách cho phép.',
  isEnum: () => 'Giá trị không nằm trong danh sách cho phép.',
  isArray: () => 'Phải là một danh sách.',
  arrayNotEmpty: () => 'Danh sách không được rỗng.',
  isDateString: () => 'Ngày không hợp lệ (định dạng YYYY-MM-DD).',
  isISO8601: () => 'Ngày không hợp lệ (định dạng YYYY-MM-DD).',
  min: () => 'Giá trị nhỏ hơn mức tối thiểu.',
  max: () => 'Giá trị lớn hơn mức tối đa.',
  minLength: () => 'Quá ngắn.',
  maxLength: () => 'Quá dài.',
  matches: () => 'Sai định dạng.',
  nestedValidation: () => 'Dữ liệu con không hợp lệ.',
};

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const constraints = Object.entries(e.constraints ?? {});
    // A field left out says it is required (issue 18 §14), not "less than the minimum" for a missing version: one
    // problem, with a shared validator's own wording when it has one ("Bắt buộc phải có ngày.").
    if (e.value === undefined && constraints.length > 0 && !e.constraints?.whitelistValidation) {
      const own = constraints
        .map(
          ([c, english]) =>
            (e.contexts?.[c] as { vi?: string } | undefined)?.vi ??
            (english.startsWith('VI:') ? english.slice(3) : null),
        )
        .find((m) => m?.startsWith('Bắt buộc'));
      out.push({ field, code: 'VALIDATION.REQUIRED', message: own ?? 'Bắt buộc phải có.' });
      continue;
    }
    for (const [constraint, english] of constraints) {
      const own = (e.contexts?.[constraint] as { vi?: string } | undefined)?.vi;
      const code =
        constraint === 'whitelistValidation' ? 'VALIDATION.UNKNOWN_FIELD' : `VALIDATION.${toCode(constraint)}`;
      const message =
        own ?? (english.startsWith('VI:') ? english.slice(3) : (MESSAGES[constraint]?.({}) ?? 'Giá trị không hợp lệ.'));
      out.push({ field, code, message });
    }
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}

function toCode(constraint: string): string {
  return constraint.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

export function validationError(problems: FieldProblem[]): AppError {
  const unknown = problems.every((p) => p.code === 'VALIDATION.UNKNOWN_FIELD');
  return new AppError(
    'validation',
    unknown ? 'VALIDATION.UNKNOWN_FIELD' : 'VALIDATION.FAILED',
    unknown
      ? `Dữ liệu gửi lên có trường không được phép: ${problems.map((p) => p.field).join(', ')}.`
      : `Dữ liệu không hợp lệ: ${problems.map((p) => `${p.field} — ${p.message}`).join('; ')}`,
    problemDetails(problems),
  );
}

/** Strict global validation: unknown fields rejected, types transformed, every problem reported with its field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => validationError(flatten(errors)),
  });
}
