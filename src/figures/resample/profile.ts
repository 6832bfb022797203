// Intensity profile along a line segment of an image (pure). Samples are taken every `step`
// output pixels and read the pixel that contains the sample point (no further interpolation), so
// the profile shows the method's true output values, overshoot beyond [0, 1] included.
import type { RGBImage } from '../../sr/image';
import type { Point } from '../../ui/point';

export interface ProfileSample {
  /** Distance from the line start, in the units given by `unit` (e.g. input pixels). */
  t: number;
  /** Luma (BT.601 weights on the stored values, not clamped). */
  value: number;
}

export function luma(img: RGBImage, x: number, y: number): number {
  const i = (y * img.width + x) * 3;
  return 0.299 * img.data[i] + 0.587 * img.data[i + 1] + 0.114 * img.data[i + 2];
}

/**
 * Profile of `img` from `p0` to `p1` (pixel coordinates, continuous). `unit` divides the
 * distance, so passing the scale factor gives positions in input pixels.
 */
export function sampleProfile(img: RGBImage, p0: Point, p1: Point, step = 0.25, unit = 1): ProfileSample[] {
  const dx = p1.x - p0.x;
  const dy = p1.y - p0.y;
  const length = Math.hypot(dx, dy);
  const n = Math.max(2, Math.floor(length / step) + 1);
  const out: ProfileSample[] = [];
  for (let k = 0; k < n; k++) {
    const f = n === 1 ? 0 : k / (n - 1);
    const x = Math.min(img.width - 1, Math.max(0, Math.floor(p0.x + f * dx)));
    const y = Math.min(img.height - 1, Math.max(0, Math.floor(p0.y + f * dy)));
    out.push({ t: (f * length) / unit, value: luma(img, x, y) });
  }
  return out;
}
