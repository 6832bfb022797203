// Binds ./PhotoSeed.astro for chapter 4's live figures: the photo select, the reader's own picture (kit:
// ownPictureOf) and the seed (kit: bindSeed). Returns the crop a state degrades: the centre of the reader's picture,
// the pipeline's own crop of its photo (the root's data-photo, data-left, data-top, so that the first live picture
// is the static one's), or the centre of another demo photo.
import type { RGBImage } from '../../sr/image';
import { bindSeed } from '../../ui/controls/seed';
import type { FigureContext } from '../../ui/figure';
import { squareCrop } from '../../ui/images/crop';
import { demoImages } from '../../ui/images/demoImages';
import { demoPhotoLoader } from '../../ui/images/imageLoad';
import { OWN, ownPictureOf, type OwnPicture } from '../../ui/images/ownPicture';
import { intField, localField, oneOfField, optionalField, withheldField, type Schema } from '../../ui/urlState';
import { MAX_SEED } from './compute';

export interface PhotoSeedState {
  /** A demo photo's id, or 'own' (the reader's picture, never in the URL). */
  img: string;
  /** Which of the reader's files 'own' means (a new file, a new state). */
  own: number;
  seed: number | null;
}

export function bindPhotoSeed<S extends PhotoSeedState>(
  ctx: FigureContext<S>,
  size: number,
  onSeed: (seed: number) => void,
): { own: OwnPicture; crop(img: string): Promise<RGBImage> } {
  const photo = demoPhotoLoader(ctx.url);
  const select = ctx.el<HTMLSelectElement>('photo');
  select.value = ctx.state.img;
  select.addEventListener('change', () => ctx.set({ img: select.value } as Partial<S>));
  const own = ownPictureOf(ctx, select, size);
  bindSeed(ctx.root, MAX_SEED, ctx.state.seed, onSeed);
  const root = ctx.root;
  return {
    own,
    async crop(img) {
      const mine = img === OWN ? own.region(size, 'c') : null;
      if (mine) return mine;
      const at = img === root.dataset.photo ? { x: Number(root.dataset.left), y: Number(root.dataset.top) } : undefined;
      return squareCrop(await photo(img), size, at);
    },
  };
}

const photoIds = demoImages.map((d) => d.id);
/** The URL fields of the row (`<prefix>.img`, `<prefix>.seed`): the reader's picture never enters the URL. */
export const photoSeedSchema: Schema<PhotoSeedState> = {
  img: withheldField(oneOfField(photoIds, photoIds[0]), OWN),
  own: localField(0),
  seed: optionalField(intField(0, MAX_SEED, 0)),
};
