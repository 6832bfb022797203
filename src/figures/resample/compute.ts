// Chapter 1's figure, pure: its state and URL fields (`interp.*`), the view a state asks for, the keys that say what
// must be computed again (the four methods when the crop or the scale changes, bicubic alone when `a` does), what
// the SRCNN panel says while it loads and runs, and the profile chart's series.
import type { RGBImage } from '../../sr/image';
import type { Progress } from '../../sr/runtime/client';
import { fill, type InterpolationStrings } from '../../i18n/interpolation';
import { cropRect, type Rect } from '../../ui/geometry';
import { demoImages } from '../../ui/images/demoImages';
import { clamp, clampUnit, type Point } from '../../ui/point';
import type { Series } from '../../ui/draw/lineChart';
import { intField, localField, numberField, oneOfField, readState, withheldField, type Field, type Schema } from '../../ui/urlState';
import { methods, srcnnOutput, type OutputId } from './methods';
import { patternIds } from './patterns';
import { sampleProfile } from './profile';

/** Where the pre-computed pictures of the default view live (scripts/demo-images.render.ts writes them). */
export const STATIC_DIR = 'images/demo/static';

/** The image select's value for the reader's own picture (never written into the URL). */
export const OWN_IMAGE = 'own';

export interface ResampleState {
  /** Demo photo id, pattern id, or 'own'. */
  img: string;
  /** Integer enlargement factor, 2..8. */
  scale: number;
  /** Bicubic (Keys) parameter, −1..0 in steps of 0.05. */
  a: number;
  /** Centre of the low-resolution crop, as fractions of the source image. */
  cx: number;
  cy: number;
  /** Centre of the loupe, as fractions of the output image. */
  lx: number;
  ly: number;
  /** Profile line end points, as fractions of the output image. */
  line: [Point, Point];
  /** How many pictures the reader has opened (a new one is a new state even where nothing else changed); never in the URL. */
  own: number;
}

export const SCALE_MIN = 2;
export const SCALE_MAX = 8;
export const A_MIN = -1;
export const A_MAX = 0;
export const A_STEP = 0.05;

export function normalizeScale(value: number): number {
  return Number.isFinite(value) ? clamp(Math.round(value), SCALE_MIN, SCALE_MAX) : 4;
}

export function normalizeA(value: number): number {
  if (!Number.isFinite(value)) return -0.5;
  return clamp(Math.round(value / A_STEP) * A_STEP, A_MIN, A_MAX) + 0; // + 0 turns −0 into 0
}

const r3 = (v: number): string => String(Math.round(v * 1000) / 1000);
const DEFAULT_LINE: [Point, Point] = [
  { x: 0.2, y: 0.55 },
  { x: 0.8, y: 0.55 },
];

/** Four fractions `x0,y0,x1,y1`; anything else reads as the default line. */
const lineField: Field<[Point, Point]> = {
  read: (raw) => {
    const v = raw !== null && raw.length <= 64 ? raw.split(',').map(Number) : [];
    if (v.length !== 4 || !v.every(Number.isFinite)) return DEFAULT_LINE;
    return [clampUnit({ x: v[0], y: v[1] }), clampUnit({ x: v[2], y: v[3] })];
  },
  write: (line) => line.map((p) => `${r3(p.x)},${r3(p.y)}`).join(','),
};

const aField: Field<number> = { read: (raw) => normalizeA(numberField(A_MIN, A_MAX, -0.5).read(raw)), write: r3 };

/** URL fields; the default view is the cat's left eye enlarged ×4, the loupe on the catchlight (the static pictures). */
export const resampleSchema: Schema<ResampleState> = {
  img: withheldField(oneOfField<string>([...demoImages.map((d) => d.id), ...patternIds], 'chelsea'), OWN_IMAGE),
  scale: intField(SCALE_MIN, SCALE_MAX, 4),
  a: aField,
  cx: numberField(0, 1, 0.3),
  cy: numberField(0, 1, 0.4),
  lx: numberField(0, 1, 0.4),
  ly: numberField(0, 1, 0.2),
  line: lineField,
  own: localField(0),
};

export const defaultResampleState: ResampleState = readState('', 'interp', resampleSchema);

/** The geometry a state shows on a source of `width` × `height`. */
export interface View {
  crop: Rect;
  outW: number;
  outH: number;
  scale: number;
}

export function viewOf(width: number, height: number, s: Pick<ResampleState, 'scale' | 'cx' | 'cy'>): View {
  const crop = cropRect(width, height, s.scale, { x: s.cx, y: s.cy });
  return { crop, outW: crop.width * s.scale, outH: crop.height * s.scale, scale: s.scale };
}

/** What the four methods depend on: the picture (its key), the crop rectangle and the scale. */
export function inputKey(picture: string, v: View): string {
  const c = v.crop;
  return `${picture}|${v.scale}|${c.x},${c.y},${c.width},${c.height}`;
}

/** What bicubic depends on: the input and `a`. */
export const bicubicKey = (picture: string, v: View, a: number): string => `${inputKey(picture, v)}|${a}`;

/** The SRCNN status sentence for a progress report of the runtime. */
export function srcnnProgressText(s: InterpolationStrings, p: Progress): string {
  if (p.phase === 'tiles') return fill(s.srcnnComputing, { done: p.done, total: p.total });
  if (p.cached || p.total <= 0) return s.srcnnLoading;
  return fill(s.srcnnDownloading, { p: Math.round((100 * p.done) / p.total), kb: Math.round(p.done / 1024), total: Math.round(p.total / 1024) });
}

export interface ProfileChart {
  series: Series[];
  xDomain: [number, number];
  yDomain: [number, number];
}

/**
 * The brightness along the line (fractions of the output) in every output drawn, SRCNN's only when `withSrcnn`;
 * x in input pixels, y padded by 0.05 around [0, 1] and any overshoot.
 */
export function profileChart(outputs: ReadonlyMap<OutputId, RGBImage>, line: [Point, Point], v: View, withSrcnn: boolean): ProfileChart {
  const [a, b] = line.map((p) => ({ x: p.x * v.outW, y: p.y * v.outH }));
  let [lo, hi, length] = [0, 1, 0];
  const series = [...methods, ...(withSrcnn ? [srcnnOutput] : [])].flatMap((m) => {
    const img = outputs.get(m.id);
    if (!img) return [];
    const samples = sampleProfile(img, a, b, 0.25, v.scale);
    for (const q of samples) [lo, hi] = [Math.min(lo, q.value), Math.max(hi, q.value)];
    length = samples[samples.length - 1]?.t ?? 0;
    return [{ id: m.id, color: m.color, dash: m.dash, points: samples.map((q): [number, number] => [q.t, q.value]) }];
  });
  return { series, xDomain: [0, Math.max(length, 1e-3)], yDomain: [lo - 0.05, hi + 0.05] };
}
