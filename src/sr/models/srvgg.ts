/**
 * SRVGGNetCompact (Wang et al. 2021, Real-ESRGAN's small models such as realesr-general-x4v3): conv + PReLU,
 * num_conv × (conv + PReLU), a conv to 3·4² channels, pixel shuffle ×4, plus the input enlarged ×4 by nearest
 * neighbour. BasicSR names: `body.N` (even N conv, odd N PReLU). LR in, x4 out.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { WeightMap } from '../weights/tensors';
import { conv, convPixelShuffle, prelu } from './layers';

export function srvgg(w: WeightMap, x: tf.Tensor4D, numConv: number): tf.Tensor4D {
  return tf.tidy(() => {
    let feat = x;
    for (let i = 0; i <= numConv; i++) feat = prelu(w, `body.${2 * i + 1}`, conv(w, `body.${2 * i}`, feat));
    const out = convPixelShuffle(w, `body.${2 * numConv + 2}`, feat, 4);
    const [, h, wd] = x.shape;
    return tf.add(out, tf.image.resizeNearestNeighbor(x, [h * 4, wd * 4], false, false));
  });
}
