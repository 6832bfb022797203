/**
 * Image resampling on the active TensorFlow.js backend.
 *
 * Resampling is separable: one [out x in] weight matrix per axis (see ./contributions), applied with a
 * matrix product on the NHWC tensor. The matrices are dense; that keeps each axis a single matMul, which
 * GPUs run well, at the cost of multiplying by many zeros on large images.
 */
import * as tf from '@tensorflow/tfjs-core';
import { resampleWeights, scaledSize, type WeightOptions } from './contributions';
import type { RGBImage } from './image';
import type { Method } from './kernels';
import { imageToTensor, tensorToImage } from './tensor';

export type { Method } from './kernels';
export { resampleWeights, scaledSize, mirrorIndex, type WeightMatrix } from './contributions';

/** Options for resize/resizeTensor: Keys `a`, `antialias` and an explicit `scale` (see WeightOptions). */
export type ResizeOptions = WeightOptions;

/**
 * Resizes a batch of NHWC images to outH x outW. Pure tensor op: the input is not disposed, and
 * intermediates are released (wrap calls in tf.tidy or dispose the result as usual).
 * Values are not clamped: bicubic and Lanczos overshoot slightly near edges.
 */
export function resizeTensor(
  x: tf.Tensor4D,
  outH: number,
  outW: number,
  method: Method,
  opts: ResizeOptions = {},
): tf.Tensor4D {
  const [, inH, inW] = x.shape;
  const scaleH = opts.scale ?? outH / inH;
  const scaleW = opts.scale ?? outW / inW;
  const wH = resampleWeights(inH, outH, method, { ...opts, scale: scaleH });
  const wW = resampleWeights(inW, outW, method, { ...opts, scale: scaleW });
  return tf.tidy(() => {
    // Like MATLAB, shrink first (the axis with the smaller scale), which also does less work.
    const order: Array<[1 | 2, typeof wH]> = scaleW < scaleH ? [[2, wW], [1, wH]] : [[1, wH], [2, wW]];
    let y = x;
    for (const [axis, w] of order) {
      y = applyAlongAxis(y, axis, tf.tensor2d(Float32Array.from(w.data), [w.rows, w.cols]));
    }
    return y;
  });
}

/** y[..., i along axis, ...] = sum_k weights[i, k] * x[..., k along axis, ...] for axis 1 (H) or 2 (W). */
function applyAlongAxis(x: tf.Tensor4D, axis: 1 | 2, weights: tf.Tensor2D): tf.Tensor4D {
  const shape = x.shape;
  const perm = axis === 1 ? [1, 0, 2, 3] : [2, 0, 1, 3];
  const inverse = axis === 1 ? [1, 0, 2, 3] : [1, 2, 0, 3];
  const rest = shape.reduce((p, d) => p * d, 1) / shape[axis];
  // With a batch of one and axis H, the tensor is already "axis first": skip both transposes.
  const moveNeeded = !(axis === 1 && shape[0] === 1);
  const front = moveNeeded ? tf.transpose(x, perm) : x;
  const out = tf.matMul(weights, tf.reshape(front, [shape[axis], rest]));
  const outLen = weights.shape[0];
  if (!moveNeeded) return tf.reshape(out, [1, outLen, shape[2], shape[3]]);
  const moved = perm.map((p) => (p === axis ? outLen : shape[p])) as [number, number, number, number];
  return tf.transpose(tf.reshape(out, moved), inverse);
}

/**
 * Resizes an image to outW x outH with the given kernel on the active backend (call initBackend first).
 * Downscaling is antialiased by default (MATLAB imresize semantics), except for 'nearest'.
 */
export async function resize(
  img: RGBImage,
  outW: number,
  outH: number,
  method: Method,
  opts: ResizeOptions = {},
): Promise<RGBImage> {
  const y = tf.tidy(() => resizeTensor(imageToTensor(img), outH, outW, method, opts));
  try {
    return await tensorToImage(y);
  } finally {
    y.dispose();
  }
}

/**
 * MATLAB `imresize(img, scale, 'bicubic')`: Keys a = -0.5, output size ceil(scale * size),
 * antialiased when scale < 1, symmetric borders. The usual way SR datasets make low-resolution inputs.
 */
export async function imresize(img: RGBImage, scale: number): Promise<RGBImage> {
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`scale must be positive, got ${scale}`);
  const outW = scaledSize(img.width, scale);
  const outH = scaledSize(img.height, scale);
  return resize(img, outW, outH, 'bicubic', { a: -0.5, antialias: true, scale });
}
