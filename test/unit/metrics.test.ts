import { describe, expect, it } from 'vitest';
import { createImage } from '../../src/sr/image';
import { lumaY, psnrY, ssimY } from '../../src/sr/metrics';
import { type FixtureTensor, loadFixture, toImage } from './helpers';

interface MetricsCase {
  name: string;
  border: number;
  a: FixtureTensor;
  b: FixtureTensor;
  psnr: number;
  ssim: number;
}

const { cases } = loadFixture<{ cases: MetricsCase[] }>('metrics.json');

describe('metrics vs NumPy reference (metrics.json)', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThanOrEqual(4));

  for (const c of cases) {
    it(c.name, () => {
      const a = toImage(c.a);
      const b = toImage(c.b);
      expect(Math.abs(psnrY(a, b, c.border) - c.psnr)).toBeLessThan(1e-3);
      expect(Math.abs(ssimY(a, b, c.border) - c.ssim)).toBeLessThan(1e-4);
      // Both metrics are symmetric in their arguments.
      expect(psnrY(b, a, c.border)).toBeCloseTo(psnrY(a, b, c.border), 9);
      expect(ssimY(b, a, c.border)).toBeCloseTo(ssimY(a, b, c.border), 9);
    });
  }
});

describe('metric definitions', () => {
  const img = toImage(cases[0].a);

  it('BT.601 luma maps black to 16 and white to 235', () => {
    const bw = createImage(2, 1, Float32Array.from([0, 0, 0, 1, 1, 1]));
    const y = lumaY(bw).data;
    expect(y[0]).toBe(16);
    expect(y[1]).toBeCloseTo(235, 10);
  });

  it('identical images: PSNR is infinite, SSIM is 1', () => {
    expect(psnrY(img, img, 2)).toBe(Infinity);
    expect(ssimY(img, img, 2)).toBeCloseTo(1, 12);
  });

  it('a uniform Y error of 1 gives 20 log10(255) dB', () => {
    // Adding d to R, G and B moves Y by d * (65.481 + 128.553 + 24.966) = 219 d.
    const shifted = createImage(img.width, img.height, img.data.map((v) => v + 1 / 219));
    expect(psnrY(img, shifted, 0)).toBeCloseTo(20 * Math.log10(255), 3);
  });

  it('rejects mismatched sizes and borders that leave too little', () => {
    const small = createImage(12, 12);
    expect(() => psnrY(img, small, 0)).toThrow(RangeError);
    expect(() => ssimY(small, small, 1)).toThrow(RangeError);
    expect(() => psnrY(small, small, 6)).toThrow(RangeError);
  });
});
