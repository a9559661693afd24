import { describe, expect, it } from '@jest/globals';
import { amountInWords, formatArea, formatDong, numberToVietnameseWords, vnLongDate } from './vn-words.js';

describe('numberToVietnameseWords', () => {
  it.each([
    ['0', 'không'],
    ['5', 'năm'],
    ['10', 'mười'],
    ['15', 'mười lăm'],
    ['21', 'hai mươi mốt'],
    ['24', 'hai mươi tư'],
    ['25', 'hai mươi lăm'],
    ['11', 'mười một'],
    ['101', 'một trăm linh một'],
    ['105', 'một trăm linh năm'],
    ['110', 'một trăm mười'],
    ['1000', 'một nghìn'],
    ['1005', 'một nghìn không trăm linh năm'],
    ['1000005', 'một triệu không trăm linh năm'],
    ['1000000000', 'một tỷ'],
    ['1000000000000', 'một nghìn tỷ'],
    [
      '1234567890123',
      'một nghìn hai trăm ba mươi tư tỷ năm trăm sáu mươi bảy triệu tám trăm chín mươi nghìn một trăm hai mươi ba',
    ],
    ['1000000000000000000', 'một tỷ tỷ'],
    ['2000000001', 'hai tỷ không trăm linh một'],
    ['1234567000', 'một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn'],
  ])('%s → %s', (n, words) => {
    expect(numberToVietnameseWords(n)).toBe(words);
  });

  it('writes the sentence after "Bằng chữ"', () => {
    expect(amountInWords('1234567000')).toBe('Một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn đồng');
  });

  it.each(['-5', '1.5', 'abc'])('refuses %s', (n) => {
    expect(() => numberToVietnameseWords(n)).toThrow();
  });
});

describe('Vietnamese formats', () => {
  it.each([
    ['1234567', '1.234.567'],
    ['100', '100'],
    ['1000', '1.000'],
  ])('đồng %s → %s', (n, out) => expect(formatDong(n)).toBe(out));
  it.each([
    ['9222.1', '9.222,1'],
    ['50', '50'],
  ])('area %s → %s', (n, out) => expect(formatArea(n)).toBe(out));
  it.each([
    ['2024-01-05', 'ngày 05 tháng 01 năm 2024'],
    ['2024-02-28', 'ngày 28 tháng 02 năm 2024'],
    ['2024-12-09', 'ngày 09 tháng 12 năm 2024'],
    ['2024-06-30', 'ngày 30 tháng 6 năm 2024'],
  ])('date %s → %s', (d, out) => expect(vnLongDate(d)).toBe(out));
});
