/**
 * SRCNN (Dong et al. 2014): 9x9 patch extraction (3 -> 64), ReLU, 5x5 non-linear mapping (64 -> 32),
 * ReLU, 5x5 reconstruction (32 -> 3), zero "same" padding. The input is the LR image already enlarged
 * x4 with MATLAB-style bicubic (see ./run.ts), so input and output have the same size.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { WeightMap } from '../weights/tensors';
import { conv, type Tap } from './layers';

/** Taps: `conv1`, `conv2` (after ReLU), `conv3`. */
export function srcnn(w: WeightMap, x: tf.Tensor4D, tap?: Tap): tf.Tensor4D {
  return tf.tidy(() => {
    const f1 = conv(w, 'conv1', x, { activation: 'relu' });
    tap?.('conv1', f1);
    const f2 = conv(w, 'conv2', f1, { activation: 'relu' });
    tap?.('conv2', f2);
    const out = conv(w, 'conv3', f2);
    tap?.('conv3', out);
    return out;
  });
}
