// Pure geometry of the widget: crop size for a scale, where the crop sits in the source, the
// loupe rectangle, and conversions between fractions and pixels.
import { clamp, type Point } from './point';

/** Output images are about this many pixels on their longer side (crop side × scale ≤ this). */
export const OUTPUT_TARGET = 256;
/** The loupe shows this many output pixels on each side. */
export const LOUPE_SIZE = 32;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Size of the low-resolution crop for a source of srcW×srcH at this scale. */
export function cropSize(srcW: number, srcH: number, scale: number): { width: number; height: number } {
  const side = Math.floor(OUTPUT_TARGET / scale);
  return { width: Math.max(1, Math.min(side, srcW)), height: Math.max(1, Math.min(side, srcH)) };
}

/** Integer crop rectangle centred (as far as possible) on the fractional centre `c`. */
export function cropRect(srcW: number, srcH: number, scale: number, c: Point): Rect {
  const { width, height } = cropSize(srcW, srcH, scale);
  const x = clamp(Math.round(c.x * srcW - width / 2), 0, srcW - width);
  const y = clamp(Math.round(c.y * srcH - height / 2), 0, srcH - height);
  return { x, y, width, height };
}

/** Loupe rectangle (integer, inside the output) centred on the fractional point `c`. */
export function loupeRect(outW: number, outH: number, c: Point, size = LOUPE_SIZE): Rect {
  const width = Math.min(size, outW);
  const height = Math.min(size, outH);
  const x = clamp(Math.round(c.x * outW - width / 2), 0, outW - width);
  const y = clamp(Math.round(c.y * outH - height / 2), 0, outH - height);
  return { x, y, width, height };
}

/** Fraction → pixel coordinate (continuous). */
export function toPixels(p: Point, width: number, height: number): Point {
  return { x: p.x * width, y: p.y * height };
}

/** Apply a keyboard move (in pixels of a width×height image) to a fractional point. */
export function applyMove(
  p: Point,
  move: { dx: number; dy: number } | { to: 'left' | 'right' | 'top' | 'bottom' },
  width: number,
  height: number,
): Point {
  if ('to' in move) {
    if (move.to === 'left') return { x: 0, y: p.y };
    if (move.to === 'right') return { x: 1, y: p.y };
    if (move.to === 'top') return { x: p.x, y: 0 };
    return { x: p.x, y: 1 };
  }
  return {
    x: clamp(p.x + move.dx / Math.max(1, width), 0, 1),
    y: clamp(p.y + move.dy / Math.max(1, height), 0, 1),
  };
}

/** Keep a centre point where a box of boxW×boxH pixels fits inside width×height. */
export function keepBoxInside(p: Point, boxW: number, boxH: number, width: number, height: number): Point {
  const hx = Math.min(0.5, boxW / 2 / Math.max(1, width));
  const hy = Math.min(0.5, boxH / 2 / Math.max(1, height));
  return { x: clamp(p.x, hx, 1 - hx), y: clamp(p.y, hy, 1 - hy) };
}
