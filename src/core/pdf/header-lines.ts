/**
 * Breaks the name of a body into header lines without splitting a word of two syllables or a place name (issue 18
 * §13: "HUYỆN CAO / LỘC", "QUỸ / ĐẤT" are what a văn thư sends back). A Vietnamese word is often two syllables that
 * the spaces do not show: the compounds of the bodies' names are listed here, and a place name stays whole with its
 * unit ("HUYỆN CAO LỘC", "XÃ GIA CÁT"). Of the breaks that keep them, the one with the fewest lines, then the most
 * even, then breaking before the place, is taken; pure, the caller measures.
 */
const COMPOUNDS = [
  'ỦY BAN',
  'NHÂN DÂN',
  'TRUNG TÂM',
  'PHÁT TRIỂN',
  'QUỸ ĐẤT',
  'TÀI NGUYÊN',
  'MÔI TRƯỜNG',
  'NÔNG NGHIỆP',
  'NÔNG THÔN',
  'KINH TẾ',
  'HẠ TẦNG',
  'TÀI CHÍNH',
  'KẾ HOẠCH',
  'QUẢN LÝ',
  'DỰ ÁN',
  'ĐẦU TƯ',
  'XÂY DỰNG',
  'CÔNG TRÌNH',
  'GIAO THÔNG',
  'CÔNG AN',
  'NỘI VỤ',
  'VĂN PHÒNG',
  'ĐĂNG KÝ',
  'ĐẤT ĐAI',
  'HỘI ĐỒNG',
  'BỒI THƯỜNG',
  'HỖ TRỢ',
  'TÁI ĐỊNH CƯ',
  'CỘNG HÒA',
  'XÃ HỘI',
  'CHỦ NGHĨA',
  'VIỆT NAM',
];
const PLACE_UNITS = ['TỈNH', 'THÀNH PHỐ', 'HUYỆN', 'QUẬN', 'THỊ XÃ', 'THỊ TRẤN', 'XÃ', 'PHƯỜNG'];

/** The text's unbreakable pieces: compounds, and the place with its unit to the end. */
export function headerPieces(text: string): string[] {
  const words = text.trim().split(/\s+/);
  const pieces: string[] = [];
  for (let i = 0; i < words.length;) {
    const rest = words.slice(i).join(' ');
    const unit = PLACE_UNITS.find((u) => rest === u || rest.startsWith(`${u} `));
    // A unit followed by a name: the rest of the text is the place (a unit word alone is not a place).
    if (unit && words.length - i > unit.split(' ').length) {
      pieces.push(rest);
      break;
    }
    const compound = COMPOUNDS.find((c) => rest === c || rest.startsWith(`${c} `));
    const n = compound ? compound.split(' ').length : 1;
    pieces.push(words.slice(i, i + n).join(' '));
    i += n;
  }
  return pieces;
}

export function headerLines(text: string, width: number, measure: (s: string) => number): string[] {
  const pieces = headerPieces(text);
  const place = pieces.findIndex((p) => PLACE_UNITS.some((u) => p.startsWith(`${u} `)));
  let best: { lines: string[]; score: [number, number, number] } | null = null;
  // Every way to cut the pieces into lines (a name has a handful of pieces: 2^(n-1) cuts at most).
  const n = pieces.length;
  for (let mask = 0; mask < 1 << Math.max(0, n - 1); mask++) {
    const lines: string[] = [];
    let current: string[] = [pieces[0]];
    for (let i = 1; i < n; i++) {
      if (mask & (1 << (i - 1))) {
        lines.push(current.join(' '));
        current = [pieces[i]];
      } else current.push(pieces[i]);
    }
    lines.push(current.join(' '));
    const widths = lines.map(measure);
    const overflow = widths.filter((w) => w > width).length;
    const cutBeforePlace = place > 0 && mask & (1 << (place - 1)) ? 0 : 1;
    const score: [number, number, number] = [
      overflow * 1000 + lines.length,
      Math.max(...widths) - Math.min(...widths),
      cutBeforePlace,
    ];
    if (
      !best ||
      score[0] < best.score[0] ||
      (score[0] === best.score[0] &&
        (score[2] < best.score[2] || (score[2] === best.score[2] && score[1] < best.score[1])))
    )
      best = { lines, score };
  }
  return best?.lines ?? [text];
}
