/**
 * MATLAB `imresize` on the CPU in plain TypeScript (no TensorFlow.js): the weight matrices of
 * ./contributions applied to an RGBImage one axis at a time, visiting only each row's non-zero taps.
 *
 * Same semantics as ./resample's `resize` and `imresize`, including the order of the axes (the more
 * shrunk one first, rows on a tie). For small images — the chapter figures' crops, a few hundred pixels
 * a side — where starting a backend or a round trip to the Worker would cost more than the arithmetic.
 */
import { resampleWeights, scaledSize, type WeightMatrix, type WeightOptions } from './contributions';
import { createImage, type RGBImage } from './image';
import type { Method } from './kernels';

/** One output pixel's inputs along an axis: the first input with a non-zero weight, and the weights from there on. */
interface Taps {
  from: number;
  weights: Float64Array;
}

/**
 * Resizes `img` to outW × outH (MATLAB imresize semantics: antialiased when shrinking, except 'nearest';
 * symmetric borders; not clamped). `opts.scale` fixes the coordinate mapping, as in `resize`.
 */
export function resizeImage(
  img: RGBImage,
  outW: number,
  outH: number,
  method: Method = 'bicubic',
  opts: WeightOptions = {},
): RGBImage {
  const scaleH = opts.scale ?? outH / img.height;
  const scaleW = opts.scale ?? outW / img.width;
  const rows = taps(resampleWeights(img.height, outH, method, { ...opts, scale: scaleH }));
  const cols = taps(resampleWeights(img.width, outW, method, { ...opts, scale: scaleW }));
  return scaleW < scaleH ? resizeRows(resizeCols(img, cols), rows) : resizeCols(resizeRows(img, rows), cols);
}

/** MATLAB `imresize(img, scale, 'bicubic')`: Keys a = −0.5, output ceil(scale · size), the mapping uses `scale`. */
export function imresizeJs(img: RGBImage, scale: number): RGBImage {
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`scale must be positive, got ${scale}`);
  const outW = scaledSize(img.width, scale);
  const outH = scaledSize(img.height, scale);
  return resizeImage(img, outW, outH, 'bicubic', { a: -0.5, antialias: true, scale });
}

/** Each row of a weight matrix as its taps. */
function taps(m: WeightMatrix): Taps[] {
  const out: Taps[] = [];
  for (let r = 0; r < m.rows; r++) {
    const row = m.data.subarray(r * m.cols, (r + 1) * m.cols);
    let first = 0;
    while (first < m.cols - 1 && row[first] === 0) first++;
    let last = m.cols - 1;
    while (last > first && row[last] === 0) last--;
    out.push({ from: first, weights: row.slice(first, last + 1) });
  }
  return out;
}

/** Resamples the vertical axis: each output row is a weighted sum of whole input rows. */
function resizeRows(img: RGBImage, rows: Taps[]): RGBImage {
  const out = createImage(img.width, rows.length);
  const stride = img.width * 3;
  rows.forEach(({ from, weights }, o) => {
    for (let t = 0; t < weights.length; t++) {
      const k = weights[t];
      const src = (from + t) * stride;
      for (let x = 0; x < stride; x++) out.data[o * stride + x] += k * img.data[src + x];
    }
  });
  return out;
}

/** Resamples the horizontal axis, one output pixel (three channels) at a time. */
function resizeCols(img: RGBImage, cols: Taps[]): RGBImage {
  const out = createImage(cols.length, img.height);
  for (let y = 0; y < img.height; y++) {
    cols.forEach(({ from, weights }, o) => {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let t = 0; t < weights.length; t++) {
        const p = (y * img.width + from + t) * 3;
        r += weights[t] * img.data[p];
        g += weights[t] * img.data[p + 1];
        b += weights[t] * img.data[p + 2];
      }
      const q = (y * cols.length + o) * 3;
      out.data[q] = r;
      out.data[q + 1] = g;
      out.data[q + 2] = b;
    });
  }
  return out;
}
