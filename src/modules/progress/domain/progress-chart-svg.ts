import { fromDayNumber, toDayNumber } from '../../../shared/dates.js';
import type { MilestoneStatus } from './milestones.js';
import { type ProgressSeries, vnPercent } from './progress-series.js';

export interface ProgressChartOptions {
  /** First line, e.g. "Tiến độ bàn giao mặt bằng — CT-HNCL". */
  title: string;
  /** Second line, e.g. "Tính đến ngày 30/06/2024: 45,12 % diện tích". */
  subtitle?: string;
  /** Status of each milestone by due date, to colour its marker (met, missed, on track, at risk). */
  statuses?: Record<string, MilestoneStatus>;
  width?: number;
  height?: number;
}

const FONT = "'Liberation Serif', 'Times New Roman', serif";
const STATUS_COLOUR: Record<MilestoneStatus, string> = {
  met: '#1a7f37',
  missed: '#cf222e',
  on_track: '#0969da',
  at_risk: '#bc4c00',
};
const STATUS_LABEL: Record<MilestoneStatus, string> = {
  met: 'đạt',
  missed: 'không đạt',
  on_track: 'đúng tiến độ',
  at_risk: 'có nguy cơ chậm',
};
const LINE = '#0b5394';

/**
 * The progress chart as SVG (issue 7), by string building: axes, a tick per month, the cumulative share handed over
 * as a step line (the figure holds between two handover days) and one marker per milestone with its label
 * ("70 % — 30/06/2024"). Pure: the same series gives the same bytes. Coordinates are drawing units (floats are
 * fine here); every percentage shown as text comes from the series, which computes it with decimal.js.
 */
export function renderProgressChartSvg(series: ProgressSeries, options: ProgressChartOptions): string {
  const width = options.width ?? 900;
  const height = options.height ?? 500;
  const m = { left: 80, right: 30, top: 78, bottom: 70 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;

  // X range: whole months covering the series and every milestone.
  const dates = [series.from, series.asOf, ...series.milestones.map((x) => x.date)].sort();
  const first = monthStart(dates[0]);
  const last = nextMonthStart(dates[dates.length - 1]);
  const d0 = toDayNumber(first);
  const d1 = toDayNumber(last);
  const x = (date: string) => m.left + ((toDayNumber(date) - d0) / (d1 - d0)) * plotW;
  const y = (percent: string | number) => m.top + plotH - (Number(percent) / 100) * plotH;
  const n = (v: number) => v.toFixed(1);

  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" font-size="13" role="img" aria-label="${esc(options.title)}">`,
  );
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(
    `<text x="${width / 2}" y="26" text-anchor="middle" font-size="18" font-weight="bold">${esc(options.title)}</text>`,
  );
  if (options.subtitle)
    out.push(`<text x="${width / 2}" y="48" text-anchor="middle" font-size="14">${esc(options.subtitle)}</text>`);

  // Y axis: 0–100 %, a grid line every 10 %.
  out.push('<g class="y-axis">');
  for (let p = 0; p <= 100; p += 10) {
    out.push(
      `<line x1="${m.left}" y1="${n(y(p))}" x2="${m.left + plotW}" y2="${n(y(p))}" stroke="${p === 0 ? '#000000' : '#e1e4e8'}" stroke-width="1"/>`,
    );
    out.push(`<text x="${m.left - 8}" y="${n(y(p) + 4)}" text-anchor="end">${p}</text>`);
  }
  out.push(
    `<line x1="${m.left}" y1="${m.top}" x2="${m.left}" y2="${m.top + plotH}" stroke="#000000" stroke-width="1"/>`,
  );
  const yMid = m.top + plotH / 2;
  out.push(
    `<text x="24" y="${n(yMid)}" text-anchor="middle" transform="rotate(-90 24 ${n(yMid)})">Tỷ lệ diện tích đã bàn giao (%)</text>`,
  );
  out.push('</g>');

  // X axis: a tick on the first of every month, labelled MM/YYYY (every k-th month when there are many).
  const months: string[] = [];
  for (let d = first; d <= last; d = nextMonthStart(d)) months.push(d);
  const every = Math.max(1, Math.ceil((months.length - 1) / 12));
  out.push('<g class="x-axis">');
  months.forEach((d, i) => {
    const xv = n(x(d));
    out.push(
      `<line x1="${xv}" y1="${m.top + plotH}" x2="${xv}" y2="${m.top + plotH + 5}" stroke="#000000" stroke-width="1"/>`,
    );
    if (i % every === 0)
      out.push(
        `<text x="${xv}" y="${m.top + plotH + 20}" text-anchor="middle" font-size="12">${d.slice(5, 7)}/${d.slice(0, 4)}</text>`,
      );
  });
  out.push(`<text x="${n(m.left + plotW / 2)}" y="${height - 18}" text-anchor="middle">Thời gian (tháng/năm)</text>`);
  out.push('</g>');

  // Milestones: a dashed drop line to the axis, a diamond at (due date, target), and the label.
  out.push('<g class="milestones">');
  for (const ms of series.milestones) {
    const status = options.statuses?.[ms.date];
    const colour = status ? STATUS_COLOUR[status] : '#6e7781';
    const cx = x(ms.date);
    const cy = y(ms.percent);
    const label = status ? `${ms.label} (${STATUS_LABEL[status]})` : ms.label;
    const right = cx > m.left + plotW * 0.7;
    out.push(
      `<line x1="${n(cx)}" y1="${n(cy)}" x2="${n(cx)}" y2="${m.top + plotH}" stroke="${colour}" stroke-width="1" stroke-dasharray="4 3"/>`,
    );
    out.push(
      `<path d="M ${n(cx)} ${n(cy - 7)} L ${n(cx + 7)} ${n(cy)} L ${n(cx)} ${n(cy + 7)} L ${n(cx - 7)} ${n(cy)} Z" fill="${colour}"/>`,
    );
    out.push(
      `<text x="${n(right ? cx - 10 : cx + 10)}" y="${n(cy - 10)}" text-anchor="${right ? 'end' : 'start'}" fill="${colour}">${esc(label)}</text>`,
    );
  }
  out.push('</g>');

  // The series as a step line: a day's figure holds until the next handover day.
  if (series.points.length > 0) {
    const [p0, ...rest] = series.points;
    let d = `M ${n(x(p0.date))} ${n(y(p0.percent))}`;
    for (const p of rest) d += ` H ${n(x(p.date))} V ${n(y(p.percent))}`;
    out.push(`<path class="series" d="${d}" fill="none" stroke="${LINE}" stroke-width="2.5"/>`);
    const end = series.points[series.points.length - 1];
    out.push(`<circle cx="${n(x(end.date))}" cy="${n(y(end.percent))}" r="4" fill="${LINE}"/>`);
    const endRight = x(end.date) > m.left + plotW * 0.8;
    out.push(
      `<text x="${n(endRight ? x(end.date) - 8 : x(end.date) + 8)}" y="${n(y(end.percent) + 18)}" text-anchor="${endRight ? 'end' : 'start'}" fill="${LINE}" font-weight="bold">${vnPercent(end.percent)} %</text>`,
    );
  }

  // Legend.
  const lx = m.left + 10;
  const ly = m.top - 16;
  out.push('<g class="legend">');
  out.push(`<line x1="${lx}" y1="${ly}" x2="${lx + 28}" y2="${ly}" stroke="${LINE}" stroke-width="2.5"/>`);
  out.push(`<text x="${lx + 34}" y="${ly + 4}">Diện tích đã bàn giao (lũy kế)</text>`);
  out.push(
    `<path d="M ${lx + 254} ${ly - 6} L ${lx + 260} ${ly} L ${lx + 254} ${ly + 6} L ${lx + 248} ${ly} Z" fill="#6e7781"/>`,
  );
  out.push(`<text x="${lx + 268}" y="${ly + 4}">Mốc tiến độ (mục tiêu)</text>`);
  out.push('</g>');
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

function nextMonthStart(date: string): string {
  const y = Number(date.slice(0, 4));
  const mo = Number(date.slice(5, 7));
  const next = mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
  // Keep the helper honest about the calendar (a malformed date would loop forever in the tick loop).
  return fromDayNumber(toDayNumber(next));
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
