// A position on an image as fractions of its width and height (0..1), so it survives changes of image and scale.

export interface Point {
  x: number;
  y: number;
}

export function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}

export function clampUnit(p: Point): Point {
  return { x: clamp(p.x, 0, 1), y: clamp(p.y, 0, 1) };
}
