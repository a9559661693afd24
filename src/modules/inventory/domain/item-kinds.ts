/** The kinds of item a biên bản kiểm đếm records, as clerks name them (the minutes, the Excel intake). */
export const ITEM_KIND_LABELS: Record<string, string> = {
  land: 'Đất',
  structure: 'Nhà, công trình',
  tree: 'Cây lâu năm',
  crop: 'Hoa màu',
  livestock: 'Vật nuôi, thủy sản',
  grave: 'Mồ mả',
  movable: 'Tài sản di chuyển',
};
