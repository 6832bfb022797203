/**
 * Network interpolation (Wang et al. 2018, ESRGAN section 3.4): θ(α) = (1 − α)·θ_A + α·θ_B, tensor
 * by tensor, for two models of the same architecture, on the active backend (on the GPU with WebGPU).
 * α = 0 and α = 1 give θ_A and θ_B exactly: x·1 + y·0 = x in float arithmetic.
 */
import * as tf from '@tensorflow/tfjs-core';
import { releaseFused } from '../fused';
import type { WeightMap } from './tensors';

const sameShape = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((d, i) => d === b[i]);

/** Throws unless both maps hold the same names with the same shapes. */
export function assertInterpolable(a: WeightMap, b: WeightMap): void {
  const namesA = Object.keys(a);
  const namesB = new Set(Object.keys(b));
  for (const name of namesA) {
    if (!namesB.has(name)) throw new Error(`cannot interpolate: "${name}" exists only in the first model`);
    if (!sameShape(a[name].shape, b[name].shape)) {
      throw new Error(`cannot interpolate: "${name}" is [${a[name].shape}] vs [${b[name].shape}]`);
    }
  }
  if (namesB.size !== namesA.length) throw new Error('cannot interpolate: the second model has extra tensors');
}

/** A new weight map (the caller disposes it). */
export function interpolateWeights(a: WeightMap, b: WeightMap, alpha: number): WeightMap {
  if (!(alpha >= 0 && alpha <= 1)) throw new RangeError(`alpha must be in [0, 1], got ${alpha}`);
  assertInterpolable(a, b);
  const out: WeightMap = {};
  const wa = tf.scalar(1 - alpha);
  const wb = tf.scalar(alpha);
  try {
    for (const name of Object.keys(a)) out[name] = tf.tidy(() => tf.add(tf.mul(a[name], wa), tf.mul(b[name], wb)));
  } finally {
    wa.dispose();
    wb.dispose();
  }
  return out;
}

/** The two maps and α behind a map made by `interpolateLazily`. */
export interface BlendSource {
  a: WeightMap;
  b: WeightMap;
  alpha: number;
}

const sources = new WeakMap<WeightMap, BlendSource>();

/** The models and α a lazily interpolated map stands for, or null for any other map. */
export function blendSource(map: WeightMap): BlendSource | null {
  return sources.get(map) ?? null;
}

/**
 * θ(α) as a map whose tensors are computed when first read, each kept until `dispose`. The fused WebGPU path
 * reads none of them: it blends the two models' packed weights in place (../fused), so an α costs one small
 * dispatch per weight tensor instead of a new weight set; the stock ops read (and compute) what they use.
 */
export function interpolateLazily(a: WeightMap, b: WeightMap, alpha: number): { map: WeightMap; dispose(): void } {
  if (!(alpha >= 0 && alpha <= 1)) throw new RangeError(`alpha must be in [0, 1], got ${alpha}`);
  assertInterpolable(a, b);
  const computed = new Map<string, tf.Tensor>();
  const map: WeightMap = {};
  let disposed = false;
  for (const name of Object.keys(a)) {
    Object.defineProperty(map, name, {
      enumerable: true,
      get() {
        if (disposed) throw new Error(`the interpolated weights were disposed ("${name}" read after)`);
        let t = computed.get(name);
        // kept: the first read may happen inside a caller's tf.tidy
        if (!t) computed.set(name, (t = tf.keep(tf.tidy(() => tf.add(tf.mul(a[name], tf.scalar(1 - alpha)), tf.mul(b[name], tf.scalar(alpha)))))));
        return t;
      },
    });
  }
  sources.set(map, { a, b, alpha });
  return {
    map,
    dispose() {
      disposed = true;
      releaseFused(map); // a BatchNorm pair packs the map itself
      for (const t of computed.values()) t.dispose();
      computed.clear();
    },
  };
}
