/**
 * Reference data: Lạng Sơn province, Cao Lộc district and its communes, the agencies of the procedure, and the
 * procedure regime. Codes are GPMB's own (not the statistics office's). Remote flags are SAMPLE values: confirm them
 * against the province's list of communes in vùng sâu, vùng xa / khu vực III before relying on complaint deadlines.
 */
import { LS_1019_2258_BASES, LS_1019_2258_CASE_MACHINE, LS_1019_2258_PLAN_MACHINE } from './regimes/ls-1019-2258.js';

export const PROVINCE = { code: 'LS', kind: 'tỉnh', name: 'Lạng Sơn' };
export const DISTRICT = { code: 'LS-CL', kind: 'huyện', name: 'Cao Lộc' };

const REMOTE_BASIS = 'Mẫu: xã biên giới, miền núi — cần xác nhận theo quyết định công nhận vùng sâu, vùng xa';

/** Communes (xã, thị trấn) of Cao Lộc district as organised before the 2025 two-tier reform. */
export const COMMUNES: { code: string; kind: 'xã' | 'thị trấn'; name: string; remote?: boolean }[] = [
  { code: 'CL-TT-CAO-LOC', kind: 'thị trấn', name: 'Cao Lộc' },
  { code: 'CL-TT-DONG-DANG', kind: 'thị trấn', name: 'Đồng Đăng' },
  { code: 'CL-BAO-LAM', kind: 'xã', name: 'Bảo Lâm', remote: true },
  { code: 'CL-BINH-TRUNG', kind: 'xã', name: 'Bình Trung' },
  { code: 'CL-CAO-LAU', kind: 'xã', name: 'Cao Lâu', remote: true },
  { code: 'CL-CONG-SON', kind: 'xã', name: 'Công Sơn', remote: true },
  { code: 'CL-GIA-CAT', kind: 'xã', name: 'Gia Cát' },
  { code: 'CL-HAI-YEN', kind: 'xã', name: 'Hải Yến' },
  { code: 'CL-HOA-CU', kind: 'xã', name: 'Hòa Cư' },
  { code: 'CL-HONG-PHONG', kind: 'xã', name: 'Hồng Phong' },
  { code: 'CL-HOP-THANH', kind: 'xã', name: 'Hợp Thành' },
  { code: 'CL-LOC-YEN', kind: 'xã', name: 'Lộc Yên', remote: true },
  { code: 'CL-MAU-SON', kind: 'xã', name: 'Mẫu Sơn', remote: true },
  { code: 'CL-PHU-XA', kind: 'xã', name: 'Phú Xá' },
  { code: 'CL-SONG-GIAP', kind: 'xã', name: 'Song Giáp' },
  { code: 'CL-TAN-LIEN', kind: 'xã', name: 'Tân Liên' },
  { code: 'CL-TAN-THANH', kind: 'xã', name: 'Tân Thành', remote: true },
  { code: 'CL-THACH-DAN', kind: 'xã', name: 'Thạch Đạn', remote: true },
  { code: 'CL-THANH-LOA', kind: 'xã', name: 'Thanh Lòa', remote: true },
  { code: 'CL-THUY-HUNG', kind: 'xã', name: 'Thụy Hùng' },
  { code: 'CL-XUAN-LONG', kind: 'xã', name: 'Xuân Long' },
  { code: 'CL-XUAT-LE', kind: 'xã', name: 'Xuất Lễ', remote: true },
  { code: 'CL-YEN-TRACH', kind: 'xã', name: 'Yên Trạch' },
];
export const remoteBasis = (remote?: boolean) => (remote ? REMOTE_BASIS : null);

export type SeedAgency = { code: string; kind: string; name: string; shortName: string; unit: string };

export const AGENCIES: SeedAgency[] = [
  {
    code: 'UBND-LS',
    kind: 'people_committee',
    name: 'Ủy ban nhân dân tỉnh Lạng Sơn',
    shortName: 'UBND',
    unit: 'province',
  },
  {
    code: 'UBND-CL',
    kind: 'people_committee',
    name: 'Ủy ban nhân dân huyện Cao Lộc',
    shortName: 'UBND',
    unit: 'district',
  },
  {
    code: 'TTPTQD-CL',
    kind: 'land_fund_center',
    name: 'Trung tâm Phát triển quỹ đất huyện Cao Lộc',
    shortName: 'TTPTQĐ',
    unit: 'district',
  },
  {
    code: 'TNMT-CL',
    kind: 'land_office',
    name: 'Phòng Tài nguyên và Môi trường huyện Cao Lộc',
    shortName: 'TNMT',
    unit: 'district',
  },
  {
    code: 'NNPTNT-CL',
    kind: 'agriculture_office',
    name: 'Phòng Nông nghiệp và Phát triển nông thôn huyện Cao Lộc',
    shortName: 'NNPTNT',
    unit: 'district',
  },
  {
    code: 'KTHT-CL',
    kind: 'infrastructure_office',
    name: 'Phòng Kinh tế và Hạ tầng huyện Cao Lộc',
    shortName: 'KTHT',
    unit: 'district',
  },
  {
    code: 'TCKH-CL',
    kind: 'finance_office',
    name: 'Phòng Tài chính - Kế hoạch huyện Cao Lộc',
    shortName: 'TCKH',
    unit: 'district',
  },
  { code: 'NV-CL', kind: 'home_affairs_office', name: 'Phòng Nội vụ huyện Cao Lộc', shortName: 'NV', unit: 'district' },
  {
    code: 'CDT-BOT-HNCL',
    kind: 'investor',
    name: 'Doanh nghiệp dự án BOT cao tốc Hữu Nghị – Chi Lăng',
    shortName: 'BOT',
    unit: 'province',
  },
  {
    code: 'CDT-BQLDA-GT-LS',
    kind: 'investor',
    name: 'Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh Lạng Sơn',
    shortName: 'BQLDA',
    unit: 'province',
  },
  {
    code: 'CDT-BQLDA-CL',
    kind: 'investor',
    name: 'Ban Quản lý dự án đầu tư xây dựng huyện Cao Lộc',
    shortName: 'BQLDA',
    unit: 'district',
  },
  { code: 'CDT-CA-LS', kind: 'investor', name: 'Công an tỉnh Lạng Sơn', shortName: 'CA', unit: 'province' },
  // One UBND xã per commune: they post notices, confirm origins and take complaints.
  ...COMMUNES.map((c) => ({
    code: `UBND-${c.code}`,
    kind: 'people_committee',
    name: `Ủy ban nhân dân ${c.kind} ${c.name}`,
    shortName: 'UBND',
    unit: c.code,
  })),
];

/**
 * Who signs for the district bodies (issue 18 §12): the head and a deputy of each. SAMPLE names and acts — enter the
 * real office holders (Quản trị → người ký, or POST /signatories) before issuing real documents.
 */
const SAMPLE_ACT = '(dữ liệu mẫu — thay bằng văn bản giao chức vụ thật)';
export const SIGNATORIES = [
  {
    agency: 'UBND-CL',
    fullName: 'Hoàng Văn Minh',
    title: 'Chủ tịch',
    deputy: false,
    effectiveFrom: '2021-06-25',
    basis: `Nghị quyết của HĐND huyện Cao Lộc bầu Chủ tịch UBND huyện nhiệm kỳ 2021–2026 ${SAMPLE_ACT}`,
  },
  {
    agency: 'UBND-CL',
    fullName: 'Nông Thị Hạnh',
    title: 'Phó Chủ tịch',
    deputy: true,
    effectiveFrom: '2021-06-25',
    basis: `Nghị quyết của HĐND huyện Cao Lộc bầu Phó Chủ tịch UBND huyện nhiệm kỳ 2021–2026 ${SAMPLE_ACT}`,
  },
  {
    agency: 'TTPTQD-CL',
    fullName: 'Lương Văn Thắng',
    title: 'Giám đốc',
    deputy: false,
    effectiveFrom: '2020-01-01',
    basis: `Quyết định của UBND huyện Cao Lộc bổ nhiệm Giám đốc Trung tâm Phát triển quỹ đất ${SAMPLE_ACT}`,
  },
  {
    agency: 'TTPTQD-CL',
    fullName: 'Vi Thị Lan',
    title: 'Phó Giám đốc',
    deputy: true,
    effectiveFrom: '2020-01-01',
    basis: `Quyết định của UBND huyện Cao Lộc bổ nhiệm Phó Giám đốc Trung tâm Phát triển quỹ đất ${SAMPLE_ACT}`,
  },
];

export const REGIMES = [
  {
    code: 'LS-1019-2258',
    name: 'Quy trình bồi thường, hỗ trợ, tái định cư tỉnh Lạng Sơn (QĐ 1019/QĐ-UBND, sửa đổi bởi QĐ 2258/QĐ-UBND) — Luật Đất đai 2013',
    legalBasis:
      'Luật Đất đai 2013 (Điều 61, 62, 66–71, 74–93); Nghị định 43/2014/NĐ-CP; Nghị định 47/2014/NĐ-CP; Nghị định 01/2017/NĐ-CP; ' +
      'Thông tư 37/2014/TT-BTNMT; Quyết định 1019/QĐ-UBND ngày 16/6/2022 của UBND tỉnh Lạng Sơn; ' +
      'Quyết định 2258/QĐ-UBND ngày 29/12/2023 của UBND tỉnh Lạng Sơn',
    effectiveFrom: '2022-06-16',
    effectiveTo: null as string | null,
    caseMachine: LS_1019_2258_CASE_MACHINE,
    planMachine: LS_1019_2258_PLAN_MACHINE,
    bases: LS_1019_2258_BASES,
  },
];

/** Land-type codes of TT 28/2014/TT-BTNMT with their compensation group (procedure.md §11). */
export const LAND_TYPE_TABLE = 'TT28-2014';
export const LAND_TYPES: { code: string; name: string; group: 'agricultural' | 'residential' | 'other' }[] = [
  { code: 'LUC', name: 'Đất chuyên trồng lúa nước', group: 'agricultural' },
  { code: 'LUK', name: 'Đất trồng lúa nước còn lại', group: 'agricultural' },
  { code: 'LUN', name: 'Đất lúa nương', group: 'agricultural' },
  { code: 'BHK', name: 'Đất bằng trồng cây hàng năm khác', group: 'agricultural' },
  { code: 'NHK', name: 'Đất nương rẫy trồng cây hàng năm khác', group: 'agricultural' },
  { code: 'HNK', name: 'Đất trồng cây hàng năm khác', group: 'agricultural' },
  { code: 'CLN', name: 'Đất trồng cây lâu năm', group: 'agricultural' },
  { code: 'RSX', name: 'Đất rừng sản xuất', group: 'agricultural' },
  { code: 'RPH', name: 'Đất rừng phòng hộ', group: 'agricultural' },
  { code: 'RDD', name: 'Đất rừng đặc dụng', group: 'agricultural' },
  { code: 'NTS', name: 'Đất nuôi trồng thủy sản', group: 'agricultural' },
  { code: 'LMU', name: 'Đất làm muối', group: 'agricultural' },
  { code: 'NKH', name: 'Đất nông nghiệp khác', group: 'agricultural' },
  { code: 'ONT', name: 'Đất ở tại nông thôn', group: 'residential' },
  { code: 'ODT', name: 'Đất ở tại đô thị', group: 'residential' },
  { code: 'TSC', name: 'Đất xây dựng trụ sở cơ quan', group: 'other' },
  { code: 'CQP', name: 'Đất quốc phòng', group: 'other' },
  { code: 'CAN', name: 'Đất an ninh', group: 'other' },
  { code: 'DTS', name: 'Đất xây dựng trụ sở của tổ chức sự nghiệp', group: 'other' },
  { code: 'DVH', name: 'Đất xây dựng cơ sở văn hóa', group: 'other' },
  { code: 'DYT', name: 'Đất xây dựng cơ sở y tế', group: 'other' },
  { code: 'DGD', name: 'Đất xây dựng cơ sở giáo dục và đào tạo', group: 'other' },
  { code: 'DTT', name: 'Đất xây dựng cơ sở thể dục thể thao', group: 'other' },
  { code: 'DKH', name: 'Đất xây dựng cơ sở khoa học và công nghệ', group: 'other' },
  { code: 'DXH', name: 'Đất xây dựng cơ sở dịch vụ xã hội', group: 'other' },
  { code: 'SKK', name: 'Đất khu công nghiệp', group: 'other' },
  { code: 'SKN', name: 'Đất cụm công nghiệp', group: 'other' },
  { code: 'TMD', name: 'Đất thương mại, dịch vụ', group: 'other' },
  { code: 'SKC', name: 'Đất cơ sở sản xuất phi nông nghiệp', group: 'other' },
  { code: 'SKS', name: 'Đất sử dụng cho hoạt động khoáng sản', group: 'other' },
  { code: 'SKX', name: 'Đất sản xuất vật liệu xây dựng, làm đồ gốm', group: 'other' },
  { code: 'DGT', name: 'Đất giao thông', group: 'other' },
  { code: 'DTL', name: 'Đất thủy lợi', group: 'other' },
  { code: 'DNL', name: 'Đất công trình năng lượng', group: 'other' },
  { code: 'DBV', name: 'Đất công trình bưu chính, viễn thông', group: 'other' },
  { code: 'DSH', name: 'Đất sinh hoạt cộng đồng', group: 'other' },
  { code: 'DKV', name: 'Đất khu vui chơi, giải trí công cộng', group: 'other' },
  { code: 'DCH', name: 'Đất chợ', group: 'other' },
  { code: 'DRA', name: 'Đất bãi thải, xử lý chất thải', group: 'other' },
  { code: 'DDT', name: 'Đất có di tích lịch sử - văn hóa', group: 'other' },
  { code: 'DDL', name: 'Đất danh lam thắng cảnh', group: 'other' },
  { code: 'TON', name: 'Đất cơ sở tôn giáo', group: 'other' },
  { code: 'TIN', name: 'Đất cơ sở tín ngưỡng', group: 'other' },
  { code: 'NTD', name: 'Đất làm nghĩa trang, nghĩa địa, nhà tang lễ, nhà hỏa táng', group: 'other' },
  { code: 'SON', name: 'Đất sông, ngòi, kênh, rạch, suối', group: 'other' },
  { code: 'MNC', name: 'Đất có mặt nước chuyên dùng', group: 'other' },
  { code: 'PNK', name: 'Đất phi nông nghiệp khác', group: 'other' },
  { code: 'BCS', name: 'Đất bằng chưa sử dụng', group: 'other' },
  { code: 'DCS', name: 'Đất đồi núi chưa sử dụng', group: 'other' },
  { code: 'NCS', name: 'Núi đá không có rừng cây', group: 'other' },
];
