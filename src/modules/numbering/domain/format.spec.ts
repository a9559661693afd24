import { describe, expect, it } from '@jest/globals';
import { formatNumber } from './format.js';

describe('formatNumber (NĐ 30/2020)', () => {
  it.each([
    [5, 'QĐ', 'UBND', '05/QĐ-UBND'],
    [12, 'TB', 'UBND', '12/TB-UBND'],
    [7, 'TTr', 'TTPTQĐ', '07/TTr-TTPTQĐ'],
    [1234, 'BB', 'TTPTQĐ', '1234/BB-TTPTQĐ'],
  ])('%i %s %s → %s', (n, type, agency, out) => {
    expect(formatNumber(n, type, agency)).toBe(out);
  });
});
