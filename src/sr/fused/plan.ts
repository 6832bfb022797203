/**
 * What the fused path runs for one network at one input size, as data: the activation buffers (sizes in
 * f32), the packed weights each dispatch reads, and every dispatch with its program, bindings, uniforms
 * and grid. Pure (no GPU): `./executor.ts` turns a plan into pipelines and bind groups, and the unit tests
 * count its dispatches. Layer names are BasicSR's, as in `../models`.
 */
import { rrdbParams, srresnetParams } from '../models/specs';
import type { ArchitectureInfo } from '../models/run';
import {
  type Act,
  CONV_WG,
  DENSE_HALO,
  FLOAT_SLOTS,
  OB,
  PACK_WG,
  PX,
  type Program,
  U,
} from './wgsl';

/** How one packed weight tensor is made from the weight map (see ./pack.ts). */
export type PackedWeight =
  | { kind: 'conv'; name: string; bn?: string; shuffle?: boolean; nchw?: [number, number, number]; part: 'w' | 'b' }
  | { kind: 'alpha'; name: string }
  | { kind: 'dense'; prefix: string; bn: boolean; part: 'w' | 'b' };

export type Binding = { buffer: string; floats: number } | { input: true } | { weight: string };

export interface Dispatch {
  label: string;
  program: Program;
  /** WGSL binding index -> what is bound there. */
  bindings: Record<number, Binding>;
  uniforms: number[];
  grid: [number, number, number];
}

export interface Plan {
  dispatches: Dispatch[];
  /** Activation buffers, by name, in f32 elements. */
  buffers: Map<string, number>;
  /** Packed weights, by name. */
  weights: Map<string, PackedWeight>;
  /** The buffer holding the result (plain f32 NHWC, or [N, 1] logits) and its shape. */
  output: { buffer: string; shape: number[] };
}

/** TF-layout shape of a weight ([kh, kw, in, out] for convs, [in, out] for linears, [C] otherwise). */
export type ShapeOf = (name: string) => number[] | undefined;

/** A tensor inside a vec4 activation buffer: its spatial size, channel stride and offset (in vec4). */
interface View {
  buffer: string;
  h: number;
  w: number;
  s4: number;
  o4: number;
  c4: number;
}

const c4Of = (c: number) => Math.ceil(c / 4);
const f32Bits = (v: number) => new Uint32Array(new Float32Array([v]).buffer)[0];

/** The rows of a dense block's band: 16, so that even a 32-row tile is two workgroups. */
export const bandRows = (h: number) => Math.min(16, h);

class Builder {
  readonly dispatches: Dispatch[] = [];
  readonly buffers = new Map<string, number>();
  readonly weights = new Map<string, PackedWeight>();
  constructor(
    readonly n: number,
    readonly shape: ShapeOf,
  ) {}

  view(buffer: string, h: number, w: number, c: number): View {
    const c4 = c4Of(c);
    this.buffers.set(buffer, Math.max(this.buffers.get(buffer) ?? 0, this.n * h * w * c4 * 4));
    return { buffer, h, w, s4: c4, o4: 0, c4 };
  }

  bind(v: View): Binding {
    return { buffer: v.buffer, floats: this.buffers.get(v.buffer)! };
  }

  uniforms(slots: readonly string[], values: Record<string, number | undefined>): number[] {
    return slots.map((s) => (FLOAT_SLOTS.has(s) ? f32Bits(values[s] ?? 0) : (values[s] ?? 0)));
  }

  pack(input: { h: number; w: number; c: number }, out: View): void {
    const count = this.n * input.h * input.w;
    this.dispatches.push({
      label: 'pack input',
      program: { kind: 'pack', c: input.c },
      bindings: { 1: { input: true }, 4: this.bind(out) },
      uniforms: this.uniforms(U.pack, { count, outS: out.s4, outO: out.o4 }),
      grid: [Math.ceil(count / PACK_WG), 1, 1],
    });
  }

  /** One conv (+ bias, activation, residuals), reading `input` and writing a new view (or plain f32 `dense`). */
  conv(
    name: string,
    input: View,
    out: { buffer: string } | { dense: string; channels: number },
    o: { stride?: number; pad?: number; up?: 1 | 2; act?: Act; alpha?: string; bn?: string; shuffle?: boolean; nchw?: [number, number, number]; res?: Array<[View, number]> } = {},
  ): View {
    const ws = this.shape(`${name}.weight`);
    if (!ws) throw new Error(`weight "${name}.weight" is missing from the weight map`);
    const [k, , ic, oc] = ws.length === 2 ? [1, 1, ws[0], ws[1]] : ws;
    const stride = o.stride ?? 1;
    const up = o.up ?? 1;
    const pad = o.pad ?? (k - 1) / 2;
    const outH = Math.floor((input.h * up + 2 * pad - k) / stride) + 1;
    const outW = Math.floor((input.w * up + 2 * pad - k) / stride) + 1;
    if (c4Of(ic) !== input.c4) throw new Error(`${name}: ${ic} input channels, the input has ${input.c4 * 4}`);
    const mode = 'dense' in out ? 'dense' : o.shuffle ? 'shuffle' : 'vec4';
    const dst = 'dense' in out ? null : mode === 'shuffle' ? this.view(out.buffer, outH * 2, outW * 2, oc / 4) : this.view(out.buffer, outH, outW, oc);
    const res = o.res ?? [];
    const oc4 = c4Of(oc);
    const obN = Math.ceil(oc4 / OB);
    this.weights.set(`${name}.w`, { kind: 'conv', name, bn: o.bn, shuffle: o.shuffle, nchw: o.nchw, part: 'w' });
    this.weights.set(`${name}.b`, { kind: 'conv', name, bn: o.bn, shuffle: o.shuffle, nchw: o.nchw, part: 'b' });
    const bindings: Record<number, Binding> = { 1: this.bind(input), 2: { weight: `${name}.w` }, 3: { weight: `${name}.b` } };
    if ('dense' in out) {
      this.buffers.set(out.dense, this.n * outH * outW * out.channels);
      bindings[4] = { buffer: out.dense, floats: this.n * outH * outW * out.channels };
    } else bindings[4] = this.bind(dst!);
    if (o.act === 'prelu') {
      this.weights.set(`${o.alpha}.a`, { kind: 'alpha', name: o.alpha! });
      bindings[5] = { weight: `${o.alpha}.a` };
    }
    res.forEach(([v], i) => (bindings[6 + i] = this.bind(v)));
    this.dispatches.push({
      label: name,
      program: { kind: 'conv', k, stride, up, act: o.act ?? 'linear', residuals: res.length as 0 | 1 | 2, out: mode },
      bindings,
      uniforms: this.uniforms(U.conv, {
        inW: input.w, inH: input.h, inS: input.s4, inO: input.o4, ic4: input.c4,
        outW, outH, outS: dst?.s4 ?? 0, outO: dst?.o4 ?? 0, oc4, pad, obN,
        r1S: res[0]?.[0].s4, r1O: res[0]?.[0].o4, r2S: res[1]?.[0].s4, r2O: res[1]?.[0].o4, s1: res[0]?.[1], s2: res[1]?.[1],
        outC: 'dense' in out ? out.channels : 0,
      }),
      grid: [Math.ceil(Math.ceil(outW / PX) / CONV_WG[0]), Math.ceil(outH / CONV_WG[1]), this.n * obN],
    });
    return dst ?? { buffer: (out as { dense: string }).dense, h: outH, w: outW, s4: 0, o4: 0, c4: 0 };
  }

  /** RRDBNet's residual dense block `prefix` on `input`: x + 0.2 conv5, and for an RRDB's last block rrdbIn + 0.2 (that). */
  denseBlock(prefix: string, input: View, out: string, nf: number, gc: number, bn: boolean, rrdbIn?: View): View {
    const dst = this.view(out, input.h, input.w, nf);
    const t = bandRows(input.h);
    const bands = Math.ceil(input.h / t);
    const rows = t + 2 * DENSE_HALO;
    const scrWg = 4 * rows * input.w * (gc / 4);
    this.buffers.set('scratch', Math.max(this.buffers.get('scratch') ?? 0, this.n * bands * scrWg * 4));
    this.weights.set(`${prefix}.w`, { kind: 'dense', prefix, bn, part: 'w' });
    this.weights.set(`${prefix}.b`, { kind: 'dense', prefix, bn, part: 'b' });
    const bindings: Record<number, Binding> = {
      1: this.bind(input),
      2: { weight: `${prefix}.w` },
      3: { weight: `${prefix}.b` },
      4: this.bind(dst),
      5: { buffer: 'scratch', floats: this.buffers.get('scratch')! },
    };
    if (rrdbIn) bindings[7] = this.bind(rrdbIn);
    this.dispatches.push({
      label: prefix,
      program: { kind: 'dense', nf, gc, residuals: rrdbIn ? 2 : 1 },
      bindings,
      uniforms: this.uniforms(U.dense, {
        W: input.w, H: input.h, T: t, inS: input.s4, inO: input.o4, outS: dst.s4, outO: dst.o4,
        r2S: rrdbIn?.s4, r2O: rrdbIn?.o4, bands, scrWg, R: rows, s1: 0.2, s2: 0.2,
      }),
      grid: [bands, this.n, 1],
    });
    return dst;
  }

  finish(output: { buffer: string; shape: number[] }): Plan {
    return { dispatches: this.dispatches, buffers: this.buffers, weights: this.weights, output };
  }
}

/** A buffer name from `pool` that is none of `busy` (the plans need at most three at a time). */
function free(pool: string[], ...busy: View[]): string {
  const name = pool.find((p) => !busy.some((v) => v.buffer === p));
  if (!name) throw new Error('no free activation buffer');
  return name;
}

function rrdbPlan(b: Builder, arch: ArchitectureInfo, h: number, w: number): Plan {
  const { numFeat: nf, numBlock, numGrow: gc, useBN } = rrdbParams(arch.params);
  const x = b.view('x', h, w, 3);
  b.pack({ h, w, c: 3 }, x);
  const head = b.conv('conv_first', x, { buffer: 'head' });
  const pool = ['f0', 'f1', 'f2'];
  let cur = head;
  for (let i = 0; i < numBlock; i++) {
    const p = `body.${i}`;
    const r1 = b.denseBlock(`${p}.rdb1`, cur, free(pool, cur), nf, gc, useBN);
    const r2 = b.denseBlock(`${p}.rdb2`, r1, free(pool, cur, r1), nf, gc, useBN);
    cur = b.denseBlock(`${p}.rdb3`, r2, free(pool, cur, r2), nf, gc, useBN, cur);
  }
  const feat = b.conv('conv_body', cur, { buffer: free(pool, cur) }, { res: [[head, 1]] });
  const up1 = b.conv('conv_up1', feat, { buffer: 'up1' }, { up: 2, act: 'leakyrelu' });
  const up2 = b.conv('conv_up2', up1, { buffer: 'up2' }, { up: 2, act: 'leakyrelu' });
  const hr = b.conv('conv_hr', up2, { buffer: 'hr' }, { act: 'leakyrelu' });
  b.conv('conv_last', hr, { dense: 'out', channels: 3 });
  return b.finish({ buffer: 'out', shape: [b.n, h * 4, w * 4, 3] });
}

function srresnetPlan(b: Builder, arch: ArchitectureInfo, h: number, w: number): Plan {
  const { numBlock } = srresnetParams(arch.params);
  const x = b.view('x', h, w, 3);
  b.pack({ h, w, c: 3 }, x);
  const head = b.conv('conv_first', x, { buffer: 'head' }, { act: 'prelu', alpha: 'prelu_first' });
  const pool = ['f0', 'f1', 'f2'];
  let cur = head;
  for (let i = 0; i < numBlock; i++) {
    const p = `body.${i}`;
    const y = b.conv(`${p}.conv1`, cur, { buffer: free(pool, cur) }, { act: 'prelu', alpha: `${p}.prelu`, bn: `${p}.bn1` });
    cur = b.conv(`${p}.conv2`, y, { buffer: free(pool, cur, y) }, { bn: `${p}.bn2`, res: [[cur, 1]] });
  }
  const feat = b.conv('conv_body', cur, { buffer: free(pool, cur) }, { bn: 'bn_body', res: [[head, 1]] });
  const up1 = b.conv('upconv1', feat, { buffer: 'up1' }, { shuffle: true, act: 'prelu', alpha: 'prelu_up1' });
  const up2 = b.conv('upconv2', up1, { buffer: 'up2' }, { shuffle: true, act: 'prelu', alpha: 'prelu_up2' });
  b.conv('conv_last', up2, { dense: 'out', channels: 3 });
  return b.finish({ buffer: 'out', shape: [b.n, h * 4, w * 4, 3] });
}

function srcnnPlan(b: Builder, h: number, w: number): Plan {
  const x = b.view('x', h, w, 3);
  b.pack({ h, w, c: 3 }, x);
  const f1 = b.conv('conv1', x, { buffer: 'f1' }, { act: 'relu' });
  const f2 = b.conv('conv2', f1, { buffer: 'f2' }, { act: 'relu' });
  b.conv('conv3', f2, { dense: 'out', channels: 3 });
  return b.finish({ buffer: 'out', shape: [b.n, h, w, 3] });
}

function discriminatorPlan(b: Builder, h: number, w: number): Plan {
  const x = b.view('x', h, w, 3);
  b.pack({ h, w, c: 3 }, x);
  const bn = (name: string) => (b.shape(`${name}.running_mean`) ? name : undefined);
  let feat = b.conv('conv0_0', x, { buffer: 'f0' }, { act: 'leakyrelu' });
  feat = b.conv('conv0_1', feat, { buffer: 'f1' }, { stride: 2, pad: 1, act: 'leakyrelu', bn: bn('bn0_1') });
  for (let s = 1; s <= 4; s++) {
    feat = b.conv(`conv${s}_0`, feat, { buffer: feat.buffer === 'f0' ? 'f1' : 'f0' }, { pad: 1, act: 'leakyrelu', bn: bn(`bn${s}_0`) });
    feat = b.conv(`conv${s}_1`, feat, { buffer: feat.buffer === 'f0' ? 'f1' : 'f0' }, { stride: 2, pad: 1, act: 'leakyrelu', bn: bn(`bn${s}_1`) });
  }
  // linear1 on the flattened map: a 1x1 conv on a 1x1 image whose channels are the map's H·W·C (NHWC order; the
  // packed weight's rows are permuted from PyTorch's NCHW flatten).
  const flat: View = { ...feat, h: 1, w: 1, c4: feat.h * feat.w * feat.c4, s4: feat.h * feat.w * feat.c4 };
  const hidden = b.conv('linear1', flat, { buffer: 'hidden' }, { act: 'leakyrelu', nchw: [feat.c4 * 4, feat.h, feat.w] });
  b.conv('linear2', hidden, { dense: 'out', channels: 1 });
  return b.finish({ buffer: 'out', shape: [b.n, 1] });
}

/**
 * Whether the fused path runs this network: SRCNN, SRResNet, RRDBNet and the VGG discriminator whose feature
 * (and growth) channels are multiples of 4, the vec4 layout's unit (every exported model; a reader's file
 * may differ). Readers' SRVGG / MSRResNet files keep the stock ops.
 */
export function fusedArchitecture(arch: ArchitectureInfo): boolean {
  const by4 = (...c: number[]) => c.every((v) => v % 4 === 0);
  const nf = Number(arch.params?.num_feat ?? 64);
  if (arch.name === 'rrdbnet') return by4(rrdbParams(arch.params).numFeat, rrdbParams(arch.params).numGrow);
  if (arch.name === 'srresnet') return by4(srresnetParams(arch.params).numFeat);
  if (arch.name === 'vgg_discriminator') return by4(nf);
  return arch.name === 'srcnn';
}

/** The plan for a [n, h, w, 3] input (SRCNN: the already enlarged image; discriminators: the HR patches). */
export function planFor(arch: ArchitectureInfo, shape: ShapeOf, n: number, h: number, w: number): Plan {
  const b = new Builder(n, shape);
  if (arch.name === 'rrdbnet') return rrdbPlan(b, arch, h, w);
  if (arch.name === 'srresnet') return srresnetPlan(b, arch, h, w);
  if (arch.name === 'srcnn') return srcnnPlan(b, h, w);
  if (arch.name === 'vgg_discriminator') return discriminatorPlan(b, h, w);
  throw new Error(`the fused path does not run "${arch.name}"`);
}
