// The kernel figure's pure module (src/figures/kernels/compute.ts) against the numbers the Python figure script
// wrote (public/data/realesrgan/kernels.json): the same overshoot on a step edge for every family; the spectrum
// is 1 at frequency 0 (a kernel that sums to 1 keeps flat areas) and symmetric.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { kernelSpectrum, overshootPercent, stepProfile, GRID } from '../../src/figures/kernels/compute';
import { blurKernel } from '../../src/sr/degrade/kernels';
import type { KernelSpec } from '../../src/sr/degrade/params';

const entries = JSON.parse(readFileSync('public/data/realesrgan/kernels.json', 'utf8')) as { spec: KernelSpec; overshoot_percent: number; min: number; max: number }[];

describe('kernel figure', () => {
  for (const e of entries) {
    it(`${e.spec.kind}: overshoot ${e.overshoot_percent}% as in Python, spectrum 1 at zero frequency`, () => {
      const k = blurKernel(e.spec);
      expect(Math.min(...k)).toBeCloseTo(e.min, 8);
      expect(Math.max(...k)).toBeCloseTo(e.max, 8);
      expect(Math.abs(overshootPercent(stepProfile(k)) - e.overshoot_percent)).toBeLessThanOrEqual(0.01);
      const spec = kernelSpectrum(k);
      expect(spec[(GRID / 2) * GRID + GRID / 2]).toBeCloseTo(1, 9);
      expect(spec[(GRID / 2 + 5) * GRID + GRID / 2 + 3]).toBeCloseTo(spec[(GRID / 2 - 5) * GRID + GRID / 2 - 3], 9);
    });
  }

  it('a sinc rings: its step profile overshoots, a Gaussian’s does not', () => {
    expect(overshootPercent(stepProfile(blurKernel({ kind: 'sinc', size: 21, cutoff: 1 })))).toBeGreaterThan(3);
    expect(overshootPercent(stepProfile(blurKernel({ kind: 'iso', size: 21, sigma_x: 2 })))).toBe(0);
  });
});
