/**
 * Runs a convolutional network on an image of any size, one tile at a time. Each tile is read with
 * `overlap` extra input pixels on every side that is not an image border; only its core is kept.
 * With overlap >= the network's receptive-field radius every kept pixel sees exactly what it would
 * see in a whole-image run, so the mosaic equals the whole-image result (no seams).
 *
 * Tiles are downloaded as they finish, so GPU memory stays bounded by one tile; progress is reported
 * per tile and an AbortSignal is honoured between tiles.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createImage, type RGBImage } from '../image';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Tile {
  /** The part of the input this tile is responsible for. */
  core: Rect;
  /** The core grown by the overlap, clipped to the image: what the network reads. */
  read: Rect;
}

/** Tiles of at most tile x tile input pixels covering width x height, row by row. */
export function planTiles(width: number, height: number, tile: number, overlap: number): Tile[] {
  if (!(tile >= 1) || !Number.isInteger(tile)) throw new RangeError(`tile must be a positive integer, got ${tile}`);
  if (!(overlap >= 0) || !Number.isInteger(overlap)) throw new RangeError(`overlap must be a non-negative integer, got ${overlap}`);
  const tiles: Tile[] = [];
  for (let y = 0; y < height; y += tile) {
    for (let x = 0; x < width; x += tile) {
      const core = { x, y, w: Math.min(tile, width - x), h: Math.min(tile, height - y) };
      const x0 = Math.max(0, x - overlap);
      const y0 = Math.max(0, y - overlap);
      const x1 = Math.min(width, x + core.w + overlap);
      const y1 = Math.min(height, y + core.h + overlap);
      tiles.push({ core, read: { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } });
    }
  }
  return tiles;
}

export interface TileProgress {
  done: number;
  total: number;
  tile: Tile;
}

export interface TiledOptions {
  /** Output pixels per input pixel (4 for the LR generators, 1 for SRCNN on its enlarged input). */
  scale: number;
  /** Core tile side in input pixels. */
  tile: number;
  /** Extra input pixels read on each inner side (use the receptive-field radius for exact results). */
  overlap: number;
  onProgress?: (p: TileProgress) => void;
  signal?: AbortSignal;
}

/** Resolves after pending tasks (messages, timers) had their turn. */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function abortError(): Error {
  return new DOMException('the run was cancelled', 'AbortError');
}

/**
 * `net` maps a [1, h, w, 3] tensor to [1, h*scale, w*scale, 3]; it must not dispose its input.
 * Returns the assembled image; leaves no tensors behind (also when aborted or failing).
 */
export async function runTiled(input: tf.Tensor4D, net: (x: tf.Tensor4D) => tf.Tensor4D, opts: TiledOptions): Promise<RGBImage> {
  const [n, height, width, channels] = input.shape;
  if (n !== 1 || channels !== 3) throw new RangeError(`expected [1, H, W, 3], got [${input.shape.join(', ')}]`);
  const { scale } = opts;
  const tiles = planTiles(width, height, opts.tile, opts.overlap);
  const out = createImage(width * scale, height * scale);
  const rowStride = width * scale * 3;
  for (let i = 0; i < tiles.length; i++) {
    // Let queued messages (a cancel, a newer request) run before the next tile: on the CPU backend
    // data() resolves without ever leaving the microtask queue.
    if (i > 0) await yieldToEventLoop();
    if (opts.signal?.aborted) throw abortError();
    const { core, read } = tiles[i];
    const piece = tf.tidy(() => {
      const x = tf.slice(input, [0, read.y, read.x, 0], [1, read.h, read.w, 3]);
      const y = net(x);
      const [, oh, ow] = y.shape;
      if (oh !== read.h * scale || ow !== read.w * scale) {
        throw new Error(`the network returned ${ow}x${oh} for a ${read.w}x${read.h} tile at scale ${scale}`);
      }
      return tf.slice(y, [0, (core.y - read.y) * scale, (core.x - read.x) * scale, 0], [1, core.h * scale, core.w * scale, 3]);
    });
    let values: Float32Array;
    try {
      values = (await piece.data()) as Float32Array;
    } finally {
      piece.dispose();
    }
    const cw = core.w * scale * 3;
    for (let r = 0; r < core.h * scale; r++) {
      out.data.set(values.subarray(r * cw, (r + 1) * cw), (core.y * scale + r) * rowStride + core.x * scale * 3);
    }
    opts.onProgress?.({ done: i + 1, total: tiles.length, tile: tiles[i] });
  }
  return out;
}

/** What limits one tile: the adapter's buffer limits (WebGPU) and a memory budget for the whole run. */
export interface TileLimits {
  /** GPUAdapter/GPUDevice limits.maxStorageBufferBindingSize, bytes. */
  maxStorageBufferBindingSize?: number;
  /** GPUAdapter/GPUDevice limits.maxBufferSize, bytes. */
  maxBufferSize?: number;
  /** Bytes the run may hold in activations at once (default 256 MiB). */
  memoryBudget?: number;
}

export const DEFAULT_MEMORY_BUDGET = 256 * 1024 * 1024;

/**
 * The largest core tile side (a multiple of 8, at least 8) such that the tile read with its overlap
 * keeps the widest activation within one buffer binding and all live activations within the budget.
 * `footprint` is in float32 values per input pixel (see models/specs activationFootprint).
 */
export function tileSizeFor(footprint: { widest: number; live: number }, overlap: number, limits: TileLimits = {}): number {
  const binding = Math.min(limits.maxStorageBufferBindingSize ?? Infinity, limits.maxBufferSize ?? Infinity);
  const budget = limits.memoryBudget ?? DEFAULT_MEMORY_BUDGET;
  const maxPixels = Math.min(binding / (4 * footprint.widest), budget / (4 * footprint.live));
  const side = Math.floor(Math.sqrt(maxPixels)) - 2 * overlap;
  return Math.max(8, Math.floor(side / 8) * 8);
}
