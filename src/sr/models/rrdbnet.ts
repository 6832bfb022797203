/**
 * RRDBNet (Wang et al. 2018, the ESRGAN generator). Residual dense block: five 3x3 convs, each on the
 * concatenation of the block input and all earlier outputs, LeakyReLU 0.2 after the first four,
 * output x + 0.2 * conv5 (optionally BatchNorm after every conv, before the activation). RRDB:
 * x + 0.2 * rdb3(rdb2(rdb1(x))). Then conv_body + long skip, two (nearest x2 -> conv -> LeakyReLU)
 * stages, conv_hr + LeakyReLU, conv_last. LR in, x4 out.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { WeightMap } from '../weights/tensors';
import { batchNorm, conv, leaky, nearest2x, type BNStats, type Tap } from './layers';

export interface RRDBNetOptions {
  numBlock: number;
  useBN: boolean;
  bnStats?: BNStats;
  /** Taps: `conv_first`, `body.N` (after RRDB N), `conv_body` (after the long skip), `conv_up1`, `conv_up2`, `conv_hr` (after LeakyReLU), `conv_last`. */
  tap?: Tap;
}

function denseBlock(w: WeightMap, p: string, x: tf.Tensor4D, opts: RRDBNetOptions): tf.Tensor4D {
  const convBN = (i: number, input: tf.Tensor4D, act: boolean) => {
    if (!opts.useBN) return conv(w, `${p}.conv${i}`, input, { activation: act ? 'leakyrelu' : 'linear' });
    const y = batchNorm(w, `${p}.bn${i}`, conv(w, `${p}.conv${i}`, input), opts.bnStats);
    return act ? leaky(y) : y;
  };
  const feats: tf.Tensor4D[] = [x];
  for (let i = 1; i <= 4; i++) feats.push(convBN(i, tf.concat(feats, 3), true));
  return tf.add(x, tf.mul(convBN(5, tf.concat(feats, 3), false), 0.2));
}

export function rrdbnet(w: WeightMap, x: tf.Tensor4D, opts: RRDBNetOptions): tf.Tensor4D {
  return tf.tidy(() => {
    const tap = opts.tap ?? (() => undefined);
    const head = conv(w, 'conv_first', x);
    tap('conv_first', head);
    let feat = head;
    for (let b = 0; b < opts.numBlock; b++) {
      const p = `body.${b}`;
      const inner = denseBlock(w, `${p}.rdb3`, denseBlock(w, `${p}.rdb2`, denseBlock(w, `${p}.rdb1`, feat, opts), opts), opts);
      feat = tf.add(feat, tf.mul(inner, 0.2));
      tap(p, feat);
    }
    feat = tf.add(head, conv(w, 'conv_body', feat));
    tap('conv_body', feat);
    feat = conv(w, 'conv_up1', nearest2x(feat), { activation: 'leakyrelu' });
    tap('conv_up1', feat);
    feat = conv(w, 'conv_up2', nearest2x(feat), { activation: 'leakyrelu' });
    tap('conv_up2', feat);
    feat = conv(w, 'conv_hr', feat, { activation: 'leakyrelu' });
    tap('conv_hr', feat);
    const out = conv(w, 'conv_last', feat);
    tap('conv_last', out);
    return out;
  });
}
