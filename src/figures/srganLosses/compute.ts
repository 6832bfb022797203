// "Three losses, one network" (chapter 2), its arithmetic (no DOM): the URL fields (srgan.img, view, wa, wb, wipe,
// lx, ly), what a state computes (the key of its pictures and the label the e2e suite reads), the loupe between
// output pixels and fractions, what a panel prints under its picture, and which spectra the chart draws.
import { manifest, PANELS, type PanelId } from '../../components/srgan/data';
import type { PanelNumbers } from '../../components/srgan/pipeline';
import { HR_SIZE } from '../../components/srgan/pipeline';
import type { RadialSpectrum } from '../../sr/spectrum';
import type { Region } from '../../ui/images/crop';
import { OWN } from '../../ui/images/ownPicture';
import { intField, localField, oneOfField, readState, withheldField, type Schema } from '../../ui/urlState';
import { fill } from '../../i18n/fill';

/** Loupe side in output pixels. */
export const LOUPE = 24;
const CROPS = manifest.crops.map((c) => c.image);

export type View = 'side' | 'wipe';
/** The reader's picture: reduced ×1/4 first (a ground truth to score against) or enlarged as it is. */
export type OwnMode = 'down' | 'asis';

export interface LossesState {
  /** A pre-computed crop, or 'own' (never written into the URL). */
  img: string;
  view: View;
  /** The wipe's left and right pictures. */
  wa: PanelId;
  wb: PanelId;
  /** Wipe position, percent from the left. */
  wipe: number;
  /** Loupe centre in output pixels. */
  lx: number;
  ly: number;
  /** The reader's picture: how it is used, which part, and which file (a counter). Not in the URL. */
  mode: OwnMode;
  region: Region;
  own: number;
}

const LO = LOUPE / 2;
const HI = HR_SIZE - LOUPE / 2;
export const lossesSchema: Schema<LossesState> = {
  img: withheldField(oneOfField(CROPS, CROPS[0]), OWN),
  view: oneOfField(['side', 'wipe'] as const, 'side'),
  wa: oneOfField(PANELS, 'srresnet'),
  wb: oneOfField(PANELS, 'srgan'),
  wipe: intField(0, 100, 50),
  lx: intField(LO, HI, 56),
  ly: intField(LO, HI, 60),
  mode: localField('down'),
  region: localField('c'),
  own: localField(0),
};

/** The state of a page without `srgan.*` parameters: every field's own default. */
export const defaultLossesState: LossesState = readState('', 'srgan', lossesSchema);

/** What the figure computed, as `data-computed` says it: the crop, or `own:<mode>[:<region>]` (the centre left out). */
export function computedLabel(s: LossesState): string {
  return s.img === OWN ? `own:${s.mode}${s.region === 'c' ? '' : `:${s.region}`}` : s.img;
}

/** The pictures a state shows: only these fields make a run stale (the loupe and the wipe do not). */
export const picturesKey = (s: LossesState): string => `${computedLabel(s)}#${s.img === OWN ? s.own : 0}`;

/** The loupe centre as fractions of the output, and back (rounded to whole output pixels). */
export const loupeFraction = (s: Pick<LossesState, 'lx' | 'ly'>): { x: number; y: number } => ({ x: s.lx / HR_SIZE, y: s.ly / HR_SIZE });
const toPixel = (f: number): number => Math.min(HI, Math.max(LO, Math.round(f * HR_SIZE)));
export const loupePixels = (p: { x: number; y: number }): { lx: number; ly: number } => ({ lx: toPixel(p.x), ly: toPixel(p.y) });

export interface MetricStrings {
  metrics: string;
  noTruth: string;
  pending: string;
}

/** The line under a panel and the values its data attributes carry (empty for the first panel, which is the truth). */
export function metricLine(id: PanelId, n: PanelNumbers | undefined, s: MetricStrings): { text: string; psnr: string; ssim: string } {
  if (id === 'hr') return { text: '', psnr: '', ssim: '' };
  if (!n) return { text: s.pending, psnr: '', ssim: '' };
  if (n.psnr === null || n.ssim === null) return { text: s.noTruth, psnr: '', ssim: '' };
  return { text: fill(s.metrics, { p: n.psnr.toFixed(2), s: n.ssim.toFixed(4) }), psnr: String(n.psnr), ssim: String(n.ssim) };
}

/** The spectra the chart draws: every measured panel, the first one only when it is a ground truth. */
export function chartSpectra(numbers: Partial<Record<PanelId, PanelNumbers>>, hasTruth: boolean): Partial<Record<PanelId, RadialSpectrum>> {
  return Object.fromEntries(PANELS.filter((id) => numbers[id] && (id !== 'hr' || hasTruth)).map((id) => [id, numbers[id]!.spectrum]));
}
