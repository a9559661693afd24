/**
 * The Center's real projects (README "The real projects"). Milestones are the targets leaders set. Where the exact
 * decision is not public here the `basis` says so; the Center corrects it through PATCH /projects/:id/milestones.
 * The communes listed are those the seed assumes each route crosses; correct them with PATCH /projects/:id.
 */
export interface SeedProject {
  code: string;
  name: string;
  description: string;
  investor: string; // agency code
  recoveryGround: '61' | '62';
  legalBasis: string;
  regime: string;
  communes: string[]; // commune codes
  milestones: { dueDate: string; targetPercent: string; label: string; basis: string }[];
}

const DIRECTIVE = 'Mục tiêu tiến độ GPMB năm 2024 của huyện Cao Lộc';

export const PROJECTS: SeedProject[] = [
  {
    code: 'CT-HNCL',
    name: 'Dự án đường cao tốc cửa khẩu Hữu Nghị – Chi Lăng (hình thức BOT), đoạn qua huyện Cao Lộc',
    description: 'Giải phóng mặt bằng đoạn tuyến cao tốc qua địa bàn huyện Cao Lộc.',
    investor: 'CDT-BOT-HNCL',
    recoveryGround: '62',
    legalBasis:
      'Điều 62 Luật Đất đai 2013 (dự án kết cấu hạ tầng giao thông); chủ trương đầu tư dự án BOT cao tốc Hữu Nghị – Chi Lăng',
    regime: 'LS-1019-2258',
    communes: [
      'CL-TT-DONG-DANG',
      'CL-PHU-XA',
      'CL-HONG-PHONG',
      'CL-THUY-HUNG',
      'CL-TAN-LIEN',
      'CL-GIA-CAT',
      'CL-YEN-TRACH',
    ],
    milestones: [
      { dueDate: '2024-06-30', targetPercent: '70', label: '70 % diện tích trước 30/6/2024', basis: DIRECTIVE },
      { dueDate: '2024-12-31', targetPercent: '100', label: '100 % diện tích trong năm 2024', basis: DIRECTIVE },
    ],
  },
  {
    code: 'QL4B',
    name: 'Cải tạo, nâng cấp Quốc lộ 4B, đoạn Km3+700 – Km18',
    description: 'Giải phóng mặt bằng đoạn Km3+700 – Km18 Quốc lộ 4B qua địa bàn huyện Cao Lộc.',
    investor: 'CDT-BQLDA-GT-LS',
    recoveryGround: '62',
    legalBasis: 'Điều 62 Luật Đất đai 2013 (dự án kết cấu hạ tầng giao thông)',
    regime: 'LS-1019-2258',
    communes: ['CL-TT-CAO-LOC', 'CL-GIA-CAT', 'CL-TAN-LIEN'],
    milestones: [
      { dueDate: '2024-03-31', targetPercent: '100', label: '100 % diện tích trước 31/3/2024', basis: DIRECTIVE },
    ],
  },
  {
    code: 'CCN-HT1',
    name: 'Cụm công nghiệp Hợp Thành 1',
    description: 'Giải phóng mặt bằng xây dựng hạ tầng Cụm công nghiệp Hợp Thành 1.',
    investor: 'CDT-BQLDA-CL',
    recoveryGround: '62',
    legalBasis: 'Điều 62 Luật Đất đai 2013 (cụm công nghiệp); quyết định thành lập cụm công nghiệp',
    regime: 'LS-1019-2258',
    communes: ['CL-HOP-THANH'],
    milestones: [
      {
        dueDate: '2024-12-31',
        targetPercent: '100',
        label: 'Hoàn thành GPMB theo tiến độ dự án',
        basis:
          'Mốc mẫu: nhập lại theo tiến độ tại quyết định chủ trương đầu tư và quyết định thành lập cụm công nghiệp',
      },
    ],
  },
  {
    code: 'CCN-HT2',
    name: 'Cụm công nghiệp Hợp Thành 2',
    description: 'Giải phóng mặt bằng xây dựng hạ tầng Cụm công nghiệp Hợp Thành 2.',
    investor: 'CDT-BQLDA-CL',
    recoveryGround: '62',
    legalBasis: 'Điều 62 Luật Đất đai 2013 (cụm công nghiệp); quyết định thành lập cụm công nghiệp',
    regime: 'LS-1019-2258',
    communes: ['CL-HOP-THANH'],
    milestones: [
      {
        dueDate: '2024-12-31',
        targetPercent: '100',
        label: 'Hoàn thành GPMB theo tiến độ dự án',
        basis:
          'Mốc mẫu: nhập lại theo tiến độ tại quyết định chủ trương đầu tư và quyết định thành lập cụm công nghiệp',
      },
    ],
  },
  {
    code: 'CAX-2024',
    name: 'Xây dựng trụ sở Công an xã (các điểm còn lại)',
    description: 'Giải phóng mặt bằng các điểm xây dựng trụ sở công an xã còn lại trên địa bàn huyện.',
    investor: 'CDT-CA-LS',
    recoveryGround: '61',
    legalBasis: 'Điều 61 Luật Đất đai 2013 (thu hồi đất vì mục đích an ninh)',
    regime: 'LS-1019-2258',
    communes: [
      'CL-BAO-LAM',
      'CL-CAO-LAU',
      'CL-CONG-SON',
      'CL-MAU-SON',
      'CL-THACH-DAN',
      'CL-THANH-LOA',
      'CL-XUAT-LE',
      'CL-LOC-YEN',
    ],
    milestones: [
      { dueDate: '2024-12-31', targetPercent: '100', label: '100 % diện tích trong năm 2024', basis: DIRECTIVE },
    ],
  },
];
