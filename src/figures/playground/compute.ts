// The playground's pure side: the picture's size after the reader's size limit, and the plan of a run (output
// size, tile side and count, overlap) as the runtime will make it (src/sr/runtime/upscale.ts, tiling.ts).
import type { ArchitectureName, ArchParams } from '../../sr/weights/card';
import { activationFootprint, macs, networkScale, receptiveRadius } from '../../sr/models/specs';
import { planTiles, tileSizeFor } from '../../sr/runtime/tiling';

export const SIDES = [32, 64, 128, 256, 512, 1024] as const;
export const TILES = ['auto', '32', '64', '128', '256'] as const;
export type TileChoice = (typeof TILES)[number];
/** The loupes' side in result pixels. */
export const LOUPE = 48;

/** w × h scaled down (never up) so that its longer side is at most `maxSide`. */
export function fitSide(w: number, h: number, maxSide: number): { width: number; height: number } {
  const k = Math.min(1, maxSide / Math.max(w, h));
  return { width: Math.max(1, Math.round(w * k)), height: Math.max(1, Math.round(h * k)) };
}

export interface RunPlan {
  outWidth: number;
  outHeight: number;
  /** Core tile side in network-input pixels (SRCNN's input is the picture enlarged ×4 first). */
  tile: number;
  tiles: number;
  overlap: number;
  /** Multiply-accumulates the run does: every tile with the overlap it reads again. */
  macs: number;
  /** Multiply-accumulates of the network on the whole picture at once (the useful work). */
  wholeMacs: number;
}

/** How the runtime will run `arch` on a w × h picture with this tile choice ('auto': the runtime's default). */
export function planRun(arch: ArchitectureName, params: ArchParams, w: number, h: number, tile: TileChoice): RunPlan {
  const pre = 4 / networkScale(arch); // SRCNN (scale 1) reads the ×4 bicubic enlargement
  const overlap = receptiveRadius(arch, params);
  const side = tile === 'auto' ? tileSizeFor(activationFootprint(arch, params), overlap, {}) : Number(tile);
  const tiles = planTiles(w * pre, h * pre, side, overlap);
  const perPixel = macs(arch, params, 1, 1); // a generator's every layer works in proportion to its input's area
  const work = perPixel * tiles.reduce((sum, t) => sum + t.read.h * t.read.w, 0);
  return { outWidth: w * 4, outHeight: h * 4, tile: side, tiles: tiles.length, overlap, macs: work, wholeMacs: perPixel * h * pre * w * pre };
}

/** The probe: the network runs once on a square of at most this many network-input pixels a side, timed. */
export const PROBE_SIDE = 32;
/** Above this estimate the playground asks before it runs. */
export const CONFIRM_SECONDS = 30;

/** The probe's square, in picture pixels (SRCNN reads the picture enlarged ×4, so its square is a quarter as wide). */
export function probeSide(arch: ArchitectureName, w: number, h: number): number {
  return Math.max(1, Math.min(w, h, Math.floor(PROBE_SIDE / (4 / networkScale(arch)))));
}

/** Seconds a run of `work` multiply-accumulates takes at the probe's rate (`probeMacs` in `probeMs`). */
export function estimateSeconds(work: number, probeMacs: number, probeMs: number): number {
  return (work / probeMacs) * (probeMs / 1000);
}

/** Seconds left after `done` of `total` tiles in `elapsedMs`; before the first tile, the estimate. */
export function secondsLeft(elapsedMs: number, done: number, total: number, estimate: number): number {
  return done > 0 ? ((elapsedMs / 1000) * (total - done)) / done : estimate;
}

/** GFLOP/s of `work` multiply-accumulates in `ms` (two floating-point operations each); the playground reports the
 * useful work (`wholeMacs`), so tiling's repeated overlap lowers the effective rate. */
export function gflops(work: number, ms: number): number {
  return (2 * work) / (ms * 1e6);
}

/** The generator each GAN model was fine-tuned from: the pairs whose weights can be interpolated (Wang et al. 2018). */
export const PAIRS: Readonly<Record<string, string>> = { esrgan: 'rrdb_psnr', srgan: 'srresnet' };

/** The runtime's model reference: a GAN model at α < 1 is θ = (1 − α)·θ_start + α·θ_GAN; anything else by id. */
export function modelRef(model: string, alpha: number): string | { a: string; b: string; alpha: number } {
  const start = PAIRS[model];
  return start && alpha < 1 ? { a: start, b: model, alpha: Math.max(0, alpha) } : model;
}
