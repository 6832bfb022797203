// Figure "Why MSE blurs" (src/components/srgan/meanPatch.ts): every candidate reduces to the same LR
// patch, the mean is the pixel-wise average, and it beats every candidate on average squared error.
import { describe, expect, it } from 'vitest';
import { createImage } from '../../src/sr/image';
import { boxDown, formatPsnr, makeCandidates, meanImage, meanNumbers, PATCH, sharpness } from '../../src/figures/mean/compute';
import { rng } from '../../src/sr/random';

function noiseTexture(seed: number, size = 96) {
  const r = rng(seed);
  const img = createImage(size, size);
  // Noise over the full range with many zeros, so clipping happens and has to be compensated.
  for (let i = 0; i < img.data.length; i += 3) {
    // Full range, so clipping at 0 and 255 happens and must be compensated.
    const v = r() < 0.2 ? 0 : r();
    img.data[i] = v;
    img.data[i + 1] = v;
    img.data[i + 2] = v;
  }
  return img;
}

describe('makeCandidates', () => {
  const { lr, candidates } = makeCandidates(noiseTexture(3), 42);

  it('gives 8-bit candidates that all box-reduce exactly to the LR patch, clipping included', () => {
    expect(candidates).toHaveLength(8);
    for (const c of candidates) {
      expect(c.width).toBe(PATCH);
      const d = boxDown(c);
      let max = 0;
      for (let i = 0; i < d.data.length; i++) max = Math.max(max, Math.abs(d.data[i] - lr.data[i]));
      expect(max).toBeLessThan(1e-6);
    }
  });

  it('gives different candidates for different seeds, the same for the same seed', () => {
    const again = makeCandidates(noiseTexture(3), 42);
    expect(Array.from(again.candidates[3].data)).toEqual(Array.from(candidates[3].data));
    const other = makeCandidates(noiseTexture(3), 43);
    expect(Array.from(other.candidates[3].data)).not.toEqual(Array.from(candidates[3].data));
  });

  it('averages pixel by pixel, and the mean wins on squared error but is the least sharp', () => {
    const mean = meanImage(candidates);
    for (const i of [0, 100, 1000, 3000]) {
      const avg = candidates.reduce((s, c) => s + c.data[i], 0) / candidates.length;
      expect(Math.abs(mean.data[i] - avg)).toBeLessThanOrEqual(0.5 / 255 + 1e-9);
    }
    const n = meanNumbers(mean, candidates);
    expect(n.meanVs).toHaveLength(8);
    for (const c of n.candidateOverall) expect(n.meanOverall).toBeGreaterThan(c);
    for (const s of n.sharpCandidates) expect(n.sharpMean).toBeLessThan(s);
    expect(sharpness(mean)).toBe(n.sharpMean);
  });

  it('one candidate: the mean is that candidate, its PSNR is infinite and is printed as ∞, never "Infinity"', () => {
    const setup = makeCandidates(createImage(64, 64, Float32Array.from({ length: 64 * 64 * 3 }, (_, i) => ((i * 7919) % 256) / 255)), 3);
    const one = [setup.candidates[0]];
    const n = meanNumbers(meanImage(one), one);
    expect(n.meanVs[0]).toBe(Infinity);
    expect(formatPsnr(n.meanVs[0])).toBe('∞');
    expect(formatPsnr(n.meanOverall)).not.toContain('Infinity');
    expect(formatPsnr(31.234)).toBe('31.23');
  });
});
