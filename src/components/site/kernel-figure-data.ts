// Numbers behind the kernel figure: each resampling kernel sampled on a grid, and its response to a
// unit step edge (samples 0 for i <= 0, 1 for i >= 1), computed from the engine's own pure kernels.
import { box, cubic, lanczos, triangle } from '../../sr/kernels';
import { methods } from '../../figures/resample/methods';

/** The chapter-1 widget's colour and dash of a method, so Figure 1 and the widget draw each method alike. */
const look = (id: string) => {
  const m = methods.find((x) => x.id === id)!;
  return { color: m.color, dash: m.dash };
};

export interface KernelSeries {
  id: 'nearest' | 'bilinear' | 'bicubic-0.5' | 'bicubic-0.75' | 'lanczos3';
  /** Legend / table label per locale. */
  label: { en: string; ja: string };
  kernel: (x: number) => number;
  /** Half-width of the kernel's support, in input samples. */
  support: number;
  color: string;
  dash: string;
}

// The widget's colours (Okabe–Ito, 3:1 against white) and dashes; the second bicubic shares its method's hue
// with a dash of its own.
export const kernelSeries: KernelSeries[] = [
  { id: 'nearest', label: { en: 'nearest (box)', ja: '最近傍（箱型）' }, kernel: box, support: 0.5, ...look('nearest') },
  { id: 'bilinear', label: { en: 'bilinear (triangle)', ja: 'バイリニア（三角形）' }, kernel: triangle, support: 1, ...look('bilinear') },
  { id: 'bicubic-0.5', label: { en: 'bicubic a = −0.5', ja: 'バイキュービック a = −0.5' }, kernel: (x) => cubic(x, -0.5), support: 2, ...look('bicubic') },
  { id: 'bicubic-0.75', label: { en: 'bicubic a = −0.75', ja: 'バイキュービック a = −0.75' }, kernel: (x) => cubic(x, -0.75), support: 2, color: look('bicubic').color, dash: '3 3' },
  { id: 'lanczos3', label: { en: 'Lanczos-3', ja: 'Lanczos-3' }, kernel: (x) => lanczos(x, 3), support: 3, ...look('lanczos3') },
];

/** Evenly spaced grid from `from` to `to` inclusive. */
export function grid(from: number, to: number, step: number): number[] {
  const n = Math.round((to - from) / step);
  return Array.from({ length: n + 1 }, (_, i) => from + i * step);
}

/**
 * Continuous reconstruction of the step samples at position t. The weights are normalised to sum to 1, as the
 * resizer does for every output pixel (this only changes Lanczos; the other kernels already sum to 1).
 */
export function stepResponse(kernel: (x: number) => number, support: number, t: number): number {
  let bright = 0;
  let total = 0;
  const first = Math.ceil(t - support);
  const last = Math.floor(t + support);
  for (let i = first; i <= last; i++) {
    const w = kernel(t - i);
    total += w;
    if (i >= 1) bright += w;
  }
  return bright / total;
}

export interface StepStats {
  /** Largest value above 1 (the bright side of the edge), as a fraction. */
  overshoot: number;
  /** Largest dip below 0 (the dark side), as a positive fraction. */
  undershoot: number;
}

/** Overshoot / undershoot of the step response, scanned on a fine grid over the whole support. */
export function stepStats(kernel: (x: number) => number, support: number, step = 1e-3): StepStats {
  let max = -Infinity;
  let min = Infinity;
  for (const t of grid(-support - 1, support + 2, step)) {
    const v = stepResponse(kernel, support, t);
    if (v > max) max = v;
    if (v < min) min = v;
  }
  return { overshoot: Math.max(0, max - 1), undershoot: Math.max(0, -min) };
}
