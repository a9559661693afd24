/**
 * Vietnamese number entry, as clerks type it: "." groups thousands and "," marks decimals.
 * "20.000" is twenty thousand, "9222,1" is 9222.1, "1.234.567,5" is 1234567.5. A single "." followed by other than
 * three digits ("9222.1", "0.5") can only be a decimal point and is read as one. Returns a canonical decimal string
 * ("1234567.5"), or null when the text is not a number. Never goes through a JavaScript float.
 */
export function parseVnDecimal(input: string): string | null {
  const s = input.trim().replace(/\s+/g, '');
  if (!/^\d[\d.,]*$/.test(s)) return null;
  const commas = (s.match(/,/g) ?? []).length;
  const dots = (s.match(/\./g) ?? []).length;
  let intPart: string;
  let fracPart = '';
  if (commas > 1) return null;
  if (commas === 1) {
    [intPart, fracPart] = s.split(',');
    if (!fracPart) return null;
    if (dots > 0 && !isGrouped(intPart)) return null;
    intPart = intPart.replace(/\./g, '');
  } else if (dots === 0) {
    intPart = s;
  } else if (dots === 1 && !isGrouped(s)) {
    [intPart, fracPart] = s.split('.');
    if (!fracPart) return null;
  } else {
    if (!isGrouped(s)) return null;
    intPart = s.replace(/\./g, '');
  }
  if (!/^\d+$/.test(intPart) || (fracPart && !/^\d+$/.test(fracPart))) return null;
  const int = intPart.replace(/^0+(?=\d)/, '');
  const frac = fracPart.replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}

/** "1.234.567": 1–3 leading digits, then groups of exactly three. */
function isGrouped(s: string): boolean {
  return /^\d{1,3}(\.\d{3})+$/.test(s);
}

/** Integer đồng typed the Vietnamese way ("1.234.567" or "1234567"); decimals are refused. */
export function parseVnInteger(input: string): string | null {
  const d = parseVnDecimal(input);
  return d !== null && !d.includes('.') ? d : null;
}

/** Strips Vietnamese diacritics and case, for accent-insensitive search ("Nguyễn Đức" → "nguyen duc"). */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
