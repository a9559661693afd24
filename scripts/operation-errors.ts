/**
 * Which refusals each API operation can answer, found in the code rather than written by hand (issue 16 §9):
 * from each controller handler, every function it can reach (calls resolved by the TypeScript checker, across
 * modules) is searched for `new AppError(kind, 'CODE', message)`, for `notFound('entity', …)`, and for the error
 * objects the regime machines return (`{ kind, code, message }`), for field problems (`{ field, code, message }`, a
 * 400); the regime's own rules add the codes its data names.
 * What the guard, the pipes and the connection limits add is the same for every operation of a kind (signed in, an
 * id in the path, a body or query to validate).
 *
 * `npm run errors` writes src/core/http/operation-errors.generated.ts; buildOpenApi puts it in openapi.json as each
 * operation's 4xx/5xx responses; test/architecture/operation-errors.spec.ts fails when the file is out of date.
 * Calls through a registered callback (documents' sources, the pricing guard) are not followed: their codes are
 * documented where they are reached directly.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';
import { REGIMES } from '../seeds/reference-data.js';
import { HTTP_STATUS_BY_KIND, type ErrorKind, type OperationError } from '../src/core/errors/app-error.js';

/** The project's root (this file runs from scripts/ under jest and from dist/scripts/ under node). */
const ROOT = (() => {
  let dir = import.meta.dirname;
  while (!existsSync(resolve(dir, 'package.json'))) dir = dirname(dir);
  return dir;
})();
const OUT = 'src/core/http/operation-errors.generated.ts';
const HTTP_DECORATORS = new Set(['Get', 'Post', 'Patch', 'Put', 'Delete']);
const KINDS = new Set(Object.keys(HTTP_STATUS_BY_KIND));

/** The same for every operation of its kind: added by the guard, the pipes and the database's limits. */
const SIGNED_IN: OperationError[] = [
  { status: 401, code: 'AUTH.TOKEN_MISSING', message: 'Chưa đăng nhập.' },
  { status: 401, code: 'AUTH.TOKEN_INVALID', message: 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn.' },
  { status: 403, code: 'AUTH.ROLE_NOT_ALLOWED', message: 'Vai trò của bạn không được thực hiện thao tác này.' },
];
const ID_IN_PATH: OperationError = {
  status: 400,
  code: 'VALIDATION.ID_INVALID',
  message: 'Mã định danh trên đường dẫn không hợp lệ.',
};
/** The hostile-input check reads every request's path, query and body before any route. */
const HOSTILE: OperationError = {
  status: 400,
  code: 'VALIDATION.FAILED',
  message: 'Dữ liệu không hợp lệ (details: trường, mã, lời nhắn).',
};
const INPUT: OperationError[] = [
  HOSTILE,
  { status: 400, code: 'VALIDATION.UNKNOWN_FIELD', message: 'Có trường không được phép gửi.' },
];
const BUSY: OperationError = {
  status: 503,
  code: 'SYSTEM.BUSY',
  message: 'Hệ thống đang bận, vui lòng thử lại sau ít phút.',
};

/** Every controller operation (`Controller_method`, Nest's operationId) → the refusals it can answer. */
export function analyseOperationErrors(): Record<string, OperationError[]> {
  return analyse().operations;
}

/** Every literal code of `new AppError(…)` anywhere in src/, reachable or not (to find what the analysis misses). */
export function allErrorCodes(): string[] {
  return analyse().everywhere;
}

let analysed: { operations: Record<string, OperationError[]>; everywhere: string[] } | null = null;

function analyse(): { operations: Record<string, OperationError[]>; everywhere: string[] } {
  if (analysed) return analysed;
  const configPath = resolve(ROOT, 'tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error('tsconfig.json could not be read');
  const files = parsed.fileNames.filter((f) => f.includes('/src/') && !f.endsWith('.spec.ts'));
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const ours = (sf: ts.SourceFile) => !sf.isDeclarationFile && sf.fileName.startsWith(resolve(ROOT, 'src'));

  // Codes the regime definitions name (data, not code), found when their machine's decision is reachable.
  const ruleCodes = (machine: 'planMachine' | 'caseMachine'): OperationError[] =>
    REGIMES.flatMap((r) =>
      Object.values(r[machine].actions).flatMap((a) => {
        const {
          label,
          rules = [],
          wait,
        } = a as {
          label: string;
          rules?: { code: string }[];
          wait?: { code: string; basis: string };
        };
        return [
          ...rules.map((rule) => ({
            status: 409,
            code: rule.code,
            message: `Chưa đủ điều kiện để "${label}" theo quy trình.`,
          })),
          ...(wait
            ? [{ status: 409, code: wait.code, message: `Chưa hết thời hạn trước khi "${label}" (${wait.basis}).` }]
            : []),
        ];
      }),
    );
  const DATA_CODES: Record<string, OperationError[]> = {
    decidePlanAction: ruleCodes('planMachine'),
    decideCaseTransition: ruleCodes('caseMachine'),
  };

  const reachedFrom = new Map<ts.Node, Map<string, OperationError>>();
  const literal = (n: ts.Node | undefined): string | null =>
    n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) ? n.text : null;
  const text = (n: ts.Node | undefined): string => {
    if (!n) return '';
    const l = literal(n);
    if (l !== null) return l;
    if (ts.isTemplateExpression(n)) return n.head.text + n.templateSpans.map((s) => `…${s.literal.text}`).join('');
    return '…';
  };

  /** The refusals reachable from one function (memoised; a cycle contributes what is known so far). */
  const reach = (fn: ts.Node): Map<string, OperationError> => {
    const known = reachedFrom.get(fn);
    if (known) return known;
    const found = new Map<string, OperationError>();
    reachedFrom.set(fn, found);
    const add = (e: OperationError) => {
      if (!found.has(e.code)) found.set(e.code, e);
    };
    const visit = (n: ts.Node): void => {
      if (ts.isNewExpression(n) && n.expression.getText() === 'AppError' && n.arguments) {
        const [kind, code, message] = n.arguments;
        const k = literal(kind);
        const c = literal(code);
        if (k && c && KINDS.has(k))
          add({ status: HTTP_STATUS_BY_KIND[k as ErrorKind], code: c, message: text(message) });
      }
      if (ts.isObjectLiteralExpression(n)) {
        const prop = (name: string) =>
          n.properties.find(
            (p): p is ts.PropertyAssignment =>
              ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name,
          )?.initializer;
        const k = literal(prop('kind'));
        const c = literal(prop('code'));
        if (k && c && KINDS.has(k) && /^[A-Z_]+\.[A-Z0-9_]+$/.test(c))
          add({ status: HTTP_STATUS_BY_KIND[k as ErrorKind], code: c, message: text(prop('message')) });
        // A field problem (`{ field, code, message }`, e.g. a parcel's area rules): refused as invalid input, its
        // code the refusal's (details.problems).
        else if (!k && c && prop('field') && prop('message') && /^[A-Z_]+\.[A-Z0-9_]+$/.test(c))
          add({ status: 400, code: c, message: text(prop('message')) });
      }
      if (ts.isCallExpression(n) || ts.isNewExpression(n)) {
        const callee = n.expression.getText();
        if (callee === 'notFound' && n.arguments) {
          const entity = literal(n.arguments[0]);
          if (entity)
            add({
              status: 404,
              code: `${entity.toUpperCase()}.NOT_FOUND`,
              message: `Không tìm thấy ${text(n.arguments[2])}.`,
            });
        }
        const decl = checker.getResolvedSignature(n)?.declaration;
        if (decl && !ts.isJSDocSignature(decl) && ours(decl.getSourceFile())) {
          const name = decl.name && ts.isIdentifier(decl.name) ? decl.name.text : '';
          for (const e of DATA_CODES[name] ?? []) add(e);
          for (const e of reach(decl).values()) add(e);
        }
      }
      ts.forEachChild(n, visit);
    };
    ts.forEachChild(fn, visit);
    return found;
  };

  const result: Record<string, OperationError[]> = {};
  for (const sf of program.getSourceFiles()) {
    if (!ours(sf)) continue;
    for (const cls of sf.statements.filter(ts.isClassDeclaration)) {
      const decorators = (n: ts.Node) =>
        (ts.canHaveDecorators(n) ? (ts.getDecorators(n) ?? []) : []).map((d) =>
          ts.isCallExpression(d.expression) ? d.expression.expression.getText() : d.expression.getText(),
        );
      if (!decorators(cls).includes('Controller') || !cls.name) continue;
      for (const m of cls.members.filter(ts.isMethodDeclaration)) {
        const own = decorators(m);
        if (!own.some((d) => HTTP_DECORATORS.has(d))) continue;
        const errors = new Map<string, OperationError>();
        const add = (e: OperationError) => {
          if (!errors.has(e.code)) errors.set(e.code, e);
        };
        add(HOSTILE);
        if (!own.includes('Public')) SIGNED_IN.forEach(add);
        const params = m.parameters.map((p) => p.getText());
        if (params.some((p) => p.includes('uuidParam()'))) add(ID_IN_PATH);
        if (params.some((p) => /@(Body|Query)\(\)/.test(p))) INPUT.forEach(add);
        for (const e of reach(m).values()) add(e);
        add(BUSY);
        result[`${cls.name.text.replace(/Controller$/, '')}_${(m.name as ts.Identifier).text}`] = [
          ...errors.values(),
        ].sort((a, b) => a.status - b.status || a.code.localeCompare(b.code));
      }
    }
  }
  const everywhere = new Set<string>();
  const collect = (n: ts.Node): void => {
    if (ts.isNewExpression(n) && n.expression.getText() === 'AppError' && n.arguments) {
      const c = literal(n.arguments[1]);
      if (c) everywhere.add(c);
    }
    ts.forEachChild(n, collect);
  };
  for (const sf of program.getSourceFiles()) if (ours(sf)) collect(sf);
  analysed = {
    operations: Object.fromEntries(Object.entries(result).sort(([a], [b]) => a.localeCompare(b))),
    everywhere: [...everywhere].sort(),
  };
  return analysed;
}

/** The generated module's text (stable: sorted operations, sorted codes). */
export function operationErrorsModule(): string {
  return [
    '// Generated by `npm run errors` (scripts/operation-errors.ts) from the code: do not edit.',
    "import type { OperationError } from '../errors/app-error.js';",
    '',
    `export const OPERATION_ERRORS: Record<string, OperationError[]> = ${JSON.stringify(analyseOperationErrors(), null, 2)};`,
    '',
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  writeFileSync(resolve(ROOT, OUT), operationErrorsModule());
  process.stdout.write(`Wrote ${relative(process.cwd(), resolve(ROOT, OUT))}\n`);
}
