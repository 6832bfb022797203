/// <reference types="node" />
// Failure classification with a stubbed navigator.gpu (Node has no WebGPU of its own).
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initBackend, NoBackendError, probeWebGPU } from '../../src/sr/backend';

const require = createRequire(import.meta.url);
const loaded = (pkg: string) => Object.keys(require.cache).some((k) => k.includes(`${pkg}/`));

function stubGPU(requestAdapter: () => Promise<unknown>): void {
  vi.stubGlobal('navigator', { gpu: { requestAdapter } });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('WebGPU failure reasons', () => {
  it("requestAdapter() resolving to null is 'no-adapter'", async () => {
    expect(loaded('tfjs-backend-webgpu')).toBe(false);
    stubGPU(async () => null);
    const report = await initBackend({ order: ['webgpu', 'cpu'] });
    expect(report.name).toBe('cpu');
    expect(report.attempts[0]).toMatchObject({ name: 'webgpu', ok: false, reason: 'no-adapter' });
  });

  it("a SecurityError is 'blocked'", async () => {
    stubGPU(async () => {
      throw new DOMException('WebGPU is blocked by the permissions policy', 'SecurityError');
    });
    expect(await probeWebGPU()).toMatchObject({ reason: 'blocked', message: expect.stringMatching(/SecurityError/) });
  });

  it("other errors from requestAdapter() are 'failed'", async () => {
    stubGPU(async () => {
      throw new TypeError('driver crashed');
    });
    expect(await probeWebGPU()).toMatchObject({ reason: 'failed', message: 'TypeError: driver crashed' });
  });

  it("an adapter that cannot start the tfjs backend is 'failed', with tfjs's error", async () => {
    // An adapter object without requestDevice(): the real @tensorflow/tfjs-backend-webgpu factory throws.
    stubGPU(async () => ({ features: new Set(), limits: {} }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {}); // tfjs logs the failure too
    const report = await initBackend({ order: ['webgpu', 'cpu'] });
    expect(report.name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    const [webgpu] = report.attempts;
    expect(webgpu).toMatchObject({ name: 'webgpu', ok: false, reason: 'failed' });
    expect(webgpu.message).toMatch(/requestDevice/);
    // Only now, with a probe that passed, was the WebGPU package imported (the check backend.test.ts relies on).
    expect(loaded('tfjs-backend-webgpu')).toBe(true);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('throws NoBackendError listing every attempt when nothing starts', async () => {
    const err = await initBackend({ order: ['webgpu', 'webgl'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoBackendError);
    expect((err as NoBackendError).attempts.map((a) => a.reason)).toEqual(['unsupported', 'unsupported']);
  });
});
