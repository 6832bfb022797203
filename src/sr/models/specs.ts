/**
 * What each architecture expects, computed from its parameters alone (no weights): the tensor names
 * and PyTorch shapes (checked against model cards), the receptive-field radius (tiling overlap), the
 * multiply-accumulate count (benchmarks) and the widest activation per input pixel (tile sizing).
 */
import type { ArchitectureName, ArchParams as Params } from '../weights/card';
type Shapes = Record<string, number[]>;

const num = (p: Params, key: string, fallback: number) => (typeof p[key] === 'number' ? (p[key] as number) : fallback);

function convShapes(out: Shapes, name: string, cin: number, cout: number, k: number, bias = true) {
  out[`${name}.weight`] = [cout, cin, k, k];
  if (bias) out[`${name}.bias`] = [cout];
}

function bnShapes(out: Shapes, name: string, c: number) {
  for (const s of ['weight', 'bias', 'running_mean', 'running_var']) out[`${name}.${s}`] = [c];
}

export interface RRDBParams {
  numFeat: number;
  numBlock: number;
  numGrow: number;
  useBN: boolean;
}

export function rrdbParams(p: Params): RRDBParams {
  return { numFeat: num(p, 'num_feat', 64), numBlock: num(p, 'num_block', 23), numGrow: num(p, 'num_grow_ch', 32), useBN: p.use_bn === true };
}

export function srresnetParams(p: Params): { numFeat: number; numBlock: number } {
  return { numFeat: num(p, 'num_feat', 64), numBlock: num(p, 'num_block', 16) };
}

/** SRVGGNetCompact (realesr-general-x4v3: 64 features, 32 convs). */
export function srvggParams(p: Params): { numFeat: number; numConv: number } {
  return { numFeat: num(p, 'num_feat', 64), numConv: num(p, 'num_conv', 32) };
}

/** Tensor names and dequantised PyTorch shapes, in PyTorch's state_dict order. */
export function expectedTensors(arch: ArchitectureName, params: Params = {}): Shapes {
  const out: Shapes = {};
  if (arch === 'srcnn') {
    const f1 = num(params, 'num_feat', 64);
    const f2 = num(params, 'num_feat2', 32);
    convShapes(out, 'conv1', 3, f1, 9);
    convShapes(out, 'conv2', f1, f2, 5);
    convShapes(out, 'conv3', f2, 3, 5);
  } else if (arch === 'srresnet') {
    const { numFeat: f, numBlock } = srresnetParams(params);
    convShapes(out, 'conv_first', 3, f, 9);
    out['prelu_first.weight'] = [f];
    for (let b = 0; b < numBlock; b++) {
      convShapes(out, `body.${b}.conv1`, f, f, 3);
      bnShapes(out, `body.${b}.bn1`, f);
      out[`body.${b}.prelu.weight`] = [f];
      convShapes(out, `body.${b}.conv2`, f, f, 3);
      bnShapes(out, `body.${b}.bn2`, f);
    }
    convShapes(out, 'conv_body', f, f, 3);
    bnShapes(out, 'bn_body', f);
    convShapes(out, 'upconv1', f, f * 4, 3);
    out['prelu_up1.weight'] = [f];
    convShapes(out, 'upconv2', f, f * 4, 3);
    out['prelu_up2.weight'] = [f];
    convShapes(out, 'conv_last', f, 3, 9);
  } else if (arch === 'rrdbnet') {
    const { numFeat: f, numBlock, numGrow: g, useBN } = rrdbParams(params);
    convShapes(out, 'conv_first', 3, f, 3);
    for (let b = 0; b < numBlock; b++) {
      for (const r of ['rdb1', 'rdb2', 'rdb3']) {
        for (let i = 1; i <= 5; i++) {
          const cout = i < 5 ? g : f;
          convShapes(out, `body.${b}.${r}.conv${i}`, f + (i - 1) * g, cout, 3);
          if (useBN) bnShapes(out, `body.${b}.${r}.bn${i}`, cout);
        }
      }
    }
    for (const name of ['conv_body', 'conv_up1', 'conv_up2', 'conv_hr']) convShapes(out, name, f, f, 3);
    convShapes(out, 'conv_last', f, 3, 3);
  } else if (arch === 'srvgg') {
    const { numFeat: f, numConv } = srvggParams(params);
    convShapes(out, 'body.0', 3, f, 3);
    out['body.1.weight'] = [f];
    for (let i = 1; i <= numConv; i++) {
      convShapes(out, `body.${2 * i}`, f, f, 3);
      out[`body.${2 * i + 1}.weight`] = [f];
    }
    convShapes(out, `body.${2 * numConv + 2}`, f, 3 * 16, 3);
  } else if (arch === 'msrresnet') {
    const { numFeat: f, numBlock } = srresnetParams(params);
    convShapes(out, 'conv_first', 3, f, 3);
    for (let b = 0; b < numBlock; b++) {
      convShapes(out, `body.${b}.conv1`, f, f, 3);
      convShapes(out, `body.${b}.conv2`, f, f, 3);
    }
    convShapes(out, 'upconv1', f, f * 4, 3);
    convShapes(out, 'upconv2', f, f * 4, 3);
    convShapes(out, 'conv_hr', f, f, 3);
    convShapes(out, 'conv_last', f, 3, 3);
  } else if (arch === 'vgg_discriminator') {
    const nf = num(params, 'num_feat', 64);
    const widths = [3, nf, nf * 2, nf * 4, nf * 8, nf * 8];
    convShapes(out, 'conv0_0', 3, nf, 3);
    const withBN = (params.norm ?? 'batch') === 'batch'; // 'none': spectral normalisation folded into the weights
    convShapes(out, 'conv0_1', nf, nf, 4, false);
    if (withBN) bnShapes(out, 'bn0_1', nf);
    for (let s = 1; s <= 4; s++) {
      convShapes(out, `conv${s}_0`, widths[s], widths[s + 1], 3, false);
      if (withBN) bnShapes(out, `bn${s}_0`, widths[s + 1]);
      convShapes(out, `conv${s}_1`, widths[s + 1], widths[s + 1], 4, false);
      if (withBN) bnShapes(out, `bn${s}_1`, widths[s + 1]);
    }
    out['linear1.weight'] = [100, nf * 8 * 4 * 4];
    out['linear1.bias'] = [100];
    out['linear2.weight'] = [1, 100];
    out['linear2.bias'] = [1];
  } else {
    throw new Error(`unknown architecture "${String(arch)}"`);
  }
  return out;
}

/** Output size / network input size (SRCNN's input is already enlarged, so 1). */
export function networkScale(arch: ArchitectureName): number {
  return arch === 'srcnn' ? 1 : arch === 'vgg_discriminator' ? 0 : 4;
}

/**
 * How far (in network-input pixels) an output pixel can see, rounded up: tiles overlapping by this
 * much give exactly the whole-image result. Each k x k conv adds (k - 1) / 2 at its own resolution;
 * convs after an x2 upsampling count half.
 */
export function receptiveRadius(arch: ArchitectureName, params: Params = {}): number {
  if (arch === 'srcnn') return 4 + 2 + 2;
  if (arch === 'srresnet') {
    const { numBlock } = srresnetParams(params);
    return Math.ceil(4 + 2 * numBlock + 1 + 1 + 1 / 2 + 4 / 4);
  }
  if (arch === 'rrdbnet') {
    const { numBlock } = rrdbParams(params);
    return Math.ceil(1 + numBlock * 3 * 5 + 1 + 1 / 2 + 3 / 4);
  }
  if (arch === 'srvgg') return srvggParams(params).numConv + 2; // every conv at LR; the skip is nearest
  if (arch === 'msrresnet') return Math.ceil(1 + 2 * srresnetParams(params).numBlock + 1 + 1 / 2 + 2 / 4); // + bilinear skip (1)
  throw new Error(`${arch} has a fixed input size and is not tiled`);
}

/** Multiply-accumulates for one image of h x w network-input pixels (convs and linears only). */
export function macs(arch: ArchitectureName, params: Params, h: number, w: number): number {
  const shapes = expectedTensors(arch, params);
  let total = 0;
  for (const [name, shape] of Object.entries(shapes)) {
    if (!name.endsWith('.weight') || shape.length < 2) continue;
    const perOutput = shape.reduce((p, d) => p * d, 1); // cout * cin * kh * kw
    total += perOutput * outputPixels(arch, name.slice(0, -'.weight'.length), h, w);
  }
  return total;
}

/** Output pixels of a layer (per output channel) for an h x w input. */
function outputPixels(arch: ArchitectureName, layer: string, h: number, w: number): number {
  if (arch === 'srresnet') {
    if (layer === 'upconv2') return h * w * 4;
    if (layer === 'conv_last') return h * w * 16;
  } else if (arch === 'msrresnet') {
    if (layer === 'upconv2') return h * w * 4;
    if (layer === 'conv_hr' || layer === 'conv_last') return h * w * 16;
  } else if (arch === 'rrdbnet') {
    if (layer === 'conv_up1') return h * w * 4;
    if (layer === 'conv_up2' || layer === 'conv_hr' || layer === 'conv_last') return h * w * 16;
  } else if (arch === 'vgg_discriminator') {
    const m = /^conv(\d)_(\d)$/.exec(layer);
    if (m) {
      const stage = Number(m[1]);
      const down = 2 ** (stage + Number(m[2]));
      return (h * w) / (down * down);
    }
    return 1; // linear layers
  }
  return h * w;
}

/**
 * Float32 values per input pixel of the widest single tensor a network creates (tile sizing: no one
 * GPU buffer may exceed the adapter's binding limit) and a rough count of values alive at once.
 */
export function activationFootprint(arch: ArchitectureName, params: Params = {}): { widest: number; live: number } {
  if (arch === 'srcnn') return { widest: num(params, 'num_feat', 64), live: 64 + 32 + 64 };
  if (arch === 'srresnet') {
    const f = srresnetParams(params).numFeat;
    return { widest: f * 4 * 4, live: f * 4 * 4 + f * 4 + f * 16 };
  }
  if (arch === 'rrdbnet') {
    const { numFeat: f, numGrow: g } = rrdbParams(params);
    return { widest: f * 16, live: f * 16 * 3 + (f + 4 * g) * 2 };
  }
  if (arch === 'srvgg') return { widest: 48, live: srvggParams(params).numFeat * 3 + 48 * 2 };
  if (arch === 'msrresnet') {
    const f = srresnetParams(params).numFeat;
    return { widest: f * 16, live: f * 16 * 3 + f * 4 };
  }
  throw new Error(`${arch} has a fixed input size and is not tiled`);
}
