/**
 * The stock TF.js ops and the fused path on the same weights and input, in one run: dispatches per forward,
 * wall milliseconds per run (input on the GPU to the output read back, SRCNN's bicubic enlargement
 * included), and the largest difference of their outputs. The runs alternate between the paths so that a
 * machine's load hits both alike. Used by the runtime lab page (`window.srLab.paths`) and the GPU kit.
 */
import * as tf from '@tensorflow/tfjs-core';
import { type ArchitectureInfo, upscale, forward } from '../models/run';
import type { WeightMap } from '../weights/tensors';
import { countDispatches, forwardPath, fusedFor, setForwardPath } from './index';

export interface PathTiming {
  dispatches: number;
  runs: number[];
  median: number;
}

export interface PathComparison {
  stock: PathTiming;
  fused: PathTiming;
  /** stock median / fused median: above 1, the fused path is faster. */
  speedup: number;
  maxAbsDiff: number;
}

/** The largest |a − b|; Infinity when the lengths differ or a value is NaN (a broken run must not look exact). */
export function largestDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = a.length === b.length ? 0 : Infinity;
  for (let i = 0; i < a.length && worst < Infinity; i++) {
    const d = Math.abs(a[i] - b[i]);
    worst = Number.isNaN(d) ? Infinity : Math.max(worst, d);
  }
  return worst;
}

/** The median of `v` (the mean of the two middle values for an even count). */
export const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function once(arch: ArchitectureInfo, map: WeightMap, x: tf.Tensor4D): Promise<{ ms: number; values: Float32Array }> {
  const t0 = performance.now();
  const y = arch.name === 'vgg_discriminator' ? forward(arch, map, x) : upscale(arch, map, x);
  const values = (await y.data()) as Float32Array;
  const ms = performance.now() - t0;
  y.dispose();
  return { ms, values };
}

/** The network's own input for an LR batch (SRCNN runs on the x4 bicubic enlargement). */
function networkInputShape(arch: ArchitectureInfo, [n, h, w]: number[]): [number, number, number] {
  return arch.input === 'bicubic' ? [n, h * 4, w * 4] : [n, h, w];
}

/** `runs` timed runs of each path after one untimed run each (the one whose dispatches are counted). */
export async function comparePaths(arch: ArchitectureInfo, map: WeightMap, x: tf.Tensor4D, runs = 5): Promise<PathComparison> {
  const before = forwardPath();
  const paths = ['stock', 'fused'] as const;
  const timing = { stock: { dispatches: 0, runs: [] as number[], median: 0 }, fused: { dispatches: 0, runs: [] as number[], median: 0 } };
  const outputs: Float32Array[] = [];
  try {
    for (const p of paths) {
      setForwardPath(p);
      // Packed weights, buffers and pipelines are made once per weights and shape, not per forward.
      if (p === 'fused') {
        const shape = networkInputShape(arch, x.shape);
        fusedFor(arch, map, [...shape, 3])!.prepare(shape);
      }
      // The untimed first run (shader compilation) is the one whose dispatches are counted.
      const { result, dispatches } = await countDispatches(() => once(arch, map, x));
      timing[p].dispatches = dispatches;
      outputs.push(result.values);
    }
    for (let r = 0; r < runs; r++) {
      for (const p of r % 2 ? [...paths].reverse() : paths) {
        setForwardPath(p);
        timing[p].runs.push((await once(arch, map, x)).ms);
      }
    }
  } finally {
    setForwardPath(before);
  }
  for (const p of paths) timing[p].median = median(timing[p].runs);
  return { ...timing, speedup: timing.stock.median / timing.fused.median, maxAbsDiff: largestDifference(outputs[0], outputs[1]) };
}
