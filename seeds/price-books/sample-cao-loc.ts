import type { PriceBookContent } from '../../src/modules/pricing/domain/price-book.js';

/**
 * SAMPLE price book for Cao Lộc. Lạng Sơn's real land prices, unit prices and support levels are not public here:
 * every figure below is an illustrative value of a plausible order of magnitude, NOT a legal price. To use the system
 * for real, enter the province's decisions as a new price book (POST /api/v1/price-books with the decision number,
 * date and issuer, then activate it) and price plans with that book; plans priced with this one say "SỐ LIỆU MẪU".
 */
const SAMPLE = 'Số liệu mẫu (không phải quyết định của UBND tỉnh Lạng Sơn) — thay bằng bảng giá thật';
const b = (what: string) => ({ basis: `${SAMPLE}: ${what}` });

const landPrice = (landTypeCode: string, prices: [string, string, string]) =>
  prices.map((pricePerM2, i) => ({
    landTypeCode,
    commune: '*',
    position: `VT${i + 1}`,
    pricePerM2,
    ...b(`giá đất cụ thể ${landTypeCode} VT${i + 1}`),
  }));

const TREES: [string, string, string[], string, string[]][] = [
  ['HONG', 'Cây hồng', ['A', 'B', 'C', 'D'], 'cây', ['900000', '600000', '300000', '80000']],
  ['NA', 'Cây na', ['A', 'B', 'C'], 'cây', ['500000', '300000', '60000']],
  ['HOI', 'Cây hồi', ['A', 'B', 'C', 'D'], 'cây', ['1200000', '800000', '400000', '100000']],
  ['VAI', 'Cây vải', ['A', 'B', 'C'], 'cây', ['800000', '500000', '100000']],
  ['MIT', 'Cây mít', ['A', 'B', 'C'], 'cây', ['700000', '400000', '90000']],
  ['BUOI', 'Cây bưởi', ['A', 'B', 'C'], 'cây', ['600000', '350000', '80000']],
  ['TRE', 'Tre', ['A', 'B'], 'bụi', ['250000', '120000']],
  ['BACH-DAN', 'Cây bạch đàn', ['A', 'B', 'C', 'D'], 'cây', ['180000', '110000', '50000', '15000']],
  ['KEO', 'Cây keo', ['A', 'B', 'C', 'D'], 'cây', ['160000', '100000', '45000', '12000']],
  ['THONG', 'Cây thông', ['A', 'B', 'C'], 'cây', ['300000', '150000', '40000']],
  ['QUE', 'Cây quế', ['A', 'B', 'C'], 'cây', ['350000', '180000', '50000']],
];

export const SAMPLE_PRICE_BOOK = {
  code: 'MAU-CAOLOC-2024',
  name: 'Bảng giá MẪU huyện Cao Lộc 2024 (không phải số liệu thật)',
  description:
    'Bảng giá mẫu để chạy thử hệ thống. Các đơn giá, mức hỗ trợ là số minh họa, không phải quyết định của UBND tỉnh Lạng Sơn. ' +
    'Thay thế: nhập bảng giá theo quyết định thật (số, ngày, cơ quan ban hành) qua POST /api/v1/price-books, kích hoạt, rồi lập lại phương án với bảng giá đó.',
  decisionNumber: 'MẪU',
  decisionDate: '2024-01-01',
  issuer: 'UBND tỉnh Lạng Sơn (số liệu mẫu)',
  effectiveFrom: '2024-01-01',
  isSample: true,
  content: {
    landPrices: [
      ...landPrice('ONT', ['3500000', '2200000', '1200000']),
      ...landPrice('LUC', ['75000', '65000', '55000']),
      ...landPrice('LUK', ['70000', '60000', '50000']),
      ...landPrice('BHK', ['60000', '52000', '45000']),
      ...landPrice('HNK', ['58000', '50000', '43000']),
      ...landPrice('NHK', ['45000', '40000', '35000']),
      ...landPrice('CLN', ['55000', '48000', '40000']),
      ...landPrice('RSX', ['25000', '20000', '15000']),
      ...landPrice('NTS', ['60000', '52000', '45000']),
      ...landPrice('SKC', ['900000', '650000', '450000']),
    ],
    structures: [
      {
        itemCode: 'NHA-C4',
        description: 'Nhà cấp 4',
        unit: 'm2',
        unitPrice: '3200000',
        kind: 'house' as const,
        ...b('nhà cấp 4'),
      },
      {
        itemCode: 'NHA-C3',
        description: 'Nhà cấp 3',
        unit: 'm2',
        unitPrice: '5200000',
        kind: 'house' as const,
        ...b('nhà cấp 3'),
      },
      {
        itemCode: 'BEP-C4',
        description: 'Bếp, tường gạch, mái ngói',
        unit: 'm2',
        unitPrice: '1800000',
        kind: 'other' as const,
        lifeYears: 20,
        ...b('bếp'),
      },
      {
        itemCode: 'SAN-BT',
        description: 'Sân láng xi măng / bê tông',
        unit: 'm2',
        unitPrice: '250000',
        kind: 'other' as const,
        lifeYears: 15,
        ...b('sân'),
      },
      {
        itemCode: 'TUONG-RAO',
        description: 'Tường rào xây gạch',
        unit: 'm2',
        unitPrice: '450000',
        kind: 'other' as const,
        lifeYears: 20,
        ...b('tường rào'),
      },
      {
        itemCode: 'CHUONG-TRAI',
        description: 'Chuồng trại khung gỗ, mái tôn',
        unit: 'm2',
        unitPrice: '600000',
        kind: 'other' as const,
        lifeYears: 10,
        ...b('chuồng trại'),
      },
      {
        itemCode: 'GIENG-DAO',
        description: 'Giếng đào, thành xây gạch',
        unit: 'm',
        unitPrice: '1500000',
        kind: 'other' as const,
        lifeYears: 25,
        ...b('giếng'),
      },
    ],
    crops: [
      { itemCode: 'LUA', description: 'Lúa', unit: 'm2', unitPrice: '9000', ...b('lúa') },
      { itemCode: 'NGO', description: 'Ngô', unit: 'm2', unitPrice: '7000', ...b('ngô') },
      { itemCode: 'SAN', description: 'Sắn', unit: 'm2', unitPrice: '6000', ...b('sắn') },
      { itemCode: 'RAU-MAU', description: 'Rau màu', unit: 'm2', unitPrice: '12000', ...b('rau màu') },
      { itemCode: 'LAC', description: 'Lạc', unit: 'm2', unitPrice: '8000', ...b('lạc') },
      ...TREES.flatMap(([code, name, sizes, unit, prices]) =>
        sizes.map((size, i) => ({
          itemCode: `CAY-${code}-${size}`,
          description: `${name} loại ${size}`,
          unit,
          unitPrice: prices[i],
          ...b(`${name.toLowerCase()} loại ${size}`),
        })),
      ),
    ],
    livestock: [
      { itemCode: 'CA-AO', description: 'Cá nuôi trong ao', unit: 'm2', unitPrice: '18000', ...b('thủy sản') },
      { itemCode: 'LON', description: 'Di chuyển lợn', unit: 'con', unitPrice: '150000', ...b('di chuyển vật nuôi') },
      {
        itemCode: 'GIA-CAM',
        description: 'Di chuyển gia cầm',
        unit: 'con',
        unitPrice: '15000',
        ...b('di chuyển vật nuôi'),
      },
    ],
    graves: [
      { itemCode: 'MO-XAY', description: 'Di chuyển mộ xây', unit: 'ngôi', unitPrice: '12000000', ...b('mộ xây') },
      { itemCode: 'MO-DAT', description: 'Di chuyển mộ đất', unit: 'ngôi', unitPrice: '6000000', ...b('mộ đất') },
    ],
    moving: [
      {
        itemCode: 'DC-TAI-SAN',
        description: 'Di chuyển tài sản',
        unit: 'hộ',
        unitPrice: '5000000',
        ...b('di chuyển tài sản'),
      },
    ],
    policy: {
      ricePricePerKg: { value: '15000', ...b('giá gạo bình quân') },
      riceKgPerPersonMonth: {
        value: '30',
        basis: 'Điểm c khoản 3 Điều 19 Nghị định 47/2014/NĐ-CP (30 kg gạo/người/tháng)',
      },
      stabilisation: {
        basis: 'Điểm a, b khoản 3 Điều 19 Nghị định 47/2014/NĐ-CP (bảng số tháng); mức dưới 30 %: ' + SAMPLE,
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
      jobChangeMultiplier: { value: '3', ...b('hệ số k') },
      allocationLimitM2: {
        annual: '20000',
        perennial: '300000',
        forest: '300000',
        aquaculture: '20000',
        basis: 'Điều 129 Luật Đất đai 2013 (tỉnh miền núi)',
      },
      remainingInvestmentPerM2: { value: '8000', ...b('chi phí đầu tư vào đất còn lại') },
      structureTopUpPercent: { value: '20', ...b('tỷ lệ x %') },
      minResettlementUnitValue: { value: '350000000', ...b('suất tái định cư tối thiểu') },
      selfArrangedHousingSupport: { value: '80000000', ...b('hỗ trợ tự lo chỗ ở') },
      relocationSupport: { value: '6000000', ...b('hỗ trợ di chuyển chỗ ở') },
      earlyHandoverBonus: {
        percent: '3',
        min: '1000000',
        max: '30000000',
        withinDays: 10,
        ...b('thưởng bàn giao mặt bằng sớm'),
      },
      rounding: { unit: '1000', mode: 'up' as const, ...b('làm tròn tổng tiền của hộ đến nghìn đồng') },
    },
  } satisfies PriceBookContent,
};
