/**
 * The engine's image type and pure conversions to and from 8-bit RGBA pixels.
 *
 * Nothing here depends on TensorFlow.js or the DOM, so it runs in a page, a Worker and Node alike.
 */

/** An RGB image, row-major HWC (three floats per pixel, no alpha), values nominally in [0, 1]. */
export interface RGBImage {
  width: number;
  height: number;
  data: Float32Array;
}

/** Structural shape of `ImageData` (or any packed 8-bit RGBA buffer). */
export interface RGBALike {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
}

/** Allocates a black image, or wraps `data` after checking its length. */
export function createImage(width: number, height: number, data?: Float32Array): RGBImage {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`image size must be positive integers, got ${width}x${height}`);
  }
  const length = width * height * 3;
  if (data && data.length !== length) {
    throw new RangeError(`expected ${length} values for ${width}x${height} RGB, got ${data.length}`);
  }
  return { width, height, data: data ?? new Float32Array(length) };
}

/**
 * Maps 0..255 to 0..1 and drops alpha by compositing onto white (as a page shows a transparent image on a
 * white background): black artwork on a transparent background stays black on white instead of vanishing
 * into black. Opaque pixels are unchanged.
 */
export function fromRGBA(rgba: RGBALike): RGBImage {
  const { width, height, data } = rgba;
  if (data.length !== width * height * 4) {
    throw new RangeError(`expected ${width * height * 4} RGBA bytes, got ${data.length}`);
  }
  const out = createImage(width, height);
  for (let p = 0, q = 0; p < data.length; p += 4, q += 3) {
    const a = data[p + 3] / 255;
    const white = 1 - a;
    out.data[q] = (data[p] / 255) * a + white;
    out.data[q + 1] = (data[p + 1] / 255) * a + white;
    out.data[q + 2] = (data[p + 2] / 255) * a + white;
  }
  return out;
}

/** Maps 0..1 to 0..255 (clamped, rounded half up) with opaque alpha; the result fits `new ImageData(...)`. */
export function toRGBA(img: RGBImage): { width: number; height: number; data: Uint8ClampedArray } {
  const { width, height, data } = img;
  const out = new Uint8ClampedArray(width * height * 4);
  for (let p = 0, q = 0; q < data.length; p += 4, q += 3) {
    out[p] = toByte(data[q]);
    out[p + 1] = toByte(data[q + 1]);
    out[p + 2] = toByte(data[q + 2]);
    out[p + 3] = 255;
  }
  return { width, height, data: out };
}

function toByte(v: number): number {
  // NaN maps to 0; Math.floor(x + 0.5) rounds halves up like MATLAB's im2uint8 on non-negative values.
  return v > 0 ? Math.min(255, Math.floor(v * 255 + 0.5)) : 0;
}
