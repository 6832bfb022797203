import { describe, expect, it } from 'vitest';
import { mirrorIndex, resampleWeights, scaledSize, type WeightMatrix } from '../../src/sr/contributions';
import type { Method } from '../../src/sr/kernels';

function row(w: WeightMatrix, i: number): number[] {
  return Array.from(w.data.subarray(i * w.cols, (i + 1) * w.cols));
}

describe('mirrorIndex (symmetric padding)', () => {
  it('reflects with the edge pixel repeated', () => {
    const n = 4;
    expect([-3, -2, -1, 0, 3, 4, 5, 6, 7, 8].map((k) => mirrorIndex(k, n))).toEqual([2, 1, 0, 0, 3, 3, 2, 1, 0, 0]);
    expect(mirrorIndex(-1, 1)).toBe(0);
    expect(mirrorIndex(17, 1)).toBe(0);
  });
});

describe('resampleWeights', () => {
  const methods: Method[] = ['nearest', 'bilinear', 'bicubic', 'lanczos3'];

  it('rows sum to 1 for every method, up and down', () => {
    for (const method of methods) {
      for (const [n, m] of [[7, 14], [13, 39], [24, 8], [5, 3], [16, 4], [3, 10]]) {
        const w = resampleWeights(n, m, method);
        expect(w.rows).toBe(m);
        expect(w.cols).toBe(n);
        for (let i = 0; i < m; i++) expect(row(w, i).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
      }
    }
  });

  it('is the identity at scale 1', () => {
    for (const method of methods) {
      const w = resampleWeights(6, 6, method);
      for (let i = 0; i < 6; i++) {
        for (let j = 0; j < 6; j++) expect(w.data[i * 6 + j]).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
  });

  it('bilinear x2 weights: 3/4 and 1/4, the first row folded onto pixel 0', () => {
    const w = resampleWeights(4, 8, 'bilinear');
    expect(row(w, 0)).toEqual([1, 0, 0, 0]);
    expect(row(w, 1)).toEqual([0.75, 0.25, 0, 0]);
    expect(row(w, 2)).toEqual([0.25, 0.75, 0, 0]);
    expect(row(w, 7)).toEqual([0, 0, 0, 1]);
  });

  it('antialiased bilinear /2 uses a widened tent (1/8, 3/8, 3/8, 1/8)', () => {
    const w = resampleWeights(8, 4, 'bilinear');
    expect(row(w, 0)).toEqual([0.5, 0.375, 0.125, 0, 0, 0, 0, 0]);
    expect(row(w, 1)).toEqual([0, 0.125, 0.375, 0.375, 0.125, 0, 0, 0]);
    const plain = resampleWeights(8, 4, 'bilinear', { antialias: false });
    expect(row(plain, 1)).toEqual([0, 0, 0.5, 0.5, 0, 0, 0, 0]);
  });

  it('nearest picks one pixel per row', () => {
    const up = resampleWeights(3, 6, 'nearest');
    expect([0, 1, 2, 3, 4, 5].map((i) => row(up, i).indexOf(1))).toEqual([0, 0, 1, 1, 2, 2]);
    const down = resampleWeights(8, 4, 'nearest');
    expect([0, 1, 2, 3].map((i) => row(down, i).indexOf(1))).toEqual([1, 3, 5, 7]);
  });

  it('an explicit scale changes the sampling positions, not the size', () => {
    // 13 -> ceil(13 / 3) = 5 samples at scale 1/3 (MATLAB imresize(img, 1/3)) vs scale 5/13.
    expect(scaledSize(13, 1 / 3)).toBe(5);
    const a = resampleWeights(13, 5, 'bicubic', { scale: 1 / 3 });
    const b = resampleWeights(13, 5, 'bicubic');
    expect(a.rows).toBe(5);
    expect(Math.max(...a.data.map((v, i) => Math.abs(v - b.data[i])))).toBeGreaterThan(0.01);
  });

  it('rejects bad sizes and scales', () => {
    expect(() => resampleWeights(0, 4, 'bicubic')).toThrow(RangeError);
    expect(() => resampleWeights(4, 2.5, 'bicubic')).toThrow(RangeError);
    expect(() => resampleWeights(4, 2, 'bicubic', { scale: -1 })).toThrow(RangeError);
  });
});
