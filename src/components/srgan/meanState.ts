// State of the "why MSE blurs" figure and its `mean.*` URL parameters (rule 16). Pure.
import { CANDIDATES } from './meanPatch';

export const TEXTURES = ['grass', 'gravel', 'brick'] as const;
export type Texture = (typeof TEXTURES)[number];
export const MEAN_PREFIX = 'mean.';
export const ALL_ON = (1 << CANDIDATES) - 1;
export const SEED_MAX = 9999;

export interface MeanState {
  texture: Texture;
  seed: number;
  /** Bit i set: candidate i counts as plausible. Never 0. */
  on: number;
}

export const defaultMeanState: MeanState = { texture: 'grass', seed: 1, on: ALL_ON };

export function readMeanState(get: (key: string) => string | null): MeanState {
  const tex = get('tex');
  const int = (v: string | null, lo: number, hi: number, d: number): number => {
    const n = v === null || v.trim() === '' ? NaN : Number(v);
    return Number.isInteger(n) && n >= lo && n <= hi ? n : d;
  };
  return {
    texture: (TEXTURES as readonly string[]).includes(tex ?? '') ? (tex as Texture) : defaultMeanState.texture,
    seed: int(get('seed'), 1, SEED_MAX, defaultMeanState.seed),
    on: int(get('on'), 1, ALL_ON, ALL_ON),
  };
}

export const selectedIndices = (on: number): number[] => Array.from({ length: CANDIDATES }, (_, i) => i).filter((i) => on & (1 << i));
