// The kernel figure's pure side: a kernel's spectrum (the magnitude of its 2-D DFT on a 64 × 64 grid, centred,
// as training/srt/site/figures_realesrgan.py draws it) and what it does to a step edge (the middle row of a 64 × 64
// step 0 → 1 blurred with reflect padding, and the overshoot in percent, as that script's `step_overshoot`).
import { filterSquare } from '../../sr/degrade/ops';
import { createImage } from '../../sr/image';
import { dft } from '../../sr/spectrum';
import type { LineChartSpec } from '../../ui/draw/lineChart';

export const GRID = 64;
const TAPS = 21;

/** |DFT| of the 21 × 21 kernel zero-padded to n × n, with frequency 0 in the centre (row-major, n × n). */
export function kernelSpectrum(k: ArrayLike<number>, n = GRID): Float64Array {
  const re = new Float64Array(n * n);
  const im = new Float64Array(n * n);
  for (let y = 0; y < TAPS; y++) for (let x = 0; x < TAPS; x++) re[y * n + x] = k[y * TAPS + x];
  const row = (i: number, stride: number, offset: number) => {
    const r = new Float64Array(n);
    const m = new Float64Array(n);
    for (let j = 0; j < n; j++) [r[j], m[j]] = [re[offset + j * stride], im[offset + j * stride]];
    dft(r, m);
    for (let j = 0; j < n; j++) [re[offset + j * stride], im[offset + j * stride]] = [r[j], m[j]];
  };
  for (let y = 0; y < n; y++) row(y, 1, y * n);
  for (let x = 0; x < n; x++) row(x, n, x);
  const out = new Float64Array(n * n);
  const half = n >> 1;
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const src = y * n + x;
      out[((y + half) % n) * n + ((x + half) % n)] = Math.hypot(re[src], im[src]);
    }
  }
  return out;
}

/** The middle row of a vertical step edge (0 left, 1 right, 64 × 64) blurred by the kernel. */
export function stepProfile(k: ArrayLike<number>): Float64Array {
  const img = createImage(GRID, GRID);
  for (let y = 0; y < GRID; y++) for (let x = GRID / 2; x < GRID; x++) img.data.fill(1, (y * GRID + x) * 3, (y * GRID + x) * 3 + 3);
  const out = filterSquare(img, k);
  return Float64Array.from({ length: GRID }, (_, x) => out.data[((GRID / 2) * GRID + x) * 3]);
}

/** The largest excursion above 1 or below 0 of a step profile, in percent, to 0.01. */
export function overshootPercent(profile: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < profile.length; i++) worst = Math.max(worst, profile[i] - 1, -profile[i]);
  return Math.round(worst * 10000) / 100;
}

/** The step profile as a line chart's points, x in pixels from the edge. */
export const profilePoints = (profile: ArrayLike<number>): [number, number][] =>
  Array.from(profile, (v, x) => [x - GRID / 2 + 0.5, v] as [number, number]);

/** The step-edge chart (ui/draw/lineChart.ts), the same at build time and live. */
export function stepChart(profile: ArrayLike<number>, text: { title: string; x: string; y: string }, clipId: string): LineChartSpec {
  return {
    title: text.title,
    xLabel: text.x,
    yLabel: text.y,
    xDomain: [-12, 12],
    yDomain: [-0.2, 1.2],
    refY: [0, 1],
    series: [{ id: 'step', color: '#c2410c', dash: '', points: profilePoints(profile).filter(([x]) => Math.abs(x) <= 12) }],
    width: 320,
    height: 200,
    clipId,
  };
}
