/**
 * Tiling: with an overlap of the receptive-field radius the tiled result equals the whole-image result
 * (max abs difference <= 1e-4), with one progress call per tile; an AbortSignal stops between tiles;
 * tile sizes follow the adapter limits and the memory budget. CPU backend, small tiles.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/sr/backend';
import { createImage, type RGBImage } from '../../src/sr/image';
import { forward, prepareInput, type ArchitectureInfo } from '../../src/sr/models/run';
import { activationFootprint, receptiveRadius } from '../../src/sr/models/specs';
import { planTiles, tileSizeFor } from '../../src/sr/runtime/tiling';
import { upscaleImage } from '../../src/sr/runtime/upscale';
import { imageToTensor } from '../../src/sr/tensor';
import { disposeWeights, type WeightMap } from '../../src/sr/weights/tensors';
import { maxAbs, modelIds, loadFromDisk } from './models-disk';
import { rng } from '../../src/sr/random';
import { randomWeights } from './models-random';

function pattern(w: number, h: number, seed = 3): RGBImage {
  const next = rng(seed);
  const img = createImage(w, h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let c = 0; c < 3; c++) img.data[(y * w + x) * 3 + c] = 0.5 + 0.3 * Math.sin(x / 3 + c) * Math.cos(y / 4) + 0.1 * next();
  return img;
}

async function whole(arch: ArchitectureInfo, w: WeightMap, img: RGBImage): Promise<Float32Array> {
  const y = tf.tidy(() => forward(arch, w, prepareInput(arch, imageToTensor(img))));
  const data = (await y.data()) as Float32Array;
  y.dispose();
  return data;
}

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

const SMALL_RRDB: ArchitectureInfo = { name: 'rrdbnet', params: { num_feat: 16, num_block: 1, num_grow_ch: 8 }, input: 'lr' };
const SMALL_SRRESNET: ArchitectureInfo = { name: 'srresnet', params: { num_feat: 16, num_block: 2 }, input: 'lr' };
const SRCNN: ArchitectureInfo = { name: 'srcnn', params: {}, input: 'bicubic' };

describe('planTiles', () => {
  it('covers the image once with cores and clips reads to the image', () => {
    const tiles = planTiles(50, 30, 16, 5);
    expect(tiles.length).toBe(4 * 2);
    const seen = new Uint8Array(50 * 30);
    for (const { core, read } of tiles) {
      expect(read.x).toBe(Math.max(0, core.x - 5));
      expect(read.x + read.w).toBe(Math.min(50, core.x + core.w + 5));
      for (let y = core.y; y < core.y + core.h; y++) for (let x = core.x; x < core.x + core.w; x++) seen[y * 50 + x]++;
    }
    expect(seen.every((v) => v === 1)).toBe(true);
  });
});

describe('tiled = whole image', () => {
  it.each([
    ['rrdbnet (1 block)', SMALL_RRDB, 56, 44, 16],
    ['srresnet (2 blocks)', SMALL_SRRESNET, 48, 40, 12],
    ['srcnn (random)', SRCNN, 20, 18, 24],
  ] as const)('%s: max abs difference <= 1e-4, one progress call per tile', async (_label, arch, w, h, tile) => {
    const weights = randomWeights(arch.name, arch.params, 7);
    const img = pattern(w, h);
    const reference = await whole(arch, weights, img);
    const before = tf.memory().numTensors;
    const progress: number[] = [];
    const tiled = await upscaleImage(arch, weights, img, { tile, onProgress: (p) => progress.push(p.done / p.total) });
    expect(tf.memory().numTensors).toBe(before);
    const r = receptiveRadius(arch.name, arch.params);
    const scale = arch.name === 'srcnn' ? 4 : 1;
    const expectedTiles = planTiles(w * scale, h * scale, tile, r).length;
    expect(expectedTiles).toBeGreaterThan(3);
    expect(progress.length).toBe(expectedTiles);
    expect(progress.at(-1)).toBe(1);
    const err = maxAbs(tiled.data, reference);
    console.log(`tiling ${_label}: ${expectedTiles} tiles of ${tile}, overlap ${r}, max abs diff ${err.toExponential(2)}`);
    expect(err).toBeLessThanOrEqual(1e-4);
    // Sensitivity: with too little overlap the seams show, so the equality above is not vacuous.
    const seamy = await upscaleImage(arch, weights, img, { tile, overlap: 1 });
    expect(maxAbs(seamy.data, reference)).toBeGreaterThan(1e-3);
    disposeWeights(weights);
  }, 120_000);

  const real = modelIds().includes('srcnn') ? 'srcnn' : undefined;
  it.runIf(real)('the exported SRCNN tiles exactly too', async () => {
    const { card, weights } = await loadFromDisk(real!);
    const img = pattern(24, 20, 9);
    const reference = await whole(card.architecture, weights, img);
    const tiled = await upscaleImage(card.architecture, weights, img, { tile: 32 });
    expect(maxAbs(tiled.data, reference)).toBeLessThanOrEqual(1e-4);
    disposeWeights(weights);
  }, 120_000);
});

describe('cancellation', () => {
  it('an AbortSignal stops the run between tiles and leaves no tensors', async () => {
    const weights = randomWeights(SMALL_RRDB.name, SMALL_RRDB.params, 7);
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    let done = 0;
    const run = upscaleImage(SMALL_RRDB, weights, pattern(64, 64), {
      tile: 16,
      signal: controller.signal,
      onProgress: (p) => {
        done = p.done;
        if (p.done === 2) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(done).toBe(2);
    expect(tf.memory().numTensors).toBe(before);
    disposeWeights(weights);
  }, 60_000);
});

describe('tile size from limits', () => {
  const fp = activationFootprint('rrdbnet', { num_feat: 64, num_block: 3, num_grow_ch: 32 });
  it('respects the binding limit, the buffer limit and the budget', () => {
    const overlap = 49;
    const big = tileSizeFor(fp, overlap, { maxStorageBufferBindingSize: 2 ** 31, maxBufferSize: 2 ** 31, memoryBudget: 2 ** 40 });
    const bound = tileSizeFor(fp, overlap, { maxStorageBufferBindingSize: 128 * 2 ** 20, maxBufferSize: 2 ** 31, memoryBudget: 2 ** 40 });
    const budget = tileSizeFor(fp, overlap, { memoryBudget: 256 * 2 ** 20 });
    expect(bound).toBeLessThan(big);
    for (const [side, limit] of [[bound, 128 * 2 ** 20], [big, 2 ** 31]] as const) {
      expect((side + 2 * overlap) ** 2 * fp.widest * 4).toBeLessThanOrEqual(limit);
      expect((side + 8 + 2 * overlap) ** 2 * fp.widest * 4).toBeGreaterThan(limit); // the largest multiple of 8
    }
    expect((budget + 2 * overlap) ** 2 * fp.live * 4).toBeLessThanOrEqual(256 * 2 ** 20);
    expect(tileSizeFor(fp, overlap, { maxBufferSize: 1024 })).toBe(8);
    expect(budget % 8).toBe(0);
  });
});
