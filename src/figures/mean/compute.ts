// Figure "Why MSE blurs" (pure, no DOM): candidates that all reduce to one LR patch, and their mean.
// A candidate is a real texture crop h whose 4×4 block averages are replaced by those of the LR patch L:
//   x = h + U(L − D(h)),  D = 4×4 box average, U = repeat each LR pixel 4×4,
// so D(x) = D(h) + L − D(h) = L. Everything is in 8-bit levels; where clipping to 0..255 or rounding
// moved a block's sum, the difference is handed back one level at a time, so D(x) = L holds exactly
// for the pictures shown. Candidate 0 is the crop L came from.
import { createImage, type RGBImage } from '../../sr/image';
import { lumaY, psnrY } from '../../sr/metrics';
import { rng } from '../../sr/random';
import { cropImage, quantize8 } from '../../components/srgan/pipeline';
import { bitsField, intField, oneOfField, type Schema } from '../../ui/urlState';

export const PATCH = 32;
export const FACTOR = 4;
export const CANDIDATES = 8;

/** D: average of each FACTOR × FACTOR block. */
export function boxDown(img: RGBImage, f = FACTOR): RGBImage {
  const w = img.width / f;
  const h = img.height / f;
  const out = createImage(w, h);
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++)
      for (let c = 0; c < 3; c++) out.data[(Math.floor(y / f) * w + Math.floor(x / f)) * 3 + c] += img.data[(y * img.width + x) * 3 + c] / (f * f);
  return out;
}

/** The crops' top-left corners for a seed (the first is where the LR patch comes from). */
export function cropPositions(seed: number, texW: number, texH: number, n = CANDIDATES): { x: number; y: number }[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => ({ x: Math.floor(r() * (texW - PATCH + 1)), y: Math.floor(r() * (texH - PATCH + 1)) }));
}

export interface MeanSetup {
  lr: RGBImage;
  /** 8-bit candidates (what the canvases show). */
  candidates: RGBImage[];
}

export function makeCandidates(texture: RGBImage, seed: number, n = CANDIDATES): MeanSetup {
  const pos = cropPositions(seed, texture.width, texture.height, n);
  const crops = pos.map((p) => quantize8(cropImage(texture, p.x, p.y, PATCH, PATCH)));
  const side = PATCH / FACTOR;
  // The LR patch in 8-bit levels (0..255 integers).
  const lr = boxDown(crops[0]);
  const L = Array.from(lr.data, (v) => Math.round(v * 255));
  const candidates = crops.map((h) => {
    const d = boxDown(h);
    const x = createImage(PATCH, PATCH);
    for (let by = 0; by < side; by++)
      for (let bx = 0; bx < side; bx++)
        for (let c = 0; c < 3; c++) {
          const q = (by * side + bx) * 3 + c;
          const idx: number[] = [];
          const v: number[] = [];
          let sum = 0;
          for (let dy = 0; dy < FACTOR; dy++)
            for (let dx = 0; dx < FACTOR; dx++) {
              const p = ((by * FACTOR + dy) * PATCH + bx * FACTOR + dx) * 3 + c;
              const val = Math.max(0, Math.min(255, Math.round((h.data[p] - d.data[q]) * 255 + L[q])));
              idx.push(p);
              v.push(val);
              sum += val;
            }
          // Clipping and rounding moved the block sum; hand the difference back one level at a time to
          // pixels with room, so the block average is exactly L (always possible as 0 <= L <= 255).
          let deficit = FACTOR * FACTOR * L[q] - sum;
          for (let k = 0; deficit !== 0; k = (k + 1) % v.length) {
            const step = Math.sign(deficit);
            if (v[k] + step >= 0 && v[k] + step <= 255) {
              v[k] += step;
              deficit -= step;
            }
          }
          idx.forEach((p, k) => (x.data[p] = v[k] / 255));
        }
    return x;
  });
  return { lr: createImage(side, side, Float32Array.from(L, (v) => v / 255)), candidates };
}

/** Pixel-wise mean of 8-bit images, itself rounded to 8 bits (what the canvas shows). */
export function meanImage(images: RGBImage[]): RGBImage {
  const out = createImage(images[0].width, images[0].height);
  for (const im of images) for (let i = 0; i < out.data.length; i++) out.data[i] += im.data[i] / images.length;
  return quantize8(out);
}

/** Mean gradient magnitude of the luma (0..255 scale): a simple sharpness number. */
export function sharpness(img: RGBImage): number {
  const y = lumaY(img);
  let s = 0;
  let n = 0;
  for (let r = 0; r < y.height - 1; r++)
    for (let c = 0; c < y.width - 1; c++) {
      const v = y.data[r * y.width + c];
      s += Math.hypot(y.data[r * y.width + c + 1] - v, y.data[(r + 1) * y.width + c] - v);
      n++;
    }
  return s / n;
}

/** PSNR of Y (no border), as elsewhere on the site. */
export const psnr = (a: RGBImage, b: RGBImage): number => psnrY(a, b, 0);

/** A PSNR for the page: two decimals, or ∞ for identical images (the mean of one candidate is that candidate). */
export const formatPsnr = (v: number): string => (Number.isFinite(v) ? v.toFixed(2) : '∞');

/** PSNR from the average squared Y error of `a` against every image in `set` (skipping `skip`). */
export function psnrAgainstSet(a: RGBImage, set: RGBImage[], skip = -1): number {
  let sum = 0;
  let n = 0;
  set.forEach((b, i) => {
    if (i === skip) return;
    sum += 255 ** 2 / 10 ** (psnr(a, b) / 10);
    n++;
  });
  return 10 * Math.log10((255 * 255) / (sum / n));
}

export interface MeanNumbers {
  /** PSNR of the mean against each selected candidate (same order as `selected`). */
  meanVs: number[];
  /** PSNR of the mean from its average squared error over the selected candidates. */
  meanOverall: number;
  /** For each selected candidate, PSNR from its average squared error over the other selected ones. */
  candidateOverall: number[];
  sharpMean: number;
  sharpCandidates: number[];
}

export function meanNumbers(mean: RGBImage, selected: RGBImage[]): MeanNumbers {
  return {
    meanVs: selected.map((c) => psnr(mean, c)),
    meanOverall: psnrAgainstSet(mean, selected),
    candidateOverall: selected.length > 1 ? selected.map((c, i) => psnrAgainstSet(c, selected, i)) : [],
    sharpMean: sharpness(mean),
    sharpCandidates: selected.map(sharpness),
  };
}

export const TEXTURES = ['grass', 'gravel', 'brick'] as const;
export type Texture = (typeof TEXTURES)[number];
export const ALL_ON = (1 << CANDIDATES) - 1;
export const SEED_MAX = 9999;

export interface MeanState {
  tex: Texture;
  seed: number;
  /** Bit i set: candidate i counts as plausible. Never 0. */
  on: number;
}

export const defaultMeanState: MeanState = { tex: 'grass', seed: 1, on: ALL_ON };
/** The URL fields `mean.tex`, `mean.seed`, `mean.on` (a bit mask of the candidates, never 0). */
export const meanSchema: Schema<MeanState> = { tex: oneOfField(TEXTURES, 'grass'), seed: intField(1, SEED_MAX, 1), on: bitsField(CANDIDATES, ALL_ON) };

export const selectedIndices = (on: number): number[] => Array.from({ length: CANDIDATES }, (_, i) => i).filter((i) => on & (1 << i));
