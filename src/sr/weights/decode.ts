/**
 * Stored tensors -> float32 values in PyTorch layout: `int8` weights times their per-output-channel
 * `<name>.scale`, `F16` decoded, `F32` as is. The inverse of training/srt/io/quantize.py's `encode`.
 */
import { checkShapes, type ModelCard } from './card';
import { WeightError } from './errors';
import { decodeF16 } from './half';
import { float32Of, parseSafetensors, type RawTensor, type SafetensorsFile } from './safetensors';

/** One dequantised tensor: PyTorch layout (conv [out, in, kh, kw], linear [out, in]). */
export interface DecodedTensor {
  shape: number[];
  data: Float32Array;
}

export type DecodedWeights = Map<string, DecodedTensor>;

export const SCALE_SUFFIX = '.scale';

export function dequantize(file: SafetensorsFile, subject?: string): DecodedWeights {
  const out: DecodedWeights = new Map();
  for (const [name, t] of file.tensors) {
    if (name.endsWith(SCALE_SUFFIX) && file.tensors.has(name.slice(0, -SCALE_SUFFIX.length))) continue;
    const scale = file.tensors.get(name + SCALE_SUFFIX);
    out.set(name, { shape: t.shape, data: scale ? scaled(name, t, scale, subject) : floats(name, t, subject) });
  }
  return out;
}

function floats(name: string, t: RawTensor, subject?: string): Float32Array {
  if (t.dtype === 'F16') return decodeF16(t.bytes);
  if (t.dtype === 'F32') return Float32Array.from(float32Of(t));
  throw new WeightError('format', `tensor "${name}" is ${t.dtype} without a "${name}${SCALE_SUFFIX}"`, subject);
}

function scaled(name: string, t: RawTensor, scale: RawTensor, subject?: string): Float32Array {
  if (t.dtype !== 'I8') throw new WeightError('format', `tensor "${name}" has a scale but is ${t.dtype}, not I8`, subject);
  const s = float32Of(scale, `${name}${SCALE_SUFFIX}`);
  const rows = t.shape[0];
  if (s.length !== rows) {
    throw new WeightError('shape', `"${name}${SCALE_SUFFIX}" has ${s.length} values for ${rows} output channels`, subject);
  }
  const q = new Int8Array(t.bytes.buffer, t.bytes.byteOffset, t.bytes.byteLength);
  const per = q.length / rows;
  const out = new Float32Array(q.length);
  for (let o = 0; o < rows; o++) {
    const k = s[o];
    for (let i = o * per, end = i + per; i < end; i++) out[i] = q[i] * k;
  }
  return out;
}

/**
 * The whole pure path from the file's bytes to checked float32 tensors: parse, dequantise, compare
 * with `card.tensors`. (Size and hash are checked separately by verifyBytes, before this.)
 */
export function decodeWeightFile(bytes: Uint8Array, card: Pick<ModelCard, 'id' | 'tensors'>): DecodedWeights {
  const decoded = dequantize(parseSafetensors(bytes, card.id), card.id);
  checkShapes(card.tensors, decoded, card.id);
  return decoded;
}
