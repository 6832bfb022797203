/**
 * Radially averaged power spectrum of an image's luma: how much of the image's variation lies at each
 * spatial frequency. Used to show which frequencies a super-resolution method keeps, loses or invents.
 *
 * Definition (pure TypeScript, float64): Y = BT.601 luma on 0..255 (as in metrics.ts); subtract its mean;
 * multiply by a separable Hann window (so the image's borders do not add a cross of false energy); take
 * the 2-D DFT F(u, v); P(u, v) = |F(u, v)|² / (W·H). Frequencies are in cycles per pixel,
 * f = sqrt((u/W)² + (v/H)²) with u, v folded to [−W/2, W/2), and the spectrum is averaged in `bins` rings
 * of equal width between 0 and 0.5 (the Nyquist frequency; corners beyond 0.5 are dropped).
 */
import type { RGBImage } from './image';
import { lumaY, type Plane } from './metrics';

export interface RadialSpectrum {
  /** Centre frequency of each ring, cycles per pixel. */
  freq: number[];
  /** Mean power in each ring (NaN for a ring with no DFT sample). */
  power: number[];
}

/** In-place DFT of (re, im) of length n: radix-2 FFT when n is a power of two, else the direct sum. */
export function dft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  if (n <= 1) return;
  if ((n & (n - 1)) === 0) {
    for (let i = 1, j = 0; i < n; i++) {
      let bit = n >> 1;
      for (; j & bit; bit >>= 1) j ^= bit;
      j ^= bit;
      if (i < j) {
        [re[i], re[j]] = [re[j], re[i]];
        [im[i], im[j]] = [im[j], im[i]];
      }
    }
    for (let len = 2; len <= n; len <<= 1) {
      const ang = (-2 * Math.PI) / len;
      for (let i = 0; i < n; i += len) {
        for (let k = 0; k < len / 2; k++) {
          const wr = Math.cos(ang * k);
          const wi = Math.sin(ang * k);
          const a = i + k;
          const b = a + len / 2;
          const xr = re[b] * wr - im[b] * wi;
          const xi = re[b] * wi + im[b] * wr;
          re[b] = re[a] - xr;
          im[b] = im[a] - xi;
          re[a] += xr;
          im[a] += xi;
        }
      }
    }
    return;
  }
  const or = new Float64Array(n);
  const oi = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let sr = 0;
    let si = 0;
    for (let t = 0; t < n; t++) {
      const ang = (-2 * Math.PI * k * t) / n;
      sr += re[t] * Math.cos(ang) - im[t] * Math.sin(ang);
      si += re[t] * Math.sin(ang) + im[t] * Math.cos(ang);
    }
    or[k] = sr;
    oi[k] = si;
  }
  re.set(or);
  im.set(oi);
}

/** |DFT|² / (W·H) of a plane after mean removal and a Hann window; row-major, unshifted. */
export function powerSpectrum2D(plane: Plane): Float64Array {
  const { width: w, height: h, data } = plane;
  let mean = 0;
  for (const v of data) mean += v;
  mean /= data.length;
  const hann = (n: number) => Float64Array.from({ length: n }, (_, i) => (n > 1 ? 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (n - 1)) : 1));
  const wx = hann(w);
  const wy = hann(h);
  const re = new Float64Array(w * h);
  const im = new Float64Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) re[y * w + x] = (data[y * w + x] - mean) * wx[x] * wy[y];
  const rr = new Float64Array(w);
  const ri = new Float64Array(w);
  for (let y = 0; y < h; y++) {
    rr.set(re.subarray(y * w, y * w + w));
    ri.set(im.subarray(y * w, y * w + w));
    dft(rr, ri);
    re.set(rr, y * w);
    im.set(ri, y * w);
  }
  const cr = new Float64Array(h);
  const ci = new Float64Array(h);
  for (let x = 0; x < w; x++) {
    for (let y = 0; y < h; y++) {
      cr[y] = re[y * w + x];
      ci[y] = im[y * w + x];
    }
    dft(cr, ci);
    for (let y = 0; y < h; y++) {
      re[y * w + x] = cr[y];
      im[y * w + x] = ci[y];
    }
  }
  const p = new Float64Array(w * h);
  for (let i = 0; i < p.length; i++) p[i] = (re[i] * re[i] + im[i] * im[i]) / (w * h);
  return p;
}

/** Radially averaged power spectrum of a luma plane, in `bins` rings up to 0.5 cycles per pixel. */
export function radialSpectrumOfPlane(plane: Plane, bins = 32): RadialSpectrum {
  const { width: w, height: h } = plane;
  const p = powerSpectrum2D(plane);
  const sum = new Float64Array(bins);
  const count = new Float64Array(bins);
  for (let v = 0; v < h; v++) {
    const fv = (v < h / 2 ? v : v - h) / h;
    for (let u = 0; u < w; u++) {
      const fu = (u < w / 2 ? u : u - w) / w;
      const f = Math.hypot(fu, fv);
      if (f === 0 || f > 0.5) continue;
      const b = Math.min(bins - 1, Math.floor((f / 0.5) * bins));
      sum[b] += p[v * w + u];
      count[b]++;
    }
  }
  const freq: number[] = [];
  const power: number[] = [];
  for (let b = 0; b < bins; b++) {
    freq.push(((b + 0.5) * 0.5) / bins);
    power.push(count[b] ? sum[b] / count[b] : Number.NaN);
  }
  return { freq, power };
}

/** Radially averaged power spectrum of an RGB image's BT.601 luma. */
export function radialSpectrum(img: RGBImage, bins = 32): RadialSpectrum {
  return radialSpectrumOfPlane(lumaY(img), bins);
}
