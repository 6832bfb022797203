// Scales and path of a Set5 PSNR training curve, computed at build time with d3-scale / d3-shape.
// A from-scratch model starts near 8 dB at iteration 0; plotting that point would squash the rest of the curve,
// so a first point far below everything else is left off the chart (the figure says so in words).
import { line, scaleLinear } from 'd3';
import type { CurvePoint } from './zoo-data';

export const CURVE_W = 340;
export const CURVE_H = 190;
export const CURVE_MARGIN = { top: 12, right: 14, bottom: 38, left: 44 };

export interface CurveGeometry {
  path: string;
  /** Points drawn as dots (the measured evaluations). */
  dots: { x: number; y: number }[];
  xTicks: { value: number; x: number }[];
  yTicks: { value: number; y: number }[];
  /** y of the bicubic reference line, when given. */
  bicubicY: number | null;
  /** The first point when it lies below the chart, else null. */
  offChart: CurvePoint | null;
}

export function curveGeometry(points: CurvePoint[], bicubic: number | null): CurveGeometry | null {
  if (points.length < 2) return null;
  const m = CURVE_MARGIN;
  const rest = points.slice(1).map((p) => p.psnr);
  const restMin = Math.min(...rest, ...(bicubic === null ? [] : [bicubic]));
  const offChart = points[0].psnr < restMin - 3 ? points[0] : null;
  const shown = offChart ? points.slice(1) : points;
  const values = shown.map((p) => p.psnr).concat(bicubic === null ? [] : [bicubic]);
  const y = scaleLinear()
    .domain([Math.floor(Math.min(...values) - 0.3), Math.ceil(Math.max(...values) + 0.3)])
    .range([CURVE_H - m.bottom, m.top])
    .nice(4);
  const x = scaleLinear()
    .domain([0, points[points.length - 1].step])
    .range([m.left, CURVE_W - m.right]);
  const path =
    line<CurvePoint>()
      .x((p) => x(p.step))
      .y((p) => y(p.psnr))(shown) ?? '';
  return {
    path,
    dots: shown.map((p) => ({ x: x(p.step), y: y(p.psnr) })),
    xTicks: x.ticks(4).map((value) => ({ value, x: x(value) })),
    yTicks: y.ticks(4).map((value) => ({ value, y: y(value) })),
    bicubicY: bicubic === null ? null : y(bicubic),
    offChart,
  };
}
