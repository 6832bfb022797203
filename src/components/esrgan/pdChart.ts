// The perception–distortion curve of network interpolation (PSNR against NIQE over α), as an SVG
// string drawn at build time from public/data/esrgan/perception-distortion.json, plus the position
// of the "current α" marker, which the live figure moves along the measured polyline.

export interface PdPoint {
  alpha: number;
  psnr: number;
  ssim?: number;
  niqe: number;
}

export interface PdData {
  command?: string;
  a: string;
  b: string;
  alphas: number[];
  set5: PdPoint[];
  set14?: PdPoint[];
}

export interface PdGeometry {
  width: number;
  height: number;
  /** Screen positions of the measured points, in α order. */
  points: Array<{ alpha: number; x: number; y: number; psnr: number; niqe: number }>;
}

export function isPdData(v: unknown): v is PdData {
  const d = v as PdData | null;
  return (
    !!d &&
    Array.isArray(d.set5) &&
    d.set5.length >= 2 &&
    d.set5.every((p) => [p.alpha, p.psnr, p.niqe].every((n) => typeof n === 'number' && Number.isFinite(n)))
  );
}

const PAD = { left: 52, right: 14, top: 14, bottom: 44 };

function niceRange(lo: number, hi: number): [number, number] {
  const span = hi - lo || 1;
  return [lo - 0.08 * span, hi + 0.08 * span];
}

function ticks(lo: number, hi: number, n = 4): number[] {
  const raw = (hi - lo) / n;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(Number(v.toFixed(6)));
  return out;
}

export function pdGeometry(points: PdPoint[], width = 340, height = 250): PdGeometry & { xTicks: Array<{ v: number; x: number }>; yTicks: Array<{ v: number; y: number }> } {
  const sorted = [...points].sort((p, q) => p.alpha - q.alpha);
  const [x0, x1] = niceRange(Math.min(...sorted.map((p) => p.niqe)), Math.max(...sorted.map((p) => p.niqe)));
  const [y0, y1] = niceRange(Math.min(...sorted.map((p) => p.psnr)), Math.max(...sorted.map((p) => p.psnr)));
  const sx = (v: number) => PAD.left + ((v - x0) / (x1 - x0)) * (width - PAD.left - PAD.right);
  const sy = (v: number) => height - PAD.bottom - ((v - y0) / (y1 - y0)) * (height - PAD.top - PAD.bottom);
  return {
    width,
    height,
    points: sorted.map((p) => ({ alpha: p.alpha, x: sx(p.niqe), y: sy(p.psnr), psnr: p.psnr, niqe: p.niqe })),
    xTicks: ticks(x0, x1).map((v) => ({ v, x: sx(v) })),
    yTicks: ticks(y0, y1).map((v) => ({ v, y: sy(v) })),
  };
}

/** Where α lies on the measured polyline (linear between the two measured α around it). */
export function markerAt(points: Array<{ alpha: number; x: number; y: number }>, alpha: number): { x: number; y: number } {
  if (points.length === 0) return { x: 0, y: 0 };
  if (alpha <= points[0].alpha) return points[0];
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1];
    const q = points[i];
    if (alpha <= q.alpha) {
      const t = q.alpha === p.alpha ? 0 : (alpha - p.alpha) / (q.alpha - p.alpha);
      return { x: p.x + t * (q.x - p.x), y: p.y + t * (q.y - p.y) };
    }
  }
  return points[points.length - 1];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The whole chart as SVG markup (build time). The marker carries data-role="pd-marker". */
export function pdChartSvg(
  points: PdPoint[],
  labels: { title: string; x: string; y: string; point: (p: PdPoint) => string; current: string },
  alpha: number,
  id: string,
): string {
  const g = pdGeometry(points);
  const m = markerAt(g.points, alpha);
  const line = g.points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
  const bottom = g.height - PAD.bottom;
  const parts = [
    `<svg viewBox="0 0 ${g.width} ${g.height}" role="img" aria-labelledby="${id}-t" data-points='${JSON.stringify(g.points.map((p) => ({ alpha: p.alpha, x: +p.x.toFixed(2), y: +p.y.toFixed(2) })))}'>`,
    `<title id="${id}-t">${esc(labels.title)}</title>`,
    `<line x1="${PAD.left}" y1="${bottom}" x2="${g.width - PAD.right}" y2="${bottom}" class="axis"/>`,
    `<line x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${bottom}" class="axis"/>`,
    ...g.xTicks.map((t) => `<line x1="${t.x.toFixed(1)}" y1="${bottom}" x2="${t.x.toFixed(1)}" y2="${bottom + 4}" class="axis"/><text x="${t.x.toFixed(1)}" y="${bottom + 16}" text-anchor="middle">${t.v}</text>`),
    ...g.yTicks.map((t) => `<line x1="${PAD.left - 4}" y1="${t.y.toFixed(1)}" x2="${PAD.left}" y2="${t.y.toFixed(1)}" class="axis"/><text x="${PAD.left - 7}" y="${(t.y + 4).toFixed(1)}" text-anchor="end">${t.v}</text>`),
    `<text x="${(PAD.left + g.width - PAD.right) / 2}" y="${g.height - 8}" text-anchor="middle">${esc(labels.x)}</text>`,
    `<text transform="translate(13 ${(PAD.top + bottom) / 2}) rotate(-90)" text-anchor="middle">${esc(labels.y)}</text>`,
    `<polyline points="${line}" class="pd-line"/>`,
    ...g.points.map(
      (p) => `<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="3.5" class="pd-point"><title>${esc(labels.point({ alpha: p.alpha, psnr: p.psnr, niqe: p.niqe }))}</title></circle>`,
    ),
    ...[g.points[0], g.points[g.points.length - 1]].map(
      (p) => `<text x="${(p.x + 6).toFixed(1)}" y="${(p.y - 6).toFixed(1)}" class="pd-end">α = ${p.alpha}</text>`,
    ),
    `<circle cx="${m.x.toFixed(1)}" cy="${m.y.toFixed(1)}" r="7" class="pd-marker" data-role="pd-marker"><title>${esc(labels.current)}</title></circle>`,
    '</svg>',
  ];
  return parts.join('');
}
