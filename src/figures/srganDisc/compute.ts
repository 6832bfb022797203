// "What the discriminator sees" (chapter 2), its arithmetic (no DOM): which patches the reader ticked (one bit per
// panel, the URL's disc.on), the batch srgan_d scores, and what a score prints: C(x), D(x) = σ(C(x)), the verdict
// and the bar's width. URL fields: disc.img (a pre-computed crop), disc.on (1 … 31, all five by default).
import { manifest, PANELS, sigmoid, type PanelId } from '../../components/srgan/data';
import type { RGBImage } from '../../sr/image';
import type { PatchBatch } from '../../sr/runtime/session';
import { bitsField, oneOfField, type Schema } from '../../ui/urlState';

export const ALL_PATCHES = (1 << PANELS.length) - 1;
const CROPS = manifest.crops.map((c) => c.image);

export interface SrganDiscState {
  img: string;
  /** Bit i set: PANELS[i] is scored. */
  on: number;
}
export const srganDiscSchema: Schema<SrganDiscState> = { img: oneOfField(CROPS, CROPS[0]), on: bitsField(PANELS.length, ALL_PATCHES) };
export const defaultSrganDiscState: SrganDiscState = { img: CROPS[0], on: ALL_PATCHES };

export const isOn = (on: number, id: PanelId): boolean => (on & (1 << PANELS.indexOf(id))) !== 0;

/** `on` with `id` ticked or not. Unticking the last patch is allowed here (the figure then scores nothing). */
export const withPatch = (on: number, id: PanelId, ticked: boolean): number => (ticked ? on | (1 << PANELS.indexOf(id)) : on & ~(1 << PANELS.indexOf(id)));

/** The ticked patches that exist, in panel order, as one NHWC batch for `client.discriminate`. */
export function patchBatch(on: number, patches: Partial<Record<PanelId, RGBImage>>, size: number): { ids: PanelId[]; batch: PatchBatch } {
  const ids = PANELS.filter((id) => isOn(on, id) && patches[id]);
  const per = size * size * 3;
  const data = new Float32Array(ids.length * per);
  ids.forEach((id, k) => {
    const img = patches[id]!;
    if (img.width !== size || img.height !== size) throw new Error(`patchBatch: ${id} is ${img.width}×${img.height}, not ${size}×${size}`);
    data.set(img.data, k * per);
  });
  return { ids, batch: { count: ids.length, size, data } };
}

/** What a score prints: the logit (with a true minus sign), D = σ(C) to three decimals, the verdict, the bar's width. */
export function scoreDisplay(logit: number): { logit: string; prob: string; real: boolean; width: string } {
  const d = sigmoid(logit);
  return { logit: logit.toFixed(3).replace('-', '−'), prob: d.toFixed(3), real: d >= 0.5, width: `${(100 * d).toFixed(1)}%` };
}
