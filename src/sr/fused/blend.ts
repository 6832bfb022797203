/**
 * Network interpolation on the fused path: θ(α) = (1 − α)·θ_A + α·θ_B written in place into a network's own
 * packed weight buffers, from two networks' packed weights, one small dispatch per weight tensor, encoded
 * ahead of the network's dispatches in the same compute pass. Packing is linear (permutes, pads, stacks)
 * except BatchNorm folding, so the blend of the packed weights is the packing of the blended weights for
 * networks without BatchNorm (./index.ts packs a BatchNorm pair's interpolated map itself). At α = 0 and α = 1 the
 * result is θ_A or θ_B exactly (x·1 + y·0 = x).
 */
const WORKGROUP = 256;

export const BLEND_WGSL = /* wgsl */ `
@group(0) @binding(0) var<uniform> w: vec4<f32>;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> o: array<f32>;

@compute @workgroup_size(${WORKGROUP})
fn main(@builtin(global_invocation_id) g: vec3<u32>, @builtin(num_workgroups) n: vec3<u32>) {
  let len = arrayLength(&o);
  for (var i = g.x; i < len; i += n.x * ${WORKGROUP}u) {
    o[i] = a[i] * w.x + b[i] * w.y;
  }
}
`;

const STORAGE = 0x80 | 0x04 | 0x08; // GPUBufferUsage.STORAGE | COPY_SRC | COPY_DST
const UNIFORM = 0x40 | 0x08; // GPUBufferUsage.UNIFORM | COPY_DST

const pipelines = new WeakMap<GPUDevice, GPUComputePipeline>();

function blendPipeline(device: GPUDevice): GPUComputePipeline {
  let p = pipelines.get(device);
  if (!p) {
    p = device.createComputePipeline({ layout: 'auto', compute: { module: device.createShaderModule({ code: BLEND_WGSL, label: 'blend' }), entryPoint: 'main' }, label: 'blend' });
    pipelines.set(device, p);
  }
  return p;
}

/** The blended weights of one network: a buffer per weight tensor, rewritten when α changes. */
export class WeightBlend {
  private readonly steps: Array<{ group: GPUBindGroup; grid: number }> = [];
  private readonly owned: GPUBuffer[] = [];
  private readonly uniform: GPUBuffer;
  private alpha = Number.NaN;
  /** True while some buffer does not hold θ(alpha) yet. */
  private pending = false;

  constructor(private readonly device: GPUDevice) {
    this.uniform = device.createBuffer({ size: 16, usage: UNIFORM, label: 'blend α' });
  }

  /** A buffer that will hold the blend of `a` and `b` (packed weights of the same size). */
  add(name: string, a: GPUBuffer, b: GPUBuffer): GPUBuffer {
    if (a.size !== b.size) throw new Error(`cannot blend "${name}": ${a.size} against ${b.size} bytes`);
    const out = this.device.createBuffer({ size: a.size, usage: STORAGE, label: `blend ${name}` });
    const pipeline = blendPipeline(this.device);
    const group = this.device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: [this.uniform, a, b, out].map((buffer, binding) => ({ binding, resource: { buffer } })),
      label: `blend ${name}`,
    });
    const limit = this.device.limits.maxComputeWorkgroupsPerDimension;
    this.steps.push({ group, grid: Math.min(limit, Math.ceil(a.size / 4 / WORKGROUP)) });
    this.owned.push(out);
    this.pending = true;
    return out;
  }

  setAlpha(alpha: number): void {
    if (alpha === this.alpha) return;
    if (!(alpha >= 0 && alpha <= 1)) throw new RangeError(`alpha must be in [0, 1], got ${alpha}`);
    this.alpha = alpha;
    this.device.queue.writeBuffer(this.uniform, 0, new Float32Array([1 - alpha, alpha, 0, 0]));
    this.pending = true;
  }

  /** Encodes the blend into `pass` when some buffer is out of date. */
  encode(pass: GPUComputePassEncoder): void {
    if (!this.pending) return;
    if (Number.isNaN(this.alpha)) throw new Error('blend: no α set');
    pass.setPipeline(blendPipeline(this.device));
    for (const s of this.steps) {
      pass.setBindGroup(0, s.group);
      pass.dispatchWorkgroups(s.grid);
    }
  }

  /** The pass with the blend was submitted: the buffers hold θ(α) (a run that failed before submitting blends again). */
  submitted(): void {
    this.pending = false;
  }

  dispose(): void {
    for (const b of this.owned) b.destroy();
    this.uniform.destroy();
  }
}
