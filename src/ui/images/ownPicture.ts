// "Your own picture" for any figure: a button opens the file chooser (a file dropped on the figure or pasted into it
// does the same), the file is decoded here (in a Worker where it can; nothing is uploaded), a refusal is said in the
// page's language, and an accepted picture enables the image select's 'own' option and is handed on. Figures crop
// it as they crop a demo photo: `region(size, r)`: the part the reader picked, or its centre ('c').
import type { RGBImage } from '../../sr/image';
import type { Lang } from '../../i18n';
import { imageLoadMessage } from '../../i18n/imageLoad';
import { fill, kitStrings } from '../../i18n/kit';
import type { FigureContext } from '../figure';
import { decodeBlob } from './imageLoad';
import { cropImage, regionCrop, type Region } from './crop';
import { findDemoImage } from './demoImages';

export const OWN = 'own';

/** A reader's picture's size as decoded (`w`, `h`) and as the file had it (`w0`, `h0`). */
export interface PictureSize {
  w: number;
  h: number;
  w0: number;
  h0: number;
  downscaled: boolean;
}

export interface OwnPicture {
  /** A key for what `image` names: the image id, or which of the reader's pictures (a new file, a new key). */
  key(image: string): string;
  /** The size×size part at one of nine regions (smaller where the picture is), or null before one is chosen. */
  region(size: number, region: Region): RGBImage | null;
  /** The whole picture as decoded (scaled down first when huge), or null before one is chosen. */
  whole(): RGBImage | null;
}

export function attachOwnPicture(o: {
  root: HTMLElement;
  lang: Lang;
  select: HTMLSelectElement;
  /** The smallest side the figure can crop from (asked when a file arrives). */
  minSide: number | (() => number);
  /** The refusal of a picture smaller than `n` pixels on a side, in the page's language. */
  tooSmall: (n: number) => string;
  /** What to say when the decoder scaled a huge picture down first (say nothing when absent). */
  scaled?: (w: number, h: number) => string;
  /** What to say of any accepted picture instead, from its size before and after decoding. */
  loaded?: (size: PictureSize) => string;
  say: (text: string) => void;
  /** Called when a picture is accepted, with its size before and after decoding; the select already says 'own'. */
  onPicture: (size: PictureSize) => void;
}): OwnPicture {
  let latest: { picture: RGBImage; n: number } | null = null;
  const own: OwnPicture = {
    key: (image) => (image === OWN && latest ? `own-${latest.n}` : image),
    region: (size, r) => (latest ? regionCrop(latest.picture, size, r) : null),
    whole: () => latest?.picture ?? null,
  };
  const button = o.root.querySelector<HTMLButtonElement>('button[data-role="own-button"]');
  const input = o.root.querySelector<HTMLInputElement>('input[data-role="own-file"]');
  const option = o.select.querySelector<HTMLOptionElement>(`option[value="${OWN}"]`);
  if (!button || !input || !option) return own;
  const ownOption = option;
  button.disabled = false;
  button.addEventListener('click', () => input.click());
  let chosen = 0; // files chosen so far: a slow decode of an older file is dropped when a newer one was picked
  async function take(file: File | null | undefined) {
    if (!file) return;
    const mine = ++chosen;
    try {
      const { image, downscaled, originalWidth, originalHeight } = await decodeBlob(file, file.name);
      if (mine !== chosen) return;
      const min = typeof o.minSide === 'function' ? o.minSide() : o.minSide;
      if (image.width < min || image.height < min) {
        o.say(o.tooSmall(min));
        return;
      }
      latest = { picture: image, n: (latest?.n ?? 0) + 1 };
      ownOption.disabled = false;
      o.select.value = OWN;
      const size = { w: image.width, h: image.height, w0: originalWidth, h0: originalHeight, downscaled };
      o.onPicture(size);
      if (o.loaded) o.say(o.loaded(size));
      else if (downscaled && o.scaled) o.say(o.scaled(image.width, image.height));
    } catch (err) {
      o.say(imageLoadMessage(o.lang, err, file.name));
    }
  }
  input.addEventListener('change', () => {
    void take(input.files?.[0]);
    input.value = '';
  });
  // a drop or a paste does what the button does, and nothing while the controls are off (no backend)
  const open = () => !button.disabled;
  o.root.addEventListener('dragover', (e) => {
    if (!open() || !e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    o.root.classList.add('ui-dropping');
  });
  o.root.addEventListener('dragleave', (e) => e.target === o.root && o.root.classList.remove('ui-dropping'));
  o.root.addEventListener('drop', (e) => {
    o.root.classList.remove('ui-dropping');
    const file = e.dataTransfer?.files?.[0];
    if (!open() || !file) return;
    e.preventDefault();
    void take(file);
  });
  o.root.addEventListener('paste', (e) => {
    const item = [...(e.clipboardData?.items ?? [])].find((i) => i.kind === 'file');
    if (open() && item) void take(item.getAsFile());
  });
  return own;
}

/**
 * `attachOwnPicture` for a kit figure whose state names its picture (`img`: a demo id or 'own') and which of the
 * reader's files 'own' means (`own`, counted up by every new file): a refusal in the kit's words on the figure's
 * status line; a picture the decoder scaled down is said so in the button's note (`own-note`), which stays while the
 * picture is shown (the status line is the runs' own). The markup is ui/OwnPictureButton.astro and the select's
 * 'own' option.
 */
export function ownPictureOf<S extends { img: string; own: number }>(ctx: FigureContext<S>, select: HTMLSelectElement, minSide: number | (() => number)): OwnPicture {
  const note = ctx.root.querySelector<HTMLElement>('[data-role="own-note"]');
  const showNote = () => note && (note.hidden = select.value !== OWN || !note.textContent);
  select.addEventListener('change', showNote);
  return attachOwnPicture({
    root: ctx.root,
    lang: ctx.lang,
    select,
    minSide,
    tooSmall: (n) => fill(kitStrings[ctx.lang].ownTooSmall, { n }),
    say: ctx.say,
    onPicture: (size) => {
      if (note) note.textContent = size.downscaled ? fill(kitStrings[ctx.lang].ownScaled, { w: size.w, h: size.h, w0: size.w0, h0: size.h0 }) : '';
      showNote();
      ctx.set({ img: OWN, own: ctx.state.own + 1 } as Partial<S>);
    },
  });
}

/**
 * A figure's input: the centre of the reader's picture when `image` is 'own' and one was chosen, else the demo
 * photo's size×size crop whose corner sits at the fractions `at` of the free range (chelsea for an unknown id).
 */
export async function figureCrop(own: OwnPicture, image: string, photo: (id: string) => Promise<RGBImage>, size: number, at: { x: number; y: number }): Promise<RGBImage> {
  const mine = image === OWN ? own.region(size, 'c') : null;
  if (mine) return mine;
  const src = await photo(findDemoImage(image) ? image : 'chelsea');
  const side = Math.min(size, src.width, src.height);
  return cropImage(src, { x: Math.round(at.x * (src.width - side)), y: Math.round(at.y * (src.height - side)), width: side, height: side });
}
