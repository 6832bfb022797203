/**
 * The VGG-style discriminator with and without BatchNorm. A spectrally normalised one (the ESRGAN trio's) is stored
 * with W / σ folded in and no BN tensors (card params norm: 'none'); the same function runs it without BN, so a
 * patch's logit does not depend on the batch it is scored in, while the BatchNorm one's does in training mode.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/sr/backend';
import { vggDiscriminator } from '../../src/sr/models/discriminator';
import { expectedTensors } from '../../src/sr/models/specs';
import { randomWeights } from './models-random';

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

const patches = () => tf.randomUniform([3, 128, 128, 3], 0, 1, 'float32', 4) as tf.Tensor4D;

describe('vgg_discriminator without BatchNorm (norm "none")', () => {
  it('expects no BN tensors, and the same convolutions and linear layers as the BN one', () => {
    const withBN = expectedTensors('vgg_discriminator', { num_feat: 8 });
    const without = expectedTensors('vgg_discriminator', { num_feat: 8, norm: 'none' });
    expect(Object.keys(without).filter((k) => k.startsWith('bn'))).toEqual([]);
    expect(Object.keys(withBN).filter((k) => k.startsWith('bn'))).toHaveLength(9 * 4);
    for (const [k, shape] of Object.entries(without)) expect(withBN[k], k).toEqual(shape);
  });

  it("scores a patch the same alone or in a batch, with either statistics setting; the BN one's batch statistics do not", async () => {
    const x = patches();
    const score = async (w: ReturnType<typeof randomWeights>, input: tf.Tensor4D, bnStats: 'stored' | 'input') => {
      const y = vggDiscriminator(w, input, { bnStats });
      const v = Array.from(await y.data());
      y.dispose();
      return v;
    };
    const plain = randomWeights('vgg_discriminator', { num_feat: 8, norm: 'none' }, 3);
    const first = tf.slice(x, [0, 0, 0, 0], [1, 128, 128, 3]) as tf.Tensor4D;
    const all = await score(plain, x, 'input');
    expect(all).toHaveLength(3);
    expect((await score(plain, first, 'input'))[0]).toBeCloseTo(all[0], 5);
    expect((await score(plain, x, 'stored'))[0]).toBeCloseTo(all[0], 5);
    const bn = randomWeights('vgg_discriminator', { num_feat: 8 }, 3);
    const bnAlone = (await score(bn, first, 'input'))[0];
    expect(Math.abs(bnAlone - (await score(bn, x, 'input'))[0])).toBeGreaterThan(1e-3);
    x.dispose();
    first.dispose();
  });
});
