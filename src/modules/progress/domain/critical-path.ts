import { Decimal } from 'decimal.js';

/** A case not handed over as of a date: its recovered area and what is left of it (m², exact decimal strings). */
export interface Candidate {
  caseId: string;
  recovered: string;
  remaining: string;
}

/**
 * The critical path (issue 7): the `size` cases with the largest remaining area, ties by id, without computing every
 * case's remaining area. A case not handed over either had no handover yet (remaining = recovered: `untouched` holds
 * the `size` largest of those) or handed over part of its land. The partly handed-over ones are read by recovered
 * area, largest first, in growing pages (`partlyByRecovered(limit)`); a remaining area is at most the recovered area,
 * so once the last of the list beats the recovered area of the first case not read yet (or equals it with a smaller
 * id), no later case can enter. When the pages do not settle it (large cases with slivers left, many equal areas),
 * `partlyRanked()` gives the `size` partly handed-over cases with the largest remaining areas, ranked by the database.
 */
export async function largestRemaining<T extends Candidate>(input: {
  size: number;
  pages: readonly number[];
  untouched: T[];
  partlyByRecovered: (limit: number) => Promise<T[]>;
  partlyRanked: () => Promise<T[]>;
}): Promise<T[]> {
  const { size, pages, untouched } = input;
  for (const n of pages) {
    const rows = await input.partlyByRecovered(n + 1);
    const next = rows[n];
    const top = rank([...untouched, ...rows.slice(0, n)]).slice(0, size);
    const last = top[size - 1];
    if (
      !next ||
      (last && (last.left.gt(next.recovered) || (last.left.eq(next.recovered) && last.row.caseId < next.caseId)))
    )
      return top.map((r) => r.row);
  }
  return rank([...untouched, ...(await input.partlyRanked())])
    .slice(0, size)
    .map((r) => r.row);
}

/** Largest remaining area first, then by id (uuid order is the lowercase text order); each amount parsed once. */
function rank<T extends Candidate>(rows: T[]): { row: T; left: Decimal }[] {
  return rows
    .map((row) => ({ row, left: new Decimal(row.remaining) }))
    .sort(
      (a, b) => b.left.comparedTo(a.left) || (a.row.caseId < b.row.caseId ? -1 : a.row.caseId > b.row.caseId ? 1 : 0),
    );
}
