/**
 * Building blocks shared by the networks, on NHWC tensors with weights in TF layouts (see
 * ../weights/tensors.ts). Each helper names the weight it reads, so a missing one is a clear error.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { WeightMap } from '../weights/tensors';

export function weight(w: WeightMap, name: string): tf.Tensor {
  const t = w[name];
  if (!t) throw new Error(`weight "${name}" is missing from the weight map`);
  return t;
}

export type Activation = 'linear' | 'relu' | 'leakyrelu';

/** PyTorch Conv2d: zero padding `pad` on every side, optional bias, optional fused activation. */
export function conv(
  w: WeightMap,
  name: string,
  x: tf.Tensor4D,
  opts: { stride?: number; pad?: number; bias?: boolean; activation?: Activation } = {},
): tf.Tensor4D {
  const filter = weight(w, `${name}.weight`) as tf.Tensor4D;
  const pad = opts.pad ?? (filter.shape[0] - 1) / 2;
  return tf.fused.conv2d({
    x,
    filter,
    strides: opts.stride ?? 1,
    pad,
    bias: opts.bias === false ? undefined : weight(w, `${name}.bias`),
    activation: opts.activation ?? 'linear',
    leakyreluAlpha: 0.2,
  });
}

export const leaky = (x: tf.Tensor4D): tf.Tensor4D => tf.leakyRelu(x, 0.2);

/** Per-channel PReLU (PyTorch nn.PReLU(num_parameters=C)). */
export function prelu(w: WeightMap, name: string, x: tf.Tensor4D): tf.Tensor4D {
  return tf.prelu(x, weight(w, `${name}.weight`)) as tf.Tensor4D;
}

/**
 * BatchNorm2d in inference form. 'stored' uses the running statistics saved with the weights (what
 * PyTorch's eval() does); 'input' normalises with the mean and (biased) variance of this input over
 * N, H, W (what train mode would use), which makes the output depend on the whole image.
 */
export type BNStats = 'stored' | 'input';

/**
 * Called with a named intermediate activation while a network runs (inside its tf.tidy): a caller that
 * wants to keep a tap must tf.keep what it takes. Names are the BasicSR module names, see each network.
 */
export type Tap = (name: string, activation: tf.Tensor) => void;

export function batchNorm(w: WeightMap, name: string, x: tf.Tensor4D, stats: BNStats = 'stored'): tf.Tensor4D {
  const gamma = weight(w, `${name}.weight`) as tf.Tensor1D;
  const beta = weight(w, `${name}.bias`) as tf.Tensor1D;
  if (stats === 'input') {
    const { mean, variance } = tf.moments(x, [0, 1, 2]);
    return tf.batchNorm(x, mean, variance, beta, gamma, 1e-5) as tf.Tensor4D;
  }
  return tf.batchNorm(x, weight(w, `${name}.running_mean`), weight(w, `${name}.running_var`), beta, gamma, 1e-5) as tf.Tensor4D;
}

/**
 * PyTorch pixel_shuffle(2) after a conv: channel c*4 + i*2 + j goes to sub-pixel (i, j) of channel c.
 * tf.depthToSpace expects channel (i*2 + j)*C + c, so the conv's output channels are permuted first
 * (a gather on the small weight and bias tensors, not on the activations).
 */
export function convPixelShuffle(w: WeightMap, name: string, x: tf.Tensor4D, r = 2): tf.Tensor4D {
  const filter = weight(w, `${name}.weight`) as tf.Tensor4D;
  const bias = weight(w, `${name}.bias`);
  const order = shuffleOrder(filter.shape[3], r);
  const y = tf.conv2d(x, tf.gather(filter, order, 3) as tf.Tensor4D, 1, (filter.shape[0] - 1) / 2);
  return tf.depthToSpace(tf.add(y, tf.gather(bias, order)), r, 'NHWC');
}

/** order[(i*r + j)*C + c] = c*r² + i*r + j for C = channels / r² (PyTorch's pixel_shuffle(r) as depthToSpace). */
export function shuffleOrder(channels: number, r = 2): tf.Tensor1D {
  const r2 = r * r;
  const cr = channels / r2;
  const order = new Int32Array(channels);
  for (let c = 0; c < cr; c++) for (let s = 0; s < r2; s++) order[s * cr + c] = c * r2 + s;
  return tf.tensor1d(order, 'int32');
}

/** F.interpolate(scale_factor=2, mode='nearest'): output (y, x) copies input (floor(y/2), floor(x/2)). */
export function nearest2x(x: tf.Tensor4D): tf.Tensor4D {
  const [, h, wd] = x.shape;
  return tf.image.resizeNearestNeighbor(x, [h * 2, wd * 2], false, false);
}
