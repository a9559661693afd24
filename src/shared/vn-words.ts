/**
 * Amounts in Vietnamese words, as decisions print them: "Bằng chữ: Một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi
 * bảy nghìn đồng". Owned here because the rules are Vietnamese-specific:
 * - "mươi" for tens from 20, "mười" for 10–19; "mốt" for a final 1 after 20 ("hai mươi mốt"), "một" after 10;
 * - "lăm" for a final 5 after a ten ("mười lăm", "hai mươi lăm"), "năm" otherwise;
 * - "tư" for a final 4 after 20 ("hai mươi tư");
 * - "linh" when tens are zero inside a group ("một trăm linh năm");
 * - "không trăm" for a group below 100 after a larger unit ("một triệu không trăm linh năm");
 * - units nghìn, triệu, tỷ, then "nghìn tỷ", "triệu tỷ", "tỷ tỷ".
 * Takes integer đồng as a decimal string (no floats, any size).
 */
const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const UNITS = ['', 'nghìn', 'triệu', 'tỷ'];

function group(n: number, full: boolean): string {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const words: string[] = [];
  if (h > 0 || full) words.push(DIGITS[h], 'trăm');
  if (t > 1) {
    words.push(DIGITS[t], 'mươi');
    if (u === 1) words.push('mốt');
    else if (u === 4) words.push('tư');
    else if (u === 5) words.push('lăm');
    else if (u > 0) words.push(DIGITS[u]);
  } else if (t === 1) {
    words.push('mười');
    if (u === 5) words.push('lăm');
    else if (u > 0) words.push(DIGITS[u]);
  } else if (u > 0) {
    if (h > 0 || full) words.push('linh');
    words.push(DIGITS[u]);
  }
  return words.join(' ');
}

/** Below one billion: groups of three with nghìn and triệu; zero groups are silent. */
function belowBillion(digits: string, full: boolean): string {
  const groups: number[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(Number(digits.slice(Math.max(0, end - 3), end)));
  const out: string[] = [];
  groups.forEach((g, idx) => {
    if (g === 0) return;
    const unit = UNITS[groups.length - 1 - idx];
    const words = group(g, full || out.length > 0);
    out.push(unit ? `${words} ${unit}` : words);
  });
  return out.join(' ');
}

/** Billions recurse: 1.234 × 10⁹ is "một nghìn hai trăm ba mươi tư tỷ", 10¹⁸ is "một tỷ tỷ". */
function words(digits: string, full: boolean): string {
  if (digits.length <= 9) return belowBillion(digits, full);
  const high = digits.slice(0, -9);
  const low = digits.slice(-9);
  const head = `${words(high, full)} tỷ`;
  return /^0+$/.test(low) ? head : `${head} ${belowBillion(low, true)}`;
}

export function numberToVietnameseWords(value: string | bigint): string {
  const digits = String(value).replace(/^0+(?=\d)/, '');
  if (!/^\d+$/.test(digits)) throw new Error(`not a non-negative integer: ${value}`);
  return digits === '0' ? 'không' : words(digits, false);
}

/** "Một tỷ hai trăm … đồng": the sentence form printed after "Bằng chữ:". */
export function amountInWords(dong: string | bigint): string {
  const w = numberToVietnameseWords(dong);
  return `${w.charAt(0).toUpperCase()}${w.slice(1)} đồng`;
}

/** 1234567 → "1.234.567" (đồng, Vietnamese grouping). */
export function formatDong(dong: string | bigint): string {
  return String(dong).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** "9222.1" → "9.222,1" (areas, decimal comma). */
export function formatArea(decimal: string): string {
  const [int, frac] = decimal.split('.');
  return frac ? `${formatDong(int)},${frac}` : formatDong(int);
}

/** "70.00" → "70,00 %" (a percent in text: decimal comma, a space before the sign). */
export function formatPercent(percent: string): string {
  return `${formatArea(percent)} %`;
}

/** "2024-01-05" → "ngày 05 tháng 01 năm 2024" (NĐ 30/2020: leading zeros for days < 10 and months 1, 2). */
export function vnLongDate(date: string): string {
  const [y, m, d] = date.split('-');
  const month = Number(m) <= 2 ? m : String(Number(m));
  return `ngày ${d} tháng ${month} năm ${y}`;
}
