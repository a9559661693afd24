import { describe, expect, it } from '@jest/globals';
import { Decimal } from 'decimal.js';
import { milestoneProgress } from './milestones.js';

// 10,000 m² to recover; handovers: 3,000 m² on 01/05/2024, 3,000 on 20/06, 1,000 on 10/07.
const events: [string, number][] = [
  ['2024-05-01', 3000],
  ['2024-06-20', 3000],
  ['2024-07-10', 1000],
];
const handed = (d: string) => events.filter(([on]) => on <= d).reduce((s, [, a]) => s.plus(a), new Decimal(0));
const MS = [
  { dueDate: '2024-06-30', targetPercent: '70' },
  { dueDate: '2024-12-31', targetPercent: '100' },
];

describe('milestoneProgress', () => {
  it('on 30/06: 60 % against 70 % (missed on its date); 100 % by year end on track at the recent rate', () => {
    const [june, dec] = milestoneProgress('2024-06-30', '10000', handed, MS);
    expect(june).toMatchObject({ actualPercent: '60.00', status: 'missed' });
    // Last 30 days: 3,000 m² → 100 m²/day; 4,000 m² left → 40 days → 09/08/2024.
    expect(dec).toMatchObject({ status: 'on_track', forecastDate: '2024-08-09' });
  });

  it('before the first milestone with no recent handover: at risk, no forecast', () => {
    const [june] = milestoneProgress('2024-04-15', '10000', handed, MS);
    expect(june).toMatchObject({ actualPercent: '0.00', status: 'at_risk', forecastDate: null });
  });

  it('a milestone already reached before its date is met', () => {
    const [, dec] = milestoneProgress('2024-07-15', '10000', handed, [
      MS[0],
      { dueDate: '2024-12-31', targetPercent: '65' },
    ]);
    expect(dec).toMatchObject({ status: 'met', actualPercent: '70.00' });
  });

  it('a slow rate that misses the date is at risk', () => {
    const [, dec] = milestoneProgress('2024-08-30', '10000', handed, MS);
    // Nothing handed over in the last 30 days.
    expect(dec).toMatchObject({ status: 'at_risk', forecastDate: null });
  });
});
