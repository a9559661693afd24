/**
 * How a clerk reads figures: dates dd/mm/yyyy, đồng grouped with dots (1.234.567), areas with a decimal comma
 * (1.234,5 m²). Amounts and areas stay strings end to end (no JavaScript float ever holds one).
 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

function group(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** "1234567" → "1.234.567" (whole đồng). */
export function formatDong(amount: string | number | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '';
  const s = String(amount);
  const negative = s.startsWith('-');
  const int = (negative ? s.slice(1) : s).split('.')[0];
  return `${negative ? '-' : ''}${group(int)}`;
}

/** "9222.1000" → "9.222,1" (m², trailing zeros dropped). */
export function formatArea(area: string | null | undefined): string {
  if (area === null || area === undefined || area === '') return '';
  const [int, frac = ''] = area.split('.');
  const f = frac.replace(/0+$/, '');
  return `${group(int)}${f ? `,${f}` : ''}`;
}

/** "45.50" → "45,5 %" */
export function formatPercent(p: string | null | undefined): string {
  if (p === null || p === undefined) return '';
  return `${formatArea(p)} %`;
}

/** Vietnamese text without accents, lower case: "Nguyễn Văn Đức" → "nguyen van duc" (search as the API does). */
export function foldAccents(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}
