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
