import { describe, expect, it } from '@jest/globals';
import { renderProgressChartSvg } from './progress-chart-svg.js';
import { cumulativeHandover, progressSeries, vnPercent } from './progress-series.js';

// 30,000 m² to recover (e.g. 3 ha); handovers as the records give them (two on 01/05, out of order).
const HANDOVERS = [
  { date: '2024-06-20', area: '9000' },
  { date: '2024-05-01', area: '4000.5' },
  { date: '2024-05-01', area: '2000' },
  { date: '2024-07-10', area: '3000' },
  { date: '2024-09-01', area: '1000' },
];
const MILESTONES = [
  { dueDate: '2024-12-31', targetPercent: '100' },
  { dueDate: '2024-06-30', targetPercent: '70' },
];

describe('progressSeries', () => {
  it.each([
    // asOf, start, expected points
    [
      '2024-07-31',
      undefined,
      [
        ['2024-05-01', '20.00'],
        ['2024-06-20', '50.00'],
        ['2024-07-10', '60.00'],
        ['2024-07-31', '60.00'],
      ],
    ],
    // The last point is asOf itself when asOf is a handover day (no duplicate).
    [
      '2024-07-10',
      undefined,
      [
        ['2024-05-01', '20.00'],
        ['2024-06-20', '50.00'],
        ['2024-07-10', '60.00'],
      ],
    ],
    // From the project's start (its first decision): 0 % until the first handover.
    [
      '2024-06-01',
      '2024-04-15',
      [
        ['2024-04-15', '0.00'],
        ['2024-05-01', '20.00'],
        ['2024-06-01', '20.00'],
      ],
    ],
    // Handovers after asOf are not drawn.
    [
      '2024-06-19',
      undefined,
      [
        ['2024-05-01', '20.00'],
        ['2024-06-19', '20.00'],
      ],
    ],
    // Before any handover and with no start: one point, asOf, at 0 %.
    ['2024-04-01', undefined, [['2024-04-01', '0.00']]],
    // A start after asOf is clamped to asOf.
    ['2024-04-01', '2024-04-20', [['2024-04-01', '0.00']]],
    // 19,000.5 / 30,000 = 63.335 % exactly: half-up to 63.34 (a float would give 63.334999…).
    [
      '2024-12-31',
      undefined,
      [
        ['2024-05-01', '20.00'],
        ['2024-06-20', '50.00'],
        ['2024-07-10', '60.00'],
        ['2024-09-01', '63.34'],
        ['2024-12-31', '63.34'],
      ],
    ],
  ] as [string, string | undefined, [string, string][]][])('as of %s (start %s)', (asOf, start, expected) => {
    const s = progressSeries({ total: '30000', handovers: HANDOVERS, asOf, start, milestones: MILESTONES });
    expect(s.points).toEqual(expected.map(([date, percent]) => ({ date, percent })));
    expect(s.asOf).toBe(asOf);
    expect(s.from).toBe(expected[0][0]);
  });

  it('rounds each cumulative share to 2 decimals exactly (1/3 → 33.33, 2/3 → 66.67), never through floats', () => {
    const s = progressSeries({
      total: '0.3',
      handovers: [
        { date: '2024-01-02', area: '0.1' },
        { date: '2024-01-03', area: '0.1' },
        { date: '2024-01-04', area: '0.1' },
      ],
      asOf: '2024-01-04',
      milestones: [],
    });
    expect(s.points.map((p) => p.percent)).toEqual(['33.33', '66.67', '100.00']);
  });

  it('gives 0.00 % when nothing is to be recovered', () => {
    expect(
      progressSeries({ total: '0', handovers: HANDOVERS, asOf: '2024-07-31', milestones: [] }).points.every(
        (p) => p.percent === '0.00',
      ),
    ).toBe(true);
  });

  it.each([
    ['70', '2024-06-30', '70.00', '70 % — 30/06/2024'],
    ['100', '2024-12-31', '100.00', '100 % — 31/12/2024'],
    ['72.50', '2024-03-05', '72.50', '72,5 % — 05/03/2024'],
  ])('milestone %s %% on %s → point %s labelled "%s"', (targetPercent, dueDate, percent, label) => {
    const s = progressSeries({
      total: '1',
      handovers: [],
      asOf: '2024-01-01',
      milestones: [{ dueDate, targetPercent }],
    });
    expect(s.milestones).toEqual([{ date: dueDate, percent, label }]);
  });

  it('orders the milestones by date', () => {
    const s = progressSeries({ total: '30000', handovers: HANDOVERS, asOf: '2024-07-31', milestones: MILESTONES });
    expect(s.milestones.map((m) => m.date)).toEqual(['2024-06-30', '2024-12-31']);
  });
});

describe('cumulativeHandover', () => {
  const at = cumulativeHandover(HANDOVERS);
  it.each([
    ['2024-04-30', '0'],
    ['2024-05-01', '6000.5'],
    ['2024-06-19', '6000.5'],
    ['2024-06-20', '15000.5'],
    ['2025-01-01', '19000.5'],
  ])('as of %s: %s m²', (date, area) => expect(at(date).toFixed()).toBe(area));
});

describe('vnPercent', () => {
  it.each([
    ['70', '70'],
    ['70.00', '70'],
    ['72.50', '72,5'],
    ['33.33', '33,33'],
  ])('%s → %s', (p, v) => expect(vnPercent(p)).toBe(v));
});

describe('renderProgressChartSvg', () => {
  const series = progressSeries({
    total: '30000',
    handovers: HANDOVERS,
    asOf: '2024-07-31',
    start: '2024-04-15',
    milestones: MILESTONES,
  });
  const svg = renderProgressChartSvg(series, {
    title: 'Tiến độ bàn giao mặt bằng — CT-HNCL',
    subtitle: 'Cao tốc <Hữu Nghị> & Chi Lăng',
    statuses: { '2024-06-30': 'missed', '2024-12-31': 'on_track' },
  });

  it('is an SVG document with the Vietnamese axis title, the milestone labels and escaped text', () => {
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(
      true,
    );
    expect(svg).toContain('Tỷ lệ diện tích đã bàn giao (%)');
    expect(svg).toContain('70 % — 30/06/2024 (không đạt)');
    expect(svg).toContain('100 % — 31/12/2024 (đúng tiến độ)');
    expect(svg).toContain('Cao tốc &lt;Hữu Nghị&gt; &amp; Chi Lăng');
    expect(svg).toContain('>60 %<');
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('has a tick per month from April to December 2024 and one step per handover day', () => {
    for (const m of ['04', '05', '06', '07', '08', '09', '10', '11', '12']) expect(svg).toContain(`>${m}/2024<`);
    expect(svg).toContain('>01/2025<');
    const path = /<path class="series" d="([^"]+)"/.exec(svg)![1];
    // Start point, then H … V … for 01/05, 20/06, 10/07 and asOf.
    expect(path.match(/ H /g)).toHaveLength(4);
  });

  it('is deterministic', () => {
    expect(renderProgressChartSvg(series, { title: 'x' })).toBe(renderProgressChartSvg(series, { title: 'x' }));
  });
});
