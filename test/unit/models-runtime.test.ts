/**
 * The runtime behind the Worker (host + client wired in-process, CPU backend): tf.memory() returns to
 * its baseline after each of 50 runs, a newer request on a channel supersedes the older one, `resize` is
 * answered at once (between a long run's tiles) with the engine's pixels, an
 * AbortSignal cancels, and a corrupted weight file (or a runtime without DecompressionStream) becomes an
 * error message (never an image).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { resize } from '../../src/sr/resample';
import { RuntimeClient, RuntimeError } from '../../src/sr/runtime/client';
import type { ModelSource } from '../../src/sr/runtime/session';
import { decodeVerified } from '../../src/sr/weights/load';
import { modelIds, readCard, readWeightBytes } from './models-disk';
import { diskSource, inProcessWorker, testImage as image } from './runtime-inprocess';

const small = modelIds().includes('srcnn') ? 'srcnn' : undefined;

describe.runIf(small)('runtime host and client (CPU)', () => {
  let client: RuntimeClient;

  beforeAll(async () => {
    client = new RuntimeClient(inProcessWorker(diskSource));
    const { report } = await client.init({ weightsBase: 'http://unused.invalid/', order: ['cpu'] });
    expect(report.name).toBe('cpu');
  });

  it('tf.memory() comes back to its baseline after every one of 50 runs', async () => {
    await client.load(small!);
    const baseline = await client.memory();
    expect(baseline.numTensors).toBeGreaterThan(0); // the weights
    for (let run = 0; run < 50; run++) {
      const r = await client.upscale({ channel: 'a', model: small!, image: image(8, 8, run), tile: 16 });
      expect(r.image.width).toBe(32);
      expect(r.image.data.every(Number.isFinite)).toBe(true);
      expect(await client.memory()).toEqual(baseline);
    }
  }, 240_000);

  it('a newer request on the same channel supersedes the older one; other channels are unaffected', async () => {
    const baseline = await client.memory();
    const older = client.upscale({ channel: 'w', model: small!, image: image(16, 16, 1), tile: 16 });
    const other = client.upscale({ channel: 'x', model: small!, image: image(8, 8, 2) });
    const newer = client.upscale({ channel: 'w', model: small!, image: image(12, 12, 3) });
    await expect(older).rejects.toMatchObject({ name: 'AbortError' });
    expect((await other).image.width).toBe(32);
    expect((await newer).image.width).toBe(48);
    expect(await client.memory()).toEqual(baseline);
  }, 120_000);

  it('resize gives the engine\'s pixels, and is answered between the tiles of a long run rather than after it', async () => {
    const input = image(16, 12, 5);
    const direct = await resize(input, 64, 48, 'bicubic', { a: -0.75 });
    const viaRuntime = await client.resize(input, 64, 48, 'bicubic', -0.75);
    expect([viaRuntime.image.width, viaRuntime.image.height]).toEqual([64, 48]);
    expect(Math.max(...viaRuntime.image.data.map((v, i) => Math.abs(v - direct.data[i])))).toBe(0);
    const order: string[] = [];
    let tiles = 0;
    const long = client
      .upscale({ channel: 'long', model: small!, image: image(32, 32, 6), tile: 8, onProgress: (p) => p.phase === 'tiles' && tiles++ })
      .then(() => order.push('upscale'));
    while (tiles === 0) await new Promise((r) => setTimeout(r, 5)); // the long run is under way
    const quick = client.resize(input, 32, 24, 'lanczos3').then(() => order.push('resize'));
    await Promise.all([long, quick]);
    expect(order).toEqual(['resize', 'upscale']);
  }, 120_000);

  it('an AbortSignal cancels a run between tiles', async () => {
    const controller = new AbortController();
    let tiles = 0;
    const run = client.upscale({
      channel: 'c',
      model: small!,
      image: image(32, 32, 4),
      tile: 32,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'tiles' && ++tiles === 1) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(tiles).toBeLessThan(16);
  }, 120_000);

  it('a corrupted weight file is reported as an error with its reason', async () => {
    const corrupt: ModelSource = async (id) => {
      const card = readCard(id);
      const bytes = readWeightBytes(card);
      bytes[bytes.length - 11] ^= 0x40;
      return { card, weights: await decodeVerified(bytes, card) };
    };
    const broken = new RuntimeClient(inProcessWorker(corrupt));
    await broken.init({ weightsBase: 'http://unused.invalid/', order: ['cpu'] });
    const err = await broken.upscale({ channel: 'a', model: small!, image: image(8, 8, 0) }).catch((e) => e);
    expect(err).toBeInstanceOf(RuntimeError);
    expect(err.code).toBe('corrupt');
    expect(err.message).toMatch(/^srcnn: the gzip data cannot be decompressed/);
  });

  it('without DecompressionStream the run fails with a message that names it', async () => {
    const source: ModelSource = async (id) => {
      const card = readCard(id);
      return { card, weights: await decodeVerified(readWeightBytes(card), card) };
    };
    const client = new RuntimeClient(inProcessWorker(source));
    await client.init({ weightsBase: 'http://unused.invalid/', order: ['cpu'] });
    vi.stubGlobal('DecompressionStream', undefined);
    try {
      const err = await client.upscale({ channel: 'a', model: small!, image: image(8, 8, 0) }).catch((e) => e);
      expect(err).toBeInstanceOf(RuntimeError);
      expect(err.code).toBe('unsupported');
      expect(err.message).toMatch(/^srcnn: this browser has no DecompressionStream/);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
