// Framework-free helpers for the chapter-3 (ESRGAN) figures: differences of network outputs as heat maps (the
// BatchNorm and interpolation figures) and the standard and relativistic discriminator outputs. Each kit figure's
// own arithmetic is in its folder (src/figures/bn, src/figures/interp).
import type { RGBImage } from '../../sr/image';

const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));

/** Per-pixel largest absolute channel difference (values in [0, 1] units), and its mean and max. */
export function diffMap(a: RGBImage, b: RGBImage): { width: number; height: number; map: Float32Array; mean: number; max: number } {
  if (a.width !== b.width || a.height !== b.height) throw new Error('diffMap: sizes differ');
  const n = a.width * a.height;
  const map = new Float32Array(n);
  let sum = 0;
  let max = 0;
  for (let p = 0; p < n; p++) {
    let d = 0;
    for (let c = 0; c < 3; c++) {
      const x = Math.min(1, Math.max(0, a.data[p * 3 + c]));
      const y = Math.min(1, Math.max(0, b.data[p * 3 + c]));
      d = Math.max(d, Math.abs(x - y));
      sum += Math.abs(x - y);
    }
    map[p] = d;
    max = Math.max(max, d);
  }
  return { width: a.width, height: a.height, map, mean: sum / (3 * n), max };
}

/**
 * Heat-map colours (RGBA bytes) of a difference map, scaled so that `scale` (in [0, 1] units) is the
 * brightest: black, through dark red and orange, to pale yellow.
 */
export function heatRGBA(map: Float32Array, scale: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(map.length * 4);
  const s = scale > 0 ? scale : 1;
  for (let i = 0; i < map.length; i++) {
    const t = Math.min(1, map[i] / s);
    out[i * 4] = 255 * Math.min(1, 2 * t);
    out[i * 4 + 1] = 255 * Math.max(0, Math.min(1, 2 * t - 0.6));
    out[i * 4 + 2] = 255 * Math.max(0, 3 * t - 2);
    out[i * 4 + 3] = 255;
  }
  return out;
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

export function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return values.length ? s / values.length : NaN;
}

/**
 * Discriminator outputs for a set of real and a set of fake patches from their raw logits C(x):
 * the standard D(x) = σ(C(x)), and the relativistic average D_Ra(x_r, x_f) = σ(C(x_r) − E[C(x_f)])
 * and D_Ra(x_f, x_r) = σ(C(x_f) − E[C(x_r)]).
 */
export function discriminatorOutputs(real: ArrayLike<number>, fake: ArrayLike<number>) {
  const meanReal = mean(real);
  const meanFake = mean(fake);
  const list = (xs: ArrayLike<number>, f: (x: number) => number) => Array.from(xs, f);
  return {
    meanReal,
    meanFake,
    standardReal: list(real, sigmoid),
    standardFake: list(fake, sigmoid),
    relativisticReal: list(real, (c) => sigmoid(c - meanFake)),
    relativisticFake: list(fake, (c) => sigmoid(c - meanReal)),
  };
}

/** The four size×size quadrants of a (2·size)×(2·size) image as one NHWC batch (row-major order). */
export function quadrantBatch(img: RGBImage, size: number): { count: number; size: number; data: Float32Array } {
  if (img.width < 2 * size || img.height < 2 * size) throw new Error('quadrantBatch: image too small');
  const data = new Float32Array(4 * size * size * 3);
  let k = 0;
  for (const [qy, qx] of [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ]) {
    for (let y = 0; y < size; y++) {
      const from = ((qy * size + y) * img.width + qx * size) * 3;
      data.set(img.data.subarray(from, from + size * 3), k);
      k += size * 3;
    }
  }
  return { count: 4, size, data };
}
