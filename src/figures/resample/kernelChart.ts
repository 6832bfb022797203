// The kernel plot: weights of the four interpolation kernels against distance, with bicubic's `a`
// as a parameter. Pure (uses the engine's kernel functions and lineChart), so it renders both at
// build time and live in the browser.
import { box, cubic, lanczos, triangle } from '../../sr/kernels';
import { fill, type InterpolationStrings } from '../../i18n/interpolation';
import { lineChartSvg, type Series } from '../../ui/draw/lineChart';
import { methods } from './methods';

const X_MAX = 3.5;
const STEP = 0.02;

function sampleKernel(k: (x: number) => number): [number, number][] {
  const pts: [number, number][] = [];
  for (let x = -X_MAX; x <= X_MAX + 1e-9; x += STEP) pts.push([x, k(x)]);
  return pts;
}

/** Box kernel with vertical jumps at ±0.5 drawn exactly. */
function boxPoints(): [number, number][] {
  const e = 1e-6;
  return [
    [-X_MAX, 0],
    [-0.5 - e, box(-0.5 - e)],
    [-0.5 + e, box(-0.5 + e)],
    [0.5 - e, box(0.5 - e)],
    [0.5 + e, box(0.5 + e)],
    [X_MAX, 0],
  ];
}

export function kernelChartSvg(strings: InterpolationStrings, a: number, size?: { width: number; height: number }): string {
  const fns: Record<string, () => [number, number][]> = {
    nearest: boxPoints,
    bilinear: () => sampleKernel(triangle),
    bicubic: () => sampleKernel((x) => cubic(x, a)),
    lanczos3: () => sampleKernel((x) => lanczos(x, 3)),
  };
  const series: Series[] = methods.map((m) => ({ id: m.id, color: m.color, dash: m.dash, points: fns[m.id]() }));
  return lineChartSvg({
    title: `${strings.kernelTitle} (${fill(strings.methodBicubic, { a: formatA(a) })})`,
    xLabel: strings.kernelXAxis,
    yLabel: strings.kernelYAxis,
    xDomain: [-X_MAX, X_MAX],
    yDomain: [-0.25, 1.1],
    refY: [0],
    series,
    clipId: 'interp-kernel-clip',
    ...size,
  });
}

/** `a` as shown to readers: two decimals, real minus sign. */
export function formatA(a: number): string {
  return (Math.round(a * 100) / 100).toFixed(2).replace('-', '−');
}
