/**
 * Network interpolation θ(α) = (1 − α)·θ_A + α·θ_B: α = 0 and α = 1 reproduce the endpoint models
 * exactly (weights and outputs), α = 0.5 is the midpoint, mismatched architectures are refused, and
 * the time per interpolation is measured (printed) for the RRDBNet pair (rrdb_psnr / esrgan).
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/sr/backend';
import { forward } from '../../src/sr/models/run';
import { blendSource, interpolateLazily, interpolateWeights } from '../../src/sr/weights/interpolate';
import { disposeWeights, type WeightMap } from '../../src/sr/weights/tensors';
import { loadFromDisk, maxAbs, modelIds, readGolden } from './models-disk';
import { randomWeights } from './models-random';

const ids = modelIds();
const PAIRS: Array<[string, string]> = [
  ['rrdb_psnr', 'esrgan'],
  ['srresnet', 'srgan'],
];
const pair = PAIRS.find(([a, b]) => ids.includes(a) && ids.includes(b));

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

async function sameValues(a: WeightMap, b: WeightMap): Promise<boolean> {
  for (const name of Object.keys(a)) {
    const [x, y] = [await a[name].data(), await b[name].data()];
    if (x.length !== y.length || x.some((v, i) => !Object.is(v, y[i]))) return false;
  }
  return true;
}

describe('network interpolation', () => {
  it('endpoints are exact and the midpoint is the mean (random RRDBNet weights)', async () => {
    const arch = { num_feat: 16, num_block: 1, num_grow_ch: 8 };
    const a = randomWeights('rrdbnet', arch, 1);
    const b = randomWeights('rrdbnet', arch, 2);
    const before = tf.memory().numTensors;
    for (const [alpha, expected] of [[0, a], [1, b]] as const) {
      const m = interpolateWeights(a, b, alpha);
      expect(await sameValues(m, expected)).toBe(true);
      disposeWeights(m);
    }
    const mid = interpolateWeights(a, b, 0.5);
    const name = 'body.0.rdb2.conv3.weight';
    const expectedMid = tf.tidy(() => tf.div(tf.add(a[name], b[name]), 2));
    expect(maxAbs(await mid[name].data(), await expectedMid.data())).toBeLessThan(1e-7);
    expectedMid.dispose();
    disposeWeights(mid);
    expect(tf.memory().numTensors).toBe(before);
    const other = randomWeights('rrdbnet', { ...arch, num_grow_ch: 4 }, 3);
    expect(() => interpolateWeights(a, other, 0.5)).toThrow(/"body\.0\.rdb1\.conv1\.weight"/);
    expect(() => interpolateWeights(a, b, 1.5)).toThrow(RangeError);
    [a, b, other].forEach(disposeWeights);
  });

  it('a lazy θ(α) computes a tensor when first read, equals the eager one, names its sources and frees what it computed', async () => {
    const arch = { num_feat: 16, num_block: 1, num_grow_ch: 8 };
    const a = randomWeights('rrdbnet', arch, 1);
    const b = randomWeights('rrdbnet', arch, 2);
    const before = tf.memory().numTensors;
    const lazy = interpolateLazily(a, b, 0.3);
    expect(tf.memory().numTensors, 'nothing computed before a read').toBe(before);
    expect(blendSource(lazy.map)).toEqual({ a, b, alpha: 0.3 });
    expect(blendSource(a)).toBeNull();
    expect(Object.keys(lazy.map)).toEqual(Object.keys(a));
    const name = 'body.0.rdb2.conv3.weight';
    // read inside a tidy (as forward reads it): the tensor outlives the tidy, and a second read is the same tensor
    tf.tidy(() => {
      tf.add(lazy.map[name], 1);
    });
    const first = lazy.map[name];
    expect(first.isDisposed).toBe(false);
    expect(lazy.map[name]).toBe(first);
    expect(tf.memory().numTensors).toBe(before + 1);
    const eager = interpolateWeights(a, b, 0.3);
    expect(await sameValues(lazy.map, eager), 'every tensor equals the eager blend').toBe(true);
    disposeWeights(eager);
    lazy.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(() => lazy.map[name], 'a read after dispose fails loudly').toThrow(/disposed/);
    expect(() => interpolateLazily(a, b, -0.1)).toThrow(RangeError);
    [a, b].forEach(disposeWeights);
  });

  it.runIf(pair)('exported pair: α = 0 / 1 give the endpoint outputs exactly; time per interpolation', async () => {
    const [idA, idB] = pair!;
    const A = await loadFromDisk(idA);
    const B = await loadFromDisk(idB);
    const golden = readGolden(A.card);
    for (const [alpha, end] of [[0, A], [1, B]] as const) {
      const m = interpolateWeights(A.weights, B.weights, alpha);
      const ya = forward(A.card.architecture, m, golden.input);
      const yb = forward(end.card.architecture, end.weights, golden.input);
      expect(maxAbs(await ya.data(), await yb.data())).toBe(0);
      [ya, yb].forEach((t) => t.dispose());
      disposeWeights(m);
    }
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      const t0 = performance.now();
      const m = interpolateWeights(A.weights, B.weights, (i + 1) / 8);
      await Promise.all(Object.values(m).map((t) => t.data())); // wait for the values, not just the ops
      times.push(performance.now() - t0);
      disposeWeights(m);
    }
    times.sort((x, y) => x - y);
    console.log(`interpolation ${idA}/${idB} (${A.card.parameters} parameters, ${Object.keys(A.weights).length} tensors) on ${tf.getBackend()}: median ${times[3].toFixed(1)} ms, min ${times[0].toFixed(1)} ms`);
    golden.input.dispose();
    disposeWeights(A.weights);
    disposeWeights(B.weights);
  }, 120_000);
});
