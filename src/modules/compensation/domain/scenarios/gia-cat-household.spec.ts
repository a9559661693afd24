import { describe, expect, it } from '@jest/globals';
import { calculateCase } from '../calculator.js';
import { TEST_RULE_BASES, testBook } from '../test-book.js';

/**
 * Named scenario, computed by hand (figures from the sample book in test-book.ts):
 * a household of 5 in Gia Cát, directly farming, losing 100 m² of residential land (all of it: relocating to a
 * resettlement plot of 80 m² at 2,500,000 đ/m²) and 3,000 of its 5,000 m² of rice land; a 60 m² house, 40 m² of
 * fence at 60 % quality, 20 persimmon trees on 500 m², one built grave; 10,000,000 đ of unpaid land-use fees.
 */
describe('scenario: household in Gia Cát, relocating to a resettlement plot', () => {
  const r = calculateCase(
    {
      caseId: 'gia-cat-1',
      kind: 'household',
      members: 5,
      directlyFarming: true,
      communeCode: 'CL-GIA-CAT',
      parcels: [
        {
          id: 'ont',
          mapSheet: '12',
          parcelNumber: '85',
          landTypeCode: 'ONT',
          group: 'residential',
          position: 'VT1',
          measuredArea: '100',
          recoveredArea: '100',
          eligible: true,
        },
        {
          id: 'luc',
          mapSheet: '12',
          parcelNumber: '90',
          landTypeCode: 'LUC',
          group: 'agricultural',
          position: 'VT1',
          measuredArea: '5000',
          recoveredArea: '3000',
          eligible: true,
        },
      ],
      items: [
        {
          id: 'nha',
          kind: 'structure',
          itemCode: 'NHA-C4',
          description: 'Nhà cấp 4',
          quantity: '60',
          unit: 'm2',
          attributes: {},
          afterNotice: false,
        },
        {
          id: 'rao',
          kind: 'structure',
          itemCode: 'TUONG-RAO',
          description: 'Tường rào',
          quantity: '40',
          unit: 'm2',
          attributes: { qualityPercent: 60 },
          afterNotice: false,
        },
        {
          id: 'hong',
          kind: 'tree',
          itemCode: 'CAY-HONG',
          description: 'Cây hồng',
          quantity: '20',
          unit: 'cây',
          attributes: { areaM2: 500 },
          afterNotice: false,
        },
        {
          id: 'mo',
          kind: 'grave',
          itemCode: 'MO-XAY',
          description: 'Mộ đã xây',
          quantity: '1',
          unit: 'mộ',
          attributes: {},
          afterNotice: false,
        },
      ],
      facts: {
        relocating: true,
        agriculturalLandInUse: '5000',
        unpaidLandObligation: '10000000',
        resettlement: { mode: 'plot', plotArea: '80', plotPricePerM2: '2500000' },
      },
    },
    testBook(),
    { valuationDate: '2024-06-01', bases: TEST_RULE_BASES },
  );
  const amount = (category: string) => r.lines.filter((l) => l.category === category).map((l) => l.amount);

  it.each([
    ['land', ['200000000', '180000000']], // 100 × 2,000,000; 3,000 × 60,000
    ['structure', ['180000000', '11520000']], // 60 × 3,000,000; 40 × 400,000 × 60 % × 1.2
    ['crop', ['10000000']], // 20 ≤ 0.04 × 500 × 150 % = 30 trees, × 500,000
    ['grave', ['10000000']],
    ['support_stabilisation', ['27000000']], // 60 % recovered, relocating: 12 months × 5 × 30 kg × 15,000
    ['support_job_change', ['540000000']], // 3 × 60,000 × 3,000
    ['support_relocation', ['5000000']],
    ['resettlement_top_up', ['100000000']], // 300,000,000 − 200,000,000
    ['deduction', ['-10000000', '-200000000']], // fees from land only; the plot 80 × 2,500,000
  ])('%s', (category, expected) => {
    expect(amount(category)).toEqual(expected);
  });

  it('totals', () => {
    expect(r.gross).toBe('1263520000');
    expect(r.net).toBe('1053520000');
    expect(r.debt).toBe('0');
    expect(r.missingBasis).toBe(false);
  });

  it('cites a basis on every line', () => {
    for (const l of r.lines) expect(l.basis).not.toBe('');
  });
});
