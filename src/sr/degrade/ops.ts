// The image operations of the degradation model on `RGBImage` (HWC float32), each the same arithmetic as its
// PyTorch counterpart in `training/srt/core/degradations.py`: reflect-padded correlation (BasicSR's filter2D),
// `F.interpolate(size=…)` for bilinear / bicubic (align_corners false, Keys a = −0.75) and
// `adaptive_avg_pool2d` for area, BasicSR's unsharp mask, and additive Gaussian / Poisson noise.
import { createImage, type RGBImage } from '../image';
import { hashNormal, hashPoisson } from './noise';
import type { NoiseSpec, ResizeMode } from './params';
import { usmKernel } from './kernels';

/** Index i reflected into [0, n) without repeating the edge (…2 1 | 0 1 2 … n−1 | n−2 …), as `F.pad(mode='reflect')`. */
export function reflect(i: number, n: number): number {
  if (n === 1) return 0;
  const period = 2 * (n - 1);
  let j = ((i % period) + period) % period;
  if (j >= n) j = period - j;
  return j;
}

/** Correlates every channel with a kh×kw kernel (row-major), reflect padding; the output keeps the size. */
export function filter2d(img: RGBImage, k: ArrayLike<number>, kh: number, kw: number): RGBImage {
  const { width: w, height: h, data } = img;
  const out = createImage(w, h);
  const [ph, pw] = [(kh - 1) / 2, (kw - 1) / 2];
  const nz: number[] = []; // skip the zero padding of a small kernel inside 21×21
  for (let i = 0; i < kh * kw; i++) if (k[i] !== 0) nz.push(i);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const i of nz) {
        const sy = reflect(y + Math.floor(i / kw) - ph, h);
        const sx = reflect(x + (i % kw) - pw, w);
        const p = (sy * w + sx) * 3;
        const wt = k[i];
        r += wt * data[p];
        g += wt * data[p + 1];
        b += wt * data[p + 2];
      }
      const q = (y * w + x) * 3;
      out.data[q] = r;
      out.data[q + 1] = g;
      out.data[q + 2] = b;
    }
  }
  return out;
}

/** A square kernel given as one row-major array. */
export const filterSquare = (img: RGBImage, k: ArrayLike<number>) => filter2d(img, k, Math.sqrt(k.length), Math.sqrt(k.length));

/** Per output index: input taps and weights along one axis, as PyTorch samples (size given, not scale). */
function axisTaps(inLen: number, outLen: number, mode: ResizeMode): { idx: number[]; wt: number[] }[] {
  const scale = inLen / outLen;
  const taps: { idx: number[]; wt: number[] }[] = [];
  const clampIdx = (i: number) => Math.min(inLen - 1, Math.max(0, i));
  for (let o = 0; o < outLen; o++) {
    if (mode === 'area') {
      const start = Math.floor((o * inLen) / outLen);
      const end = Math.ceil(((o + 1) * inLen) / outLen);
      const idx = Array.from({ length: end - start }, (_, j) => start + j);
      taps.push({ idx, wt: idx.map(() => 1 / idx.length) });
    } else if (mode === 'bilinear') {
      const src = Math.max(0, (o + 0.5) * scale - 0.5);
      const i0 = Math.floor(src);
      const t = src - i0;
      taps.push({ idx: [i0, Math.min(i0 + 1, inLen - 1)], wt: [1 - t, t] });
    } else {
      const src = (o + 0.5) * scale - 0.5;
      const i0 = Math.floor(src);
      const t = src - i0;
      const A = -0.75;
      const near = (x: number) => ((A + 2) * x - (A + 3)) * x * x + 1;
      const far = (x: number) => ((A * x - 5 * A) * x + 8 * A) * x - 4 * A;
      taps.push({ idx: [i0 - 1, i0, i0 + 1, i0 + 2].map(clampIdx), wt: [far(t + 1), near(t), near(1 - t), far(2 - t)] });
    }
  }
  return taps;
}

/** Resizes to outW×outH with PyTorch's sampling for the mode (separable: columns, then rows). */
export function resizeTorch(img: RGBImage, outW: number, outH: number, mode: ResizeMode): RGBImage {
  if (!(outW >= 1 && outH >= 1)) throw new RangeError(`resize to ${outW}x${outH}: the image would vanish`);
  const { width: w, height: h, data } = img;
  const cols = axisTaps(w, outW, mode);
  const rows = axisTaps(h, outH, mode);
  const mid = new Float64Array(h * outW * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < outW; x++) {
      const { idx, wt } = cols[x];
      for (let c = 0; c < 3; c++) {
        let s = 0;
        for (let j = 0; j < idx.length; j++) s += wt[j] * data[(y * w + idx[j]) * 3 + c];
        mid[(y * outW + x) * 3 + c] = s;
      }
    }
  }
  const out = createImage(outW, outH);
  for (let y = 0; y < outH; y++) {
    const { idx, wt } = rows[y];
    for (let x = 0; x < outW; x++) {
      for (let c = 0; c < 3; c++) {
        let s = 0;
        for (let j = 0; j < idx.length; j++) s += wt[j] * mid[(idx[j] * outW + x) * 3 + c];
        out.data[(y * outW + x) * 3 + c] = s;
      }
    }
  }
  return out;
}

/** Rounds half to even, as torch.round and numpy.round do. */
export function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return Math.abs(v - Math.trunc(v)) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** round(clamp(v · 255)) / 255 with float32 arithmetic: the 8-bit value a saved image holds. */
export const to8bit = (v: number) => Math.min(255, Math.max(0, roundHalfEven(Math.fround(v * 255)))) / 255;

/** The image quantised to 8 bits per channel (values k/255). */
export function quantize(img: RGBImage): RGBImage {
  return createImage(img.width, img.height, img.data.map(to8bit));
}

/** BasicSR's USMSharp: img + weight·(img − blur) where |img − blur| > threshold/255, blended by a blurred mask. */
export function usmSharp(img: RGBImage, weight = 0.5, threshold = 10): RGBImage {
  const g = usmKernel();
  const blur = (im: RGBImage) => filter2d(filter2d(im, g, 1, g.length), g, g.length, 1);
  const soft = blur(img);
  const residual = img.data.map((v, i) => v - soft.data[i]);
  const mask = createImage(img.width, img.height, residual.map((r) => (Math.abs(r) * 255 > threshold ? 1 : 0)));
  const softMask = blur(mask);
  const out = createImage(img.width, img.height);
  for (let i = 0; i < out.data.length; i++) {
    const sharp = Math.min(1, Math.max(0, img.data[i] + weight * residual[i]));
    out.data[i] = softMask.data[i] * sharp + (1 - softMask.data[i]) * img.data[i];
  }
  return out;
}

/** torchvision's rgb_to_grayscale weights. */
export const grayAt = (d: Float32Array, p: number) => 0.2989 * d[p] + 0.587 * d[p + 1] + 0.114 * d[p + 2];

/** Adds the noise a spec names (deterministic from its seed) and clips to [0, 1]. */
export function addNoise(img: RGBImage, spec: NoiseSpec): RGBImage {
  const { width: w, height: h, data } = img;
  const plane = w * h;
  const planes = spec.gray ? 1 : 3;
  const at = (p: number, c: number) => (spec.gray ? 0 : c) * plane + p; // NCHW index of pixel p, channel c
  let noise: Float64Array;
  if (spec.kind === 'gaussian') {
    noise = hashNormal(spec.seed, planes * plane).map((z) => z * ((spec.sigma ?? 0) / 255));
  } else {
    const base = new Float64Array(planes * plane);
    for (let p = 0; p < plane; p++) {
      for (let c = 0; c < planes; c++) base[c * plane + p] = to8bit(spec.gray ? grayAt(data, p * 3) : data[p * 3 + c]);
    }
    const vals = 2 ** Math.ceil(Math.log2(new Set(base).size));
    const counts = hashPoisson(spec.seed, base.map((v) => Math.fround(v * vals)));
    noise = counts.map((k, i) => (k / vals - base[i]) * (spec.scale ?? 0));
  }
  const out = createImage(w, h);
  for (let p = 0; p < plane; p++) {
    for (let c = 0; c < 3; c++) out.data[p * 3 + c] = Math.min(1, Math.max(0, data[p * 3 + c] + noise[at(p, c)]));
  }
  return out;
}
