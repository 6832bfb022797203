/**
 * Moves images between the engine type (RGBImage) and TensorFlow.js tensors, NHWC float32 [1, H, W, 3].
 */
import * as tf from '@tensorflow/tfjs-core';
import { createImage, type RGBImage } from './image';

/** Wraps an image as a [1, H, W, 3] float32 tensor (the caller disposes it, or runs inside tf.tidy). */
export function imageToTensor(img: RGBImage): tf.Tensor4D {
  return tf.tensor4d(img.data, [1, img.height, img.width, 3], 'float32');
}

/** Downloads a [1, H, W, 3] or [H, W, 3] tensor into a new RGBImage. Does not dispose the tensor. */
export async function tensorToImage(t: tf.Tensor4D | tf.Tensor3D): Promise<RGBImage> {
  const shape = t.shape;
  const [h, w, c] = shape.length === 4 ? shape.slice(1) : shape;
  if ((shape.length === 4 && shape[0] !== 1) || c !== 3) {
    throw new RangeError(`expected [1, H, W, 3] or [H, W, 3], got [${shape.join(', ')}]`);
  }
  const values = await t.data<'float32'>();
  // Copy: some backends hand out their own storage.
  return createImage(w, h, Float32Array.from(values));
}
