/**
 * Runs a network described by a model card on an NHWC batch: dispatches on the architecture and, for
 * SRCNN, makes its input first (MATLAB-style bicubic x4 of the LR image, as in training).
 */
import * as tf from '@tensorflow/tfjs-core';
import { resizeTensor } from '../resample';
import type { ModelCard } from '../weights/card';
import type { WeightMap } from '../weights/tensors';
import type { BNStats, Tap } from './layers';
import { rrdbParams, srresnetParams, srvggParams } from './specs';
import { msrresnet } from './msrresnet';
import { srvgg } from './srvgg';
import { rrdbnet } from './rrdbnet';
import { srcnn } from './srcnn';
import { srresnet } from './srresnet';
import { vggDiscriminator } from './discriminator';
import { fusedFor } from '../fused';

export type ArchitectureInfo = Pick<ModelCard['architecture'], 'name' | 'params' | 'input'>;

export interface RunOptions {
  /** BatchNorm statistics: the stored running ones (default) or this input's. */
  bnStats?: BNStats;
  /** Sees named intermediate activations (see each network for the names). */
  tap?: Tap;
}

/**
 * The network itself on its own input (SRCNN: the already enlarged image; discriminators: 128x128 HR).
 * Returns [N, H', W', 3] for generators, [N, 1] logits for discriminators. tf.tidy'd: only the result stays.
 * On WebGPU the fused path (../fused) runs it when it can: the same result in far fewer dispatches.
 */
export function forward(arch: ArchitectureInfo, w: WeightMap, x: tf.Tensor4D, opts: RunOptions = {}): tf.Tensor {
  const fused = fusedFor(arch, w, x.shape, opts);
  if (fused) return fused.run(x);
  switch (arch.name) {
    case 'srcnn':
      return srcnn(w, x, opts.tap);
    case 'srresnet':
      return srresnet(w, x, { numBlock: srresnetParams(arch.params).numBlock, bnStats: opts.bnStats, tap: opts.tap });
    case 'rrdbnet': {
      const p = rrdbParams(arch.params);
      return rrdbnet(w, x, { numBlock: p.numBlock, useBN: p.useBN, bnStats: opts.bnStats, tap: opts.tap });
    }
    case 'srvgg':
      return srvgg(w, x, srvggParams(arch.params).numConv);
    case 'msrresnet':
      return msrresnet(w, x, srresnetParams(arch.params).numBlock);
    case 'vgg_discriminator':
      return vggDiscriminator(w, x, { bnStats: opts.bnStats, tap: opts.tap });
    default:
      throw new Error(`unknown architecture "${String((arch as { name: unknown }).name)}"`);
  }
}

/** The x4 MATLAB bicubic enlargement SRCNN expects (`input: "bicubic"`), else the input unchanged. */
export function prepareInput(arch: ArchitectureInfo, lr: tf.Tensor4D, scale = 4): tf.Tensor4D {
  if (arch.input !== 'bicubic') return lr;
  const [, h, w] = lr.shape;
  return resizeTensor(lr, h * scale, w * scale, 'bicubic', { a: -0.5, antialias: true, scale });
}

/** LR image -> x4 SR image for any generator (SRCNN's bicubic step included). */
export function upscale(arch: ArchitectureInfo, w: WeightMap, lr: tf.Tensor4D, opts: RunOptions = {}): tf.Tensor4D {
  return tf.tidy(() => forward(arch, w, prepareInput(arch, lr), opts) as tf.Tensor4D);
}
