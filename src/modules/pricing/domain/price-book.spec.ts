import { describe, expect, it } from '@jest/globals';
import { testBook } from '../../compensation/domain/test-book.js';
import { validatePriceBook } from './price-book.js';

describe('validatePriceBook', () => {
  it('accepts a complete, cited book', () => {
    expect(validatePriceBook(testBook())).toEqual([]);
  });

  it.each([
    [
      'a price with decimals',
      (b: ReturnType<typeof testBook>) => (b.landPrices[0].pricePerM2 = '2000000.5'),
      'PRICE_BOOK.AMOUNT_INVALID',
    ],
    [
      'an entry without basis',
      (b: ReturnType<typeof testBook>) => (b.crops[0].basis = ' '),
      'PRICE_BOOK.BASIS_MISSING',
    ],
    [
      'the same item twice',
      (b: ReturnType<typeof testBook>) => b.graves.push({ ...b.graves[0] }),
      'PRICE_BOOK.DUPLICATE_ENTRY',
    ],
    [
      'no rice price',
      (b: ReturnType<typeof testBook>) => delete b.policy.ricePricePerKg,
      'PRICE_BOOK.PARAMETER_MISSING',
    ],
    [
      'k above 5',
      (b: ReturnType<typeof testBook>) => (b.policy.jobChangeMultiplier = { value: '5.5', basis: 'x' }),
      'PRICE_BOOK.MULTIPLIER_TOO_HIGH',
    ],
    [
      'overlapping bands',
      (b: ReturnType<typeof testBook>) => (b.policy.stabilisation!.bands[1].fromPercent = '60'),
      'PRICE_BOOK.BANDS_OVERLAP',
    ],
    [
      'half a density rule',
      (b: ReturnType<typeof testBook>) => delete b.crops[1].excessRatePercent,
      'PRICE_BOOK.DENSITY_RULE_INCOMPLETE',
    ],
  ])('refuses %s', (_n, spoil, code) => {
    const b = testBook();
    spoil(b);
    expect(validatePriceBook(b).map((f) => f.code)).toContain(code);
  });
});
