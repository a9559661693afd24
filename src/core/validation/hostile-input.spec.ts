import { describe, expect, it } from '@jest/globals';
import { cleanInput, MAX_DEPTH } from './hostile-input.js';

const nested = (levels: number): unknown => {
  let v: unknown = 'đáy';
  for (let i = 0; i < levels; i++) v = [v];
  return v;
};

describe('cleanInput', () => {
  it.each([
    ['a NUL in a value', { note: 'a\u0000b' }, 'note', 'VALIDATION.NUL_CHARACTER'],
    [
      'a NUL deep in a list',
      { items: [{ description: 'x' }, { description: 'ok\u0000' }] },
      'items.1.description',
      'VALIDATION.NUL_CHARACTER',
    ],
    ['a lone high surrogate', { name: 'a\ud800b' }, 'name', 'VALIDATION.INVALID_CHARACTER'],
    ['a lone low surrogate', { name: '\udc00' }, 'name', 'VALIDATION.INVALID_CHARACTER'],
    ['a surrogate in a key', { ['k\ud800']: 1 }, 'k\ud800', 'VALIDATION.INVALID_CHARACTER'],
    [
      'a __proto__ key (as JSON.parse makes it)',
      JSON.parse('{"a":{"__proto__":{"x":1}}}'),
      'a.__proto__',
      'VALIDATION.FORBIDDEN_FIELD',
    ],
    ['a constructor key', { constructor: { prototype: 1 } }, 'constructor', 'VALIDATION.FORBIDDEN_FIELD'],
    ['a prototype key', { items: [{ prototype: 'x' }] }, 'items.0.prototype', 'VALIDATION.FORBIDDEN_FIELD'],
    ['5,000 levels of arrays', { items: nested(5000) }, expect.stringMatching(/^items(\.0)+$/), 'VALIDATION.TOO_DEEP'],
    ['one level too many', nested(MAX_DEPTH + 1), expect.stringMatching(/^0(\.0)+$/), 'VALIDATION.TOO_DEEP'],
  ])('refuses %s', (_name, value, field, code) => {
    expect(cleanInput(value)).toEqual({ field, code, message: expect.any(String) });
  });

  it('accepts what a clerk sends: nesting up to the limit, emoji (surrogate pairs), tabs and new lines', () => {
    expect(cleanInput(nested(MAX_DEPTH))).toBeNull();
    expect(cleanInput({ note: 'Hộ đồng ý 👍\tký\nngày 1/7' })).toBeNull();
    expect(cleanInput(null)).toBeNull();
    expect(cleanInput(42)).toBeNull();
  });

  it('puts every string in NFC in place, at any depth', () => {
    const nfd = 'Hoàng Văn Thử'.normalize('NFD');
    const body = { name: nfd, members: [{ fullName: nfd, tags: [nfd] }] };
    expect(cleanInput(body)).toBeNull();
    expect(body).toEqual({ name: 'Hoàng Văn Thử', members: [{ fullName: 'Hoàng Văn Thử', tags: ['Hoàng Văn Thử'] }] });
    expect(body.name).not.toBe(nfd);
    expect(body.name.length).toBe('Hoàng Văn Thử'.length);
  });

  it('names a bare string body', () => {
    expect(cleanInput('a\u0000', '')).toMatchObject({ field: '(body)', code: 'VALIDATION.NUL_CHARACTER' });
  });
});
