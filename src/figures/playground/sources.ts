// What the playground runs on and with: the reader's picture (file, drop, paste; decoded in the browser, scaled
// down to at most 1024 px) and the reader's model file (read and checked in the runtime's Worker, never executed).
import type { RGBImage } from '../../sr/image';
import type { ArchitectureName, ArchParams } from '../../sr/weights/card';
import { fill, playgroundStrings } from '../../i18n/playground';
import { imageLoadMessage } from '../../i18n/imageLoad';
import type { FigureContext } from '../../ui/figure';
import { decodeBlob, ImageLoadError } from '../../ui/images/imageLoad';
import { SIDES } from './compute';

/** Largest model file read (the biggest ESRGAN-family ×4 models are under 70 MB). */
export const MAX_MODEL_BYTES = 256 * 1048576;

export type Arch = { name: ArchitectureName; params?: ArchParams };
export interface ModelFile {
  id: string;
  arch: Arch;
  name: string;
}

/** Wires the picture and model-file inputs, drop and paste; `onPicture` / `onModel` get what was accepted. */
export function readerSources<S>(ctx: FigureContext<S>, onPicture: (img: RGBImage) => void, onModel: (m: ModelFile) => void) {
  const s = playgroundStrings[ctx.lang];
  const info = ctx.el('model-info');
  async function takePicture(blob: Blob, name: string): Promise<void> {
    try {
      const loaded = await decodeBlob(blob, name, SIDES[SIDES.length - 1]);
      ctx.say(fill(s.pictureLoaded, { w: loaded.image.width, h: loaded.image.height, ow: loaded.originalWidth, oh: loaded.originalHeight }));
      onPicture(loaded.image);
    } catch (err) {
      if (err instanceof ImageLoadError) ctx.say(imageLoadMessage(ctx.lang, err, name.slice(0, 60)));
      else ctx.fail(err, 'last');
    }
  }
  async function takeModel(f: File): Promise<void> {
    if (f.size > MAX_MODEL_BYTES) {
      info.textContent = fill(s.modelTooBig, { mb: Math.round(f.size / 1048576), max: MAX_MODEL_BYTES / 1048576 });
      return;
    }
    const rt = await ctx.runtime();
    if (!rt) return;
    try {
      const id = 'file'; // one reader's model at a time: a new file replaces (and frees) the last
      const { card, keyStyle } = await rt.client.registerModelFile(id, f.name, await f.arrayBuffer());
      const params = card.parameters.toLocaleString(ctx.lang);
      const shape = Object.entries(card.architecture.params).map(([k, v]) => `${k} ${v}`).join(', ');
      const mb = (f.size / 1048576).toFixed(1);
      info.textContent = fill(s.detected, { file: f.name.slice(0, 60), mb, arch: card.architecture.name, shape, params, scale: card.architecture.scale ?? 4, keys: keyStyle });
      onModel({ id, arch: card.architecture as Arch, name: f.name });
    } catch (err) {
      ctx.fail(err, 'last');
      info.textContent = fill(s.supported, { list: s.supportedList });
    }
  }
  const pictureFile = ctx.el<HTMLInputElement>('picture-file');
  const modelFile = ctx.el<HTMLInputElement>('model-file');
  ctx.el('pick-picture').addEventListener('click', () => pictureFile.click());
  ctx.el('pick-model').addEventListener('click', () => modelFile.click());
  pictureFile.addEventListener('change', () => pictureFile.files?.[0] && void takePicture(pictureFile.files[0], pictureFile.files[0].name));
  modelFile.addEventListener('change', () => modelFile.files?.[0] && void takeModel(modelFile.files[0]));
  ctx.root.addEventListener('dragover', (e) => e.preventDefault());
  ctx.root.addEventListener('drop', (e) => {
    e.preventDefault();
    const f = e.dataTransfer?.files[0];
    if (f) void (/\.(pth|pt|safetensors)$/i.test(f.name) ? takeModel(f) : takePicture(f, f.name));
  });
  document.addEventListener('paste', (e) => {
    const f = [...(e.clipboardData?.files ?? [])].find((x) => x.type.startsWith('image/'));
    if (f) void takePicture(f, f.name || 'pasted');
  });
  return { choosePicture: () => pictureFile.click(), chooseModel: () => modelFile.click() };
}
