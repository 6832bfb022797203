// What the playground's reader has chosen (its state), what it holds beside it (the zoo's architectures, the
// reader's picture and model file), and what follows from them before anything runs: the model, the picture at
// the size limit, and the plan line (sizes, tiles, multiply-accumulates, the time once this device is measured).
import type { RGBImage } from '../../sr/image';
import { imresizeJs } from '../../sr/resizeCpu';
import { fill, playgroundStrings } from '../../i18n/playground';
import type { Lang } from '../../i18n';
import { demoImages } from '../../ui/images/demoImages';
import { estimateSeconds, fitSide, modelRef, PAIRS, planRun, type TileChoice } from './compute';
import { duration, tileCount, type Chosen, type Rate } from './run';
import type { Arch, ModelFile } from './sources';

export interface State {
  picture: string;
  side: number;
  model: string;
  tile: TileChoice;
  alpha: number;
  /** Bumped when the reader's picture or model file changes (same choice, new content); never in the URL. */
  rev: number;
}

/** What the playground holds beyond its state: the zoo's architectures, the reader's picture and model file. */
export interface Held {
  archs: Record<string, Arch>;
  own: RGBImage | null;
  file: ModelFile | null;
}

/** The picture's size after the limit, without loading it (the demo manifest knows the photos' sizes). */
export function sizeOf(st: State, h: Held) {
  const src = st.picture === 'own' && h.own ? h.own : demoImages.find((d) => d.id === st.picture) ?? demoImages[0];
  return fitSide(src.width, src.height, st.side);
}

/** The chosen picture, reduced to the size limit. */
export async function pictureOf(st: State, h: Held, photos: (id: string) => Promise<RGBImage>): Promise<RGBImage> {
  const img = st.picture === 'own' && h.own ? h.own : await photos(st.picture === 'own' ? 'chelsea' : st.picture);
  const fit = fitSide(img.width, img.height, st.side);
  return fit.width === img.width ? img : imresizeJs(img, fit.width / img.width);
}

export const archOf = (st: State, h: Held): Arch | null => (st.model === 'file' ? h.file?.arch ?? null : h.archs[st.model] ?? null);

/** What the reader chose now, or null without a model. */
export function chosenNow(st: State, h: Held): Chosen | null {
  const arch = archOf(st, h);
  if (!arch) return null;
  if (st.model === 'file') return { ref: h.file!.id, label: h.file!.name, arch };
  return { ref: modelRef(st.model, st.alpha), label: PAIRS[st.model] && st.alpha < 1 ? `${st.model}-alpha${st.alpha}` : st.model, arch };
}

/** The probe's rate per architecture and shape (what the cost depends on, not the weights), measured once. */
export const rateKey = (c: Chosen) => JSON.stringify(c.arch);

/** The plan line: sizes, tiles, multiply-accumulates, and the time once this device has been measured. */
export function planText(lang: Lang, st: State, h: Held, rates: ReadonlyMap<string, Rate>): string {
  const s = playgroundStrings[lang];
  const arch = archOf(st, h);
  const img = sizeOf(st, h); // nothing is fetched before the reader runs something
  const plan = arch ? planRun(arch.name, arch.params ?? {}, img.width, img.height, st.tile) : null;
  if (!plan) return s.noModel;
  const chosen = chosenNow(st, h);
  const rate = chosen && rates.get(rateKey(chosen));
  const cost = rate ? fill(s.estimate, { t: duration(lang, estimateSeconds(plan.macs, rate.macs, rate.ms)) }) : s.estimateLater;
  const g = (n: number) => (n / 1e9).toFixed(n < 1e10 ? 2 : 0);
  const overlap = plan.tiles > 1 ? fill(s.overlap, { whole: g(plan.wholeMacs) }) : '';
  return fill(s.plan, { w: img.width, h: img.height, ow: plan.outWidth, oh: plan.outHeight, tiles: tileCount(lang, plan.tiles, plan.tile), gmacs: g(plan.macs), overlap }) + s.gap + cost;
}
