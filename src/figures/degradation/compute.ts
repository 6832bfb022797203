// The degradation explorer's pure side (no DOM): which parameter each control sets and its published range,
// reading and changing one parameter of a DegradeParams, a strict check of parameters that come from a URL
// (anything outside the published ranges is clamped, anything unknown dropped), and the first-order twin of a
// second-order degradation. The ranges are those of src/sr/degrade/params.ts (Wang et al. 2021).
import {
  FIRST, KERNEL_FAMILIES, KERNEL_SIZES, RESIZE_MODES, SECOND,
  type DegradeParams, type KernelKind, type KernelSpec, type NoiseSpec, type ResizeSpec,
} from '../../sr/degrade/params';

const PI = Math.PI;
export const KERNEL_KINDS: readonly KernelKind[] = [...KERNEL_FAMILIES, 'sinc'];
export const NOISE_KINDS = ['gaussian', 'poisson'] as const;
export const ORDERS = ['sinc-first', 'jpeg-first'] as const;
/** Seeds the reader can type; each draws every parameter (sampleParams). */
export const MAX_SEED = 999_999;
type Range = readonly [number, number];
type Stage = 1 | 2;
const ranges = (stage: Stage) => (stage === 1 ? FIRST : SECOND);
const clamp = (v: number, [lo, hi]: Range) => Math.min(hi, Math.max(lo, v));
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export const cutoffRange = (size: number, final = false): Range => (final || size < 13 ? [PI / 3, PI] : [PI / 5, PI]);
export const betaRange = (kind: KernelKind): Range => (kind.startsWith('generalized') ? FIRST.betag : FIRST.betap);

/** A control: a slider over a range, or a choice among values; `shown` says whether it applies to `p`. */
export type Control =
  | { kind: 'range'; path: string; range(p: DegradeParams): Range; step: number; shown(p: DegradeParams): boolean }
  | { kind: 'choice'; path: string; options: readonly string[]; shown(p: DegradeParams): boolean };

const always = () => true;
function kernelControls(key: 'kernel1' | 'kernel2', stage: Stage): Control[] {
  const k = (p: DegradeParams) => p[key];
  const has = (test: (s: KernelSpec) => boolean) => (p: DegradeParams) => !!k(p) && test(k(p)!);
  const gaussian = has((s) => s.kind !== 'sinc');
  return [
    { kind: 'choice', path: `${key}.kind`, options: stage === 2 ? [...KERNEL_KINDS, 'none'] : KERNEL_KINDS, shown: always },
    { kind: 'choice', path: `${key}.size`, options: KERNEL_SIZES.map(String), shown: has(() => true) },
    { kind: 'range', path: `${key}.sigma_x`, range: () => ranges(stage).sigma, step: 0.05, shown: gaussian },
    { kind: 'range', path: `${key}.sigma_y`, range: () => ranges(stage).sigma, step: 0.05, shown: has((s) => s.kind.includes('aniso')) },
    { kind: 'range', path: `${key}.theta`, range: () => [-PI, PI], step: 0.05, shown: has((s) => s.kind.includes('aniso')) },
    { kind: 'range', path: `${key}.beta`, range: (p) => betaRange(k(p)!.kind), step: 0.05, shown: has((s) => /generalized|plateau/.test(s.kind)) },
    { kind: 'range', path: `${key}.cutoff`, range: (p) => cutoffRange(k(p)!.size), step: 0.01, shown: has((s) => s.kind === 'sinc') },
  ];
}
function restOfStage(n: Stage): Control[] {
  const noise = (p: DegradeParams) => (n === 1 ? p.noise1 : p.noise2);
  return [
    { kind: 'range', path: `resize${n}.scale`, range: () => ranges(n).resizeRange, step: 0.01, shown: always },
    { kind: 'choice', path: `resize${n}.mode`, options: RESIZE_MODES, shown: always },
    { kind: 'choice', path: `noise${n}.kind`, options: NOISE_KINDS, shown: always },
    { kind: 'range', path: `noise${n}.sigma`, range: () => ranges(n).noiseRange, step: 0.5, shown: (p) => noise(p).kind === 'gaussian' },
    { kind: 'range', path: `noise${n}.scale`, range: () => ranges(n).poissonRange, step: 0.05, shown: (p) => noise(p).kind === 'poisson' },
    { kind: 'choice', path: `noise${n}.gray`, options: ['false', 'true'], shown: always },
    { kind: 'range', path: `jpeg${n}`, range: () => ranges(n).jpegRange, step: 1, shown: always },
  ];
}
export const CONTROL_GROUPS: { id: 'first' | 'second' | 'final'; controls: Control[] }[] = [
  { id: 'first', controls: [...kernelControls('kernel1', 1), ...restOfStage(1)] },
  { id: 'second', controls: [...kernelControls('kernel2', 2), ...restOfStage(2)] },
  {
    id: 'final',
    controls: [
      { kind: 'choice', path: 'sinc.kind', options: ['sinc', 'none'], shown: always },
      { kind: 'choice', path: 'sinc.size', options: KERNEL_SIZES.map(String), shown: (p) => !!p.sinc },
      { kind: 'range', path: 'sinc.cutoff', range: () => cutoffRange(0, true), step: 0.01, shown: (p) => !!p.sinc },
      { kind: 'choice', path: 'order', options: ORDERS, shown: always },
      { kind: 'choice', path: 'final_mode', options: RESIZE_MODES, shown: always },
    ],
  },
];

/** The value a control shows for `p` (choices as strings). */
export function getParam(p: DegradeParams, path: string): number | string {
  if (path === 'order') return p.sinc_first ? 'sinc-first' : 'jpeg-first';
  const [head, leaf] = path.split('.');
  const node = (p as unknown as Record<string, unknown>)[head];
  if (leaf === undefined) return (node as number | null) ?? 0;
  if (node === null) return leaf === 'kind' ? 'none' : 0;
  const v = (node as Record<string, unknown>)[leaf];
  return typeof v === 'boolean' ? String(v) : (v as number | string);
}

/** `p` with the control at `path` set to `value`, every other parameter kept, the result cleaned. */
export function setParam(p: DegradeParams, path: string, value: number | string): DegradeParams {
  const raw = JSON.parse(JSON.stringify(p)) as Record<string, unknown>;
  const [head, leaf] = path.split('.');
  if (path === 'order') raw.sinc_first = value === 'sinc-first';
  else if (leaf === undefined) raw[head] = Number(value);
  else if (leaf === 'kind' && value === 'none') raw[head] = null;
  else {
    const node = (raw[head] ?? { size: 13 }) as Record<string, unknown>;
    node[leaf] = leaf === 'gray' ? value === 'true' : leaf === 'kind' || leaf === 'mode' ? value : Number(value);
    raw[head] = node;
  }
  return cleanParams(raw)!;
}

/** One kernel from an untrusted source, inside its round's published ranges (`final`: the last sinc); null when `raw` is no object. */
export function cleanKernel(raw: unknown, stage: Stage | 'final'): KernelSpec | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const kind = KERNEL_KINDS.includes(r.kind as KernelKind) ? (r.kind as KernelKind) : stage === 'final' ? 'sinc' : 'iso';
  const size = KERNEL_SIZES.includes(r.size as never) ? (r.size as number) : 13;
  if (stage === 'final' || kind === 'sinc') return { kind: 'sinc', size, cutoff: clamp(isNum(r.cutoff) ? r.cutoff : PI / 2, cutoffRange(size, stage === 'final')) };
  const sigma = ranges(stage).sigma;
  const spec: KernelSpec = { kind, size, sigma_x: clamp(isNum(r.sigma_x) ? r.sigma_x : 1, sigma) };
  if (kind.includes('aniso')) {
    spec.sigma_y = clamp(isNum(r.sigma_y) ? r.sigma_y : spec.sigma_x!, sigma);
    spec.theta = clamp(isNum(r.theta) ? r.theta : 0, [-PI, PI]);
  }
  if (/generalized|plateau/.test(kind)) spec.beta = clamp(isNum(r.beta) ? r.beta : 1, betaRange(kind));
  return spec;
}
function cleanResize(raw: unknown, stage: Stage): ResizeSpec {
  const r = (typeof raw === 'object' && raw) || {};
  const { scale, mode } = r as Record<string, unknown>;
  return { scale: clamp(isNum(scale) ? scale : 1, ranges(stage).resizeRange), mode: RESIZE_MODES.includes(mode as never) ? (mode as ResizeSpec['mode']) : 'bilinear' };
}
function cleanNoise(raw: unknown, stage: Stage): NoiseSpec {
  const r = ((typeof raw === 'object' && raw) || {}) as Record<string, unknown>;
  const seed = isNum(r.seed) ? Math.min(2 ** 31 - 1, Math.max(0, Math.round(r.seed))) : stage;
  const gray = r.gray === true;
  if (r.kind === 'poisson') return { kind: 'poisson', scale: clamp(isNum(r.scale) ? r.scale : 1, ranges(stage).poissonRange), gray, seed };
  return { kind: 'gaussian', sigma: clamp(isNum(r.sigma) ? r.sigma : 10, ranges(stage).noiseRange), gray, seed };
}
const cleanJpeg = (v: unknown, stage: Stage) => Math.round(clamp(isNum(v) ? v : 75, ranges(stage).jpegRange));

/** Parameters from an untrusted source (the URL), inside the published ranges; null when `raw` is no object. */
export function cleanParams(raw: unknown): DegradeParams | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  return {
    kernel1: cleanKernel(typeof r.kernel1 === 'object' && r.kernel1 !== null ? r.kernel1 : {}, 1)!,
    resize1: cleanResize(r.resize1, 1),
    noise1: cleanNoise(r.noise1, 1),
    jpeg1: cleanJpeg(r.jpeg1, 1),
    kernel2: cleanKernel(r.kernel2, 2),
    resize2: cleanResize(r.resize2, 2),
    noise2: cleanNoise(r.noise2, 2),
    jpeg2: cleanJpeg(r.jpeg2, 2),
    sinc: cleanKernel(r.sinc, 'final'),
    sinc_first: r.sinc_first === true,
    final_mode: RESIZE_MODES.includes(r.final_mode as never) ? (r.final_mode as ResizeSpec['mode']) : 'bilinear',
  };
}

/**
 * The classical first-order degradation with the same first stage: blur, resize straight to ¼, noise, JPEG;
 * the second stage and the final sinc are left out (an identity resize, no noise, no JPEG).
 */
export function firstOrder(p: DegradeParams): DegradeParams {
  return {
    ...p,
    resize1: { scale: 0.25, mode: p.resize1.mode },
    kernel2: null,
    resize2: { scale: 1, mode: 'bilinear' },
    noise2: { kind: 'gaussian', sigma: 0, gray: false, seed: 0 },
    jpeg2: null,
    sinc: null,
    sinc_first: false,
    final_mode: 'bilinear',
  };
}

/** The label a control carries: its path without the round's number (`kernel1.sigma_x` → `kernel.sigma_x`). */
export const labelKey = (path: string) => path.replace(/[12]\./, '.').replace(/^jpeg[12]$/, 'jpeg');

/** A control's value as the reader reads it: degrees, multiples of π, a resize factor, rounded numbers. */
export function formatValue(path: string, v: number): string {
  const leaf = path.split('.').pop()!;
  if (leaf === 'theta') return `${Math.round((v * 180) / PI)}°`;
  if (leaf === 'cutoff') return `${(v / PI).toFixed(2)}π`;
  if (path.startsWith('resize')) return `×${v.toFixed(2)}`;
  if (path.startsWith('jpeg')) return String(Math.round(v));
  if (path.startsWith('noise') && leaf === 'sigma') return v.toFixed(1);
  return v.toFixed(2);
}
