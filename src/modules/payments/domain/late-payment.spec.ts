import { describe, expect, it } from '@jest/globals';
import { lateAmount } from './late-payment.js';

const RATES = [
  { effectiveFrom: '2016-07-01', percentPerDay: '0.05', basis: 'Luật Quản lý thuế 2006 (sửa đổi 2016)' },
  { effectiveFrom: '2020-07-01', percentPerDay: '0.03', basis: 'Điều 59 Luật Quản lý thuế 38/2019/QH14' },
];

describe('lateAmount', () => {
  it.each([
    ['paid on the deadline', '2024-09-27', '0', 0],
    ['paid the day after', '2024-09-28', '30000', 1],
    ['paid on day 45 after the decision: 15 days late', '2024-10-12', '450000', 15],
  ])('%s', (_n, paidOn, amount, days) => {
    // 100,000,000 đ due by 27/09/2024 (decision 28/08 + 30 days), 0.03 %/day.
    const r = lateAmount('100000000', '2024-09-27', paidOn, RATES);
    expect([r.amount, r.days]).toEqual([amount, days]);
  });

  it('applies each day the rate then in force', () => {
    const r = lateAmount('100000000', '2020-06-28', '2020-07-03', RATES);
    // 28/06 deadline: 29, 30/06 at 0.05 % (2 days) then 01–03/07 at 0.03 % (3 days) = 100,000 + 90,000.
    expect(r.amount).toBe('190000');
    expect(r.parts.map((p) => [p.from, p.days, p.percentPerDay])).toEqual([
      ['2020-06-29', 2, '0.05'],
      ['2020-07-01', 3, '0.03'],
    ]);
  });

  it('rounds once, half up, to whole đồng', () => {
    expect(lateAmount('1234567', '2024-01-01', '2024-01-02', RATES).amount).toBe('370'); // 370.3701
    expect(lateAmount('1666667', '2024-01-01', '2024-01-02', RATES).amount).toBe('500'); // 500.0001
  });
});
