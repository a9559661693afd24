import { describe, expect, it } from '@jest/globals';
import { headerLines, headerPieces } from './header-lines.js';

// A fixed-pitch stand-in for the font: 7 points a character, the left header column about 190 points wide.
const measure = (s: string) => s.length * 7;
const WIDTH = 190;

describe('header lines of a body (issue 18 §13)', () => {
  it.each([
    ['ỦY BAN NHÂN DÂN HUYỆN CAO LỘC', ['ỦY BAN NHÂN DÂN', 'HUYỆN CAO LỘC']],
    ['TRUNG TÂM PHÁT TRIỂN QUỸ ĐẤT HUYỆN CAO LỘC', ['TRUNG TÂM PHÁT TRIỂN', 'QUỸ ĐẤT HUYỆN CAO LỘC']],
    ['ỦY BAN NHÂN DÂN XÃ GIA CÁT', ['ỦY BAN NHÂN DÂN XÃ GIA CÁT']],
    ['PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG HUYỆN CAO LỘC', ['PHÒNG TÀI NGUYÊN VÀ', 'MÔI TRƯỜNG HUYỆN CAO LỘC']],
    ['UBND HUYỆN CAO LỘC', ['UBND HUYỆN CAO LỘC']],
  ])('%s', (text, lines) => {
    const got = headerLines(text, WIDTH, measure);
    expect(got).toEqual(lines);
    // No line ends inside a compound or a place name.
    for (const l of got) expect(l).not.toMatch(/ (CAO|QUỸ|NHÂN|PHÁT|ỦY|TÀI)$/);
  });

  it('keeps a place whole with its unit, and a unit word alone is not a place', () => {
    expect(headerPieces('ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN')).toEqual(['ỦY BAN', 'NHÂN DÂN', 'TỈNH LẠNG SƠN']);
    expect(headerPieces('HỘI ĐỒNG XÃ')).toEqual(['HỘI ĐỒNG', 'XÃ']);
  });
});
