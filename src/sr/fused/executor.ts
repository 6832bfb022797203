/**
 * Runs a plan (./plan.ts) on the WebGPU device of TF.js's `webgpu` backend: one compute pass, one
 * command buffer, one dispatch per plan step. Packed weights are made once per weight map; activation
 * buffers are shared by every input shape (grown to the largest seen), uniforms and bind groups are made
 * once per shape (the last eight kept). The input comes from the tensor's GPU buffer
 * (`dataToGPU`), the result goes back into TF.js as a tensor copied from our output buffer, so callers see
 * the same `forward` contract as the stock ops. A network made with `blendOf` holds θ(α) of two others: its
 * weight buffers are blended from theirs on the GPU (./blend.ts) at the start of the run after α changed.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ArchitectureInfo } from '../models/run';
import type { WeightMap } from '../weights/tensors';
import { WeightBlend } from './blend';
import { packWeight } from './pack';
import { type PackedWeight, type Plan, planFor } from './plan';
import { programKey, UNIFORM_WORDS, wgslOf, type Program } from './wgsl';

/** The parts of TF.js's WebGPUBackend the executor uses. */
export interface WebGPUBackendLike {
  device: GPUDevice;
  /** Moves a tensor's values to the GPU (TF.js keeps small results of small ops on the CPU). */
  uploadToGPU(dataId: object): void;
}

const pipelineCache = new WeakMap<GPUDevice, Map<string, GPUComputePipeline>>();

function pipelineFor(device: GPUDevice, program: Program): GPUComputePipeline {
  let cache = pipelineCache.get(device);
  if (!cache) pipelineCache.set(device, (cache = new Map()));
  const key = programKey(program);
  let p = cache.get(key);
  if (!p) {
    const module = device.createShaderModule({ code: wgslOf(program), label: key });
    p = device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: 'main' }, label: key });
    cache.set(key, p);
  }
  return p;
}

const STORAGE = 0x80 | 0x04 | 0x08; // GPUBufferUsage.STORAGE | COPY_SRC | COPY_DST
const UNIFORM = 0x40 | 0x08; // GPUBufferUsage.UNIFORM | COPY_DST

interface Realised {
  plan: Plan;
  pipelines: GPUComputePipeline[];
  uniforms: GPUBuffer[];
  /** Bind groups of the steps that do not read the input (those are made per run). */
  groups: Array<GPUBindGroup | null>;
}

/** Input shapes whose uniforms and bind groups are kept (a tiled run has a few: core, edge and corner tiles). */
const SHAPES_KEPT = 8;

export class FusedNetwork {
  /** Packed weights by name; `ref` is the TF.js tensor owning the buffer (none for blended ones, which `blend` owns). */
  private readonly weights = new Map<string, { buffer: GPUBuffer; ref: tf.Tensor | null }>();
  private readonly blend: WeightBlend | null;
  /** Activation buffers by name, shared by every shape: grown to the largest seen (indices come from uniforms). */
  private readonly buffers = new Map<string, GPUBuffer>();
  private readonly plans = new Map<string, Realised>();
  private readonly planned = new Map<string, Plan>();
  private disposed = false;

  constructor(
    readonly backend: WebGPUBackendLike,
    readonly arch: ArchitectureInfo,
    /** The weights (with `blendOf`: either model's, read for shapes only). */
    private readonly map: WeightMap,
    /** Network interpolation: this network's weights are (1 − α)·a's + α·b's, α from `setAlpha`. */
    readonly blendOf?: { a: FusedNetwork; b: FusedNetwork },
  ) {
    this.blend = blendOf ? new WeightBlend(backend.device) : null;
  }

  /** θ(α) for the next run (a network made with `blendOf` only). */
  setAlpha(alpha: number): void {
    if (!this.blend) throw new Error('setAlpha: this network is not a blend');
    this.blend.setAlpha(alpha);
  }

  /** The GPU buffer of one packed weight, packed from this network's map on first use. */
  packed(name: string, spec: PackedWeight): GPUBuffer {
    let w = this.weights.get(name);
    if (!w && this.blendOf) {
      w = { buffer: this.blend!.add(name, this.blendOf.a.packed(name, spec), this.blendOf.b.packed(name, spec)), ref: null };
      this.weights.set(name, w);
    } else if (!w) {
      const t = packWeight(this.map, spec);
      this.backend.uploadToGPU(t.dataId);
      const gpu = t.dataToGPU();
      t.dispose();
      // Kept: forward often runs inside a caller's tf.tidy, which would otherwise hand the buffer back to TF.js.
      w = { buffer: gpu.buffer!, ref: tf.keep(gpu.tensorRef) };
      this.weights.set(name, w);
    }
    return w.buffer;
  }

  /**
   * Why this input shape cannot run here, or null: an RGB NHWC batch whose dispatch grids and buffers fit the
   * device's limits (WebGPU drops a command buffer that breaks them without an exception, so they are checked first).
   */
  refusal(shape: number[]): string | null {
    if (shape.length !== 4 || shape[3] !== 3) return `the input is [${shape.join(', ')}], not an RGB batch`;
    const plan = this.planFor(shape[0], shape[1], shape[2]);
    if (this.blendOf && this.foldsBatchNorm(shape)) return 'BatchNorm folding is not linear in the weights, so θ(α) cannot be blended from packed copies';
    const limits = this.backend.device.limits;
    const grid = Math.max(...plan.dispatches.flatMap((d) => d.grid));
    if (grid > limits.maxComputeWorkgroupsPerDimension) return `a dispatch needs ${grid} workgroups in one dimension (limit ${limits.maxComputeWorkgroupsPerDimension})`;
    const bytes = Math.max(...plan.buffers.values()) * 4;
    const most = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize);
    if (bytes > most) return `an activation needs ${bytes} bytes (limit ${most})`;
    return null;
  }

  /** Whether packing folds BatchNorm into some weight (then packing is not linear in the weights). */
  foldsBatchNorm(shape: number[]): boolean {
    return [...this.planFor(shape[0], shape[1], shape[2]).weights.values()].some((w) => 'bn' in w && !!w.bn);
  }

  /** Packs the weights and makes the buffers, pipelines and bind groups for [n, h, w, C] inputs ahead of a run. */
  prepare([n, h, w]: [number, number, number]): void {
    this.realise(n, h, w);
  }

  /** The network on an NHWC float32 batch: the same result as `forward` with the stock ops. */
  run(x: tf.Tensor4D): tf.Tensor {
    if (this.disposed) throw new Error('this fused network was disposed');
    const [n, h, w] = x.shape;
    const r = this.realise(n, h, w);
    const device = this.backend.device;
    this.backend.uploadToGPU(x.dataId);
    const input = x.dataToGPU();
    try {
      const encoder = device.createCommandEncoder();
      const pass = encoder.beginComputePass();
      this.blend?.encode(pass);
      r.plan.dispatches.forEach((d, i) => {
        pass.setPipeline(r.pipelines[i]);
        pass.setBindGroup(0, r.groups[i] ?? this.bindGroup(r, i, input.buffer!));
        pass.dispatchWorkgroups(...d.grid);
      });
      pass.end();
      device.queue.submit([encoder.finish()]);
      this.blend?.submitted();
    } finally {
      input.tensorRef.dispose();
    }
    // TF.js copies our output into a buffer of its own and submits the copy at once, so the next run may
    // overwrite ours.
    const size = r.plan.output.shape.reduce((a, b) => a * b, 1) * 4;
    const out = this.buffers.get(r.plan.output.buffer)!;
    const exact = out.size === size ? null : this.exact(out, size);
    const y = tf.tensor({ buffer: exact ?? out }, r.plan.output.shape, 'float32');
    exact?.destroy(); // WebGPU frees it once the copy already submitted is done
    return y;
  }

  dispose(): void {
    this.disposed = true;
    this.dropPlans();
    for (const b of this.buffers.values()) b.destroy();
    this.buffers.clear();
    for (const { ref } of this.weights.values()) ref?.dispose();
    this.weights.clear();
    this.blend?.dispose();
  }

  /** TF.js reads a tensor's whole buffer: a grown output buffer is copied into one of the tensor's size first. */
  private exact(out: GPUBuffer, size: number): GPUBuffer {
    const device = this.backend.device;
    const exact = device.createBuffer({ size, usage: STORAGE, label: 'output' });
    const encoder = device.createCommandEncoder();
    encoder.copyBufferToBuffer(out, 0, exact, 0, size);
    device.queue.submit([encoder.finish()]);
    return exact;
  }

  private dropPlans(): void {
    for (const r of this.plans.values()) for (const b of r.uniforms) b.destroy();
    this.plans.clear();
  }

  private planFor(n: number, h: number, w: number): Plan {
    const key = `${n}x${h}x${w}`;
    let plan = this.planned.get(key);
    if (!plan) {
      plan = planFor(this.arch, (name) => this.map[name]?.shape, n, h, w);
      if (this.planned.size >= SHAPES_KEPT) this.planned.delete(this.planned.keys().next().value!);
      this.planned.set(key, plan);
    }
    return plan;
  }

  private realise(n: number, h: number, w: number): Realised {
    const key = `${n}x${h}x${w}`;
    const known = this.plans.get(key);
    if (known) {
      this.plans.delete(key); // most recently used last
      this.plans.set(key, known);
      return known;
    }
    const plan = this.planFor(n, h, w);
    const device = this.backend.device;
    for (const [name, spec] of plan.weights) this.packed(name, spec);
    for (const [name, floats] of plan.buffers) {
      const size = Math.max(4, floats * 4);
      const old = this.buffers.get(name);
      if (old && old.size >= size) continue;
      old?.destroy(); // WebGPU frees it once the work already submitted is done
      this.buffers.set(name, device.createBuffer({ size, usage: STORAGE, label: name }));
      this.dropPlans(); // their bind groups name the old buffer
    }
    const uniforms = plan.dispatches.map((d) => {
      const u = device.createBuffer({ size: UNIFORM_WORDS * 4, usage: UNIFORM, label: `${d.label} uniforms` });
      const words = new Uint32Array(UNIFORM_WORDS);
      words.set(d.uniforms);
      device.queue.writeBuffer(u, 0, words);
      return u;
    });
    const r: Realised = { plan, pipelines: plan.dispatches.map((d) => pipelineFor(device, d.program)), uniforms, groups: [] };
    r.groups = plan.dispatches.map((d, i) => (Object.values(d.bindings).some((b) => 'input' in b) ? null : this.bindGroup(r, i)));
    if (this.plans.size >= SHAPES_KEPT) {
      const [oldKey, old] = this.plans.entries().next().value!;
      for (const b of old.uniforms) b.destroy();
      this.plans.delete(oldKey);
    }
    this.plans.set(key, r);
    return r;
  }

  private bindGroup(r: Realised, i: number, input?: GPUBuffer): GPUBindGroup {
    const d = r.plan.dispatches[i];
    const entries: GPUBindGroupEntry[] = [{ binding: 0, resource: { buffer: r.uniforms[i] } }];
    for (const [slot, b] of Object.entries(d.bindings)) {
      const buffer = 'input' in b ? input! : 'weight' in b ? this.weights.get(b.weight)!.buffer : this.buffers.get(b.buffer)!;
      entries.push({ binding: Number(slot), resource: { buffer } });
    }
    return this.backend.device.createBindGroup({ layout: r.pipelines[i].getBindGroupLayout(0), entries, label: d.label });
  }
}
