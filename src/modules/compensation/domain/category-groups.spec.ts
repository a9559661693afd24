import { LINE_CATEGORIES } from './calculator.js';
import { APPENDIX_COLUMNS, appendixColumn } from './category-groups.js';

describe('appendix columns', () => {
  it('put every line category in exactly one column', () => {
    const all = Object.values(APPENDIX_COLUMNS).flat();
    expect([...all].sort()).toEqual([...LINE_CATEGORIES].sort());
    expect(new Set(all).size).toBe(all.length);
  });

  it.each([
    ['land', 'land'],
    ['land_remaining_investment', 'land'],
    ['moving', 'assets'],
    ['support_job_change', 'support'],
    ['resettlement_top_up', 'support'],
    ['rounding', 'rounding'],
    ['deduction', 'deduction'],
    ['unknown', null],
  ])('%s → %s', (category, column) => {
    expect(appendixColumn(category)).toBe(column);
  });
});
