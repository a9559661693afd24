import { describe, expect, it } from '@jest/globals';
import { earlyHandoverBonus } from './early-handover-bonus.js';

// The sample book's rule: 3 %, at least 1,000,000 and at most 30,000,000 đồng, within 10 days of full payment.
const RULE = {
  percent: '3',
  min: '1000000',
  max: '30000000',
  withinDays: 10,
  basis: 'thưởng bàn giao mặt bằng sớm (mẫu)',
};

describe('early-handover bonus', () => {
  it.each([
    ['3 % of the compensation', '500000000', '2024-03-01', '2024-03-05', true, '15000000'],
    ['on the 10th day', '500000000', '2024-03-01', '2024-03-11', true, '15000000'],
    ['on the 11th day: none', '500000000', '2024-03-01', '2024-03-12', false, '0'],
    ['the same day', '500000000', '2024-03-01', '2024-03-01', true, '15000000'],
    ['below the minimum', '20000000', '2024-03-01', '2024-03-02', true, '1000000'],
    ['above the maximum', '2000000000', '2024-03-01', '2024-03-02', true, '30000000'],
    ['rounded half up to the đồng', '123456789', '2024-03-01', '2024-03-02', true, '3703704'],
    ['exactly the maximum', '1000000000', '2024-03-01', '2024-03-02', true, '30000000'],
  ])('%s', (_label, compensation, paidOn, handedOverOn, eligible, amount) => {
    const b = earlyHandoverBonus(RULE, { compensation, paidOn, handedOverOn });
    expect(b).toMatchObject({ eligible, amount });
  });

  it('explains itself in Vietnamese', () => {
    expect(
      earlyHandoverBonus(RULE, { compensation: '2000000000', paidOn: '2024-03-01', handedOverOn: '2024-03-04' })
        .explanation,
    ).toBe(
      '3 % × 2.000.000.000 đồng = 60.000.000 đồng; thưởng 30.000.000 đồng (mức tối đa). Bàn giao sau 3 ngày kể từ ngày nhận đủ tiền (không quá 10 ngày).',
    );
  });
});
