// Choices of the live discriminator figure and their URL form (`disc.img`, `disc.fake`).
import { demoImages } from '../../ui/images/demoImages';

export const DISCRIMINATORS = ['esrgan_d', 'esrgan_std_d'] as const;
/** Where the generated patches come from: bicubic enlargement or one of the RRDB generators. */
export const DISC_FAKES = ['bicubic', 'rrdb_psnr', 'esrgan', 'esrgan_std'] as const;
export type DiscFake = (typeof DISC_FAKES)[number];
/**
 * Sources the figure shows as pictures pre-computed by the training pipeline (public/data/esrgan,
 * `python -m srt.figures_esrgan`) instead of running the generator: esrgan_std is the only RRDB generator
 * no other figure of the chapter loads, and downloading it for this one choice would take the page over
 * its 12 MB budget.
 */
export const DISC_PRECOMPUTED: readonly DiscFake[] = ['esrgan_std'];

export interface DiscState {
  image: string;
  fake: DiscFake;
}

export function readDiscState(search: string): DiscState {
  const q = new URLSearchParams(search);
  const img = q.get('disc.img');
  const fake = q.get('disc.fake') as DiscFake | null;
  return {
    image: img && demoImages.some((d) => d.id === img) ? img : 'chelsea',
    fake: fake && (DISC_FAKES as readonly string[]).includes(fake) ? fake : 'esrgan',
  };
}

export function writeDiscState(search: string, s: DiscState): string {
  const q = new URLSearchParams(search);
  q.set('disc.img', s.image);
  q.set('disc.fake', s.fake);
  return `?${q.toString()}`;
}
