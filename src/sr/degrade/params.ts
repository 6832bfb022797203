// The parameters of one Real-ESRGAN degradation (Wang et al. 2021), their published ranges
// (`options/train_realesrnet_x4plus.yml`, BasicSR `degradations.py`), and a seeded draw from them.
// The same names and meanings as `training/srt/core/degradations.py`, so a parameter list moves between the two.
import { rng } from '../random';

export const KERNEL_FAMILIES = ['iso', 'aniso', 'generalized_iso', 'generalized_aniso', 'plateau_iso', 'plateau_aniso'] as const;
export type KernelKind = (typeof KERNEL_FAMILIES)[number] | 'sinc';
export const RESIZE_MODES = ['area', 'bilinear', 'bicubic'] as const;
export type ResizeMode = (typeof RESIZE_MODES)[number];

/** A blur kernel: `size` odd taps (7–21, padded to 21); σ in pixels, θ in radians, β the shape, cutoff in rad. */
export interface KernelSpec {
  kind: KernelKind;
  size: number;
  sigma_x?: number;
  sigma_y?: number;
  theta?: number;
  beta?: number;
  cutoff?: number;
}
export interface ResizeSpec {
  scale: number;
  mode: ResizeMode;
}
export interface NoiseSpec {
  kind: 'gaussian' | 'poisson';
  /** Gaussian σ on the 0–255 scale. */
  sigma?: number;
  /** Poisson scale. */
  scale?: number;
  gray: boolean;
  seed: number;
}
/** Every choice of one two-stage degradation; a null JPEG quality skips that JPEG step. */
export interface DegradeParams {
  kernel1: KernelSpec;
  resize1: ResizeSpec;
  noise1: NoiseSpec;
  jpeg1: number | null;
  kernel2: KernelSpec | null;
  resize2: ResizeSpec;
  noise2: NoiseSpec;
  jpeg2: number | null;
  sinc: KernelSpec | null;
  /** true: resize to ¼ and sinc, then JPEG; false: JPEG, then resize and sinc. */
  sinc_first: boolean;
  final_mode: ResizeMode;
}

interface StageRanges {
  families: readonly number[];
  sigma: readonly [number, number];
  betag: readonly [number, number];
  betap: readonly [number, number];
  sincProb: number;
  resizeProb: readonly [number, number, number];
  resizeRange: readonly [number, number];
  gaussianProb: number;
  noiseRange: readonly [number, number];
  poissonRange: readonly [number, number];
  grayProb: number;
  jpegRange: readonly [number, number];
}

export const KERNEL_SIZES = [7, 9, 11, 13, 15, 17, 19, 21] as const;
export const KERNEL_PAD = 21;
export const FIRST: StageRanges = {
  families: [0.45, 0.25, 0.12, 0.03, 0.12, 0.03],
  sigma: [0.2, 3],
  betag: [0.5, 4],
  betap: [1, 2],
  sincProb: 0.1,
  resizeProb: [0.2, 0.7, 0.1],
  resizeRange: [0.15, 1.5],
  gaussianProb: 0.5,
  noiseRange: [1, 30],
  poissonRange: [0.05, 3],
  grayProb: 0.4,
  jpegRange: [30, 95],
};
export const SECOND: StageRanges = {
  ...FIRST,
  sigma: [0.2, 1.5],
  resizeProb: [0.3, 0.4, 0.3],
  resizeRange: [0.3, 1.2],
  noiseRange: [1, 25],
  poissonRange: [0.05, 2.5],
};
export const SECOND_BLUR_PROB = 0.8;
export const FINAL_SINC_PROB = 0.8;

type Draw = () => number;
const uniform = (r: Draw, [lo, hi]: readonly [number, number]) => lo + (hi - lo) * r();
const pick = <T>(r: Draw, items: readonly T[]) => items[Math.min(items.length - 1, Math.floor(r() * items.length))];
function choose(r: Draw, probs: readonly number[]): number {
  let u = r();
  for (let i = 0; i < probs.length; i++) {
    u -= probs[i];
    if (u < 0) return i;
  }
  return probs.length - 1;
}

export function sampleKernel(r: Draw, o: StageRanges): KernelSpec {
  const size = pick(r, KERNEL_SIZES);
  if (r() < o.sincProb) {
    return { kind: 'sinc', size, cutoff: uniform(r, size < 13 ? [Math.PI / 3, Math.PI] : [Math.PI / 5, Math.PI]) };
  }
  const kind = KERNEL_FAMILIES[choose(r, o.families)];
  const spec: KernelSpec = { kind, size, sigma_x: uniform(r, o.sigma) };
  if (kind.includes('aniso')) {
    spec.sigma_y = uniform(r, o.sigma);
    spec.theta = uniform(r, [-Math.PI, Math.PI]);
  }
  if (kind.startsWith('generalized') || kind.startsWith('plateau')) {
    const [lo, hi] = kind.startsWith('generalized') ? o.betag : o.betap;
    spec.beta = r() < 0.5 ? uniform(r, [lo, 1]) : uniform(r, [1, hi]);
  }
  return spec;
}

function sampleResize(r: Draw, o: StageRanges): ResizeSpec {
  const kind = choose(r, o.resizeProb); // up, down, keep
  const scale = kind === 0 ? uniform(r, [1, o.resizeRange[1]]) : kind === 1 ? uniform(r, [o.resizeRange[0], 1]) : 1;
  return { scale, mode: pick(r, RESIZE_MODES) };
}

function sampleNoise(r: Draw, o: StageRanges): NoiseSpec {
  const gray = r() < o.grayProb;
  const seed = Math.floor(r() * 2 ** 31);
  return r() < o.gaussianProb
    ? { kind: 'gaussian', sigma: uniform(r, o.noiseRange), gray, seed }
    : { kind: 'poisson', scale: uniform(r, o.poissonRange), gray, seed };
}

const jpegQuality = (r: Draw, [lo, hi]: readonly [number, number]) => lo + Math.floor(r() * (hi - lo + 1));

/** Every random choice of one degradation, drawn from the published distributions; the same seed, the same draw. */
export function sampleParams(seed: number): DegradeParams {
  const r = rng(seed);
  const kernel1 = sampleKernel(r, FIRST);
  const resize1 = sampleResize(r, FIRST);
  const noise1 = sampleNoise(r, FIRST);
  const jpeg1 = jpegQuality(r, FIRST.jpegRange);
  const kernel2 = r() < SECOND_BLUR_PROB ? sampleKernel(r, SECOND) : null;
  const resize2 = sampleResize(r, SECOND);
  const noise2 = sampleNoise(r, SECOND);
  const jpeg2 = jpegQuality(r, SECOND.jpegRange);
  const sinc: KernelSpec | null =
    r() < FINAL_SINC_PROB ? { kind: 'sinc', size: pick(r, KERNEL_SIZES), cutoff: uniform(r, [Math.PI / 3, Math.PI]) } : null;
  const sinc_first = r() < 0.5;
  const final_mode = pick(r, RESIZE_MODES);
  return { kernel1, resize1, noise1, jpeg1, kernel2, resize2, noise2, jpeg2, sinc, sinc_first, final_mode };
}
