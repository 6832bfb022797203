// Cut a rectangle out of an engine image (pure).
import type { RGBImage } from '../../sr/image';
import type { Rect } from './geometry';

export function cropImage(img: RGBImage, r: Rect): RGBImage {
  const data = new Float32Array(r.width * r.height * 3);
  for (let y = 0; y < r.height; y++) {
    const from = ((r.y + y) * img.width + r.x) * 3;
    data.set(img.data.subarray(from, from + r.width * 3), y * r.width * 3);
  }
  return { width: r.width, height: r.height, data };
}
