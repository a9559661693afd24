/**
 * Vietnamese public holidays 2023–2026 (Bộ luật Lao động 2019 Đ112 and the yearly notices on Tết and swapped days).
 * `lunar_new_year` marks Mùng 1 Tết (for the enforcement blackout of ±15 days, LĐĐ 2024 Đ89 k1 b); it is a rest day
 * only when it is also listed as a holiday. Check each year against the official notice; edit via PUT /holidays.
 */
const BASIS = 'Điều 112 Bộ luật Lao động 2019; thông báo nghỉ lễ, Tết hằng năm';
type Row = { date: string; name: string; kind: 'public' | 'tet' | 'compensatory' | 'lunar_new_year'; basis: string };
const days = (from: string, to: string, name: string, kind: Row['kind']): Row[] => {
  const out: Row[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    out.push({ date: d.toISOString().slice(0, 10), name, kind, basis: BASIS });
  }
  return out;
};
const one = (date: string, name: string, kind: Row['kind'] = 'public'): Row[] => [{ date, name, kind, basis: BASIS }];

export const HOLIDAYS: Row[] = [
  // 2023
  ...one('2023-01-01', 'Tết Dương lịch'),
  ...one('2023-01-02', 'Nghỉ bù Tết Dương lịch', 'compensatory'),
  ...days('2023-01-20', '2023-01-26', 'Tết Nguyên đán Quý Mão', 'tet'),
  ...one('2023-01-22', 'Mùng 1 Tết Quý Mão', 'lunar_new_year'),
  ...one('2023-04-29', 'Giỗ Tổ Hùng Vương'),
  ...one('2023-04-30', 'Ngày Giải phóng miền Nam'),
  ...one('2023-05-01', 'Quốc tế Lao động'),
  ...one('2023-05-02', 'Nghỉ bù', 'compensatory'),
  ...one('2023-05-03', 'Nghỉ bù', 'compensatory'),
  ...one('2023-09-01', 'Quốc khánh (nghỉ liền kề)'),
  ...one('2023-09-02', 'Quốc khánh'),
  ...one('2023-09-04', 'Nghỉ bù Quốc khánh', 'compensatory'),
  // 2024
  ...one('2024-01-01', 'Tết Dương lịch'),
  ...days('2024-02-08', '2024-02-14', 'Tết Nguyên đán Giáp Thìn', 'tet'),
  ...one('2024-02-10', 'Mùng 1 Tết Giáp Thìn', 'lunar_new_year'),
  ...one('2024-04-18', 'Giỗ Tổ Hùng Vương'),
  ...one('2024-04-29', 'Nghỉ hoán đổi (làm bù thứ Bảy 04/5)', 'compensatory'),
  ...one('2024-04-30', 'Ngày Giải phóng miền Nam'),
  ...one('2024-05-01', 'Quốc tế Lao động'),
  ...one('2024-09-02', 'Quốc khánh'),
  ...one('2024-09-03', 'Quốc khánh (nghỉ liền kề)'),
  // 2025
  ...one('2025-01-01', 'Tết Dương lịch'),
  ...days('2025-01-25', '2025-02-02', 'Tết Nguyên đán Ất Tỵ', 'tet'),
  ...one('2025-01-29', 'Mùng 1 Tết Ất Tỵ', 'lunar_new_year'),
  ...one('2025-04-07', 'Giỗ Tổ Hùng Vương'),
  ...one('2025-04-30', 'Ngày Giải phóng miền Nam'),
  ...one('2025-05-01', 'Quốc tế Lao động'),
  ...one('2025-05-02', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4)', 'compensatory'),
  ...one('2025-09-01', 'Quốc khánh (nghỉ liền kề)'),
  ...one('2025-09-02', 'Quốc khánh'),
  // 2026
  ...one('2026-01-01', 'Tết Dương lịch'),
  ...days('2026-02-14', '2026-02-22', 'Tết Nguyên đán Bính Ngọ', 'tet'),
  ...one('2026-02-17', 'Mùng 1 Tết Bính Ngọ', 'lunar_new_year'),
  ...one('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)', 'compensatory'),
  ...one('2026-04-30', 'Ngày Giải phóng miền Nam'),
  ...one('2026-05-01', 'Quốc tế Lao động'),
  ...one('2026-09-01', 'Quốc khánh (nghỉ liền kề)'),
  ...one('2026-09-02', 'Quốc khánh'),
];
