// The comparison figure's pure module (src/figures/compare/compute.ts).
import { describe, expect, it } from 'vitest';
import { scores } from '../../src/figures/compare/compute';
import { nearestUp } from '../../src/ui/images/crop';
import { createImage } from '../../src/sr/image';

describe('compare figure', () => {
  it('nearestUp repeats each pixel f × f times', () => {
    const img = createImage(2, 1, Float32Array.from([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]));
    const up = nearestUp(img, 2);
    expect([up.width, up.height]).toEqual([4, 2]);
    expect(Array.from(up.data.subarray(0, 12))).toEqual(Array.from(up.data.subarray(12, 24)));
    expect(Array.from(up.data.subarray(3, 9)).map((v) => +v.toFixed(3))).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]);
  });

  it('scores: Y-PSNR against the original for the enlargements only, to 0.01 dB', () => {
    const hr = createImage(16, 16, new Float32Array(16 * 16 * 3).fill(0.5));
    const off = createImage(16, 16, new Float32Array(16 * 16 * 3).fill(0.5 + 0.1));
    const s = scores(hr, { lr: off, bicubic: off, hr });
    expect(Object.keys(s)).toEqual(['bicubic']);
    // a uniform error of 0.1 in R, G and B moves Y by (65.481 + 128.553 + 24.966) / 255 × 0.1 = 0.0859
    expect(s.bicubic).toBeCloseTo(-20 * Math.log10(0.1 * (65.481 + 128.553 + 24.966) / 255), 1);
  });
});
