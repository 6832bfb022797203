/**
 * Layer semantics that golden vectors do not pin down on their own: PyTorch's pixel-shuffle channel
 * order, nearest x2, and BatchNorm with the input's own statistics.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/sr/backend';
import { batchNorm, convPixelShuffle, nearest2x } from '../../src/sr/models/layers';
import { forward } from '../../src/sr/models/run';
import { maxAbs } from './models-disk';
import { randomWeights } from './models-random';

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

describe('layers', () => {
  it('pixel shuffle sends channel c*4 + i*2 + j to sub-pixel (i, j) of channel c', async () => {
    // A 1x1 conv with identity weights, so the shuffle acts on the input channels directly.
    const C = 2;
    const eye = tf.tidy(() => tf.reshape(tf.eye(4 * C), [1, 1, 4 * C, 4 * C]));
    const w = { 'u.weight': eye, 'u.bias': tf.zeros([4 * C]) };
    const x = tf.tensor4d(Float32Array.from({ length: 8 }, (_, k) => k), [1, 1, 1, 8]); // channel k holds k
    const y = await convPixelShuffle(w, 'u', x).array();
    for (let c = 0; c < C; c++) for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) expect(y[0][i][j][c]).toBe(c * 4 + i * 2 + j);
    tf.dispose([eye, w['u.bias'], x]);
  });

  it('nearest x2 copies each pixel into a 2x2 block', async () => {
    const x = tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]);
    expect((await nearest2x(x).data()).join(',')).toBe('1,1,2,2,1,1,2,2,3,3,4,4,3,3,4,4');
  });

  it("BatchNorm with the input's statistics normalises each channel to (bias, |weight|)", async () => {
    const w = {
      'bn.weight': tf.tensor1d([2, 0.5]),
      'bn.bias': tf.tensor1d([0.1, -0.3]),
      'bn.running_mean': tf.tensor1d([100, 100]),
      'bn.running_var': tf.tensor1d([1, 1]),
    };
    const x = tf.randomUniform([1, 6, 5, 2], -3, 7, 'float32', 5) as tf.Tensor4D;
    const y = batchNorm(w, 'bn', x, 'input');
    const { mean, variance } = tf.moments(y, [0, 1, 2]);
    expect(maxAbs(await mean.data(), [0.1, -0.3])).toBeLessThan(1e-5);
    expect(maxAbs(await variance.data(), [4, 0.25])).toBeLessThan(1e-3);
    const stored = await batchNorm(w, 'bn', x, 'stored').data();
    expect(stored[0]).toBeCloseTo(((await x.data())[0] - 100) / Math.sqrt(1 + 1e-5) * 2 + 0.1, 4);
  });

  it('RRDBNet with BN: stored and input statistics give different results, both finite', async () => {
    const arch = { name: 'rrdbnet' as const, params: { num_feat: 8, num_block: 1, num_grow_ch: 4, use_bn: true }, input: 'lr' };
    const w = randomWeights(arch.name, arch.params, 4);
    const x = tf.randomUniform([1, 8, 8, 3], 0, 1, 'float32', 1) as tf.Tensor4D;
    const a = await forward(arch, w, x, { bnStats: 'stored' }).data();
    const b = await forward(arch, w, x, { bnStats: 'input' }).data();
    expect(a.every(Number.isFinite) && b.every(Number.isFinite)).toBe(true);
    expect(maxAbs(a, b)).toBeGreaterThan(1e-3);
  });
});
