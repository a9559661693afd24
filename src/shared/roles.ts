/** Roles (vai trò). A user has exactly one; commune officers are further scoped to their communes. */
export const ROLES = [
  'center_staff', // Cán bộ Trung tâm PTQĐ
  'center_lead', // Lãnh đạo Trung tâm PTQĐ
  'land_office', // Phòng TN&MT
  'agriculture_office', // Phòng NN&PTNT
  'infrastructure_office', // Phòng KT&HT
  'commune_officer', // Cán bộ UBND xã (theo xã được phân công)
  'district_leader', // Lãnh đạo UBND huyện (ký quyết định)
  'investor', // Chủ đầu tư / Ban QLDA (chỉ xem dự án của mình)
  'admin', // Quản trị hệ thống
  'auditor', // Thanh tra, kiểm toán (chỉ xem)
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  center_staff: 'Cán bộ Trung tâm Phát triển quỹ đất',
  center_lead: 'Lãnh đạo Trung tâm Phát triển quỹ đất',
  land_office: 'Phòng Tài nguyên và Môi trường',
  agriculture_office: 'Phòng Nông nghiệp và Phát triển nông thôn',
  infrastructure_office: 'Phòng Kinh tế và Hạ tầng',
  commune_officer: 'Cán bộ UBND xã',
  district_leader: 'Lãnh đạo UBND huyện',
  investor: 'Chủ đầu tư / Ban quản lý dự án',
  admin: 'Quản trị hệ thống',
  auditor: 'Thanh tra, kiểm toán',
};

/** Everyone who may read project-level information (scope still applies to commune officers and investors). */
export const ALL_ROLES: readonly Role[] = ROLES;

/** Roles that see personal data (CCCD numbers, addresses, household members); others get them masked. */
export const PERSONAL_DATA_ROLES: readonly Role[] = [
  'center_staff',
  'center_lead',
  'land_office',
  'commune_officer',
  'admin',
  'auditor',
];

/** Roles that register and edit cases, parcels and inventories (commune officers within their communes). */
export const CASE_EDITORS: readonly Role[] = ['center_staff', 'center_lead', 'commune_officer', 'admin'];

/** Who issues the recovery notices (thông báo thu hồi đất) of the district: Phòng TN&MT drafts, the leader signs. */
export const NOTICE_ISSUERS: readonly Role[] = ['land_office', 'district_leader', 'admin'];

/** Who drafts and recomputes compensation plans: the Center (and the administrator). */
export const PLAN_EDITORS: readonly Role[] = ['center_staff', 'center_lead', 'admin'];
