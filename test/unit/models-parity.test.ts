/**
 * Golden parity on the CPU backend: every exported model (public/weights/index.json) reproduces the
 * PyTorch fp32 output of its stored weights within card.golden.tolerance (1e-3) max abs error.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/sr/backend';
import { forward } from '../../src/sr/models/run';
import { disposeWeights } from '../../src/sr/weights/tensors';
import { loadFromDisk, maxAbs, modelIds, readCard, readGolden } from './models-disk';

const ids = modelIds();

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

describe('golden parity (CPU backend)', () => {
  it('finds exported models', () => {
    expect(ids.length).toBeGreaterThan(0);
  });

  it.each(ids)('%s matches its golden output', async (id) => {
    const { card, weights } = await loadFromDisk(id);
    const golden = readGolden(card);
    const before = tf.memory().numTensors;
    const y = forward(card.architecture, weights, golden.input);
    expect(y.shape).toEqual(golden.outputShape);
    const err = maxAbs(await y.data(), golden.output);
    y.dispose();
    expect(tf.memory().numTensors).toBe(before);
    console.log(`parity ${id} (${card.architecture.name}, ${card.weights.quantization}): max abs error ${err.toExponential(2)}`);
    expect(err).toBeLessThanOrEqual(card.golden.tolerance);
    golden.input.dispose();
    disposeWeights(weights);
  }, 300_000);

  const generator = ids.find((id) => readCard(id).kind === 'generator');
  it.runIf(generator)('fails when one weight is wrong (the comparison can catch a bad model)', async () => {
    const { card, weights } = await loadFromDisk(generator!);
    const golden = readGolden(card);
    // The last bias is the output layer's: shifting it moves every output value by 0.05.
    const name = Object.keys(weights).filter((n) => n.endsWith('.bias')).at(-1)!;
    const original = weights[name];
    weights[name] = tf.add(original, 0.05);
    const y = forward(card.architecture, weights, golden.input);
    expect(maxAbs(await y.data(), golden.output)).toBeGreaterThan(card.golden.tolerance);
    y.dispose();
    original.dispose();
    golden.input.dispose();
    disposeWeights(weights);
  }, 300_000);
});
