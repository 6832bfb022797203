// State of the "three losses" figure: what the reader can set, its defaults and limits, and the
// `srgan.*` URL parameters (rule 16). Pure.
import { HR_SIZE } from './pipeline';
import { PANELS, type PanelId } from './data';

/** Loupe side in output pixels. */
export const LOUPE = 24;
export const URL_PREFIX = 'srgan.';

export interface LossesState {
  image: string;
  view: 'side' | 'wipe';
  wipeA: PanelId;
  wipeB: PanelId;
  /** Wipe position, percent from the left. */
  wipe: number;
  /** Loupe centre in output pixels. */
  loupe: { x: number; y: number };
}

export const clampLoupe = (v: number): number => Math.max(LOUPE / 2, Math.min(HR_SIZE - LOUPE / 2, Math.round(v)));

export function defaultLoupe(): { x: number; y: number } {
  return { x: 56, y: 60 };
}

export function readLossesState(get: (key: string) => string | null, images: string[]): LossesState {
  const panel = (v: string | null, d: PanelId): PanelId => (v && (PANELS as string[]).includes(v) ? (v as PanelId) : d);
  const num = (v: string | null, d: number): number => (v !== null && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : d);
  const image = get('img');
  const d = defaultLoupe();
  return {
    image: image && images.includes(image) ? image : images[0],
    view: get('view') === 'wipe' ? 'wipe' : 'side',
    wipeA: panel(get('wa'), 'srresnet'),
    wipeB: panel(get('wb'), 'srgan'),
    wipe: Math.max(0, Math.min(100, Math.round(num(get('wipe'), 50)))),
    loupe: { x: clampLoupe(num(get('lx'), d.x)), y: clampLoupe(num(get('ly'), d.y)) },
  };
}
