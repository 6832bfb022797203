// A small line chart rendered to an SVG string with d3 scales and line generators. It has no DOM
// dependency, so the same code draws the static kernel plot at build time (Astro frontmatter) and
// redraws the live plots in the browser.
import { line as d3line, scaleLinear } from 'd3';

export interface Series {
  id: string;
  color: string;
  dash: string;
  points: [number, number][];
  /** Draw as steps (for nearest-neighbour profiles), not straight segments. */
  curveStep?: boolean;
}

export interface LineChartSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  xDomain: [number, number];
  yDomain: [number, number];
  series: Series[];
  /** Horizontal reference lines (drawn faintly), e.g. y = 0 and y = 1. */
  refY?: number[];
  width?: number;
  height?: number;
  /** Unique id for the chart's clip path (ids must be unique in the page). */
  clipId: string;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fmt = (v: number): string => (Math.abs(v) < 1e-9 ? '0' : String(Math.round(v * 100) / 100).replace('-', '−'));

export function lineChartSvg(spec: LineChartSpec): string {
  const width = spec.width ?? 480;
  const height = spec.height ?? 260;
  const m = { top: 12, right: 12, bottom: 42, left: 48 };
  const x = scaleLinear().domain(spec.xDomain).range([m.left, width - m.right]);
  const y = scaleLinear().domain(spec.yDomain).range([height - m.bottom, m.top]);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(spec.title)}" class="interp-chart">`,
    `<title>${esc(spec.title)}</title>`,
  );
  // Grid and axes.
  for (const t of y.ticks(5)) {
    parts.push(
      `<line x1="${m.left}" x2="${width - m.right}" y1="${y(t)}" y2="${y(t)}" stroke="#d7d7dc" stroke-width="1"/>`,
      `<text x="${m.left - 6}" y="${y(t) + 4}" text-anchor="end" font-size="11" fill="#4a4a52">${fmt(t)}</text>`,
    );
  }
  for (const r of spec.refY ?? []) {
    if (r >= spec.yDomain[0] && r <= spec.yDomain[1]) {
      parts.push(`<line x1="${m.left}" x2="${width - m.right}" y1="${y(r)}" y2="${y(r)}" stroke="#4a4a52" stroke-width="1"/>`);
    }
  }
  for (const t of x.ticks(7)) {
    parts.push(
      `<line x1="${x(t)}" x2="${x(t)}" y1="${height - m.bottom}" y2="${height - m.bottom + 4}" stroke="#4a4a52"/>`,
      `<text x="${x(t)}" y="${height - m.bottom + 16}" text-anchor="middle" font-size="11" fill="#4a4a52">${fmt(t)}</text>`,
    );
  }
  parts.push(
    `<line x1="${m.left}" x2="${width - m.right}" y1="${height - m.bottom}" y2="${height - m.bottom}" stroke="#4a4a52"/>`,
    `<text x="${(m.left + width - m.right) / 2}" y="${height - 6}" text-anchor="middle" font-size="${labelSize(spec.xLabel, width - m.left - m.right)}" fill="#1d1d1f">${esc(spec.xLabel)}</text>`,
    `<text transform="translate(13 ${(m.top + height - m.bottom) / 2}) rotate(-90)" text-anchor="middle" font-size="12" fill="#1d1d1f">${esc(spec.yLabel)}</text>`,
  );
  // Series, clipped to the plot area.
  parts.push(
    `<clipPath id="${esc(spec.clipId)}"><rect x="${m.left}" y="${m.top}" width="${width - m.left - m.right}" height="${height - m.top - m.bottom}"/></clipPath>`,
    `<g clip-path="url(#${esc(spec.clipId)})" fill="none" stroke-width="2" stroke-linejoin="round">`,
  );
  const gen = d3line<[number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  for (const s of spec.series) {
    const pts = s.curveStep ? toSteps(s.points) : s.points;
    const d = gen(pts) ?? '';
    parts.push(
      `<path data-series="${esc(s.id)}" d="${d}" stroke="${s.color}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`,
    );
  }
  parts.push('</g></svg>');
  return parts.join('');
}

/** Font size that lets `text` fit in `room` px (about 0.55 em per Latin character, 1 em per CJK one). */
function labelSize(text: string, room: number): number {
  let ems = 0;
  for (const ch of text) ems += ch.charCodeAt(0) > 0x2e80 ? 1 : 0.55;
  return Math.max(9, Math.min(12, Math.floor((room / ems) * 10) / 10));
}

/** Chart size for a container `boxWidth` CSS pixels wide, so chart text is drawn at its nominal size. */
export function chartSizeFor(boxWidth: number): { width: number; height: number } {
  const width = Math.round(Math.min(640, Math.max(260, boxWidth || 480)));
  return { width, height: Math.round(Math.max(220, Math.min(280, width * 0.55))) };
}

/** Turn samples into a staircase (each value held until the next sample). */
function toSteps(points: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < points.length; i++) {
    if (i > 0) out.push([points[i][0], points[i - 1][1]]);
    out.push(points[i]);
  }
  return out;
}
