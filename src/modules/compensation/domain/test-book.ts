import type { PriceBookContent } from '../../pricing/domain/price-book.js';
import type { RuleBases } from './calculator.js';

/**
 * A small price book for calculator tests. Figures are illustrative (they are not Lạng Sơn's): round numbers make the
 * hand computations in the scenarios easy to check.
 */
export function testBook(): PriceBookContent {
  const b = (basis: string) => ({ basis });
  return {
    landPrices: [
      {
        landTypeCode: 'ONT',
        commune: '*',
        position: 'VT1',
        pricePerM2: '2000000',
        ...b('QĐ giá đất cụ thể (mẫu) — ONT VT1'),
      },
      { landTypeCode: 'LUC', commune: '*', position: '*', pricePerM2: '60000', ...b('QĐ giá đất cụ thể (mẫu) — LUC') },
      {
        landTypeCode: 'LUC',
        commune: 'CL-HOP-THANH',
        position: '*',
        pricePerM2: '65000',
        ...b('QĐ giá đất cụ thể (mẫu) — LUC Hợp Thành'),
      },
      { landTypeCode: 'CLN', commune: '*', position: '*', pricePerM2: '50000', ...b('QĐ giá đất cụ thể (mẫu) — CLN') },
    ],
    structures: [
      {
        itemCode: 'NHA-C4',
        description: 'Nhà cấp 4',
        unit: 'm2',
        unitPrice: '3000000',
        kind: 'house',
        ...b('QĐ đơn giá nhà (mẫu)'),
      },
      {
        itemCode: 'TUONG-RAO',
        description: 'Tường rào xây gạch',
        unit: 'm2',
        unitPrice: '400000',
        kind: 'other',
        lifeYears: 20,
        ...b('QĐ đơn giá vật kiến trúc (mẫu)'),
      },
    ],
    crops: [
      { itemCode: 'LUA', description: 'Lúa', unit: 'm2', unitPrice: '8000', ...b('QĐ đơn giá cây trồng (mẫu) — lúa') },
      {
        itemCode: 'CAY-HONG',
        description: 'Cây hồng',
        unit: 'cây',
        unitPrice: '500000',
        standardDensityPerM2: '0.04',
        fullRateUpToPercent: '150',
        excessRatePercent: '30',
        ...b('QĐ đơn giá cây trồng (mẫu) — hồng'),
      },
    ],
    livestock: [
      { itemCode: 'CA-AO', description: 'Cá ao', unit: 'm2', unitPrice: '15000', ...b('QĐ đơn giá thủy sản (mẫu)') },
    ],
    graves: [
      {
        itemCode: 'MO-XAY',
        description: 'Mộ đã xây',
        unit: 'mộ',
        unitPrice: '10000000',
        ...b('QĐ mức hỗ trợ di chuyển mồ mả (mẫu)'),
      },
    ],
    moving: [
      {
        itemCode: 'DC-TAI-SAN',
        description: 'Di chuyển tài sản',
        unit: 'hộ',
        unitPrice: '5000000',
        ...b('QĐ chi phí di chuyển (mẫu)'),
      },
    ],
    policy: {
      ricePricePerKg: { value: '15000', ...b('Thông báo giá gạo (mẫu)') },
      riceKgPerPersonMonth: { value: '30', ...b('Khoản 3 Điều 19 Nghị định 47/2014/NĐ-CP') },
      stabilisation: {
        basis: 'Khoản 3 Điều 19 Nghị định 47/2014/NĐ-CP',
        bands: [
          {
            fromPercent: '30',
            toPercent: '70',
            fromInclusive: true,
            months: { stay: 6, relocate: 12, relocateDifficult: 24 },
          },
          {
            fromPercent: '70',
            toPercent: null,
            fromInclusive: false,
            months: { stay: 12, relocate: 24, relocateDifficult: 36 },
          },
        ],
      },
      jobChangeMultiplier: { value: '3', ...b('QĐ hỗ trợ chuyển đổi nghề (mẫu): k = 3') },
      allocationLimitM2: {
        annual: '20000',
        perennial: '300000',
        forest: '300000',
        aquaculture: '20000',
        ...b('Điều 129 Luật Đất đai 2013'),
      },
      remainingInvestmentPerM2: { value: '10000', ...b('Chi phí đầu tư vào đất còn lại (mẫu)') },
      structureTopUpPercent: { value: '20', ...b('Tỷ lệ x % (mẫu)') },
      minResettlementUnitValue: { value: '300000000', ...b('Suất tái định cư tối thiểu (mẫu)') },
      selfArrangedHousingSupport: { value: '80000000', ...b('Hỗ trợ tự lo chỗ ở (mẫu)') },
      relocationSupport: { value: '5000000', ...b('Hỗ trợ di chuyển chỗ ở (mẫu)') },
      earlyHandoverBonus: {
        percent: '3',
        min: '1000000',
        max: '30000000',
        withinDays: 10,
        ...b('Thưởng bàn giao sớm (mẫu)'),
      },
      rounding: { unit: '1000', mode: 'up', ...b('Làm tròn đến nghìn đồng ở cấp hộ (mẫu)') },
    },
  };
}

/**
 * Rule bases for calculator tests: recognisable texts, so a test can tell that a line's basis came from the regime
 * (the real texts are the regimes' data, seeds/regimes/).
 */
export const TEST_RULE_BASES: RuleBases = {
  deduction: 'Căn cứ khấu trừ của quy trình (thử)',
  resettlementPlot: 'Căn cứ tiền sử dụng đất tái định cư của quy trình (thử)',
  structureRemainingQuality: 'Căn cứ chất lượng còn lại của quy trình (thử)',
  structureAge: 'Căn cứ thời gian sử dụng của quy trình (thử)',
  wholeDong: 'Căn cứ làm tròn đến đồng của quy trình (thử)',
};
