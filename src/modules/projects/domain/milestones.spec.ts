import { describe, expect, it } from '@jest/globals';
import { findDecreasingTarget } from './milestones.js';

describe('findDecreasingTarget', () => {
  it.each([
    { name: 'empty', ms: [], bad: null },
    {
      name: '70 % then 100 %',
      ms: [
        ['2024-06-30', '70'],
        ['2024-12-31', '100'],
      ],
      bad: null,
    },
    {
      name: 'same target twice',
      ms: [
        ['2024-06-30', '70'],
        ['2024-09-30', '70.00'],
      ],
      bad: null,
    },
    {
      name: 'given out of order but consistent',
      ms: [
        ['2024-12-31', '100'],
        ['2024-06-30', '70'],
      ],
      bad: null,
    },
    {
      name: 'decreasing by a hundredth',
      ms: [
        ['2024-06-30', '70.01'],
        ['2024-12-31', '70'],
      ],
      bad: ['2024-06-30', '2024-12-31'],
    },
    {
      name: 'decreasing',
      ms: [
        ['2024-03-31', '50'],
        ['2024-06-30', '40'],
        ['2024-12-31', '100'],
      ],
      bad: ['2024-03-31', '2024-06-30'],
    },
  ])('$name', ({ ms, bad }) => {
    const found = findDecreasingTarget(ms.map(([dueDate, targetPercent]) => ({ dueDate, targetPercent })));
    expect(found ? found.map((m) => m.dueDate) : null).toEqual(bad);
  });
});
