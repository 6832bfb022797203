/**
 * SRResNet (Ledig et al. 2017, the SRGAN generator): conv 9x9 + PReLU; residual blocks
 * conv-BN-PReLU-conv-BN + identity; conv + BN + long skip; two (conv -> pixel shuffle x2 -> PReLU)
 * stages; conv 9x9. LR in, x4 out.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { WeightMap } from '../weights/tensors';
import { batchNorm, conv, convPixelShuffle, prelu, type BNStats, type Tap } from './layers';

export interface SRResNetOptions {
  numBlock: number;
  bnStats?: BNStats;
  /** Taps: `conv_first` (after PReLU), `body.N` (after block N), `conv_body` (after the long skip), `upconv1`, `upconv2` (after PReLU), `conv_last`. */
  tap?: Tap;
}

export function srresnet(w: WeightMap, x: tf.Tensor4D, opts: SRResNetOptions): tf.Tensor4D {
  const stats = opts.bnStats ?? 'stored';
  return tf.tidy(() => {
    const tap = opts.tap ?? (() => undefined);
    const head = prelu(w, 'prelu_first', conv(w, 'conv_first', x));
    tap('conv_first', head);
    let feat = head;
    for (let b = 0; b < opts.numBlock; b++) {
      const p = `body.${b}`;
      const y = prelu(w, `${p}.prelu`, batchNorm(w, `${p}.bn1`, conv(w, `${p}.conv1`, feat), stats));
      feat = tf.add(feat, batchNorm(w, `${p}.bn2`, conv(w, `${p}.conv2`, y), stats));
      tap(p, feat);
    }
    feat = tf.add(head, batchNorm(w, 'bn_body', conv(w, 'conv_body', feat), stats));
    tap('conv_body', feat);
    feat = prelu(w, 'prelu_up1', convPixelShuffle(w, 'upconv1', feat));
    tap('upconv1', feat);
    feat = prelu(w, 'prelu_up2', convPixelShuffle(w, 'upconv2', feat));
    tap('upconv2', feat);
    const out = conv(w, 'conv_last', feat);
    tap('conv_last', out);
    return out;
  });
}
