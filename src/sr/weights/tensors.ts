/**
 * Float32 PyTorch-layout tensors -> TensorFlow.js tensors on the active backend, in TF layouts:
 * conv weights [out, in, kh, kw] -> [kh, kw, in, out]; linear weights [out, in] -> [in, out]
 * (so `x · W` is a plain matMul); everything else (biases, BatchNorm, PReLU) unchanged.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { DecodedTensor, DecodedWeights } from './decode';
import { releaseFused } from '../fused';

/** Named weights on the backend, keyed by BasicSR parameter name, in TF layouts. */
export type WeightMap = Record<string, tf.Tensor>;

export function toTFLayout(t: DecodedTensor): { shape: number[]; data: Float32Array } {
  const { shape, data } = t;
  if (shape.length === 4) {
    const [o, i, kh, kw] = shape;
    const out = new Float32Array(data.length);
    for (let a = 0; a < o; a++)
      for (let b = 0; b < i; b++)
        for (let y = 0; y < kh; y++)
          for (let x = 0; x < kw; x++) out[((y * kw + x) * i + b) * o + a] = data[((a * i + b) * kh + y) * kw + x];
    return { shape: [kh, kw, i, o], data: out };
  }
  if (shape.length === 2) {
    const [o, i] = shape;
    const out = new Float32Array(data.length);
    for (let a = 0; a < o; a++) for (let b = 0; b < i; b++) out[b * o + a] = data[a * i + b];
    return { shape: [i, o], data: out };
  }
  return { shape, data };
}

/** Uploads every tensor (the caller owns the result: disposeWeights when done). */
export function toWeightMap(decoded: DecodedWeights): WeightMap {
  const map: WeightMap = {};
  for (const [name, t] of decoded) {
    const { shape, data } = toTFLayout(t);
    map[name] = tf.tensor(data, shape, 'float32');
  }
  return map;
}

export function disposeWeights(map: WeightMap): void {
  releaseFused(map);
  for (const t of Object.values(map)) t.dispose();
}
