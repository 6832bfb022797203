/**
 * Image-quality metrics as super-resolution papers report them: on the luma channel Y (ITU-R BT.601,
 * 16..235 on a 0..255 scale) after cropping `border` pixels (usually the scale factor) from every edge.
 *
 * Pure TypeScript, float64 arithmetic; Y is not rounded to integers.
 */
import type { RGBImage } from './image';

/** A single-channel float image, row-major. */
export interface Plane {
  width: number;
  height: number;
  data: Float64Array;
}

/** BT.601 luma on the 0..255 scale: Y = 16 + 65.481 R + 128.553 G + 24.966 B for R, G, B in [0, 1]. */
export function lumaY(img: RGBImage): Plane {
  const { width, height, data } = img;
  const y = new Float64Array(width * height);
  for (let p = 0, q = 0; p < y.length; p++, q += 3) {
    y[p] = 16 + 65.481 * data[q] + 128.553 * data[q + 1] + 24.966 * data[q + 2];
  }
  return { width, height, data: y };
}

/** Removes `border` pixels from each edge. */
export function cropPlane(plane: Plane, border: number): Plane {
  if (!Number.isInteger(border) || border < 0) throw new RangeError(`border must be a non-negative integer`);
  const width = plane.width - 2 * border;
  const height = plane.height - 2 * border;
  if (width < 1 || height < 1) throw new RangeError(`border ${border} leaves nothing of ${plane.width}x${plane.height}`);
  const data = new Float64Array(width * height);
  for (let r = 0; r < height; r++) {
    const start = (r + border) * plane.width + border;
    data.set(plane.data.subarray(start, start + width), r * width);
  }
  return { width, height, data };
}

/** Peak signal-to-noise ratio in dB of Y (peak 255), border cropped. Identical images give Infinity. */
export function psnrY(a: RGBImage, b: RGBImage, border: number): number {
  const [x, y] = lumaPair(a, b, border);
  let sum = 0;
  for (let i = 0; i < x.data.length; i++) {
    const d = x.data[i] - y.data[i];
    sum += d * d;
  }
  const mse = sum / x.data.length;
  return 10 * Math.log10((255 * 255) / mse);
}

/** SSIM constants of Wang et al. (2004): 11x11 Gaussian window, sigma 1.5, K1 = 0.01, K2 = 0.03, L = 255. */
export const SSIM_WINDOW = 11;
export const SSIM_SIGMA = 1.5;
const C1 = (0.01 * 255) ** 2;
const C2 = (0.03 * 255) ** 2;

/**
 * Mean structural similarity (Wang et al. 2004) of Y, border cropped, computed only where the whole
 * window fits ('valid' filtering, as the reference MATLAB code and BasicSR do).
 */
export function ssimY(a: RGBImage, b: RGBImage, border: number): number {
  const [x, y] = lumaPair(a, b, border);
  if (x.width < SSIM_WINDOW || x.height < SSIM_WINDOW) {
    throw new RangeError(`SSIM needs at least ${SSIM_WINDOW}x${SSIM_WINDOW} pixels after cropping`);
  }
  const g = gaussian(SSIM_WINDOW, SSIM_SIGMA);
  const mx = filterValid(x, g);
  const my = filterValid(y, g);
  const xx = filterValid(product(x, x), g);
  const yy = filterValid(product(y, y), g);
  const xy = filterValid(product(x, y), g);
  let total = 0;
  for (let i = 0; i < mx.data.length; i++) {
    const ux = mx.data[i];
    const uy = my.data[i];
    const vx = xx.data[i] - ux * ux;
    const vy = yy.data[i] - uy * uy;
    const cxy = xy.data[i] - ux * uy;
    total += ((2 * ux * uy + C1) * (2 * cxy + C2)) / ((ux * ux + uy * uy + C1) * (vx + vy + C2));
  }
  return total / mx.data.length;
}

function lumaPair(a: RGBImage, b: RGBImage, border: number): [Plane, Plane] {
  if (a.width !== b.width || a.height !== b.height) {
    throw new RangeError(`image sizes differ: ${a.width}x${a.height} vs ${b.width}x${b.height}`);
  }
  return [cropPlane(lumaY(a), border), cropPlane(lumaY(b), border)];
}

/** Normalised 1-D Gaussian of odd length `size`; its outer product is the normalised 2-D window. */
export function gaussian(size: number, sigma: number): Float64Array {
  const half = (size - 1) / 2;
  const g = new Float64Array(size);
  let sum = 0;
  for (let i = 0; i < size; i++) {
    g[i] = Math.exp(-((i - half) ** 2) / (2 * sigma * sigma));
    sum += g[i];
  }
  return g.map((v) => v / sum);
}

function product(a: Plane, b: Plane): Plane {
  return { width: a.width, height: a.height, data: a.data.map((v, i) => v * b.data[i]) };
}

/** Separable 'valid' correlation with kernel g along rows, then columns. */
function filterValid(p: Plane, g: Float64Array): Plane {
  const k = g.length;
  const w = p.width - k + 1;
  const h = p.height - k + 1;
  const rows = new Float64Array(p.height * w);
  for (let r = 0; r < p.height; r++) {
    for (let c = 0; c < w; c++) {
      let s = 0;
      for (let t = 0; t < k; t++) s += g[t] * p.data[r * p.width + c + t];
      rows[r * w + c] = s;
    }
  }
  const out = new Float64Array(h * w);
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      let s = 0;
      for (let t = 0; t < k; t++) s += g[t] * rows[(r + t) * w + c];
      out[r * w + c] = s;
    }
  }
  return { width: w, height: h, data: out };
}
