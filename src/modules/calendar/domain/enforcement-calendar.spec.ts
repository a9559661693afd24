import { describe, expect, it } from '@jest/globals';
import { enforcementRefusals, tetBreaks } from './enforcement-calendar.js';

const RULES = { earliestStart: '06:00', latestStart: '22:00', daysAroundTet: 15, basis: 'LĐĐ 2024 Đ89 k1 b' };
// Tết Giáp Thìn: break 08/02–14/02/2024; 30/04/2024 a public holiday; a local ethnic traditional day.
const tet = ['2024-02-08', '2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13', '2024-02-14'].map(
  (date) => ({ date, name: 'Tết Nguyên đán Giáp Thìn' }),
);
const CAL = {
  days: new Map<string, { kind: string; name: string }>([
    ...tet.map((t): [string, { kind: string; name: string }] => [t.date, { kind: 'tet', name: t.name }]),
    ['2024-04-30', { kind: 'public', name: 'Ngày Giải phóng miền Nam' }],
    ['2024-03-17', { kind: 'ethnic_traditional', name: 'Lễ hội Lồng tồng' }],
  ]),
  tetBreaks: tetBreaks(tet),
};

describe('enforcement calendar (LĐĐ 2024 Đ89 k1 b)', () => {
  it('groups consecutive Tết days into one break', () => {
    expect(CAL.tetBreaks).toEqual([{ from: '2024-02-08', to: '2024-02-14', name: 'Tết Nguyên đán Giáp Thìn' }]);
  });

  it.each([
    ['an ordinary Tuesday morning', '2024-05-07', '08:00', []],
    ['a Saturday (not forbidden by the rule)', '2024-05-11', '08:00', []],
    ['06:00 sharp', '2024-05-07', '06:00', []],
    ['21:59', '2024-05-07', '21:59', []],
    ['05:59', '2024-05-07', '05:59', ['ENFORCEMENT.NIGHT']],
    ['22:00', '2024-05-07', '22:00', ['ENFORCEMENT.NIGHT']],
    ['a public holiday', '2024-04-30', '08:00', ['ENFORCEMENT.HOLIDAY']],
    ['an ethnic traditional day', '2024-03-17', '08:00', ['ENFORCEMENT.HOLIDAY']],
    ['Mùng 1 Tết (a Tết day)', '2024-02-10', '08:00', ['ENFORCEMENT.HOLIDAY']],
    ['15 days before the break', '2024-01-24', '08:00', ['ENFORCEMENT.NEAR_TET']],
    ['16 days before the break', '2024-01-23', '08:00', []],
    ['15 days after the break', '2024-02-29', '08:00', ['ENFORCEMENT.NEAR_TET']],
    ['16 days after the break', '2024-03-01', '08:00', []],
    ['near Tết and at night', '2024-02-20', '23:00', ['ENFORCEMENT.NIGHT', 'ENFORCEMENT.NEAR_TET']],
  ])('%s: %s at %s → %j', (_label, date, time, codes) => {
    expect(enforcementRefusals(date, time, RULES, CAL).map((r) => r.code)).toEqual(codes);
  });

  it('explains the blackout window in Vietnamese', () => {
    const [r] = enforcementRefusals('2024-02-20', '08:00', RULES, CAL);
    expect(r.message).toBe(
      'Ngày 20/02/2024 nằm trong 15 ngày trước hoặc sau kỳ nghỉ Tết Nguyên đán Giáp Thìn (08/02/2024–14/02/2024): không tổ chức cưỡng chế từ 24/01/2024 đến 29/02/2024.',
    );
  });
});
