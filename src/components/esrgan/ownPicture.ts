// Chapter 3's "your own picture" control, shared by the interpolation and BatchNorm figures: a button opens the
// file chooser, the file is decoded here (in a Worker where it can; nothing is uploaded), a refusal is said in
// the page's language, and an accepted picture enables the image select's 'own' option and is handed on. The
// figures crop it as they crop a demo photo (its centre, `cropSize` LR pixels).
import type { RGBImage } from '../../sr/image';
import { fill, type EsrganStrings } from '../../i18n/esrgan';
import { imageLoadMessage } from '../../i18n/imageLoad';
import { regionCrop } from '../srgan/pipeline';
import { decodeBlob } from '../../ui/images/imageLoad';
import { cropImage } from '../../ui/images/crop';
import { findDemoImage } from '../../ui/images/demoImages';

export const OWN = 'own';

export interface OwnPicture {
  /** A key for what `image` names: the image id, or which of the reader's pictures (a new file, a new key). */
  key(image: string): string;
  /** The centre size×size part of the reader's latest picture, or null before one is chosen. */
  centre(size: number): RGBImage | null;
}

export function attachOwnPicture(o: {
  root: HTMLElement;
  lang: 'en' | 'ja';
  s: EsrganStrings;
  select: HTMLSelectElement;
  /** The smallest side the figure can crop from. */
  minSide: number;
  say: (text: string) => void;
  /** Called when a picture is accepted; the select already says 'own'. */
  onPicture: () => void;
}): OwnPicture {
  let latest: { picture: RGBImage; n: number } | null = null;
  const own: OwnPicture = {
    key: (image) => (image === OWN && latest ? `own-${latest.n}` : image),
    centre: (size) => (latest ? regionCrop(latest.picture, size, 'c') : null),
  };
  const button = o.root.querySelector<HTMLButtonElement>('button[data-role="own-button"]');
  const input = o.root.querySelector<HTMLInputElement>('input[data-role="own-file"]');
  const option = o.select.querySelector<HTMLOptionElement>(`option[value="${OWN}"]`);
  if (!button || !input || !option) return own;
  button.disabled = false;
  button.addEventListener('click', () => input.click());
  let chosen = 0; // files chosen so far: a slow decode of an older file is dropped when a newer one was picked
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const mine = ++chosen;
    try {
      const { image } = await decodeBlob(file, file.name);
      if (mine !== chosen) return;
      if (image.width < o.minSide || image.height < o.minSide) {
        o.say(fill(o.s.ownTooSmall, { n: o.minSide }));
        return;
      }
      latest = { picture: image, n: (latest?.n ?? 0) + 1 };
      option.disabled = false;
      o.select.value = OWN;
      o.onPicture();
    } catch (err) {
      o.say(imageLoadMessage(o.lang, err, file.name));
    }
  });
  return own;
}


/**
 * A chapter-3 figure's input: the centre of the reader's picture when `image` is 'own' and one was chosen, else the
 * demo photo's size×size crop whose corner sits at the fractions `at` of the free range (chelsea for an unknown id).
 */
export async function figureCrop(own: OwnPicture, image: string, photo: (id: string) => Promise<RGBImage>, size: number, at: { x: number; y: number }): Promise<RGBImage> {
  const mine = image === OWN ? own.centre(size) : null;
  if (mine) return mine;
  const src = await photo(findDemoImage(image) ? image : 'chelsea');
  const side = Math.min(size, src.width, src.height);
  return cropImage(src, { x: Math.round(at.x * (src.width - side)), y: Math.round(at.y * (src.height - side)), width: side, height: side });
}
