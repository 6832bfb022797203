// State of the network-interpolation figure and its URL form (`esr.alpha`, `esr.img`, `esr.loupe`).
import { snapAlpha } from './compute';
import { demoImages } from '../../ui/images/demoImages';

export const SCALE = 4;
/** Side of the loupe, in output pixels. */
export const LOUPE = 24;
export const DEFAULT_ALPHA = 0.5;
/** Milliseconds for one sweep 0 → 1 → 0 of the animation. */
export const SWEEP_MS = 8000;

export interface InterpState {
  alpha: number;
  image: string;
  /** Loupe centre as a fraction of the output. */
  loupe: { x: number; y: number };
}

export const defaultInterpState = (image = 'chelsea'): InterpState => ({ alpha: DEFAULT_ALPHA, image, loupe: { x: 0.5, y: 0.5 } });

function unit(v: string | null, fallback: number): number {
  const n = v === null ? NaN : Number(v);
  return Number.isFinite(n) && n >= 0 && n <= 1 ? n : fallback;
}

export function readInterpState(search: string, defaultImage = 'chelsea'): InterpState {
  const q = new URLSearchParams(search);
  const d = defaultInterpState(defaultImage);
  const img = q.get('esr.img');
  const loupe = (q.get('esr.loupe') ?? '').split(',');
  return {
    alpha: snapAlpha(unit(q.get('esr.alpha'), d.alpha)),
    image: img && demoImages.some((x) => x.id === img) ? img : d.image,
    loupe: loupe.length === 2 ? { x: unit(loupe[0], 0.5), y: unit(loupe[1], 0.5) } : d.loupe,
  };
}

export function writeInterpState(search: string, s: InterpState): string {
  const q = new URLSearchParams(search);
  q.set('esr.alpha', s.alpha.toFixed(2));
  if (s.image !== 'own') q.set('esr.img', s.image); // the reader's own picture never enters the URL
  q.set('esr.loupe', `${s.loupe.x.toFixed(3)},${s.loupe.y.toFixed(3)}`);
  const out = q.toString();
  return out ? `?${out}` : '';
}
