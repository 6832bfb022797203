/**
 * MSRResNet (BasicSR's "modified SRResNet", as used by the ESRGAN authors' MSRResNet baselines): conv + LeakyReLU
 * 0.1; residual blocks conv-ReLU-conv + identity, no BatchNorm; two (conv → pixel shuffle ×2 → LeakyReLU 0.1)
 * stages; conv_hr + LeakyReLU 0.1; conv_last; plus the input enlarged ×4 bilinearly. LR in, x4 out.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { WeightMap } from '../weights/tensors';
import { conv, convPixelShuffle } from './layers';

const lrelu = (x: tf.Tensor4D) => tf.leakyRelu(x, 0.1);

export function msrresnet(w: WeightMap, x: tf.Tensor4D, numBlock: number): tf.Tensor4D {
  return tf.tidy(() => {
    let feat = lrelu(conv(w, 'conv_first', x));
    for (let b = 0; b < numBlock; b++) {
      feat = tf.add(feat, conv(w, `body.${b}.conv2`, conv(w, `body.${b}.conv1`, feat, { activation: 'relu' })));
    }
    feat = lrelu(convPixelShuffle(w, 'upconv1', feat));
    feat = lrelu(convPixelShuffle(w, 'upconv2', feat));
    const out = conv(w, 'conv_last', lrelu(conv(w, 'conv_hr', feat)));
    const [, h, wd] = x.shape;
    // F.interpolate(bilinear, align_corners=False) samples at (i + 0.5) / 4 - 0.5: TF's half-pixel centres
    return tf.add(out, tf.image.resizeBilinear(x, [h * 4, wd * 4], false, true));
  });
}
