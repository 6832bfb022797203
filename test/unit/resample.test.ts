import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/sr/backend';
import { createImage, type RGBImage } from '../../src/sr/image';
import type { Method } from '../../src/sr/kernels';
import { imresize, resize, resizeTensor } from '../../src/sr/resample';
import { imageToTensor, tensorToImage } from '../../src/sr/tensor';
import { type FixtureTensor, type ImresizeCase, loadFixture, maxAbsDiff, type ResampleCase, toImage } from './helpers';

const TOL = 1e-4;

interface PillowCase {
  name: string;
  method: Method;
  in: FixtureTensor;
  out: FixtureTensor;
  validRows: number[];
  validCols: number[];
}

beforeAll(async () => {
  const report = await initBackend({ order: ['cpu'] });
  expect(report.name).toBe('cpu');
});

describe('imresize vs NumPy MATLAB port (imresize.json, shared with training)', () => {
  const { cases } = loadFixture<{ cases: ImresizeCase[] }>('imresize.json');

  it('covers x2, x3, x4 up and 1/2, 1/3, 1/4 down', () => {
    const scales = new Set(cases.map((c) => c.scale));
    for (const s of [2, 3, 4, 1 / 2, 1 / 3, 1 / 4]) expect(scales.has(s)).toBe(true);
  });

  for (const c of cases) {
    it(c.name, async () => {
      const out = await imresize(toImage(c.in), c.scale);
      const want = toImage(c.out);
      expect([out.width, out.height]).toEqual([want.width, want.height]);
      expect(maxAbsDiff(out, want)).toBeLessThan(TOL);
    });
  }
});

describe('resize vs NumPy MATLAB port, other kernels and options (resample.json)', () => {
  const { cases } = loadFixture<{ cases: ResampleCase[] }>('resample.json');
  for (const c of cases) {
    it(c.name, async () => {
      const want = toImage(c.out);
      const out = await resize(toImage(c.in), want.width, want.height, c.method, { a: c.a, antialias: c.antialias });
      expect(maxAbsDiff(out, want)).toBeLessThan(TOL);
    });
  }
});

describe('resize vs Pillow away from the border (pillow.json)', () => {
  const { cases } = loadFixture<{ cases: PillowCase[] }>('pillow.json');
  for (const c of cases) {
    it(c.name, async () => {
      const input = toImage(c.in);
      const want = toImage(c.out);
      const out = await resize(input, want.width, want.height, c.method);
      expect(maxAbsDiff(out, want, c.validRows, c.validCols)).toBeLessThan(TOL);
      const upscaling = want.width > input.width;
      if (c.method === 'nearest' || (c.method === 'bilinear' && upscaling)) {
        // Only the first tap outside the image is ever used here, and mirroring maps it onto the edge
        // pixel, exactly as Pillow's clip-and-renormalise does: the whole image must agree.
        expect(maxAbsDiff(out, want)).toBeLessThan(TOL);
      } else {
        // Elsewhere the border really differs: mirroring vs clipping.
        expect(maxAbsDiff(out, want)).toBeGreaterThan(TOL);
      }
    });
  }
});

describe('resize properties', () => {
  const img = createImage(9, 7, Float32Array.from({ length: 9 * 7 * 3 }, (_, i) => ((i * 37) % 101) / 100));

  it('keeps a constant image constant', async () => {
    const flat = createImage(5, 4, new Float32Array(60).fill(0.3));
    for (const method of ['nearest', 'bilinear', 'bicubic', 'lanczos3'] as Method[]) {
      const out = await resize(flat, 13, 3, method);
      expect(Math.max(...out.data.map((v) => Math.abs(v - 0.3)))).toBeLessThan(1e-6);
    }
  });

  it('antialiasing changes a downscale; Keys a changes an upscale', async () => {
    const aa = await resize(img, 3, 3, 'bicubic');
    const plain = await resize(img, 3, 3, 'bicubic', { antialias: false });
    expect(maxAbsDiff(aa, plain)).toBeGreaterThan(0.01);
    const mat = await resize(img, 18, 14, 'bicubic', { a: -0.5 });
    const cv = await resize(img, 18, 14, 'bicubic', { a: -0.75 });
    expect(maxAbsDiff(mat, cv)).toBeGreaterThan(0.001);
  });

  it('resizeTensor handles a batch like separate images', async () => {
    const other = createImage(9, 7, img.data.map((v) => 1 - v));
    const batch = tf.concat([imageToTensor(img), imageToTensor(other)], 0) as tf.Tensor4D;
    const both = resizeTensor(batch, 11, 20, 'lanczos3');
    expect(both.shape).toEqual([2, 11, 20, 3]);
    const second = tf.slice(both, [1, 0, 0, 0], [1, 11, 20, 3]) as tf.Tensor4D;
    const fromBatch = await tensorToImage(second);
    const alone = await resize(other, 20, 11, 'lanczos3');
    expect(maxAbsDiff(fromBatch, alone)).toBeLessThan(1e-6);
    tf.dispose([batch, both, second]);
  });

  it('releases every intermediate tensor', async () => {
    const before = tf.memory().numTensors;
    const outs: RGBImage[] = [];
    for (const method of ['nearest', 'bilinear', 'bicubic', 'lanczos3'] as Method[]) {
      outs.push(await resize(img, 20, 5, method));
    }
    outs.push(await imresize(img, 1 / 3));
    const x = imageToTensor(img);
    const y = tf.tidy(() => resizeTensor(x, 30, 4, 'bicubic'));
    expect(tf.memory().numTensors).toBe(before + 2);
    tf.dispose([x, y]);
    expect(tf.memory().numTensors).toBe(before);
    expect(outs.map((o) => `${o.width}x${o.height}`)).toEqual(['20x5', '20x5', '20x5', '20x5', '3x3']);
  });
});
