import { LINE_CATEGORIES, type LineCategory } from './calculator.js';

/**
 * The money columns of the approval decision's appendix (one row per household, procedure.md §10.3): compensation
 * for land, for assets on it, support (with the resettlement top-up), deductions, and the rounding of the household's
 * total in a column of its own (it is not a support: issue 18 §13). Every category is in exactly one column, so the
 * columns add up to the household's net.
 */
export const APPENDIX_COLUMNS = {
  land: ['land', 'land_remaining_investment'],
  assets: ['structure', 'crop', 'livestock', 'grave', 'moving'],
  support: [...LINE_CATEGORIES.filter((c) => c.startsWith('support_')), 'resettlement_top_up'],
  deduction: ['deduction'],
  rounding: ['rounding'],
} satisfies Record<string, LineCategory[]>;

export type AppendixColumn = keyof typeof APPENDIX_COLUMNS;

/** The appendix column a line category adds to. */
export function appendixColumn(category: string): AppendixColumn | null {
  for (const [column, categories] of Object.entries(APPENDIX_COLUMNS) as [AppendixColumn, readonly string[]][])
    if (categories.includes(category)) return column;
  return null;
}
