// Cut a rectangle out of an engine image, or enlarge one by repeating pixels (pure).
import { createImage, type RGBImage } from '../../sr/image';
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

/** `img` with every pixel repeated `f` × `f` times. */
export function nearestUp(img: RGBImage, f: number): RGBImage {
  const out = createImage(img.width * f, img.height * f);
  for (let y = 0; y < out.height; y++) {
    for (let x = 0; x < out.width; x++) {
      const src = (Math.floor(y / f) * img.width + Math.floor(x / f)) * 3;
      out.data.set(img.data.subarray(src, src + 3), (y * out.width + x) * 3);
    }
  }
  return out;
}

/** The nine parts of a reader's own picture they can choose from: where the crop sits in the space left over. */
export const REGIONS = {
  tl: [0, 0], t: [0.5, 0], tr: [1, 0],
  l: [0, 0.5], c: [0.5, 0.5], r: [1, 0.5],
  bl: [0, 1], b: [0.5, 1], br: [1, 1],
} as const satisfies Record<string, readonly [number, number]>;
export type Region = keyof typeof REGIONS;
export const isRegion = (v: string): v is Region => Object.hasOwn(REGIONS, v);

/** A size×size crop (smaller where the image is) at one of the nine regions. */
export function regionCrop(img: RGBImage, size: number, region: Region): RGBImage {
  const [fx, fy] = REGIONS[region];
  const width = Math.min(size, img.width);
  const height = Math.min(size, img.height);
  return cropImage(img, { x: Math.floor(fx * (img.width - width)), y: Math.floor(fy * (img.height - height)), width, height });
}
