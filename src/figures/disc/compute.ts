// The discriminator figure's arithmetic (no DOM): the sources of generated patches, the four quarters of a
// photograph as one batch, the standard D = σ(C) and relativistic D_Ra = σ(C − mean C of the other set) from the
// raw logits, the rows the table prints, and the URL fields (disc.img, disc.fake).
import type { RGBImage } from '../../sr/image';
import { demoImages } from '../../ui/images/demoImages';
import { oneOfField, type Schema } from '../../ui/urlState';

/** Side of one patch the discriminators score; the photographs are 2·PATCH square. */
export const PATCH = 128;
export const DISCRIMINATORS = ['esrgan_d', 'esrgan_std_d'] as const;
/** Where the generated patches come from: bicubic enlargement or one of the RRDB generators. */
export const DISC_FAKES = ['bicubic', 'rrdb_psnr', 'esrgan', 'esrgan_std'] as const;
export type DiscFake = (typeof DISC_FAKES)[number];
/**
 * Sources the figure shows as pictures pre-computed by the training pipeline (public/data/esrgan,
 * `python -m srt.site.figures_esrgan`) instead of running the generator: esrgan_std is the only RRDB generator
 * no other figure of the chapter loads, and downloading it for this one choice would take the page over
 * its 12 MB budget.
 */
export const DISC_PRECOMPUTED: readonly DiscFake[] = ['esrgan_std'];

export interface DiscState {
  img: string;
  fake: DiscFake;
}
const photoIds = demoImages.map((d) => d.id);
export const discSchema: Schema<DiscState> = { img: oneOfField(photoIds, 'chelsea'), fake: oneOfField(DISC_FAKES, 'esrgan') };

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

export function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return values.length ? s / values.length : NaN;
}

/**
 * Discriminator outputs for a set of real and a set of fake patches from their raw logits C(x):
 * the standard D(x) = σ(C(x)), and the relativistic average D_Ra(x_r, x_f) = σ(C(x_r) − E[C(x_f)])
 * and D_Ra(x_f, x_r) = σ(C(x_f) − E[C(x_r)]).
 */
export function discriminatorOutputs(real: ArrayLike<number>, fake: ArrayLike<number>) {
  const meanReal = mean(real);
  const meanFake = mean(fake);
  const list = (xs: ArrayLike<number>, f: (x: number) => number) => Array.from(xs, f);
  return {
    meanReal,
    meanFake,
    standardReal: list(real, sigmoid),
    standardFake: list(fake, sigmoid),
    relativisticReal: list(real, (c) => sigmoid(c - meanFake)),
    relativisticFake: list(fake, (c) => sigmoid(c - meanReal)),
  };
}

/** The four size×size quadrants of a (2·size)×(2·size) image as one NHWC batch (row-major order). */
export function quadrantBatch(img: RGBImage, size: number): { count: number; size: number; data: Float32Array } {
  if (img.width < 2 * size || img.height < 2 * size) throw new Error('quadrantBatch: image too small');
  const data = new Float32Array(4 * size * size * 3);
  let k = 0;
  for (const [qy, qx] of [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ]) {
    for (let y = 0; y < size; y++) {
      const from = ((qy * size + y) * img.width + qx * size) * 3;
      data.set(img.data.subarray(from, from + size * 3), k);
      k += size * 3;
    }
  }
  return { count: 4, size, data };
}

/** One table row: a patch's logit C and both outputs, in the order the table prints them (real 1-4, then generated 1-4). */
export interface OutputRow {
  kind: 'real' | 'fake';
  index: number;
  c: number;
  d: number;
  dra: number;
}

export function outputRows(real: ArrayLike<number>, fake: ArrayLike<number>): { rows: OutputRow[]; meanReal: number; meanFake: number } {
  const o = discriminatorOutputs(real, fake);
  const rows = (['real', 'fake'] as const).flatMap((kind) =>
    Array.from(kind === 'real' ? real : fake, (c, index) => ({
      kind,
      index,
      c,
      d: kind === 'real' ? o.standardReal[index] : o.standardFake[index],
      dra: kind === 'real' ? o.relativisticReal[index] : o.relativisticFake[index],
    })),
  );
  return { rows, meanReal: o.meanReal, meanFake: o.meanFake };
}
