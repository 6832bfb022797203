/**
 * PyTorch's `.pth` / `.pt` zip format (torch.save since 1.6): `<name>/data.pkl` describes the object, and
 * each tensor's bytes lie in `<name>/data/<key>`, stored uncompressed. The zip is read with fflate; entries
 * that are compressed, or that claim more bytes than the file has, are refused before anything is allocated.
 * The result is every tensor as float32 in PyTorch's layout, under the names the pickle gives.
 */
import { unzipSync } from 'fflate';
import { decodeF16 } from '../weights/half';
import type { DecodedTensor, DecodedWeights } from '../weights/decode';
import { WeightError } from '../weights/errors';
import { unpickle, type StorageDType, type TensorRef } from './pickle';

const ITEM_BYTES: Record<StorageDType, number> = { F32: 4, F16: 2, BF16: 2, F64: 8, I64: 8 };

export const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** PyTorch's legacy (pre-1.6) format starts with a pickled magic number: PROTO 2, LONG1 of 10 bytes. */
export const isLegacyPth = (b: Uint8Array) => b.length >= 3 && b[0] === 0x80 && b[1] === 0x02 && b[2] === 0x8a;

function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, {
      filter: (f) => {
        if (f.compression !== 0) throw new WeightError('format', `the archive entry ${f.name} is compressed; torch.save stores them plainly`);
        if (f.originalSize > bytes.length) throw new WeightError('corrupt', `the archive entry ${f.name} claims ${f.originalSize} bytes, more than the whole file`);
        return true;
      },
    });
  } catch (err) {
    if (err instanceof WeightError) throw err;
    throw new WeightError('truncated', `the file is not a complete zip archive (${(err as Error).message}); it may have been cut short`);
  }
}

function storageValues(dtype: StorageDType, raw: Uint8Array): Float32Array | Float64Array {
  const b = raw.slice(); // aligned copy
  switch (dtype) {
    case 'F32':
      return new Float32Array(b.buffer, 0, b.length / 4);
    case 'F16':
      return decodeF16(b);
    case 'BF16': {
      const u16 = new Uint16Array(b.buffer, 0, b.length / 2);
      const out = new Uint32Array(u16.length);
      for (let i = 0; i < u16.length; i++) out[i] = u16[i] << 16;
      return new Float32Array(out.buffer);
    }
    case 'F64':
      return new Float64Array(b.buffer, 0, b.length / 8);
    case 'I64': {
      const big = new BigInt64Array(b.buffer, 0, b.length / 8);
      return Float64Array.from(big, (v) => Number(v));
    }
  }
}

/** The tensor's values in row-major order, gathered through its strides. */
function gather(t: TensorRef, values: Float32Array | Float64Array, name: string): DecodedTensor {
  const count = t.size.reduce((p, d) => p * d, 1);
  let last = t.offset;
  t.size.forEach((d, i) => (last += d > 0 ? (d - 1) * t.stride[i] : 0));
  if (count > 0 && last >= values.length) {
    throw new WeightError('corrupt', `tensor "${name}" reaches element ${last} of a storage with ${values.length}`);
  }
  let contiguous = true;
  for (let i = t.size.length - 1, step = 1; i >= 0; step *= t.size[i], i--) if (t.size[i] > 1 && t.stride[i] !== step) contiguous = false;
  if (contiguous) return { shape: t.size, data: Float32Array.from(values.subarray(t.offset, t.offset + count)) };
  const out = new Float32Array(count);
  const idx = new Array(t.size.length).fill(0);
  for (let n = 0; n < count; n++) {
    let at = t.offset;
    for (let i = 0; i < idx.length; i++) at += idx[i] * t.stride[i];
    out[n] = values[at];
    for (let i = idx.length - 1; i >= 0; i--) {
      if (++idx[i] < t.size[i]) break;
      idx[i] = 0;
    }
  }
  return { shape: t.size, data: out };
}

/** The pickled object with every TensorRef replaced by its float32 values. */
export function readPth(bytes: Uint8Array): unknown {
  const files = unzip(bytes);
  const pklName = Object.keys(files).find((n) => /^[^/]+\/data\.pkl$/.test(n));
  if (!pklName) throw new WeightError('format', 'the zip archive has no data.pkl, so it is not a PyTorch file');
  const prefix = pklName.slice(0, -'data.pkl'.length);
  const cache = new Map<string, Float32Array | Float64Array>();
  const storage = (ref: TensorRef['storage']) => {
    let v = cache.get(ref.key);
    if (!v) {
      const raw = files[`${prefix}data/${ref.key}`];
      if (!raw) throw new WeightError('truncated', `the archive lacks the data of storage ${ref.key}`);
      if (raw.length < ref.numel * ITEM_BYTES[ref.dtype]) throw new WeightError('truncated', `storage ${ref.key} is shorter than its element count`);
      v = storageValues(ref.dtype, raw.subarray(0, ref.numel * ITEM_BYTES[ref.dtype]));
      cache.set(ref.key, v);
    }
    return v;
  };
  const convert = (obj: unknown, name: string): unknown => {
    if (obj && typeof obj === 'object' && (obj as TensorRef).kind === 'tensor') {
      const t = obj as TensorRef;
      return gather(t, storage(t.storage), name);
    }
    if (obj instanceof Map) return new Map([...obj].map(([k, v]) => [k, convert(v, String(k))]));
    return obj;
  };
  return convert(unpickle(files[pklName]), '');
}

/** A state dict (Map of name -> tensor) from a loaded object: unwraps params_ema, params, state_dict, model. */
export function stateDictOf(obj: unknown): DecodedWeights {
  let sd = obj;
  for (const key of ['params_ema', 'params', 'state_dict', 'model']) {
    if (sd instanceof Map && sd.get(key) instanceof Map) {
      sd = sd.get(key);
      break;
    }
  }
  if (!(sd instanceof Map)) throw new WeightError('format', 'the file holds no state dict (a mapping of layer names to tensors)');
  const out: DecodedWeights = new Map();
  for (const [k, v] of sd) {
    if (typeof k === 'string' && v && typeof v === 'object' && 'data' in v && 'shape' in v) out.set(k, v as DecodedTensor);
  }
  if (!out.size) throw new WeightError('format', 'the file holds no tensors');
  return out;
}
