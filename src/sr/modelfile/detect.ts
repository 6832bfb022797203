/**
 * Which network a state dict is, from its key names and shapes alone (the approach of the Python tool
 * spandrel): ESRGAN's RRDBNet with BasicSR keys (`conv_first`, `body.N.rdb1.conv1`) or the original
 * repository's (`model.0`, `model.1.sub.N.RDB1.conv1.0`), with any number of blocks, features and growth;
 * Real-ESRGAN's SRVGGNetCompact (`body.N`, PReLU); BasicSR's MSRResNet. The result renames the tensors to the
 * BasicSR names the site's networks read and is checked tensor by tensor against the architecture.
 */
import { expectedTensors } from '../models/specs';
import type { ArchitectureInfo } from '../models/run';
import { checkShapes } from '../weights/card';
import type { DecodedTensor, DecodedWeights } from '../weights/decode';
import { WeightError } from '../weights/errors';

export interface Detected {
  arch: ArchitectureInfo;
  /** How the file named its tensors. */
  keyStyle: 'basicsr' | 'esrgan';
  scale: number;
  parameters: number;
  /** The tensors under the names the site's network reads. */
  weights: DecodedWeights;
}

export const SUPPORTED =
  'ESRGAN / RRDBNet (BasicSR or original ESRGAN key names, x4), Real-ESRGAN SRVGGNetCompact (x4, PReLU) and BasicSR MSRResNet (x4)';

const countIndices = (keys: string[], re: RegExp) => new Set(keys.map((k) => re.exec(k)?.[1]).filter((v) => v !== undefined)).size;

function refuse(message: string): never {
  throw new WeightError('format', `${message}. Supported: ${SUPPORTED}`);
}

/** Original ESRGAN keys -> BasicSR keys: model.0, model.1.sub.N.RDBm.convK.0, model.1.sub.<blocks>, then the upsampler. */
function renameEsrgan(w: DecodedWeights): DecodedWeights {
  const keys = [...w.keys()];
  const numBlock = countIndices(keys, /^model\.1\.sub\.(\d+)\.RDB1\./);
  const tail = [...new Set(keys.map((k) => /^model\.(\d+)\.weight$/.exec(k)?.[1]).filter(Boolean).map(Number))]
    .filter((i) => i >= 2)
    .sort((a, b) => a - b);
  if (tail.length !== 4) refuse(`this ESRGAN file has ${Math.max(0, tail.length - 2)} upsampling convolutions; only x4 (two) is run here`);
  const top: Record<string, string> = { 'model.0': 'conv_first', [`model.1.sub.${numBlock}`]: 'conv_body' };
  ['conv_up1', 'conv_up2', 'conv_hr', 'conv_last'].forEach((n, i) => (top[`model.${tail[i]}`] = n));
  const out: DecodedWeights = new Map();
  for (const [k, v] of w) {
    const m = /^model\.1\.sub\.(\d+)\.RDB(\d)\.conv(\d)\.0\.(weight|bias)$/.exec(k);
    const head = k.slice(0, k.lastIndexOf('.'));
    if (m) out.set(`body.${m[1]}.rdb${m[2]}.conv${m[3]}.${m[4]}`, v);
    else if (top[head]) out.set(`${top[head]}${k.slice(head.length)}`, v);
    else refuse(`the tensor "${k.slice(0, 60)}" has no place in an ESRGAN network`);
  }
  return out;
}

function shapeOf(w: DecodedWeights, name: string): readonly number[] {
  const t = w.get(name) as DecodedTensor | undefined;
  if (!t) refuse(`the tensor "${name}" is missing`);
  return t.shape;
}

function rrdb(w: DecodedWeights, keyStyle: Detected['keyStyle']): Omit<Detected, 'parameters'> {
  const weights = keyStyle === 'esrgan' ? renameEsrgan(w) : w;
  const keys = [...weights.keys()];
  const [numFeat, inCh] = shapeOf(weights, 'conv_first.weight');
  if (inCh !== 3) refuse(`this RRDBNet takes ${inCh} input channels (a pixel-unshuffled x${inCh === 12 ? 2 : 1} model); only x4 RRDBNet is run here`);
  if (weights.has('conv_up3.weight')) refuse('this RRDBNet upscales x8; only x4 is run here');
  const params = {
    num_feat: numFeat,
    num_block: countIndices(keys, /^body\.(\d+)\.rdb1\./),
    num_grow_ch: shapeOf(weights, 'body.0.rdb1.conv1.weight')[0],
    use_bn: weights.has('body.0.rdb1.bn1.weight'),
  };
  return { arch: { name: 'rrdbnet', params, input: 'lr' }, keyStyle, scale: 4, weights };
}

function srvgg(w: DecodedWeights): Omit<Detected, 'parameters'> {
  const keys = [...w.keys()];
  const last = Math.max(...keys.map((k) => Number(/^body\.(\d+)\.weight$/.exec(k)?.[1] ?? -1)));
  const [outCh] = shapeOf(w, `body.${last}.weight`);
  if (!w.has('body.1.weight') || shapeOf(w, 'body.1.weight').length !== 1) refuse('this SRVGGNetCompact has no PReLU weights; only the PReLU variant is run here');
  if (outCh !== 48) refuse(`this SRVGGNetCompact ends in ${outCh} channels (x${Math.round(Math.sqrt(outCh / 3))}); only x4 is run here`);
  const params = { num_feat: shapeOf(w, 'body.0.weight')[0], num_conv: last / 2 - 1 };
  return { arch: { name: 'srvgg', params, input: 'lr' }, keyStyle: 'basicsr', scale: 4, weights: w };
}

function msrresnet(w: DecodedWeights): Omit<Detected, 'parameters'> {
  const [numFeat] = shapeOf(w, 'conv_first.weight');
  if (!w.has('upconv2.weight') || shapeOf(w, 'upconv1.weight')[0] !== numFeat * 4) refuse('this MSRResNet is not a x4 model; only x4 is run here');
  const params = { num_feat: numFeat, num_block: countIndices([...w.keys()], /^body\.(\d+)\.conv1\./) };
  return { arch: { name: 'msrresnet', params, input: 'lr' }, keyStyle: 'basicsr', scale: 4, weights: w };
}

/** The architecture of a state dict, its tensors renamed and checked; a WeightError('format' | 'shape') otherwise. */
export function detectArchitecture(state: DecodedWeights, fileName = 'the file'): Detected {
  const w: DecodedWeights = new Map([...state].filter(([k]) => !k.endsWith('num_batches_tracked')));
  const has = (k: string) => w.has(k);
  let found: Omit<Detected, 'parameters'>;
  try {
    if (has('conv_first.weight') && has('body.0.rdb1.conv1.weight')) found = rrdb(w, 'basicsr');
    else if (has('model.0.weight') && has('model.1.sub.0.RDB1.conv1.0.weight')) found = rrdb(w, 'esrgan');
    else if (has('body.0.weight') && !has('conv_first.weight')) found = srvgg(w);
    else if (has('conv_first.weight') && has('body.0.conv1.weight') && has('upconv1.weight') && has('conv_hr.weight')) found = msrresnet(w);
    else refuse(`no known architecture has tensors named like "${[...w.keys()].slice(0, 3).map((k) => k.slice(0, 60)).join('", "')}"`);
    checkShapes(expectedTensors(found.arch.name, found.arch.params), found.weights, fileName);
  } catch (err) {
    if (err instanceof WeightError && !err.subject) throw new WeightError(err.code, err.message, fileName);
    throw err;
  }
  let parameters = 0;
  for (const t of found.weights.values()) parameters += t.data.length;
  return { ...found, parameters };
}
