import type { Role } from '../src/shared/roles.js';

/** One demo account per role, all with the demo password (refused in production). Names are obviously fictitious. */
export const DEMO_USERS: {
  username: string;
  role: Role;
  displayName: string;
  agency: string | null;
  communes: string[];
}[] = [
  {
    username: 'canbo.ttptqd',
    role: 'center_staff',
    displayName: 'Cán bộ Trung tâm (demo)',
    agency: 'TTPTQD-CL',
    communes: [],
  },
  {
    username: 'lanhdao.ttptqd',
    role: 'center_lead',
    displayName: 'Lãnh đạo Trung tâm (demo)',
    agency: 'TTPTQD-CL',
    communes: [],
  },
  {
    username: 'phong.tnmt',
    role: 'land_office',
    displayName: 'Chuyên viên Phòng TN&MT (demo)',
    agency: 'TNMT-CL',
    communes: [],
  },
  {
    username: 'phong.nnptnt',
    role: 'agriculture_office',
    displayName: 'Chuyên viên Phòng NN&PTNT (demo)',
    agency: 'NNPTNT-CL',
    communes: [],
  },
  {
    username: 'phong.ktht',
    role: 'infrastructure_office',
    displayName: 'Chuyên viên Phòng KT&HT (demo)',
    agency: 'KTHT-CL',
    communes: [],
  },
  {
    username: 'xa.hopthanh',
    role: 'commune_officer',
    displayName: 'Cán bộ địa chính xã Hợp Thành (demo)',
    agency: 'UBND-CL-HOP-THANH',
    communes: ['CL-HOP-THANH'],
  },
  {
    username: 'lanhdao.huyen',
    role: 'district_leader',
    displayName: 'Lãnh đạo UBND huyện (demo)',
    agency: 'UBND-CL',
    communes: [],
  },
  {
    username: 'chudautu.bot',
    role: 'investor',
    displayName: 'Đại diện chủ đầu tư BOT (demo)',
    agency: 'CDT-BOT-HNCL',
    communes: [],
  },
  { username: 'quantri', role: 'admin', displayName: 'Quản trị hệ thống (demo)', agency: null, communes: [] },
  { username: 'thanhtra', role: 'auditor', displayName: 'Thanh tra (demo)', agency: null, communes: [] },
];
