// The playground's pure module (src/figures/playground/compute.ts).
import { describe, expect, it } from 'vitest';
import { fitSide, planRun } from '../../src/figures/playground/compute';

describe('playground plan', () => {
  it('fits a picture under the size limit, never enlarging it', () => {
    expect(fitSide(4000, 3000, 1024)).toEqual({ width: 1024, height: 768 });
    expect(fitSide(200, 100, 1024)).toEqual({ width: 200, height: 100 });
    expect(fitSide(256, 256, 32)).toEqual({ width: 32, height: 32 });
  });

  it('counts the tiles the runtime will run: SRCNN tiles its ×4 input, the others the picture itself', () => {
    expect(planRun('srcnn', {}, 32, 32, '64')).toMatchObject({ outWidth: 128, outHeight: 128, tile: 64, tiles: 4 });
    expect(planRun('rrdbnet', { num_feat: 64, num_block: 3, num_grow_ch: 32 }, 64, 48, '32')).toMatchObject({ tiles: 4, outWidth: 256, outHeight: 192 });
    expect(planRun('srcnn', {}, 32, 32, '256').tiles).toBe(1);
  });
});

describe('playground network interpolation', () => {
  it('a GAN model below α = 1 is blended with the model it started from; others run by id', async () => {
    const { modelRef } = await import('../../src/figures/playground/compute');
    expect(modelRef('esrgan', 0.3)).toEqual({ a: 'rrdb_psnr', b: 'esrgan', alpha: 0.3 });
    expect(modelRef('srgan', 0)).toEqual({ a: 'srresnet', b: 'srgan', alpha: 0 });
    expect(modelRef('esrgan', 1)).toBe('esrgan');
    expect(modelRef('srcnn', 0.3)).toBe('srcnn');
  });
});

describe('playground cost: multiply-accumulates, the probe, time left, GFLOP/s', async () => {
  const { estimateSeconds, gflops, probeSide, secondsLeft, PROBE_SIDE } = await import('../../src/figures/playground/compute');
  const { macs } = await import('../../src/sr/models/specs');
  const rrdb = { num_feat: 64, num_block: 3, num_grow_ch: 32 };

  it('one tile costs what the network costs on the whole input; tiles add the overlap they read again', () => {
    expect(planRun('srcnn', {}, 32, 32, '256').macs).toBe(macs('srcnn', {}, 128, 128));
    expect(planRun('srcnn', {}, 32, 32, '64').wholeMacs).toBe(macs('srcnn', {}, 128, 128));
    expect(planRun('rrdbnet', rrdb, 64, 48, '256').macs).toBe(macs('rrdbnet', rrdb, 48, 64));
    const tiled = planRun('rrdbnet', rrdb, 64, 48, '32');
    expect(tiled.macs).toBeGreaterThan(macs('rrdbnet', rrdb, 48, 64));
    expect(tiled.macs).toBeLessThan(tiled.tiles * macs('rrdbnet', rrdb, 32 + 2 * tiled.overlap, 32 + 2 * tiled.overlap));
  });

  it('the probe is a small square of the picture; SRCNN’s is a quarter as wide (it reads the ×4 enlargement)', () => {
    expect(probeSide('rrdbnet', 451, 300)).toBe(PROBE_SIDE);
    expect(probeSide('srcnn', 451, 300)).toBe(PROBE_SIDE / 4);
    expect(probeSide('rrdbnet', 32, 20)).toBe(20);
  });

  it('the estimate scales the probe’s time by the work; time left follows the tiles done', () => {
    expect(estimateSeconds(4e9, 1e9, 250)).toBeCloseTo(1.0, 12);
    expect(secondsLeft(0, 0, 10, 42)).toBe(42); // before the first tile: the estimate
    expect(secondsLeft(2000, 2, 10, 42)).toBeCloseTo(8, 12); // 1 s a tile, 8 tiles left
    expect(secondsLeft(5000, 10, 10, 42)).toBe(0);
    expect(gflops(1e9, 1000)).toBeCloseTo(2, 12); // 2 FLOPs a multiply-accumulate
  });
});
