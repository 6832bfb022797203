/**
 * The VGG-style discriminator of SRGAN / ESRGAN (128x128 input): conv0_0 + LReLU; conv0_1 (4x4,
 * stride 2, pad 1, no bias) + BN + LReLU; four stages of (3x3 conv + BN + LReLU, 4x4 stride-2 conv +
 * BN + LReLU) down to 4x4; flatten in PyTorch's NCHW order; linear1 (-> 100) + LReLU; linear2 -> the
 * raw logit C(x), shape [N, 1]. BatchNorm uses the stored statistics unless told otherwise; a network trained
 * with spectral normalisation instead (Real-ESRGAN's choice) is stored with W / σ folded in and no BN tensors,
 * and runs the same layers without BN (spandrel-style: the weights' names decide).
 * Taps: `conv0_0`, `conv0_1`, `conv1_0` … `conv4_1` (each after its LeakyReLU), `linear1` (after LeakyReLU).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { WeightMap } from '../weights/tensors';
import { batchNorm, conv, leaky, weight, type BNStats, type Tap } from './layers';

export function vggDiscriminator(w: WeightMap, x: tf.Tensor4D, opts: { bnStats?: BNStats; tap?: Tap } = {}): tf.Tensor2D {
  const stats = opts.bnStats ?? 'stored';
  const tap = opts.tap ?? (() => undefined);
  const norm = (name: string, t: tf.Tensor4D) => (`${name}.running_mean` in w ? batchNorm(w, name, t, stats) : t);
  return tf.tidy(() => {
    let feat = conv(w, 'conv0_0', x, { activation: 'leakyrelu' });
    tap('conv0_0', feat);
    feat = leaky(norm('bn0_1', conv(w, 'conv0_1', feat, { stride: 2, pad: 1, bias: false })));
    tap('conv0_1', feat);
    for (let s = 1; s <= 4; s++) {
      feat = leaky(norm(`bn${s}_0`, conv(w, `conv${s}_0`, feat, { pad: 1, bias: false })));
      tap(`conv${s}_0`, feat);
      feat = leaky(norm(`bn${s}_1`, conv(w, `conv${s}_1`, feat, { stride: 2, pad: 1, bias: false })));
      tap(`conv${s}_1`, feat);
    }
    const n = feat.shape[0];
    const flat = tf.reshape(tf.transpose(feat, [0, 3, 1, 2]), [n, -1]) as tf.Tensor2D;
    const hidden = tf.leakyRelu(tf.add(tf.matMul(flat, weight(w, 'linear1.weight') as tf.Tensor2D), weight(w, 'linear1.bias')), 0.2);
    tap('linear1', hidden);
    return tf.add(tf.matMul(hidden as tf.Tensor2D, weight(w, 'linear2.weight') as tf.Tensor2D), weight(w, 'linear2.bias')) as tf.Tensor2D;
  });
}
