/**
 * Resampling weights as a dense [out x in] matrix, following MATLAB `imresize`'s `contributions`:
 *
 * - output pixel i (0-based) samples input position u = (i + 1) / s + 0.5 (1 - 1/s) in 1-based pixel
 *   coordinates, i.e. pixel centres are aligned and the image edges map onto each other;
 * - when shrinking (s < 1) with antialiasing, the kernel is stretched by 1/s (and scaled by s), so it
 *   averages over every input pixel that falls under one output pixel;
 * - each row is normalised to sum to 1;
 * - taps outside the image are folded back symmetrically (…, 1, 0 | 0, 1, …, n-1 | n-1, n-2, …).
 *
 * The matrix is pure data (no TensorFlow.js), so it also serves plots of "which inputs feed which output".
 */
import { KERNEL_SUPPORT, kernelFor, type Method } from './kernels';

/** Options shared by the weight builder and the resamplers. */
export interface WeightOptions {
  /** Keys parameter for 'bicubic' (default -0.5, MATLAB / Pillow; OpenCV uses -0.75). */
  a?: number;
  /** Widen the kernel when shrinking. Default: true, except for 'nearest' (as MATLAB). */
  antialias?: boolean;
  /** Scale factor used for the coordinate mapping; default outSize / inSize. MATLAB's
   * `imresize(img, s)` keeps s itself even though the output size is ceil(s * size). */
  scale?: number;
}

/** A row-major dense matrix; row i holds the weight of every input pixel for output pixel i. */
export interface WeightMatrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

/** Builds the [outSize x inSize] matrix that resamples one axis of length inSize to outSize. */
export function resampleWeights(
  inSize: number,
  outSize: number,
  method: Method,
  opts: WeightOptions = {},
): WeightMatrix {
  checkSize(inSize, 'inSize');
  checkSize(outSize, 'outSize');
  const scale = opts.scale ?? outSize / inSize;
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`scale must be positive, got ${scale}`);
  const antialias = opts.antialias ?? method !== 'nearest';
  const kernel = kernelFor(method, opts.a ?? -0.5);

  let width = 2 * KERNEL_SUPPORT[method];
  let h = kernel;
  if (scale < 1 && antialias) {
    h = (x) => scale * kernel(scale * x);
    width /= scale;
  }
  const taps = Math.ceil(width) + 2;
  const tap = new Float64Array(taps);
  const data = new Float64Array(outSize * inSize);

  for (let i = 0; i < outSize; i++) {
    const u = (i + 1) / scale + 0.5 * (1 - 1 / scale);
    const left = Math.floor(u - width / 2);
    let sum = 0;
    for (let p = 0; p < taps; p++) {
      tap[p] = h(u - (left + p));
      sum += tap[p];
    }
    if (sum === 0) throw new Error(`no kernel weight for output ${i} (${method}, scale ${scale})`);
    for (let p = 0; p < taps; p++) {
      if (tap[p] !== 0) data[i * inSize + mirrorIndex(left + p - 1, inSize)] += tap[p] / sum;
    }
  }
  return { rows: outSize, cols: inSize, data };
}

/** Folds any integer index into [0, n) by symmetric reflection with the edge pixel repeated. */
export function mirrorIndex(k: number, n: number): number {
  const period = 2 * n;
  const m = ((k % period) + period) % period;
  return m < n ? m : period - 1 - m;
}

/** MATLAB's output size for a scale factor: ceil(scale * size). */
export function scaledSize(size: number, scale: number): number {
  return Math.ceil(scale * size);
}

function checkSize(n: number, name: string): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${name} must be a positive integer, got ${n}`);
}
