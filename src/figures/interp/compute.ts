// The network-interpolation figure's arithmetic (no DOM): the pixel blend beside the weight blend, the α of the
// animation and of the slider, and the figure's URL fields (esr.img, esr.alpha, esr.lx, esr.ly).
import type { RGBImage } from '../../sr/image';
import { OWN } from '../../ui/images/ownPicture';
import { demoImages } from '../../ui/images/demoImages';
import { cropLadder } from '../../ui/cropBudget';
import { localField, numberField, oneOfField, withheldField, type Field, type Schema } from '../../ui/urlState';

/** Output pixels per input pixel, and the loupes' side in output pixels. */
export const SCALE = 4;
export const LOUPE = 24;
export const DEFAULT_ALPHA = 0.5;
/** Milliseconds for one sweep 0 → 1 → 0 of the animation. */
export const SWEEP_MS = 8000;
/** The crop sides above the static pictures' one, and the time one frame (a run at a new α) may take: 10 frames a second. */
export const CROP_RUNGS = [32, 48, 64, 96, 128];
export const FRAME_BUDGET_MS = 100;
export const interpLadder = (smallest: number) => cropLadder(smallest, CROP_RUNGS, FRAME_BUDGET_MS);

const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));

/**
 * (1 − α)·a + α·b per value: blending two output *images* in pixel space. The networks' raw outputs
 * can leave [0, 1]; they are clamped first, as they are when shown. Same sizes required.
 */
export function blendImages(a: RGBImage, b: RGBImage, alpha: number): RGBImage {
  if (a.width !== b.width || a.height !== b.height) throw new Error('blendImages: sizes differ');
  const data = new Float32Array(a.data.length);
  for (let i = 0; i < data.length; i++) data[i] = (1 - alpha) * clamp01(a.data[i]) + alpha * clamp01(b.data[i]);
  return { width: a.width, height: a.height, data };
}

/**
 * α of the play animation at time `ms` after it started: a triangle wave 0 → 1 → 0 with `period` ms,
 * starting from `from` (so pressing play continues from the slider's value, going up).
 */
export function sweepAlpha(ms: number, period: number, from = 0): number {
  const phase = (((ms / period + from / 2) % 1) + 1) % 1;
  return phase < 0.5 ? 2 * phase : 2 - 2 * phase;
}

/** α rounded to the slider's step (0.05 by default), clamped to [0, 1]; NaN gives `fallback`. */
export function snapAlpha(value: number, step = 0.05, fallback = 0.5): number {
  if (!Number.isFinite(value)) return fallback;
  const v = Math.round(Math.min(1, Math.max(0, value)) / step) * step;
  return Number(v.toFixed(4));
}

/** α as the figure prints it and writes it into the URL: two decimals. */
export const alphaText = (a: number): string => a.toFixed(2);

export interface InterpState {
  /** A demo photo's id, or 'own' (the reader's picture). */
  img: string;
  alpha: number;
  /** Where the loupes look, as fractions of the output. */
  lx: number;
  ly: number;
  /** Which of the reader's files `img: 'own'` means (a new file, a new state). */
  own: number;
  /** The crop's side in input pixels, chosen on this device from the frames' times (never in the URL). */
  crop: number;
}

const photoIds = demoImages.map((d) => d.id);
const alphaField: Field<number> = { read: (raw) => snapAlpha(numberField(0, 1, DEFAULT_ALPHA).read(raw)), write: alphaText };

/** The URL fields: the reader's picture, and which one, never enter the URL; α snaps to the slider's steps. */
export const interpSchema: Schema<InterpState> = {
  img: withheldField(oneOfField(photoIds, photoIds[0]), OWN),
  alpha: alphaField,
  lx: numberField(0, 1, 0.5),
  ly: numberField(0, 1, 0.5),
  own: localField(0),
  crop: localField(24),
};
