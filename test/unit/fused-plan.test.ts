/**
 * The fused WebGPU path without a GPU: what its plans dispatch and bind (src/sr/fused/plan.ts), and that its
 * packed weights (src/sr/fused/pack.ts: BatchNorm folded, pixel-shuffle order, NCHW flatten, padding) give
 * the stock layers' numbers when used as plain convolutions on the CPU backend. The WGSL itself runs in the
 * e2e suite (golden parity of every exported model on both paths, test/e2e/runtime.spec.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/sr/backend';
import { expectedTensors } from '../../src/sr/models/specs';
import { batchNorm, conv, convPixelShuffle } from '../../src/sr/models/layers';
import { packWeight } from '../../src/sr/fused/pack';
import { fusedArchitecture, planFor, type Plan } from '../../src/sr/fused/plan';
import { FusedNetwork } from '../../src/sr/fused/executor';
import { largestDifference } from '../../src/sr/fused/compare';
import type { ArchitectureInfo } from '../../src/sr/models/run';
import { maxAbs } from './models-disk';

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

const arch = (name: ArchitectureInfo['name'], params: Record<string, unknown> = {}): ArchitectureInfo => ({ name, params, input: name === 'srcnn' ? 'bicubic' : 'lr' }) as ArchitectureInfo;

/** Shapes in TF layouts from the architecture's PyTorch shapes. */
function shapesOf(a: ArchitectureInfo) {
  const torch = expectedTensors(a.name, a.params);
  return (name: string) => {
    const s = torch[name];
    if (!s) return undefined;
    if (s.length === 4) return [s[2], s[3], s[1], s[0]];
    if (s.length === 2) return [s[1], s[0]];
    return s;
  };
}

const plan = (a: ArchitectureInfo, n: number, h: number, w: number) => planFor(a, shapesOf(a), n, h, w);
const READS = [1, 6, 7];
const WRITES = [4, 5];
const bufferAt = (p: Plan['dispatches'][number], slot: number) => {
  const b = p.bindings[slot];
  return b && 'buffer' in b ? b.buffer : undefined;
};

describe('fused plans', () => {
  it('RRDBNet: one dispatch per dense block, 16 for three RRDBs (the stock ops make 150 on WebGPU), 76 for ESRGAN\'s 23', () => {
    const p = plan(arch('rrdbnet', { num_block: 3 }), 1, 32, 32);
    expect(p.dispatches.map((d) => d.label).slice(0, 5)).toEqual(['pack input', 'conv_first', 'body.0.rdb1', 'body.0.rdb2', 'body.0.rdb3']);
    expect(p.dispatches).toHaveLength(16);
    expect(p.output.shape).toEqual([1, 128, 128, 3]);
    expect(plan(arch('rrdbnet', { num_block: 23 }), 1, 32, 32).dispatches).toHaveLength(76);
    // The last block of each RRDB takes the RRDB's input as a second residual.
    expect(p.dispatches.filter((d) => d.program.kind === 'dense' && d.program.residuals === 2).map((d) => d.label)).toEqual(['body.0.rdb3', 'body.1.rdb3', 'body.2.rdb3']);
  });

  it('SRResNet: 38 dispatches for 16 blocks (BN folded, PReLU and pixel shuffle in the conv); SRCNN 4; the discriminator 13', () => {
    const s = plan(arch('srresnet', { num_block: 16 }), 1, 24, 24);
    expect(s.dispatches).toHaveLength(38);
    expect(s.dispatches.filter((d) => d.program.kind === 'conv' && d.program.out === 'shuffle').map((d) => d.label)).toEqual(['upconv1', 'upconv2']);
    expect(plan(arch('srcnn'), 1, 64, 64).dispatches).toHaveLength(4);
    const d = plan(arch('vgg_discriminator'), 5, 128, 128);
    expect(d.dispatches).toHaveLength(13);
    expect(d.output.shape).toEqual([5, 1]);
  });

  it('runs what its vec4 layout can hold: channel counts that are multiples of 4, the four architectures it knows', () => {
    expect(fusedArchitecture(arch('rrdbnet', { num_feat: 64, num_grow_ch: 32 }))).toBe(true);
    expect(fusedArchitecture(arch('rrdbnet', { num_feat: 12, num_grow_ch: 6 }))).toBe(false); // a reader's tiny file
    expect(fusedArchitecture(arch('srresnet', { num_feat: 6 }))).toBe(false);
    expect(fusedArchitecture(arch('srcnn'))).toBe(true);
    expect(fusedArchitecture(arch('srvgg'))).toBe(false);
  });

  it.each([
    ['rrdbnet', { num_block: 3 }],
    ['rrdbnet', { num_block: 2, use_bn: true }],
    ['srresnet', { num_block: 4 }],
    ['srcnn', {}],
    ['vgg_discriminator', {}],
  ] as const)('%s %j: no dispatch writes a buffer it reads, and every buffer is written before it is read', (name, params) => {
    const a = arch(name, params);
    const p = plan(a, 2, name === 'vgg_discriminator' ? 128 : 20, name === 'vgg_discriminator' ? 128 : 36);
    const written = new Set<string>();
    for (const d of p.dispatches) {
      const reads = READS.map((s) => bufferAt(d, s)).filter(Boolean) as string[];
      const writes = WRITES.map((s) => bufferAt(d, s)).filter(Boolean) as string[];
      for (const r of reads) {
        expect(writes, d.label).not.toContain(r);
        expect(written.has(r), `${d.label} reads ${r}`).toBe(true);
      }
      writes.forEach((w) => written.add(w));
    }
    expect(written.has(p.output.buffer)).toBe(true);
  });
});

describe('packed weights equal the stock layers (CPU backend)', () => {
  const rand = (shape: number[], seed: number, lo = -0.5, hi = 0.5) => tf.randomUniform(shape, lo, hi, 'float32', seed);

  /** A conv with the packed [k·k·I', O'] weight and [O'] bias, the padding dropped again. */
  function packedConv(w: Record<string, tf.Tensor>, name: string, x: tf.Tensor4D, spec: { bn?: string; shuffle?: boolean }) {
    const [k, , ic, oc] = w[`${name}.weight`].shape;
    const [ip, op] = [Math.ceil(ic / 4) * 4, Math.ceil(oc / 4) * 4];
    const f = tf.slice(tf.reshape(packWeight(w, { kind: 'conv', name, ...spec, part: 'w' }), [k, k, ip, op]), [0, 0, 0, 0], [k, k, ic, oc]) as tf.Tensor4D;
    const b = tf.slice(packWeight(w, { kind: 'conv', name, ...spec, part: 'b' }), [0], [oc]);
    return tf.add(tf.conv2d(x, f, 1, 'same'), b) as tf.Tensor4D;
  }

  it('BatchNorm with stored statistics folds into the conv (within 1e-5)', async () => {
    const w = { 'c.weight': rand([3, 3, 6, 10], 1), 'c.bias': rand([10], 2), 'n.weight': rand([10], 3, 0.5, 1.5), 'n.bias': rand([10], 4), 'n.running_mean': rand([10], 5), 'n.running_var': rand([10], 6, 0.2, 2) };
    const x = rand([1, 7, 5, 6], 7) as tf.Tensor4D;
    const stock = batchNorm(w, 'n', conv(w, 'c', x));
    expect(maxAbs(await packedConv(w, 'c', x, { bn: 'n' }).data(), await stock.data())).toBeLessThan(1e-5);
  });

  it('pixel shuffle: the packed output channels, moved by depthToSpace, are PyTorch\'s pixel_shuffle', async () => {
    const w = { 'u.weight': rand([3, 3, 8, 16], 8), 'u.bias': rand([16], 9) };
    const x = rand([1, 4, 6, 8], 10) as tf.Tensor4D;
    const stock = convPixelShuffle(w, 'u', x);
    const fused = tf.depthToSpace(packedConv(w, 'u', x, { shuffle: true }), 2, 'NHWC');
    expect(maxAbs(await fused.data(), await stock.data())).toBeLessThan(1e-6);
  });

  it('linear1 after an NCHW flatten equals the packed rows applied to the NHWC map', async () => {
    const [c, h, wd] = [8, 3, 2];
    const w = { 'linear1.weight': rand([c * h * wd, 5], 11), 'linear1.bias': rand([5], 12) };
    const feat = rand([2, h, wd, c], 13) as tf.Tensor4D;
    const stock = tf.add(tf.matMul(tf.reshape(tf.transpose(feat, [0, 3, 1, 2]), [2, -1]), w['linear1.weight']), w['linear1.bias']);
    const packed = tf.slice(tf.reshape(packWeight(w, { kind: 'conv', name: 'linear1', nchw: [c, h, wd], part: 'w' }), [h * wd * c, 8]), [0, 0], [h * wd * c, 5]);
    const fused = tf.add(tf.matMul(tf.reshape(feat, [2, -1]), packed), w['linear1.bias']);
    expect(maxAbs(await fused.data(), await stock.data())).toBeLessThan(1e-5);
  });
});

describe('what a device can take', () => {
  /** A FusedNetwork on a device with WebGPU's default limits; the weight map only needs shapes here. */
  function network(a: ArchitectureInfo) {
    const shape = shapesOf(a);
    const map = new Proxy({}, { get: (_, name: string) => (shape(name) ? { shape: shape(name) } : undefined) }) as unknown as Record<string, tf.Tensor>;
    const limits = { maxComputeWorkgroupsPerDimension: 65535, maxStorageBufferBindingSize: 128 * 2 ** 20, maxBufferSize: 256 * 2 ** 20 };
    return new FusedNetwork({ device: { limits } as unknown as GPUDevice, uploadToGPU: () => undefined }, a, map);
  }

  it('refuses grids and buffers beyond the limits (WebGPU would drop them silently), and inputs that are not RGB', () => {
    const rrdb = network(arch('rrdbnet', { num_block: 3 }));
    expect(rrdb.refusal([1, 128, 128, 3])).toBeNull();
    // 4·H × 4·W × 64 channels × 4 bytes: over 128 MiB from 182² up.
    expect(rrdb.refusal([1, 182, 182, 3])).toMatch(/an activation needs \d+ bytes \(limit 134217728\)/);
    expect(rrdb.refusal([1, 16, 16, 4])).toMatch(/not an RGB batch/);
    const disc = network(arch('vgg_discriminator'));
    expect(disc.refusal([16, 128, 128, 3])).toBeNull();
    expect(disc.refusal([300, 128, 128, 3])).toMatch(/workgroups in one dimension \(limit 65535\)/);
  });
});

describe('comparing outputs', () => {
  it('largestDifference: the largest |a − b|, Infinity for a NaN or a length mismatch', () => {
    expect(largestDifference([1, 2, 3], [1, 2.5, 2])).toBe(1);
    expect(largestDifference([1, NaN], [1, 2])).toBe(Infinity);
    expect(largestDifference([1, 2], [1])).toBe(Infinity);
  });
});
