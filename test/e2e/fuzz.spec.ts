import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { GLOBAL_ERRORS } from '../../src/core/http/configure-app.js';

/**
 * Hostile traffic on every write route of the contract (issue 14): bodies shaped by the route's schema with hostile
 * values mixed in (NUL, lone surrogates, decomposed text, huge and negative numbers, year 0000, null, deep nesting,
 * prototype keys, wrong types) and plain random JSON, sent by several roles to real records. Every answer must be
 * below 500, and a refused request must leave every table as it was. The run is seeded (FUZZ_SEED to replay another;
 * a failure prints its seed and the shrunk request). FUZZ_RUNS sets the number of requests.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);

interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  example?: unknown;
  nullable?: boolean;
}
interface Route {
  method: 'post' | 'put' | 'patch' | 'delete' | 'get';
  path: string;
  schema: Schema | null;
  query?: string[];
  /** The refusals openapi.json documents for the operation (and those any operation may answer). */
  codes: Set<string>;
}

const spec = JSON.parse(readFileSync('openapi.json', 'utf8')) as {
  paths: Record<
    string,
    Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> }; 'x-error-codes'?: string[] }>
  >;
  components: { schemas: Record<string, Schema> };
};

// Logging out would only take the fuzzer's own tokens away.
const SKIPPED = new Set(['post /api/v1/auth/logout']);
const documented = (codes: string[] | undefined) => new Set([...(codes ?? []), ...GLOBAL_ERRORS.map((e) => e.code)]);
/**
 * A refusal's code is one its operation documents (issue 16 §9: the API docs list every operation's errors), and its
 * details have the one shape every error has (issue 18 §14): an object; with `problems`, each names its field, code
 * and message, and `field` is the first problem's.
 */
const expectDocumented = (
  route: Route,
  path: string,
  res: { status: number; body?: { code?: unknown; details?: unknown } },
) => {
  if (res.status < 400) return;
  const where = `${route.method.toUpperCase()} ${path} → ${res.status} ${String(res.body?.code)}`;
  if (typeof res.body?.code === 'string' && !route.codes.has(res.body.code))
    throw new Error(`${where}, not documented for the operation (npm run errors)`);
  const details = res.body?.details as { field?: unknown; problems?: unknown } | undefined;
  if (typeof details !== 'object' || details === null || Array.isArray(details))
    throw new Error(`${where}: details must be an object, got ${JSON.stringify(details)}`);
  if (details.problems !== undefined) {
    const problems = details.problems as { field?: unknown; code?: unknown; message?: unknown }[];
    const wellFormed =
      Array.isArray(problems) &&
      problems.every((p) => [p.field, p.code, p.message].every((v) => typeof v === 'string')) &&
      details.field === problems[0]?.field;
    if (!wellFormed) throw new Error(`${where}: malformed details.problems ${JSON.stringify(details)}`);
  }
};

const ROUTES: Route[] = Object.entries(spec.paths).flatMap(([path, ops]) =>
  Object.entries(ops)
    .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method) && !SKIPPED.has(`${method} ${path}`))
    .map(([method, op]) => ({
      method: method as Route['method'],
      path,
      schema: op.requestBody?.content?.['application/json']?.schema ?? null,
      codes: documented(op['x-error-codes']),
    })),
);

const READS: Route[] = Object.entries(spec.paths).flatMap(([path, ops]) => {
  const op = (ops as Record<string, { parameters?: { name: string; in: string }[]; 'x-error-codes'?: string[] }>).get;
  return op
    ? [
        {
          method: 'get' as const,
          path,
          schema: null,
          query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
          codes: documented(op['x-error-codes']),
        },
      ]
    : [];
});

const resolve = (s: Schema): Schema => (s.$ref ? resolve(spec.components.schemas[s.$ref.split('/').pop()!]) : s);

const NFD = 'Nguyễn Thị Hoà — Xã Hợp Thành'.normalize('NFD');
const hostileString = fc.constantFrom(
  'a\u0000b',
  'a\ud800b',
  '\udfff',
  NFD,
  '',
  ' ',
  'x'.repeat(10_000),
  "'; DROP TABLE cases; --",
  '😀'.repeat(50),
  '0000-01-01',
  '2023-02-29',
  '9999-12-31',
  '-1',
  '1e308',
  '99999999999999999999999',
  'NaN',
  '00000000-0000-0000-0000-000000000000',
  '<script>alert(1)</script>',
  '\u202eabc',
  '%00',
  '../../etc/passwd',
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, [], {}, [null], {
    a: null,
  }),
  fc.constant(JSON.parse('{"__proto__":{"admin":true}}')),
  fc.constant({ constructor: { prototype: { polluted: true } } }),
  fc.integer({ min: 33, max: 200 }).map((depth) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`)),
);

function arbitraryFor(raw: Schema, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(raw);
  const hostile = { weight: 1, arbitrary: hostileValue };
  if (s.enum) return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...s.enum) }, hostile);
  switch (s.type) {
    case 'string': {
      const usual = s.example !== undefined ? fc.constant(s.example) : fc.string({ maxLength: 30 });
      return fc.oneof(
        { weight: 4, arbitrary: usual },
        { weight: 2, arbitrary: fc.string({ maxLength: 30, unit: 'grapheme' }) },
        hostile,
      );
    }
    case 'integer':
    case 'number':
      return fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(1, 2, 2024) },
        { weight: 2, arbitrary: fc.integer() },
        hostile,
      );
    case 'boolean':
      return fc.oneof({ weight: 4, arbitrary: fc.boolean() }, hostile);
    case 'array':
      return depth > 3
        ? hostileValue
        : fc.oneof(
            { weight: 4, arbitrary: fc.array(arbitraryFor(s.items ?? {}, depth + 1), { maxLength: 3 }) },
            hostile,
          );
    default: {
      if (!s.properties || depth > 3) return fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostileValue);
      const props = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, arbitraryFor(v, depth + 1)]));
      const record = fc.record(props, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
      return fc.oneof({ weight: 6, arbitrary: record }, hostile);
    }
  }
}

/** A plausible value for a field, by its schema and name (the contract has few formats): what a clerk would send. */
function plausible(raw: Schema, name: string, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(raw);
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.type === 'array')
    return depth > 3
      ? fc.constant([])
      : fc.array(plausible(s.items ?? {}, name.replace(/s$/, ''), depth + 1), { minLength: 1, maxLength: 2 });
  if (s.type === 'integer' || s.type === 'number')
    return s.example !== undefined ? fc.constant(s.example) : fc.constantFrom(1, 2, 2024);
  if (s.type === 'boolean') return fc.boolean();
  if (s.type === 'string') {
    if (/Id$/.test(name)) return fc.constantFrom(...allIds);
    if (s.example !== undefined) return fc.constant(s.example);
    if (/(On|Date|date|From|To|By)$/.test(name)) return fc.constantFrom('2024-06-30', '2025-07-10', '2024-01-02');
    if (/amount|net|price|Price/i.test(name)) return fc.constantFrom('1000000', '0', '250000');
    if (/area|Area|quantity/i.test(name)) return fc.constantFrom('100.5', '0', '12');
    if (/percent/i.test(name)) return fc.constantFrom('70', '100');
    if (/time|Time/.test(name)) return fc.constant('08:00');
    return fc.constantFrom('Ghi chú thử', 'Hộ ông Hoàng Văn Thử', '1');
  }
  if (!s.properties || depth > 3) return fc.constant({});
  const props = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, plausible(v, k, depth + 1)]));
  return fc.record(props, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
}

/** The paths of the leaves of a value (fields and list items). */
function leaves(v: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (v === null || typeof v !== 'object') return [path];
  const keys = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
  return keys.length === 0
    ? [path]
    : keys.flatMap((k) => leaves((v as Record<string | number, unknown>)[k], [...path, k]));
}

/** A plausible body with exactly one part replaced by a hostile value: the request reaches the rule that must refuse it. */
const oneHostile = (schema: Schema): fc.Arbitrary<unknown> =>
  fc.tuple(plausible(schema, ''), fc.nat(), hostileValue).map(([body, n, bad]) => {
    const paths = leaves(body);
    const path = paths[n % paths.length];
    if (path.length === 0) return bad;
    const copy = structuredClone(body) as Record<string | number, unknown>;
    let node = copy;
    for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
    node[path[path.length - 1]] = bad;
    return copy;
  });

/** A body for a route: plausible ones, one with one hostile part, schema-shaped noise, an unknown field, random JSON. */
const bodyFor = (route: Route): fc.Arbitrary<unknown> => {
  if (!route.schema) return fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 }));
  const shaped = arbitraryFor(route.schema);
  return fc.oneof(
    { weight: 3, arbitrary: plausible(route.schema, '') },
    { weight: 5, arbitrary: oneHostile(route.schema) },
    { weight: 3, arbitrary: shaped },
    {
      weight: 1,
      arbitrary: fc
        .tuple(shaped, fc.string({ minLength: 1, maxLength: 10 }), hostileValue)
        .map(([b, k, v]) => (b && typeof b === 'object' && !Array.isArray(b) ? { ...b, [k]: v } : b)),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
};

let t: TestApp;
let ds: DataSource;
let ids: Record<string, string[]>;
let allIds: string[] = [];
let tables: string[];
const ROLES = [
  'quantri',
  'canbo.ttptqd',
  'lanhdao.ttptqd',
  'phong.tnmt',
  'lanhdao.huyen',
  'xa.hopthanh',
  'chudautu.bot',
];
const auth: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  ds = t.app.get(DataSource);
  for (const role of ROLES) auth[role] = await t.login(role);
  const sample = async (table: string) =>
    (await ds.query<{ id: string }[]>(`SELECT id::text FROM ${table} ORDER BY id LIMIT 5`)).map((r) => r.id);
  ids = {
    projects: await sample('projects'),
    cases: await sample('cases'),
    plans: await sample('plans'),
    parcels: await sample('parcels'),
    inventories: await sample('inventories'),
    documents: await sample('documents'),
    complaints: await sample('complaints'),
    'price-books': await sample('price_books'),
    'land-users': await sample('land_users'),
    milestones: await sample('milestones'),
  };
  allIds = [
    ...Object.values(ids).flat(),
    ...(await sample('admin_units')),
    ...(await sample('agencies')),
    ...(await sample('users')),
  ];
  tables = (
    await ds.query<{ tablename: string }[]>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)
  ).map((r) => r.tablename);
});
afterAll(async () => {
  await t.close();
});

/** The path with real ids where it names a resource (sometimes a random or malformed one), hostile text elsewhere. */
const pathFor = (route: Route): fc.Arbitrary<string> => {
  const parts = route.path.split('/');
  const segments = parts.map((part, i) => {
    const m = /^\{(\w+)\}$/.exec(part);
    if (!m) return fc.constant(part);
    const name = m[1];
    const resource =
      name === 'milestoneId'
        ? 'milestones'
        : name === 'caseId'
          ? 'cases'
          : name === 'projectId'
            ? 'projects'
            : name === 'planId'
              ? 'plans'
              : parts[i - 1];
    const known = ids[resource] ?? [];
    const odd = fc.oneof(
      fc.uuid(),
      fc.constantFrom('0', 'null', '%00', 'a%E0%80b', '2024-02-30', '0000-01-01', encodeURIComponent(NFD)),
    );
    if (name === 'date') return fc.oneof(fc.constantFrom('2024-09-02', '2025-01-01'), odd);
    if (name === 'kind') return fc.oneof(fc.constantFrom('public_holiday', 'tet', 'working_day'), odd);
    return known.length
      ? fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: odd })
      : odd;
  });
  return fc.tuple(...segments).map((s) => s.join('/'));
};

const counts = async (): Promise<Record<string, number>> =>
  (await ds.query(`SELECT ${tables.map((n) => `(SELECT count(*)::int FROM ${n}) AS "${n}"`).join(', ')}`))[0];

describe('hostile traffic on every write route', () => {
  it(`${RUNS} seeded requests over ${ROUTES.length} routes: never a 5xx, nothing written when refused`, async () => {
    expect(ROUTES.length).toBeGreaterThan(40);
    const request = fc.integer({ min: 0, max: ROUTES.length - 1 }).chain((i) =>
      fc.record({
        route: fc.constant(ROUTES[i]),
        path: pathFor(ROUTES[i]),
        body: bodyFor(ROUTES[i]),
        role: fc.constantFrom(...ROLES),
        key: fc.string({ minLength: 8, maxLength: 40 }),
      }),
    );
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(request, async ({ route, path, body, role, key }) => {
        const before = await counts();
        let req = t.http()[route.method](path).set('Authorization', auth[role]).set('Idempotency-Key', key);
        if (body !== undefined) req = req.set('Content-Type', 'application/json').send(JSON.stringify(body));
        const res = await req;
        seen.set(String(res.status), (seen.get(String(res.status)) ?? 0) + 1);
        if (res.status >= 500)
          throw new Error(
            `${route.method.toUpperCase()} ${path} as ${role} → ${res.status} ${JSON.stringify(res.body)}`,
          );
        expect(res.body?.code === undefined || typeof res.body.code === 'string').toBe(true);
        expectDocumented(route, path, res);
        if (res.status >= 400) {
          const after = await counts();
          // A refused login is audited (and only that).
          if (route.path.endsWith('/auth/login')) {
            delete after.audit_entries;
            delete before.audit_entries;
          }
          expect({ route: `${route.method} ${path}`, rows: after }).toEqual({
            route: `${route.method} ${path}`,
            rows: before,
          });
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // The run reached handlers, not only the validation layer.
    expect([...seen.keys()]).toEqual(expect.arrayContaining(['400']));
    process.stdout.write(`fuzz: seed ${SEED}, statuses ${JSON.stringify(Object.fromEntries(seen))}\n`);
  }, 600_000);

  it(`${READS.length} read routes with hostile query strings: never a 5xx`, async () => {
    // Every byte percent-encoded (a lone surrogate becomes U+FFFD's bytes), or raw encodings that are not UTF-8.
    const encode = (v: string) => [...Buffer.from(v)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
    const text = fc.oneof(
      fc
        .oneof(
          hostileString,
          fc.constantFrom(
            '2024-06-30',
            '1',
            '0',
            '-1',
            '999999999999',
            'true',
            'abc',
            '1e3',
            ' 2024-06-30',
            '2024-6-30',
          ),
          fc.uuid(),
        )
        .map(encode),
      fc.constantFrom('%ED%A0%80', '%FF%FE', '%', '%zz', '%C0%AF'),
    );
    const query = (route: Route): fc.Arbitrary<string> =>
      fc
        .array(
          fc.tuple(
            fc.oneof(
              fc.constantFrom(...(route.query?.length ? route.query : ['x'])),
              fc.constantFrom('x[a][b]', 'page[]', '__proto__[x]'),
            ),
            text,
          ),
          { maxLength: 4 },
        )
        .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
    const request = fc.integer({ min: 0, max: READS.length - 1 }).chain((i) =>
      fc.record({
        route: fc.constant(READS[i]),
        path: pathFor(READS[i]),
        query: query(READS[i]),
        role: fc.constantFrom(...ROLES),
      }),
    );
    await fc.assert(
      fc.asyncProperty(request, async ({ route, path, query: q, role }) => {
        const res = await t
          .http()
          .get(`${path}${q ? `?${q}` : ''}`)
          .set('Authorization', auth[role]);
        if (res.status >= 500)
          throw new Error(`GET ${path}?${q} as ${role} → ${res.status} ${JSON.stringify(res.body)}`);
        expectDocumented(route, path, res);
      }),
      { seed: SEED, numRuns: RUNS / 2, endOnFailure: true },
    );
  }, 600_000);
});
