/**
 * The fused WebGPU path's door: `fusedFor` gives the fused network for a weight map when the active
 * backend is WebGPU and the run allows it (no taps, stored BatchNorm statistics, an architecture the
 * fused path knows), else null and the stock TF.js ops run. `setForwardPath` forces either path (the
 * benchmark and the parity tests run both); `countDispatches` counts GPU dispatches of any code.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BNStats, Tap } from '../models/layers';
import type { ArchitectureInfo } from '../models/run';
import { blendSource } from '../weights/interpolate';
import type { WeightMap } from '../weights/tensors';
import { FusedNetwork, type WebGPUBackendLike } from './executor';
import { fusedArchitecture } from './plan';

export type ForwardPath = 'auto' | 'stock' | 'fused';
let path: ForwardPath = 'auto';

export function setForwardPath(p: ForwardPath): void {
  path = p;
}

export function forwardPath(): ForwardPath {
  return path;
}

const networks = new WeakMap<WeightMap, FusedNetwork>();
/** Blended networks (network interpolation), one per pair of source networks, kept across α. */
const blends = new Set<FusedNetwork>();

/** The fused network of one weight map on `backend` (made on first use; remade after a backend change). */
function networkOf(backend: WebGPUBackendLike, arch: ArchitectureInfo, map: WeightMap): FusedNetwork {
  let net = networks.get(map);
  if (net && net.backend !== backend) {
    dropBlends(net);
    net.dispose();
    net = undefined;
  }
  if (!net) networks.set(map, (net = new FusedNetwork(backend, arch, map)));
  return net;
}

/** Frees the blends made from `net`. */
function dropBlends(net: FusedNetwork): void {
  for (const blend of blends) {
    if (blend.blendOf!.a !== net && blend.blendOf!.b !== net) continue;
    blend.dispose();
    blends.delete(blend);
  }
}

/** The blend of `a` and `b` (weights written in place for each α), made once per pair. */
function blendOf(backend: WebGPUBackendLike, arch: ArchitectureInfo, a: FusedNetwork, b: FusedNetwork, shapes: WeightMap): FusedNetwork {
  for (const net of blends) if (net.blendOf!.a === a && net.blendOf!.b === b) return net;
  const net = new FusedNetwork(backend, arch, shapes, { a, b });
  blends.add(net);
  return net;
}

/**
 * The fused network for these weights and this input shape, or null when this run keeps the stock ops (path
 * 'fused' throws instead, saying why).
 */
export function fusedFor(arch: ArchitectureInfo, map: WeightMap, shape: number[], opts: { tap?: Tap; bnStats?: BNStats } = {}): FusedNetwork | null {
  if (path === 'stock') return null;
  const why =
    tf.getBackend() !== 'webgpu' ? `the backend is ${tf.getBackend()}` :
    opts.tap ? 'intermediate activations were asked for' :
    opts.bnStats === 'input' ? 'BatchNorm uses the input\'s statistics' :
    !fusedArchitecture(arch) ? `"${arch.name}" has no fused program` : null;
  if (why) {
    if (path === 'fused') throw new Error(`the fused path cannot run this: ${why}`);
    return null;
  }
  const backend = tf.backend() as unknown as WebGPUBackendLike;
  // θ(α) of network interpolation: blended in place from the two models' packed weights, none of its own read;
  // with BatchNorm (folding is not linear) the interpolated map itself is packed, as any other map
  const source = blendSource(map);
  const sources = source && [networkOf(backend, arch, source.a), networkOf(backend, arch, source.b)];
  const blend = sources && !sources[0].foldsBatchNorm(shape) ? blendOf(backend, arch, sources[0], sources[1], source.a) : null;
  const net = blend ?? networkOf(backend, arch, map);
  const refusal = net.refusal(shape);
  if (!refusal && blend) blend.setAlpha(source!.alpha);
  if (refusal && path === 'fused') throw new Error(`the fused path cannot run this: ${refusal}`);
  return refusal ? null : net;
}

/** Frees the fused copies of these weights, and the blends made from them (called by disposeWeights). */
export function releaseFused(map: WeightMap): void {
  const net = networks.get(map);
  if (!net) return;
  dropBlends(net);
  net.dispose();
  networks.delete(map);
}

/** Runs fn while counting `dispatchWorkgroups` calls of every compute pass (TF.js's and ours). */
export async function countDispatches<T>(fn: () => Promise<T>): Promise<{ result: T; dispatches: number }> {
  const proto = (globalThis as { GPUComputePassEncoder?: { prototype: GPUComputePassEncoder } }).GPUComputePassEncoder?.prototype;
  if (!proto) throw new Error('WebGPU is not available here');
  const original = proto.dispatchWorkgroups;
  let dispatches = 0;
  proto.dispatchWorkgroups = function (this: GPUComputePassEncoder, ...args: Parameters<GPUComputePassEncoder['dispatchWorkgroups']>) {
    dispatches++;
    return original.apply(this, args);
  };
  try {
    return { result: await fn(), dispatches };
  } finally {
    proto.dispatchWorkgroups = original;
  }
}
