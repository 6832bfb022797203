/**
 * One LR image -> x4 SR image with a generator, tiled: SRCNN's bicubic enlargement runs on the whole
 * image first (cheap, and exact), then the network runs tile by tile with an overlap equal to its
 * receptive-field radius unless told otherwise.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { RGBImage } from '../image';
import type { BNStats } from '../models/layers';
import { type ArchitectureInfo, forward, prepareInput } from '../models/run';
import { activationFootprint, networkScale, receptiveRadius } from '../models/specs';
import type { WeightMap } from '../weights/tensors';
import { imageToTensor } from '../tensor';
import { runTiled, tileSizeFor, type TileLimits, type TileProgress } from './tiling';

export interface UpscaleOptions {
  /** Core tile side in network-input pixels; default from `limits`. */
  tile?: number;
  /** Overlap in network-input pixels; default the receptive-field radius (exact result). */
  overlap?: number;
  limits?: TileLimits;
  onProgress?: (p: TileProgress) => void;
  signal?: AbortSignal;
  /** BatchNorm statistics; 'input' depends on the whole image, so it always runs as one tile. */
  bnStats?: BNStats;
}

export async function upscaleImage(arch: ArchitectureInfo, weights: WeightMap, lr: RGBImage, opts: UpscaleOptions = {}): Promise<RGBImage> {
  if (arch.name === 'vgg_discriminator') throw new Error('a discriminator does not upscale images');
  const overlap = opts.overlap ?? receptiveRadius(arch.name, arch.params);
  const whole = opts.bnStats === 'input';
  const tile = whole ? Math.max(lr.width, lr.height) * 4 : opts.tile ?? tileSizeFor(activationFootprint(arch.name, arch.params), overlap, opts.limits);
  const input = tf.tidy(() => prepareInput(arch, imageToTensor(lr)));
  try {
    return await runTiled(input, (x) => forward(arch, weights, x, { bnStats: opts.bnStats }) as tf.Tensor4D, {
      scale: networkScale(arch.name),
      tile,
      overlap,
      onProgress: opts.onProgress,
      signal: opts.signal,
    });
  } finally {
    input.dispose();
  }
}
