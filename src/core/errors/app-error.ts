/**
 * Every error a client sees carries a stable code (`AREA.RULE`), a Vietnamese message a clerk understands,
 * and details (the field, the rule's figures). The HTTP status is decided here, once, by kind.
 */
export type ErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'internal'
  | 'unavailable';

export const HTTP_STATUS_BY_KIND: Record<ErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/**
 * One shape for every error's details: an object. `field` names the field at fault (the first one when there are
 * several); `problems` lists every field's problem when a request has more than one to report (validation, import
 * rows); the other keys are the rule's figures (`{ period: 90, deliveredOn: … }`).
 */
export interface ErrorDetails {
  field?: string;
  problems?: FieldProblem[];
  [figure: string]: unknown;
}

/** Details for a list of field problems: every problem, and the first one's field. */
export function problemDetails(problems: FieldProblem[]): ErrorDetails {
  return problems.length ? { field: problems[0].field, problems } : { problems };
}

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return HTTP_STATUS_BY_KIND[this.kind];
  }
}

/** The record's id goes in the details, not the message: a clerk reads the message, never an id. */
export const notFound = (entity: string, id: string | number, label: string) =>
  new AppError('not_found', `${entity.toUpperCase()}.NOT_FOUND`, `Không tìm thấy ${label}.`, {
    id: String(id),
  });

export const staleVersion = (entity: string, expected: number, actual: number) =>
  new AppError(
    'conflict',
    'CONCURRENCY.STALE_VERSION',
    'Bản ghi đã được người khác sửa trước bạn. Vui lòng tải lại và nhập lại thay đổi.',
    { entity, yourVersion: expected, currentVersion: actual },
  );

/** A refusal an API operation can answer, as openapi.json documents it (src/core/http/operation-errors.generated.ts). */
export interface OperationError {
  status: number;
  code: string;
  message: string;
}
