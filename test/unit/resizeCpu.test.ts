// The plain-TypeScript MATLAB imresize (src/sr/resizeCpu.ts) against the same NumPy fixtures as the
// tfjs resampler (resample.test.ts), but to 1e-6 (float32 images, float64 weights).
import { describe, expect, it } from 'vitest';
import { createImage } from '../../src/sr/image';
import { imresizeJs, resizeImage } from '../../src/sr/resizeCpu';
import { type ImresizeCase, loadFixture, maxAbsDiff, type ResampleCase, toImage } from './helpers';

const TOL = 1e-6;

const img = (w: number, h: number, f: (i: number) => number) => createImage(w, h, Float32Array.from({ length: w * h * 3 }, (_, i) => f(i)));

describe('imresizeJs vs NumPy MATLAB port (imresize.json)', () => {
  const { cases } = loadFixture<{ cases: ImresizeCase[] }>('imresize.json');
  for (const c of cases) {
    it(c.name, () => {
      const out = imresizeJs(toImage(c.in), c.scale);
      const want = toImage(c.out);
      expect([out.width, out.height]).toEqual([want.width, want.height]);
      expect(maxAbsDiff(out, want)).toBeLessThan(TOL);
    });
  }

  it('rejects a scale that is not a positive number', () => {
    const one = img(2, 2, () => 0);
    for (const s of [0, -2, NaN, Infinity]) expect(() => imresizeJs(one, s)).toThrow(RangeError);
  });
});

describe('resizeImage vs NumPy MATLAB port, other kernels and options (resample.json)', () => {
  const { cases } = loadFixture<{ cases: ResampleCase[] }>('resample.json');
  for (const c of cases) {
    it(c.name, () => {
      const want = toImage(c.out);
      const out = resizeImage(toImage(c.in), want.width, want.height, c.method, { a: c.a, antialias: c.antialias });
      expect(maxAbsDiff(out, want)).toBeLessThan(TOL);
    });
  }
});

describe('resizeImage properties', () => {
  it('keeps a constant image constant, and shrinks by averaging (antialiased)', () => {
    const flat = img(16, 16, () => 0.25);
    const small = resizeImage(flat, 4, 4);
    for (const v of small.data) expect(v).toBeCloseTo(0.25, 6);
    const big = resizeImage(small, 16, 16);
    for (const v of big.data) expect(v).toBeCloseTo(0.25, 6);
    // Stripes one pixel wide vanish when shrinking ×4 (antialiasing), unlike plain subsampling.
    const stripes = img(16, 16, (i) => (Math.floor(i / 3) % 2 ? 1 : 0));
    const s4 = resizeImage(stripes, 4, 4);
    for (const v of s4.data) expect(Math.abs(v - 0.5)).toBeLessThan(0.1);
  });

  it('imresizeJs(img, s) is resizeImage to ceil(s · size) with the mapping of s itself', () => {
    const src = img(9, 7, (i) => ((i * 37) % 101) / 100);
    const viaScale = imresizeJs(src, 1 / 3);
    expect([viaScale.width, viaScale.height]).toEqual([3, 3]);
    expect(viaScale.data).toEqual(resizeImage(src, 3, 3, 'bicubic', { scale: 1 / 3 }).data);
    // 7 · 1/3 rounds up to 3 rows, so the mapping by s differs from the one by out/in = 3/7.
    expect(maxAbsDiff(viaScale, resizeImage(src, 3, 3, 'bicubic'))).toBeGreaterThan(1e-4);
  });
});
