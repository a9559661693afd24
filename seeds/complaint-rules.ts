import type { ComplaintRule } from '../src/modules/complaints/domain/complaint-deadlines.js';

/**
 * Complaint deadlines (procedure.md §12), dated with their legal basis. A later rule is a new row: the rule in force
 * on the day a level started governs it. Denunciations and petitions are routed under their own laws; their rows are
 * labelled where the figures still need checking against the district's practice.
 */
const LKN_2011_PERIODS = {
  limitationDays: 90,
  resolution: {
    level1: { normal: 30, complex: 45, remote: 45, remoteComplex: 60 },
    level2: { normal: 45, complex: 60, remote: 60, remoteComplex: 70 },
  },
  appeal: { days: 30, remoteDays: 45 },
  finality: { days: 30, remoteDays: 45 },
};

export const COMPLAINT_RULES: ComplaintRule[] = [
  {
    kind: 'complaint',
    effectiveFrom: '2012-07-01',
    basis:
      'Luật Khiếu nại 2011: thời hiệu 90 ngày (Điều 9); thụ lý trong 10 ngày (Điều 27); giải quyết lần đầu 30 ngày, phức tạp 45, vùng sâu vùng xa 45/60 (Điều 28); ' +
      'khiếu nại lần hai hoặc khởi kiện trong 30 ngày, vùng sâu vùng xa 45 (Điều 33); lần hai 45/60, vùng sâu vùng xa 60/70 (Điều 37); hiệu lực sau 30/45 ngày (Điều 44)',
    params: {
      ...LKN_2011_PERIODS,
      acceptance: { days: 10, dayType: 'calendar' },
      acceptanceLevel2: null,
      dialogueMandatoryAtLevel2: false,
    },
  },
  {
    kind: 'complaint',
    effectiveFrom: '2026-07-01',
    basis:
      'Nghị định 155/2026/NĐ-CP (hiệu lực 01/7/2026) sửa đổi khoản 1 Điều 16 Nghị định 124/2020/NĐ-CP: thụ lý trong 07 ngày làm việc; đối thoại bắt buộc khi giải quyết lần hai; ' +
      'các thời hạn khác theo Luật Khiếu nại 2011 (Điều 9, 28, 33, 37, 44)',
    // The 7 working days amend the first-level acceptance (NĐ 124/2020 Đ16); the second level keeps Đ36's 10 days.
    params: {
      ...LKN_2011_PERIODS,
      acceptance: { days: 7, dayType: 'working' },
      acceptanceLevel2: { days: 10, dayType: 'calendar' },
      dialogueMandatoryAtLevel2: true,
    },
  },
  {
    kind: 'denunciation',
    effectiveFrom: '2019-01-01',
    basis:
      'Luật Tố cáo 2018: thụ lý trong 07 ngày làm việc; giải quyết trong 30 ngày, vụ việc phức tạp gia hạn một lần 30 ngày (mẫu — đối chiếu điều khoản trước khi dùng)',
    params: {
      limitationDays: null,
      acceptance: { days: 7, dayType: 'working' },
      acceptanceLevel2: null,
      resolution: { level1: { normal: 30, complex: 60, remote: 30, remoteComplex: 60 }, level2: null },
      appeal: null,
      finality: null,
      dialogueMandatoryAtLevel2: false,
    },
  },
  {
    kind: 'petition',
    effectiveFrom: '2014-07-01',
    basis:
      'Luật Tiếp công dân 2013: xử lý kiến nghị, phản ánh trong 10 ngày; trả lời trong 30 ngày theo quy chế của cơ quan (mẫu — đối chiếu quy chế của huyện)',
    params: {
      limitationDays: null,
      acceptance: { days: 10, dayType: 'calendar' },
      acceptanceLevel2: null,
      resolution: { level1: { normal: 30, complex: 45, remote: 30, remoteComplex: 45 }, level2: null },
      appeal: null,
      finality: null,
      dialogueMandatoryAtLevel2: false,
    },
  },
];
