/**
 * A reader's own model files (src/sr/modelfile): PyTorch .pth (zip) and .safetensors of every supported
 * architecture and key style, written by training/srt/site/modelfile_fixtures.py with their PyTorch outputs, are read,
 * recognised and run on the CPU backend within 1e-3 of PyTorch; hostile files are refused with their reason.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/sr/backend';
import { detectArchitecture } from '../../src/sr/modelfile/detect';
import { readModelFile } from '../../src/sr/modelfile/read';
import { forward } from '../../src/sr/models/run';
import { isWeightError } from '../../src/sr/weights/errors';
import { disposeWeights, toWeightMap } from '../../src/sr/weights/tensors';

const dir = (name: string) => fileURLToPath(new URL(`../fixtures/modelfiles/${name}`, import.meta.url));
const bytes = (name: string) => new Uint8Array(readFileSync(dir(name)));

interface Case {
  file: string;
  arch: string;
  detected: Record<string, number>;
  shape: number[];
  output: number[];
}
const fx = JSON.parse(readFileSync(dir('outputs.json'), 'utf8')) as {
  input: { height: number; width: number; data: number[] };
  cases: Case[];
};

const PARAM_NAMES: Record<string, string> = { numFeat: 'num_feat', numBlock: 'num_block', numGrow: 'num_grow_ch', numConv: 'num_conv' };

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

describe('model files: read, detect, run like PyTorch', () => {
  it.each(fx.cases.map((c) => [c.file, c] as const))('%s', async (_, c) => {
    const detected = detectArchitecture(readModelFile(bytes(c.file), c.file), c.file);
    expect(detected.arch.name).toBe(c.arch);
    for (const [k, v] of Object.entries(c.detected)) {
      if (k === 'scale') expect(detected.scale).toBe(v);
      else expect(detected.arch.params[PARAM_NAMES[k]]).toBe(v);
    }
    expect(detected.keyStyle).toBe(c.file.includes('esrgan') ? 'esrgan' : 'basicsr');
    const weights = toWeightMap(detected.weights);
    const x = tf.tensor4d(fx.input.data, [1, fx.input.height, fx.input.width, 3]);
    const y = forward(detected.arch, weights, x);
    expect(y.shape).toEqual([1, c.shape[2], c.shape[3], 3]);
    const got = await y.data();
    let err = 0;
    got.forEach((v, i) => (err = Math.max(err, Math.abs(v - c.output[i]))));
    expect(err).toBeLessThan(1e-3);
    tf.dispose([x, y]);
    disposeWeights(weights);
  });
});

describe('hostile and unsupported files are refused with their reason', () => {
  const refusal = (name: string) => {
    try {
      detectArchitecture(readModelFile(bytes(`hostile/${name}`), name), name);
    } catch (err) {
      expect(isWeightError(err)).toBe(true);
      return err as Error & { code: string };
    }
    throw new Error(`${name} was accepted`);
  };

  it.each([
    ['os-system.pth', 'unsafe', /"os\.system".*refused without running/],
    ['builtins-eval.pth', 'unsafe', /"builtins\.eval"/],
    ['truncated.pth', 'truncated', /not a complete zip archive/],
    ['huge-header.safetensors', 'corrupt', /header length field reads 2147483648 bytes/],
    ['wrong-shape.safetensors', 'shape', /tensor "conv_body\.weight" has shape \[8, 4, 3, 3\].*expected \[8, 8, 3, 3\]/],
    ['unknown-arch.safetensors', 'format', /no known architecture.*"encoder\.layer1\.weight".*Supported: ESRGAN/],
    ['legacy.pth', 'format', /legacy format \(before version 1\.6\)/],
  ])('%s: %s', (name, code, message) => {
    const err = refusal(name);
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
    expect(err.message.startsWith(`${name}: `)).toBe(true);
  });
});

describe('model files through the runtime (register, then upscale by id)', () => {
  it('an RRDBNet .pth runs like PyTorch; a hostile file is refused by code and the runtime still works', async () => {
    const { RuntimeClient } = await import('../../src/sr/runtime/client');
    const { diskSource, inProcessWorker } = await import('./runtime-inprocess');
    const client = new RuntimeClient(inProcessWorker(diskSource));
    await client.init({ weightsBase: 'http://unused.invalid/', order: ['cpu'] });
    const c = fx.cases.find((k) => k.file === 'rrdbnet-esrgan.pth')!;
    const file = bytes(c.file);
    const { card, keyStyle } = await client.registerModelFile('file:1', c.file, file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength));
    expect([card.architecture.name, keyStyle, card.kind]).toEqual([c.arch, 'esrgan', 'generator']);
    const image = { width: fx.input.width, height: fx.input.height, data: Float32Array.from(fx.input.data) };
    const out = await client.upscale({ channel: 't', model: 'file:1', image });
    let err = 0;
    out.image.data.forEach((v, i) => (err = Math.max(err, Math.abs(v - c.output[i]))));
    expect(err).toBeLessThan(1e-3);
    const hostile = bytes('hostile/os-system.pth');
    await expect(client.registerModelFile('file:2', 'os-system.pth', hostile.buffer.slice(hostile.byteOffset, hostile.byteOffset + hostile.byteLength))).rejects.toMatchObject({ code: 'unsafe' });
    expect((await client.upscale({ channel: 't', model: 'file:1', image: { ...image, data: image.data.slice() } })).image.width).toBe(out.image.width);
    client.terminate();
  });
});
