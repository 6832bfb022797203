// The BatchNorm figure's arithmetic (no DOM): the altered inputs whose statistics differ from the training data,
// where the loupes look first, and the key of what a state draws.
import type { RGBImage } from '../../sr/image';
import { cropLadder } from '../../ui/cropBudget';
import { OWN } from '../../ui/images/ownPicture';
import { demoImages } from '../../ui/images/demoImages';
import { localField, numberField, oneOfField, optionalField, withheldField, type Schema } from '../../ui/urlState';

export type InputVariant = 'original' | 'dark' | 'flat' | 'saturated';
export const inputVariants: readonly InputVariant[] = ['original', 'dark', 'flat', 'saturated'];

/** Altered copies of an LR crop whose statistics differ from the training data (same rules as training/srt/site/figures_esrgan.py). */
export function inputVariant(img: RGBImage, kind: InputVariant): RGBImage {
  const data = new Float32Array(img.data.length);
  if (kind === 'flat') {
    const mean = [0, 0, 0];
    const n = img.width * img.height;
    for (let p = 0; p < n; p++) for (let c = 0; c < 3; c++) mean[c] += img.data[p * 3 + c] / n;
    for (let p = 0; p < n; p++) for (let c = 0; c < 3; c++) data[p * 3 + c] = mean[c];
  } else {
    for (let i = 0; i < data.length; i++) {
      const x = img.data[i];
      data[i] = kind === 'dark' ? x * 0.25 : kind === 'saturated' ? Math.min(1, Math.max(0, (x - 0.5) * 3 + 0.5)) : x;
    }
  }
  return { width: img.width, height: img.height, data };
}

/**
 * The centre, as fractions of the image, of the box×box window with the largest summed value of a
 * per-pixel map (a diffMap): where a loupe shows the most of a difference. Summed-area table, O(w·h).
 */
export function busiestBox(map: Float32Array, width: number, height: number, box: number): { x: number; y: number } {
  const bw = Math.min(box, width);
  const bh = Math.min(box, height);
  const sat = new Float64Array((width + 1) * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += map[y * width + x];
      sat[(y + 1) * (width + 1) + x + 1] = sat[y * (width + 1) + x + 1] + row;
    }
  }
  let best = -1;
  let at = { x: 0, y: 0 };
  for (let y = 0; y + bh <= height; y++) {
    for (let x = 0; x + bw <= width; x++) {
      const sum =
        sat[(y + bh) * (width + 1) + x + bw] - sat[y * (width + 1) + x + bw] - sat[(y + bh) * (width + 1) + x] + sat[y * (width + 1) + x];
      if (sum > best) {
        best = sum;
        at = { x, y };
      }
    }
  }
  if (best <= 0) return { x: 0.5, y: 0.5 }; // no difference anywhere: the centre
  return { x: (at.x + bw / 2) / width, y: (at.y + bh / 2) / height };
}

/** What a state draws: the picture (a demo id, or which of the reader's files) and the input variant; the loupe is not part of it. */
export const drawnKey = (picture: string, variant: InputVariant): string => `${picture}|${variant}`;

export interface BnState {
  /** A demo photo's id, or 'own' (the reader's picture). */
  img: string;
  input: InputVariant;
  /** Where the loupes look, as fractions; null until the reader places them (they follow the largest BN difference). */
  lx: number | null;
  ly: number | null;
  /** Which of the reader's files `img: 'own'` means (a new file, a new state). */
  own: number;
  /** The crop's side in input pixels, chosen on this device from the runs' times (never in the URL). */
  crop: number;
}

/** Output pixels per input pixel, and the loupes' side in output pixels. */
export const SCALE = 4;
export const LOUPE = 24;
/** The crop sides above the static pictures' one, and the time a run of esrgan may take (a change of picture or
 * input runs three networks: esrgan_bn as fast, esrgan_bn with the input's statistics on the slower stock ops). */
export const CROP_RUNGS = [32, 48, 64, 96];
export const RUN_BUDGET_MS = 100;
export const bnLadder = (smallest: number) => cropLadder(smallest, CROP_RUNGS, RUN_BUDGET_MS);

const photoIds = demoImages.map((d) => d.id);
/** The URL fields `bn.img`, `bn.input`, `bn.lx`, `bn.ly`: the reader's picture, and which one, never enter the URL. */
export const bnSchema: Schema<BnState> = {
  img: withheldField(oneOfField(photoIds, photoIds[0]), OWN),
  input: oneOfField(inputVariants, 'original'),
  lx: optionalField(numberField(0, 1, 0.5)),
  ly: optionalField(numberField(0, 1, 0.5)),
  own: localField(0),
  crop: localField(24),
};
