// Build-time reader of chapter 4's data in public/data/realesrgan (written by training/srt/site/figures_realesrgan.py
// and srt.measure.degraded_eval): the kernel gallery, the degradation strip, the model comparison and the degraded
// Set5 / Set14 means. Node only, during `astro build`; a missing or malformed file gives null.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DATA_DIR = 'data/realesrgan';

export interface KernelEntry {
  spec: { kind: string; size: number; sigma_x?: number; sigma_y?: number; theta?: number; beta?: number; cutoff?: number };
  min: number;
  max: number;
  overshoot_percent: number;
}
export interface StripData {
  photo: string;
  /** The HR crop's top-left corner in the demo photograph. */
  left: number;
  top: number;
  params: Record<string, unknown>;
  stages: { name: string; width: number; height: number }[];
}
export interface CompareEntry {
  photo: string;
  psnr: Record<string, number>;
}
/** means[set]["<model>/<degraded|clean>"] = { psnr, ssim } */
type SetMeans = Record<'set5' | 'set14', Record<string, { psnr: number; ssim: number }>>;
export interface DegradedData {
  mean: SetMeans;
  /** srt.measure.linear_oracle: oracle[set]["<model>"] is its degraded mean Y-PSNR, oracle[set]["oracle/<model>"] the
   * same after the best linear filter fitted to each photograph (the answer in hand). */
  oracle?: Record<'set5' | 'set14', Record<string, number>>;
  /** srt.measure.degraded_draws: the degraded means on other draws of the list (the first list is the committed one),
   * and the gain of realesrnet over rrdb_psnr pooled over every draw. */
  draws?: {
    lists: { seed: number; mean: SetMeans }[];
    gain: Record<'set5' | 'set14', { draws: number; mean: number; median: number; sd: number; share_1db: number }>;
  };
}

function readJson<T>(name: string): T | null {
  const file = join(process.cwd(), 'public', DATA_DIR, name);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

export const readKernels = () => readJson<KernelEntry[]>('kernels.json');
export const readStrip = () => readJson<StripData>('strip.json');
export const readCompare = () => readJson<CompareEntry[]>('compare.json');
export const readDegraded = () => readJson<DegradedData>('degraded.json');

/**
 * One number for the prose: `set5.realesrnet.degraded` (mean Y-PSNR), `set5.gain.degraded` (realesrnet minus
 * rrdb_psnr), `overshoot.sinc` (a kernel's overshoot on a step, %), `compare.chelsea.realesrnet` (PSNR of a crop),
 * `set5.oracle.bicubic` (what the oracle linear filter adds to bicubic's degraded mean), `set5.lift.realesrnet` (what
 * realesrnet adds to it, from linear_oracle's run), `set5.draws.min` / `.max` (the smallest and largest gain of a
 * whole list's mean over the lists of degraded_draws), `set5.draws.mean` / `.sd` (the gain pooled over every draw,
 * its mean and standard deviation), `set5.draws.count` (how many draws). Null when the data is not in this build.
 */
export function realesrganNumber(key: string): number | null {
  const [a, b, c] = key.split('.');
  if (a === 'overshoot') return readKernels()?.find((k) => k.spec.kind === b)?.overshoot_percent ?? null;
  if (b === 'draws') return drawsNumber(a as 'set5' | 'set14', c);
  if (a === 'compare') return readCompare()?.find((e) => e.photo === b)?.psnr[c] ?? null;
  if (b === 'oracle' || b === 'lift') {
    const o = readDegraded()?.oracle?.[a as 'set5' | 'set14'];
    const from = o?.[b === 'oracle' ? c : 'bicubic'];
    const to = o?.[b === 'oracle' ? `oracle/${c}` : c];
    if (from === undefined || to === undefined) return null;
    return to - from;
  }
  const means = readDegraded()?.mean[a as 'set5' | 'set14'];
  if (!means) return null;
  if (b === 'gain' || b === 'loss') {
    const x = means[`realesrnet/${c}`]?.psnr;
    const y = means[`rrdb_psnr/${c}`]?.psnr;
    if (x === undefined || y === undefined) return null;
    return b === 'gain' ? x - y : y - x;
  }
  return means[`${b}/${c}`]?.psnr ?? null;
}

function drawsNumber(set: 'set5' | 'set14', what: string): number | null {
  const draws = readDegraded()?.draws;
  if (!draws?.gain[set]) return null;
  if (what === 'mean') return draws.gain[set].mean;
  if (what === 'count') return draws.gain[set].draws;
  if (what === 'sd') return draws.gain[set].sd;
  const gains = draws.lists.map((l) => (l.mean?.[set]?.['realesrnet/degraded']?.psnr ?? NaN) - (l.mean?.[set]?.['rrdb_psnr/degraded']?.psnr ?? NaN));
  if (gains.some((g) => !Number.isFinite(g)) || !gains.length) return null;
  if (what === 'min') return Math.min(...gains);
  if (what === 'max') return Math.max(...gains);
  return null;
}
