import { describe, expect, it } from '@jest/globals';
import { parseVnDecimal, parseVnInteger, searchKey } from './vn-number.js';

describe('parseVnDecimal', () => {
  it.each([
    ['20.000', '20000'],
    ['9222,1', '9222.1'],
    ['9222.1', '9222.1'],
    ['1.234.567,50', '1234567.5'],
    ['1.234.567', '1234567'],
    ['0,5', '0.5'],
    ['007', '7'],
    [' 12 345 ', '12345'],
    ['123.456', '123456'],
    ['1234', '1234'],
    ['0', '0'],
  ])('%s → %s', (input, out) => {
    expect(parseVnDecimal(input)).toBe(out);
  });

  it.each(['', 'abc', '-5', '1,2,3', '12.34.5', '1.234,', '9222,', '1.2345.678', '12,3.4', '1e5'])(
    'refuses %j',
    (input) => {
      expect(parseVnDecimal(input)).toBeNull();
    },
  );
});

describe('parseVnInteger', () => {
  it.each([
    ['1.234.567', '1234567'],
    ['150000', '150000'],
    ['1,5', null],
  ])('%s → %s', (input, out) => {
    expect(parseVnInteger(input)).toBe(out);
  });
});

describe('searchKey', () => {
  it('folds diacritics, đ and case', () => {
    expect(searchKey('  Nguyễn   Đức Thắng ')).toBe('nguyen duc thang');
    expect(searchKey('Hoàng Thị Lụa')).toBe('hoang thi lua');
  });
});
