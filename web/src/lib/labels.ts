/** Vietnamese names of the codes the API returns (document types, payment methods, land user kinds). */
export const DOCUMENT_TYPE_LABELS: Record<string, string> = {
  recovery_notice: 'Thông báo thu hồi đất',
  forced_survey_decision: 'Quyết định kiểm đếm bắt buộc',
  inventory_minutes: 'Biên bản kiểm đếm',
  plan_approval: 'Quyết định phê duyệt phương án',
  recovery_decision: 'Quyết định thu hồi đất',
  payment_notice: 'Thông báo chi trả',
  payment_list: 'Danh sách chi trả',
  payment_list_workbook: 'Danh sách chi trả (Excel)',
  handover_minutes: 'Biên bản bàn giao mặt bằng',
  enforcement_decision: 'Quyết định cưỡng chế thu hồi đất',
  quarterly_report: 'Báo cáo quý',
  quarterly_report_workbook: 'Báo cáo quý (Excel)',
};

export const PAYMENT_METHOD_LABELS: Record<string, string> = {
  cash: 'Tiền mặt',
  bank_transfer: 'Chuyển khoản',
  treasury_deposit: 'Gửi Kho bạc (hộ không nhận)',
};

export const LAND_USER_KIND_LABELS: Record<string, string> = {
  household: 'Hộ gia đình',
  individual: 'Cá nhân',
  organisation: 'Tổ chức',
};

export const INVENTORY_STATUS_LABELS: Record<string, string> = {
  draft: 'Dự thảo',
  signed: 'Đã ký',
  superseded: 'Đã thay thế',
};

/** Hình thức of an entry in the nhật ký vận động (the API's ENGAGEMENT_LABELS). */
export const ENGAGEMENT_KIND_LABELS: Record<string, string> = {
  persuasion: 'Vận động, thuyết phục',
  visit: 'Đến gặp hộ',
  dialogue: 'Đối thoại',
  propaganda_meeting: 'Họp tuyên truyền, phổ biến',
};
