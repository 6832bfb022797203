// Cut a rectangle out of an engine image (pure).
import type { RGBImage } from '../../sr/image';
import type { Rect } from '../geometry';

export function cropImage(img: RGBImage, r: Rect): RGBImage {
  const data = new Float32Array(r.width * r.height * 3);
  for (let y = 0; y < r.height; y++) {
    const from = ((r.y + y) * img.width + r.x) * 3;
    data.set(img.data.subarray(from, from + r.width * 3), y * r.width * 3);
  }
  return { width: r.width, height: r.height, data };
}

/** A size × size crop of `img` at (x, y) when given (kept inside), else centred. */
export function squareCrop(img: RGBImage, size: number, at?: { x: number; y: number }): RGBImage {
  const fit = (v: number, n: number) => Math.max(0, Math.min(n - size, Math.round(v)));
  const x = fit(at ? at.x : (img.width - size) / 2, img.width);
  const y = fit(at ? at.y : (img.height - size) / 2, img.height);
  return cropImage(img, { x, y, width: size, height: size });
}
