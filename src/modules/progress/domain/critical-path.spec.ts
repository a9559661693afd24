import { describe, expect, it } from '@jest/globals';
import { Decimal } from 'decimal.js';
import { type Candidate, largestRemaining } from './critical-path.js';

const PAGES = [4, 16, 64];
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The plain answer: every case ranked by remaining area, ties by id. */
const byId = (a: Candidate, b: Candidate) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0);
const bruteForce = (cases: Candidate[], size: number) =>
  [...cases]
    .sort((a, b) => new Decimal(b.remaining).comparedTo(a.remaining) || byId(a, b))
    .slice(0, size)
    .map((c) => c.caseId);

/** Runs the algorithm over in-memory cases as the service does over SQL, counting the reads. */
async function run(cases: Candidate[], size = 3) {
  const untouchedAll = cases.filter((c) => c.remaining === c.recovered);
  const partly = cases.filter((c) => c.remaining !== c.recovered);
  const byRecovered = (a: Candidate, b: Candidate) => new Decimal(b.recovered).comparedTo(a.recovered) || byId(a, b);
  const reads = { pages: [] as number[], ranked: 0 };
  const top = await largestRemaining({
    size,
    pages: PAGES,
    untouched: [...untouchedAll].sort(byRecovered).slice(0, size),
    partlyByRecovered: async (limit) => {
      reads.pages.push(limit);
      return [...partly].sort(byRecovered).slice(0, limit);
    },
    partlyRanked: async () => {
      reads.ranked++;
      return bruteForce(partly, size).map((k) => partly.find((c) => c.caseId === k)!);
    },
  });
  return { ids: top.map((c) => c.caseId), reads, expected: bruteForce(cases, size) };
}

const c = (n: number, recovered: string, remaining = recovered): Candidate => ({ caseId: id(n), recovered, remaining });

describe('largestRemaining (critical path)', () => {
  it.each([
    ['no case left', [], [], { pages: [5], ranked: 0 }],
    ['fewer cases than the list', [c(1, '50'), c(2, '80', '10')], [id(1), id(2)], { pages: [5], ranked: 0 }],
    [
      'the untouched largest win on the first page',
      [
        c(1, '900'),
        c(2, '800'),
        c(3, '700'),
        c(4, '600', '1'),
        c(5, '500', '2'),
        c(6, '400', '3'),
        c(7, '300', '4'),
        c(8, '200', '5'),
      ],
      [id(1), id(2), id(3)],
      { pages: [5], ranked: 0 },
    ],
    // The third of the list (100) equals the recovered area of the next case to read, whose id is larger: settled.
    [
      'a tie with the next case settles by id',
      [
        c(1, '100'),
        c(2, '100'),
        c(3, '100'),
        c(4, '100', '99'),
        c(5, '100', '99'),
        c(6, '100', '99'),
        c(7, '100', '99'),
        c(8, '100', '99'),
      ],
      [id(1), id(2), id(3)],
      { pages: [5], ranked: 0 },
    ],
  ] as const)('%s', async (_name, cases, expected, reads) => {
    const r = await run([...cases]);
    expect(r.ids).toEqual(expected);
    expect(r.ids).toEqual(r.expected);
    expect(r.reads).toEqual(reads);
  });

  it('large cases with slivers left: the pages do not settle it, the ranked read does', async () => {
    const cases = [
      ...Array.from({ length: 100 }, (_, i) => c(i + 1, String(10_000 - i), '0.5')),
      c(200, '40'),
      c(201, '30'),
      c(202, '20', '15'),
    ];
    const r = await run(cases);
    expect(r.ids).toEqual([id(200), id(201), id(202)]);
    expect(r.ids).toEqual(r.expected);
    expect(r.reads).toEqual({ pages: [5, 17, 65], ranked: 1 });
  });

  it('a later page settles it when the partly handed-over cases shrink slowly', async () => {
    // Recovered 1000, 990, ...; remaining = recovered - 300: the third remaining (680) beats the next recovered only
    // once the pages reach cases of 670 m² or less.
    const cases = Array.from({ length: 60 }, (_, i) => c(i + 1, String(1000 - 10 * i), String(700 - 10 * i)));
    const r = await run(cases);
    expect(r.ids).toEqual(r.expected);
    expect(r.reads).toEqual({ pages: [5, 17, 65], ranked: 0 });
  });

  it('agrees with the plain ranking on 300 random projects', async () => {
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    for (let p = 0; p < 300; p++) {
      const cases = Array.from({ length: Math.floor(random() * 120) }, (_, i) => {
        // Few distinct areas (ties), some untouched, some partly handed over by any share.
        const recovered = new Decimal(Math.floor(random() * 20) * 50 + 10);
        const remaining =
          random() < 0.4
            ? recovered
            : recovered
                .times(Math.floor(random() * 10) + 1)
                .div(10)
                .toDecimalPlaces(1);
        return c(
          i + 1,
          recovered.toFixed(),
          remaining.eq(recovered) && random() < 0.5 ? recovered.minus('0.1').toFixed() : remaining.toFixed(),
        );
      });
      const r = await run(cases, 1 + Math.floor(random() * 10));
      expect(r.ids).toEqual(r.expected);
    }
  });
});
