/// <reference types="node" />
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { describeAttempt, initBackend, isDeviceLost } from '../../src/sr/backend';

const require = createRequire(import.meta.url);
const loaded = (pkg: string) => Object.keys(require.cache).some((k) => k.includes(`${pkg}/`));

describe('initBackend in Node', () => {
  it('falls back to cpu and says why WebGPU and WebGL were not used', async () => {
    const report = await initBackend();
    expect(report.name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(report.attempts.map((a) => a.name)).toEqual(['webgpu', 'webgl', 'cpu']);

    const [webgpu, webgl, cpu] = report.attempts;
    expect(webgpu).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(webgpu.message).toMatch(/navigator\.gpu/);
    expect(webgl).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(webgl.message).toMatch(/canvas/);
    expect(cpu).toEqual({ name: 'cpu', ok: true });
    expect(describeAttempt(webgpu)).toMatch(/^webgpu: unsupported \(/);
  });

  it('loads only the backend package it starts', () => {
    expect(loaded('tfjs-backend-cpu')).toBe(true);
    expect(loaded('tfjs-backend-webgpu')).toBe(false);
    expect(loaded('tfjs-backend-webgl')).toBe(false);
  });

  it('runs ops on the backend it reports', async () => {
    const y = tf.tidy(() => tf.matMul(tf.tensor2d([[1, 2]]), tf.tensor2d([[3], [4]])));
    expect(Array.from(await y.data())).toEqual([11]);
    y.dispose();
  });
});

describe('isDeviceLost', () => {
  it('recognises the messages a lost or destroyed GPU device produces, and nothing else', () => {
    for (const m of ['GPUDevice was lost', 'Device is lost', "Failed to execute 'mapAsync' on 'GPUBuffer': Buffer was unmapped before mapping was resolved.", 'WebGL context lost'])
      expect(isDeviceLost(new Error(m)), m).toBe(true);
    for (const m of ['HTTP 404', 'out of memory', 'the gzip data cannot be decompressed']) expect(isDeviceLost(new Error(m)), m).toBe(false);
  });
});
