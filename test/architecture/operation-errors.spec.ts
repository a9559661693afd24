import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { allErrorCodes, operationErrorsModule } from '../../scripts/operation-errors.js';
import { GLOBAL_ERRORS } from '../../src/core/http/configure-app.js';

interface Operation {
  operationId: string;
  summary?: string;
  security?: unknown[];
  responses: Record<string, { description: string }>;
  'x-error-codes'?: string[];
}
const spec = JSON.parse(readFileSync('openapi.json', 'utf8')) as { paths: Record<string, Record<string, Operation>> };
const operations = Object.entries(spec.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, ...op })),
);

/** Issue 16 §9: every operation has a summary and lists the refusals it can answer, found in the code. */
describe('the API documents every operation', () => {
  it('src/core/http/operation-errors.generated.ts is what the code gives today (npm run errors)', () => {
    expect(readFileSync('src/core/http/operation-errors.generated.ts', 'utf8')).toBe(operationErrorsModule());
  }, 120_000);

  it('every operation has a Vietnamese summary', () => {
    const missing = operations.filter(
      (o) => !o.summary || !/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i.test(o.summary),
    );
    expect(missing.map((o) => o.name)).toEqual([]);
    expect(operations.length).toBeGreaterThan(90);
  });

  it('every operation lists its refusals; a signed-in one starts with 401, one with an id in its path with its 404', () => {
    for (const o of operations) {
      const codes = o['x-error-codes'] ?? [];
      expect({ op: o.name, hasCodes: codes.length > 0 }).toEqual({ op: o.name, hasCodes: true });
      for (const code of codes) {
        const documented = Object.values(o.responses).some((r) => r.description.includes(`\`${code}\``));
        expect({ op: o.name, code, documented }).toEqual({ op: o.name, code, documented: true });
      }
      if (o.name !== 'POST /api/v1/auth/login' && o.name !== 'GET /api/v1/health')
        expect({ op: o.name, has401: codes.includes('AUTH.TOKEN_MISSING') }).toEqual({ op: o.name, has401: true });
    }
    const byName = new Map(operations.map((o) => [o.name, o['x-error-codes'] ?? []]));
    // Spot checks: what the rules of the procedure refuse is on the operation that applies them.
    expect(byName.get('POST /api/v1/plans/{id}/transitions')).toEqual(
      expect.arrayContaining([
        'PLAN.NOT_FOUND',
        'CONCURRENCY.STALE_VERSION',
        'PLAN.POSTING_PERIOD_NOT_OVER',
        'PLAN.NOTICE_PERIOD_NOT_OVER',
        'PLAN.APPRAISAL_ALREADY_GIVEN',
        'PLAN.ROLE_NOT_ALLOWED',
      ]),
    );
    expect(byName.get('POST /api/v1/cases/{id}/transitions')).toEqual(
      expect.arrayContaining([
        'CASE.TRANSITION_NOT_ALLOWED',
        'CASE.DOCUMENT_REQUIRED',
        'CASE.PERSUASION_PERIOD_NOT_OVER',
      ]),
    );
    expect(byName.get('POST /api/v1/cases/{caseId}/payments')).toEqual(
      expect.arrayContaining(['PAYMENT.OVERPAYMENT', 'PAYMENT.IDEMPOTENCY_KEY_REQUIRED']),
    );
    expect(byName.get('POST /api/v1/auth/login')).toEqual(
      expect.arrayContaining(['AUTH.INVALID_CREDENTIALS', 'AUTH.TOO_MANY_ATTEMPTS']),
    );
  });

  it('every code the code can throw is documented on an operation, or for all of them', () => {
    const documented = new Set([
      ...operations.flatMap((o) => o['x-error-codes'] ?? []),
      ...GLOBAL_ERRORS.map((e) => e.code),
    ]);
    expect(allErrorCodes().filter((c) => !documented.has(c))).toEqual([]);
  }, 120_000);
});
