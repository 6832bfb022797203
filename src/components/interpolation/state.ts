// The widget's state (everything the reader can change) and its defaults. Positions are stored
// as fractions of the image they refer to, so they survive changes of image and scale.

import { clamp, type Point } from '../../ui/point';

export { clamp, clampUnit, type Point } from '../../ui/point';

export interface WidgetState {
  /** Demo photo id, pattern id, or 'own' for the reader's image (not shareable). */
  image: string;
  /** Integer enlargement factor, 2..8. */
  scale: number;
  /** Bicubic (Keys) parameter, −1..0. */
  a: number;
  /** Centre of the low-resolution crop, as fractions of the source image. */
  crop: Point;
  /** Centre of the loupe, as fractions of the output image. */
  loupe: Point;
  /** Profile line end points, as fractions of the output image. */
  line: [Point, Point];
}

export const SCALE_MIN = 2;
export const SCALE_MAX = 8;
export const A_MIN = -1;
export const A_MAX = 0;
export const A_STEP = 0.05;

/** Default view: the cat's left eye enlarged ×4, loupe on the catchlight (also what the static picture shows). */
export const defaultState: WidgetState = {
  image: 'chelsea',
  scale: 4,
  a: -0.5,
  crop: { x: 0.3, y: 0.4 },
  loupe: { x: 0.4, y: 0.2 },
  line: [
    { x: 0.2, y: 0.55 },
    { x: 0.8, y: 0.55 },
  ],
};

export function normalizeScale(value: number): number {
  return Number.isFinite(value) ? clamp(Math.round(value), SCALE_MIN, SCALE_MAX) : defaultState.scale;
}

export function normalizeA(value: number): number {
  if (!Number.isFinite(value)) return defaultState.a;
  return clamp(Math.round(value / A_STEP) * A_STEP, A_MIN, A_MAX) + 0; // + 0 turns −0 into 0
}
