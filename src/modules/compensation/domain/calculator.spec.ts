import { describe, expect, it } from '@jest/globals';
import { Decimal } from 'decimal.js';
import { calculateCase, type CaseInput, type ItemInput, type Line, type ParcelInput } from './calculator.js';
import { TEST_RULE_BASES, testBook } from './test-book.js';

const parcel = (over: Partial<ParcelInput> = {}): ParcelInput => ({
  id: 'p1',
  mapSheet: '1',
  parcelNumber: '10',
  landTypeCode: 'LUC',
  group: 'agricultural',
  position: 'VT1',
  measuredArea: '1000',
  recoveredArea: '1000',
  eligible: true,
  ...over,
});
const item = (over: Partial<ItemInput> = {}): ItemInput => ({
  id: 'i1',
  kind: 'structure',
  itemCode: 'NHA-C4',
  description: 'Nhà cấp 4',
  quantity: '50',
  unit: 'm2',
  attributes: {},
  afterNotice: false,
  ...over,
});
const household = (over: Partial<CaseInput> = {}): CaseInput => ({
  caseId: 'c1',
  kind: 'household',
  members: 4,
  directlyFarming: false,
  communeCode: 'CL-GIA-CAT',
  parcels: [],
  items: [],
  facts: {},
  ...over,
});
const only = (lines: Line[], category: string) => lines.filter((l) => l.category === category);
const V = { valuationDate: '2024-06-01', bases: TEST_RULE_BASES };

describe('land', () => {
  it.each([
    ['generic price (commune "*")', 'CL-GIA-CAT', '60000', '60000000'],
    ['commune-specific price wins', 'CL-HOP-THANH', '65000', '65000000'],
  ])('%s', (_n, communeCode, unitPrice, amount) => {
    const r = calculateCase(household({ communeCode, parcels: [parcel()] }), testBook(), V);
    expect(only(r.lines, 'land')).toEqual([
      expect.objectContaining({ quantity: '1000', unitPrice, amount, status: 'ok' }),
    ]);
  });

  it('pays agricultural land beyond the allocation limit at the remaining investment cost, across parcels', () => {
    const r = calculateCase(
      household({
        parcels: [
          parcel({ id: 'a', parcelNumber: '1', recoveredArea: '15000', measuredArea: '15000' }),
          parcel({ id: 'b', parcelNumber: '2', recoveredArea: '8000', measuredArea: '8000' }),
        ],
      }),
      testBook(),
      V,
    );
    expect(only(r.lines, 'land').map((l) => [l.sourceId, l.quantity])).toEqual([
      ['a', '15000'],
      ['b', '5000'],
    ]);
    expect(only(r.lines, 'land_remaining_investment')).toEqual([
      expect.objectContaining({ sourceId: 'b', quantity: '3000', unitPrice: '10000', amount: '30000000' }),
    ]);
  });

  it('gives no land line for an ineligible parcel, and a missing-basis line (not a zero) for an unpriced one', () => {
    const r = calculateCase(
      household({
        parcels: [
          parcel({ eligible: false }),
          parcel({ id: 'p2', parcelNumber: '11', landTypeCode: 'ONT', group: 'residential', position: 'VT9' }),
        ],
      }),
      testBook(),
      V,
    );
    const land = only(r.lines, 'land');
    expect(land).toHaveLength(1);
    expect(land[0]).toMatchObject({
      status: 'missing_basis',
      amount: null,
      missing: 'Giá đất ONT vị trí VT9 tại xã CL-GIA-CAT',
    });
    expect(r.missingBasis).toBe(true);
  });
});

describe('structures', () => {
  it.each([
    ['house: 100 % of new-build value', item(), '150000000'],
    [
      'other, 70 % quality: 70 % + 20 % of it',
      item({ itemCode: 'TUONG-RAO', quantity: '100', attributes: { qualityPercent: 70 } }),
      '33600000',
    ],
    [
      'other, quality 90 %: capped at new-build value',
      item({ itemCode: 'TUONG-RAO', quantity: '100', attributes: { qualityPercent: 90 } }),
      '40000000',
    ],
    [
      'other, built 2019, 20-year life, valued 2024: 75 % + 20 %',
      item({ itemCode: 'TUONG-RAO', quantity: '100', attributes: { yearBuilt: 2019 } }),
      '36000000',
    ],
    [
      'other, older than its life: 0 remaining',
      item({ itemCode: 'TUONG-RAO', quantity: '100', attributes: { yearBuilt: 1990 } }),
      '0',
    ],
  ])('%s', (_n, it_, amount) => {
    const [line] = only(calculateCase(household({ items: [it_] }), testBook(), V).lines, 'structure');
    expect(line).toMatchObject({ amount, status: 'ok' });
  });

  it.each([
    [
      'the remaining quality recorded at the survey',
      { qualityPercent: 70 },
      'remaining_quality',
      '(chất lượng còn lại 70 % ghi nhận khi kiểm đếm)',
      TEST_RULE_BASES.structureRemainingQuality,
    ],
    [
      'the age when no quality was recorded',
      { yearBuilt: 2019 },
      'age',
      '(giá trị còn lại theo thời gian sử dụng 5/20 năm)',
      TEST_RULE_BASES.structureAge,
    ],
    [
      'the recorded quality over the age when both are known',
      { qualityPercent: 70, yearBuilt: 2019 },
      'remaining_quality',
      '(chất lượng còn lại 70 %',
      TEST_RULE_BASES.structureRemainingQuality,
    ],
  ])('names the rule that valued it and its basis: %s (issue 18 §6, §11)', (_n, attributes, rule, said, basis) => {
    const [line] = only(
      calculateCase(household({ items: [item({ itemCode: 'TUONG-RAO', quantity: '100', attributes })] }), testBook(), V)
        .lines,
      'structure',
    );
    expect(line.inputs.rule).toBe(rule);
    expect(line.description).toContain(said);
    // The price's basis (book), the rule's (regime), the top-up's (book).
    expect(line.basis.split('; ')).toEqual([expect.any(String), basis, expect.any(String)]);
  });

  it('asks for the missing quality or year instead of guessing', () => {
    const [line] = only(
      calculateCase(household({ items: [item({ itemCode: 'TUONG-RAO' })] }), testBook(), V).lines,
      'structure',
    );
    expect(line).toMatchObject({
      status: 'missing_basis',
      missing: 'Chất lượng còn lại (%) hoặc năm xây dựng và niên hạn của công trình',
    });
  });

  it('leaves out assets created after the recovery notice', () => {
    const r = calculateCase(household({ items: [item({ id: 'late', afterNotice: true })] }), testBook(), V);
    expect(only(r.lines, 'structure')).toEqual([]);
    expect(r.excludedItems).toEqual(['late']);
  });
});

describe('crops and density', () => {
  it.each([
    ['within 150 % of standard density', '60', [['60', '30000000']]],
    [
      'excess over 150 % at 30 %',
      '80',
      [
        ['60', '30000000'],
        ['20', '3000000'],
      ],
    ],
  ])('%s (1,000 m², standard 0.04/m²)', (_n, quantity, expected) => {
    const r = calculateCase(
      household({
        items: [item({ kind: 'tree', itemCode: 'CAY-HONG', unit: 'cây', quantity, attributes: { areaM2: 1000 } })],
      }),
      testBook(),
      V,
    );
    expect(only(r.lines, 'crop').map((l) => [l.quantity, l.amount])).toEqual(expected);
  });

  it('cannot apply the density rule without the planted area: a missing basis, not 100 trees paid in full (issue 18 §6)', () => {
    const r = calculateCase(
      household({
        items: [item({ kind: 'tree', itemCode: 'CAY-HONG', unit: 'cây', quantity: '100', attributes: {} })],
      }),
      testBook(),
      V,
    );
    expect(only(r.lines, 'crop')).toEqual([
      expect.objectContaining({
        status: 'missing_basis',
        amount: null,
        missing: expect.stringContaining('Diện tích trồng'),
      }),
    ]);
    expect(r.missingBasis).toBe(true);
  });

  it('refuses a unit that does not match the price book', () => {
    const [line] = only(
      calculateCase(household({ items: [item({ kind: 'crop', itemCode: 'LUA', unit: 'kg' })] }), testBook(), V).lines,
      'crop',
    );
    expect(line.status).toBe('missing_basis');
  });
});

describe('life stabilisation (NĐ 88 Đ19)', () => {
  // 4 members × 30 kg × 15,000 đ = 1,800,000 đ per month.
  it.each([
    ['29.99 % recovered: no support', '2999', {}, null],
    ['exactly 30 %: 30–70 % band, 6 months', '3000', {}, '10800000'],
    ['exactly 70 %: still 30–70 %, 6 months', '7000', {}, '10800000'],
    ['70.01 %: over 70 %, 12 months', '7001', {}, '21600000'],
    ['50 %, relocating: 12 months', '5000', { relocating: true }, '21600000'],
    ['80 %, relocating to a difficult area: 36 months', '8000', { relocating: true, difficultArea: true }, '64800000'],
  ])('%s', (_n, recoveredArea, facts, amount) => {
    const r = calculateCase(
      household({ parcels: [parcel({ measuredArea: '10000', recoveredArea })], facts }),
      testBook(),
      V,
    );
    const lines = only(r.lines, 'support_stabilisation');
    expect(lines.map((l) => l.amount)).toEqual(amount === null ? [] : [amount]);
  });

  it('says the share recovered the Vietnamese way: "70,01 %" (issue 18 §13)', () => {
    const r = calculateCase(
      household({ parcels: [parcel({ measuredArea: '10000', recoveredArea: '7001' })] }),
      testBook(),
      V,
    );
    expect(only(r.lines, 'support_stabilisation').map((l) => l.description)).toEqual([
      'Hỗ trợ ổn định đời sống: 4 nhân khẩu × 12 tháng (thu hồi 70,01 % đất nông nghiệp)',
    ]);
  });

  it("uses the household's agricultural land in the commune as the denominator when recorded", () => {
    const r = calculateCase(
      household({
        parcels: [parcel({ measuredArea: '1000', recoveredArea: '1000' })],
        facts: { agriculturalLandInUse: '4000' },
      }),
      testBook(),
      V,
    );
    expect(only(r.lines, 'support_stabilisation')).toEqual([]); // 25 %
  });

  it('is missing its basis without members', () => {
    const [l] = only(
      calculateCase(household({ members: 0, parcels: [parcel()] }), testBook(), V).lines,
      'support_stabilisation',
    );
    expect(l).toMatchObject({ status: 'missing_basis', missing: 'Danh sách nhân khẩu của hộ' });
  });

  it('counts an individual (cá nhân) as one person without a member list (issue 18 §6)', () => {
    // 100 % recovered: over 70 %, 12 months × 1 person × 30 kg × 15,000 đ.
    const [l] = only(
      calculateCase(household({ kind: 'individual', members: 0, parcels: [parcel()] }), testBook(), V).lines,
      'support_stabilisation',
    );
    expect(l).toMatchObject({ status: 'ok', amount: '5400000', inputs: expect.objectContaining({ members: '1' }) });
  });
});

describe('job change (k × price × area within limit)', () => {
  it.each([
    [true, ['180000000']],
    [false, []],
  ])('directly farming = %s', (directlyFarming, amounts) => {
    const r = calculateCase(household({ directlyFarming, parcels: [parcel()] }), testBook(), V);
    expect(only(r.lines, 'support_job_change').map((l) => l.amount)).toEqual(amounts);
  });
});

describe('deductions and resettlement (NĐ 88 Đ25, Đ26)', () => {
  const residential = parcel({ landTypeCode: 'ONT', group: 'residential', measuredArea: '100', recoveredArea: '100' }); // 200,000,000 đ
  const withHouse = [item()]; // 150,000,000 đ

  it('deducts obligations from land compensation only, and records the rest as debt', () => {
    const r = calculateCase(
      household({ parcels: [residential], items: withHouse, facts: { unpaidLandObligation: '250000000' } }),
      testBook(),
      V,
    );
    expect(only(r.lines, 'deduction')).toEqual([
      expect.objectContaining({ amount: '-200000000', basis: TEST_RULE_BASES.deduction }),
    ]);
    expect(r.net).toBe('150000000'); // the house is never touched
    expect(r.debt).toBe('50000000');
  });

  it('tops up to the minimum resettlement unit, then offsets the plot price, recording what is left as debt', () => {
    const r = calculateCase(
      household({
        parcels: [residential],
        facts: { relocating: true, resettlement: { mode: 'plot', plotArea: '100', plotPricePerM2: '3500000' } },
      }),
      testBook(),
      V,
    );
    expect(only(r.lines, 'resettlement_top_up')[0].amount).toBe('100000000'); // 300 M minimum − 200 M land
    // gross = 200 M land + 5 M relocation + 100 M top-up = 305 M; plot 350 M → all of it offset, 45 M debt.
    expect(r.gross).toBe('305000000');
    expect(r.net).toBe('0');
    expect(r.debt).toBe('45000000');
  });
});

describe('rounding once at household level', () => {
  const ont = (area: string) =>
    parcel({ landTypeCode: 'ONT', group: 'residential', measuredArea: area, recoveredArea: area });
  it.each([
    ['a round total: no rounding line', '10.5', '21000000', null],
    ['20,000,600 đ → 20,001,000 đ', '10.0003', '20001000', '400'],
    ['20,000,001 đ → 20,001,000 đ (up, never down)', '10.0000005', '20001000', '999'],
  ])('%s', (_n, area, net, rounding) => {
    const r = calculateCase(household({ parcels: [ont(area)] }), testBook(), V);
    expect(r.net).toBe(net);
    expect(only(r.lines, 'rounding').map((l) => l.amount)).toEqual(rounding === null ? [] : [rounding]);
    // The unit in words as a clerk writes it: "1.000 đồng", not "1000 đồng" (issue 18 §13).
    expect(only(r.lines, 'rounding').map((l) => l.description)).toEqual(
      rounding === null ? [] : ['Làm tròn tổng số tiền của hộ đến 1.000 đồng'],
    );
  });
});

describe("whole đồng on every line (issue 18 §2): the fraction rounded up, in the household's favour", () => {
  const at = (pricePerM2: string, unit = '1') => {
    const book = testBook();
    book.landPrices = book.landPrices.map((p) => (p.landTypeCode === 'LUC' ? { ...p, pricePerM2 } : p));
    book.policy.rounding = { unit, mode: 'up', basis: 'Làm tròn (mẫu)' };
    return book;
  };
  it.each([
    ['1.7 m² × 333,333 đ = 566,666.1 đ', '1.7', '333333', '566667', '566666.1'],
    ['0.3 m² × 333,333 đ = 99,999.9 đ', '0.3', '333333', '100000', '99999.9'],
    ['10.25 m² × 60,000 đ = 615,000 đ (already whole)', '10.25', '60000', '615000', null],
  ])('%s', (_n, area, price, amount, exact) => {
    const r = calculateCase(household({ parcels: [parcel({ recoveredArea: area })] }), at(price), V);
    const [land] = only(r.lines, 'land');
    expect([land.amount, land.inputs.exactAmount ?? null]).toEqual([amount, exact]);
    // No rounding rule in the book: the household total is the sum of whole lines, and no rounding line appears.
    expect([r.gross, r.net, only(r.lines, 'rounding')]).toEqual([amount, amount, []]);
  });

  it('takes a resettlement plot price rounded down: the household pays whole đồng, never more', () => {
    const r = calculateCase(
      household({
        parcels: [parcel({ landTypeCode: 'ONT', group: 'residential', recoveredArea: '10', measuredArea: '10' })],
        facts: { resettlement: { mode: 'plot', plotArea: '1.3', plotPricePerM2: '333333' } },
      }),
      at('60000'),
      V,
    );
    const [plot] = r.lines.filter((l) => l.itemCode === 'TDC-TIEN-SDD');
    expect([plot.amount, plot.inputs.plotPrice, plot.inputs.exactPlotPrice]).toEqual(['-433332', '433332', '433332.9']);
    // The rules' bases are the regime's (issue 18 §11): none is written into the calculator.
    expect(plot.basis).toBe(TEST_RULE_BASES.resettlementPlot);
  });
});

describe('property: for random cases the total equals the sum of its lines; no line is negative but deductions', () => {
  it('holds for 300 random households', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let k = 0; k < 300; k++) {
      const parcels: ParcelInput[] = Array.from({ length: 1 + rnd(3) }, (_, i) => {
        const type = ['LUC', 'CLN', 'ONT'][rnd(3)];
        const measured = `${1 + rnd(30000)}.${rnd(10)}`;
        const recovered = new Decimal(measured)
          .times(1 + rnd(100))
          .div(100)
          .toDecimalPlaces(1, Decimal.ROUND_DOWN);
        return parcel({
          id: `p${i}`,
          parcelNumber: String(i),
          landTypeCode: type,
          group: type === 'ONT' ? 'residential' : 'agricultural',
          measuredArea: measured,
          recoveredArea: recovered.gt(0) ? recovered.toFixed() : '0.1',
          eligible: rnd(10) > 0,
        });
      });
      const items: ItemInput[] = Array.from(
        { length: rnd(6) },
        (_, i) =>
          [
            item({ id: `h${i}`, quantity: String(1 + rnd(200)) }),
            item({
              id: `w${i}`,
              itemCode: 'TUONG-RAO',
              quantity: `${1 + rnd(90)}.${rnd(10)}`,
              attributes: { qualityPercent: rnd(101) },
            }),
            item({
              id: `t${i}`,
              kind: 'tree',
              itemCode: 'CAY-HONG',
              unit: 'cây',
              quantity: String(rnd(300)),
              attributes: { areaM2: 1 + rnd(3000) },
            }),
            item({ id: `g${i}`, kind: 'grave', itemCode: 'MO-XAY', unit: 'mộ', quantity: String(1 + rnd(3)) }),
          ][rnd(4)],
      );
      const facts = {
        relocating: rnd(2) === 1,
        unpaidLandObligation: String(rnd(3) === 0 ? rnd(500000000) : 0),
        resettlement: rnd(4) === 0 ? { mode: 'plot' as const, plotArea: '80', plotPricePerM2: '2500000' } : undefined,
      };
      const r = calculateCase(
        household({ members: 1 + rnd(8), directlyFarming: rnd(2) === 1, parcels, items, facts }),
        testBook(),
        V,
      );
      const sum = r.lines.filter((l) => l.amount !== null).reduce((s, l) => s.plus(l.amount!), new Decimal(0));
      expect(sum.toFixed()).toBe(r.net);
      expect(new Decimal(r.net).isInteger()).toBe(true);
      for (const l of r.lines)
        if (l.amount !== null && l.category !== 'deduction') expect(new Decimal(l.amount).gte(0)).toBe(true);
    }
  });
});

describe('corrections decided on the plan (an upheld complaint)', () => {
  const basis = 'Quyết định giải quyết khiếu nại số 25/QĐ-UBND ngày 20/07/2026';
  const correction = (over: Partial<NonNullable<CaseInput['corrections']>[number]> = {}) => ({
    category: 'land' as const,
    itemCode: 'LUC',
    sourceId: 'p1',
    description: 'Bồi thường đất',
    unit: 'm2',
    quantity: null,
    unitPrice: '75000',
    basis,
    ...over,
  });

  it.each([
    ['a new unit price', { unitPrice: '75000' }, '1000', '75000', '75000000'],
    ['a new quantity', { quantity: '1200.5', unitPrice: null }, '1200.5', '60000', '72030000'],
    ['both', { quantity: '900', unitPrice: '70000' }, '900', '70000', '63000000'],
  ])('replaces the matching line: %s', (_n, over, quantity, unitPrice, amount) => {
    const r = calculateCase(household({ parcels: [parcel()], corrections: [correction(over)] }), testBook(), V);
    const [land] = only(r.lines, 'land');
    expect(land).toMatchObject({
      quantity,
      unitPrice,
      amount,
      status: 'ok',
      inputs: expect.objectContaining({ computedQuantity: '1000', computedUnitPrice: '60000' }),
    });
    expect(land.basis.startsWith(`${basis} (thay cho: `)).toBe(true);
    // The totals follow the corrected line.
    expect(r.gross).toBe(
      new Decimal(amount)
        .plus(
          r.lines
            .filter((l) => l !== land && !['deduction', 'rounding'].includes(l.category))
            .reduce((s, l) => s.plus(l.amount ?? 0), new Decimal(0)),
        )
        .toFixed(),
    );
  });

  it('adds the line when the calculator did not produce it (an item the decision recognises)', () => {
    const r = calculateCase(
      household({
        parcels: [parcel()],
        corrections: [
          correction({
            category: 'structure',
            itemCode: 'TUONG-RAO',
            sourceId: null,
            description: 'Tường rào bị bỏ sót',
            quantity: '12',
            unitPrice: '350000',
          }),
        ],
      }),
      testBook(),
      V,
    );
    expect(only(r.lines, 'structure')).toEqual([
      expect.objectContaining({ description: 'Tường rào bị bỏ sót', quantity: '12', amount: '4200000', basis }),
    ]);
  });

  it('job-change support follows the corrected land line (area and price), not the price book', () => {
    const farming = { parcels: [parcel()], directlyFarming: true };
    const before = only(calculateCase(household(farming), testBook(), V).lines, 'support_job_change')[0];
    const k = new Decimal(before.unitPrice!).div('60000');
    const after = calculateCase(
      household({ ...farming, corrections: [correction({ quantity: '900', unitPrice: '75000' })] }),
      testBook(),
      V,
    );
    expect(only(after.lines, 'support_job_change')).toEqual([
      expect.objectContaining({
        quantity: '900',
        unitPrice: k.times('75000').toFixed(),
        amount: k.times('75000').times('900').toFixed(),
      }),
    ]);
  });
});
