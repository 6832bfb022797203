/**
 * The packed weights of the fused path, made on the backend with TF.js ops (so an interpolated weight map,
 * itself computed on the GPU, is packed there too): BatchNorm with stored statistics folded into the conv
 * (w·γ/√(σ²+ε), (b−μ)·γ/√(σ²+ε)+β), pixel-shuffle channels reordered, PyTorch's NCHW flatten of the
 * discriminator's linear1 turned into NHWC rows, input and output channels padded to multiples of 4, a
 * dense block's five convs concatenated into one weight and one bias tensor.
 */
import * as tf from '@tensorflow/tfjs-core';
import { shuffleOrder, weight } from '../models/layers';
import type { WeightMap } from '../weights/tensors';
import type { PackedWeight } from './plan';

const EPS = 1e-5;
const pad4 = (c: number) => Math.ceil(c / 4) * 4;

/** One conv's (or linear's) weight as [k·k·I', O'] and bias as [O'], transformed as listed above. */
function convParts(w: WeightMap, name: string, o: { bn?: string; shuffle?: boolean; nchw?: [number, number, number] }): { w: tf.Tensor; b: tf.Tensor } {
  let filter = weight(w, `${name}.weight`);
  if (filter.shape.length === 2) filter = tf.reshape(filter, [1, 1, ...filter.shape]);
  const [kh, kw, ic, oc] = filter.shape;
  let bias: tf.Tensor = w[`${name}.bias`] ?? tf.zeros([oc]);
  if (o.bn && w[`${o.bn}.running_mean`]) {
    const scale = tf.mul(weight(w, `${o.bn}.weight`), tf.rsqrt(tf.add(weight(w, `${o.bn}.running_var`), EPS)));
    filter = tf.mul(filter, scale);
    bias = tf.add(tf.mul(tf.sub(bias, weight(w, `${o.bn}.running_mean`)), scale), weight(w, `${o.bn}.bias`));
  }
  if (o.shuffle) {
    const order = shuffleOrder(oc);
    filter = tf.gather(filter, order, 3);
    bias = tf.gather(bias, order);
  }
  if (o.nchw) {
    const [c, h, wd] = o.nchw;
    filter = tf.reshape(tf.transpose(tf.reshape(filter, [c, h * wd, oc]), [1, 0, 2]), [1, 1, h * wd * c, oc]);
  }
  const padded = tf.pad(filter, [[0, 0], [0, 0], [0, pad4(ic) - ic], [0, pad4(oc) - oc]]);
  return { w: tf.reshape(padded, [-1]), b: tf.pad(bias, [[0, pad4(oc) - oc]]) };
}

/** The tensor a packed weight names (a new tensor the caller disposes). */
export function packWeight(w: WeightMap, spec: PackedWeight): tf.Tensor {
  return tf.tidy(() => {
    if (spec.kind === 'alpha') {
      const a = weight(w, `${spec.name}.weight`);
      return tf.pad(a, [[0, pad4(a.shape[0]) - a.shape[0]]]);
    }
    if (spec.kind === 'conv') return convParts(w, spec.name, spec)[spec.part];
    const parts = [1, 2, 3, 4, 5].map((i) => convParts(w, `${spec.prefix}.conv${i}`, { bn: spec.bn ? `${spec.prefix}.bn${i}` : undefined }));
    return tf.concat(parts.map((p) => p[spec.part]));
  });
}
