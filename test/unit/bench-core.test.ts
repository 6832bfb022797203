/**
 * The timing loop shared by `npm run bench` and the Dawn-under-Node GPU benchmark (scripts/bench-core.ts):
 * options, grouping by architecture, MAC counts and the rows it reports, on the CPU backend at a tiny size.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { generatorGroups, parseBenchArgs, runBench, type BenchRow } from '../../scripts/bench-core';
import { initBackend } from '../../src/sr/backend';
import { WEIGHTS_DIR } from './models-disk';

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

describe('bench-core', () => {
  it('parses options, with per-entry defaults', () => {
    const d = parseBenchArgs([]);
    expect(d).toMatchObject({ sizes: [32, 64, 128, 256], budgetMs: 90_000, runs: 3, runMs: 1500, warmupEach: false });
    expect(d.only).toBeUndefined();
    const g = parseBenchArgs(['--sizes', '8,16', '--models', 'srcnn', '--budget', '5', '--runs', '7'], { runs: 20, warmupEach: true });
    expect(g).toMatchObject({ sizes: [8, 16], only: ['srcnn'], budgetMs: 5000, runs: 7, warmupEach: true });
  });

  it('times each architecture once, for all models that share it', () => {
    const groups = generatorGroups(WEIGHTS_DIR).map((cards) => cards.map((c) => c.id));
    expect(groups.flat()).not.toContain('srgan_d'); // discriminators are not benchmarked
    const srresnet = groups.find((g) => g.includes('srresnet'));
    expect(srresnet).toEqual(expect.arrayContaining(['srresnet', 'srgan']));
  });

  it('reports one row per size with MACs, median time and GFLOP/s, and leaks no tensors', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const seen: number[] = [];
    const before = tf.memory().numTensors;
    let rows: BenchRow[];
    try {
      rows = await runBench({ dir: WEIGHTS_DIR, sizes: [4], budgetMs: 60_000, only: ['srcnn'], runs: 2, runMs: 1e9, warmupEach: true },
        (sofar) => seen.push(sofar.length));
    } finally {
      log.mockRestore();
    }
    expect(tf.memory().numTensors).toBe(before);
    expect(seen).toEqual([1]);
    expect(rows).toHaveLength(1);
    const [r] = rows;
    expect(r).toMatchObject({ models: ['srcnn'], label: 'srcnn', size: 4 });
    // SRCNN runs on the x4 bicubic image (16 x 16): 9x9 3->64, 5x5 64->32, 5x5 32->3 per pixel
    expect(r.gmac).toBeCloseTo((16 * 16 * (81 * 3 * 64 + 25 * 64 * 32 + 25 * 32 * 3)) / 1e9, 12);
    expect(r.times).toHaveLength(2);
    expect(r.ms).toBe([...r.times].sort((a, b) => a - b)[1]);
    expect(r.gflops).toBeCloseTo((2 * r.gmac) / r.ms! * 1e3, 9);
  }, 60_000);
});
