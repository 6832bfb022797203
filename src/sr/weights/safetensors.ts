/**
 * Reads the safetensors container (https://github.com/huggingface/safetensors): an 8-byte little-endian
 * header length N, N bytes of JSON `{name: {dtype, shape, data_offsets: [begin, end]}, "__metadata__"}`,
 * then the raw little-endian tensor bytes (offsets count from the end of the header).
 *
 * Parsing is strict: every problem becomes a WeightError ('truncated' when the bytes stop early,
 * 'corrupt' when they cannot be a valid file, 'format' for a dtype this site does not use).
 */
import { WeightError } from './errors';

export type DType = 'F32' | 'F16' | 'I8' | 'U8' | 'I32';

export const DTYPE_BYTES: Record<DType, number> = { F32: 4, F16: 2, I8: 1, U8: 1, I32: 4 };

export interface RawTensor {
  dtype: DType;
  shape: number[];
  /** The tensor's bytes (a copy, so typed-array views on it are aligned). */
  bytes: Uint8Array;
}

export interface SafetensorsFile {
  tensors: Map<string, RawTensor>;
  metadata: Record<string, string>;
}

/** Largest JSON header accepted (a guard against reading garbage as a length). */
const MAX_HEADER_BYTES = 16 * 1024 * 1024;

export function parseSafetensors(file: Uint8Array, subject?: string): SafetensorsFile {
  if (file.length < 8) {
    throw new WeightError('truncated', `the file has ${file.length} bytes, fewer than the 8-byte header length`, subject);
  }
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const headerLength = Number(view.getBigUint64(0, true));
  if (headerLength > MAX_HEADER_BYTES) {
    throw new WeightError('corrupt', `the header length field reads ${headerLength} bytes, which cannot be right`, subject);
  }
  if (8 + headerLength > file.length) {
    throw new WeightError('truncated', `the header needs ${8 + headerLength} bytes but the file has ${file.length}`, subject);
  }
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file.subarray(8, 8 + headerLength)));
  } catch (err) {
    throw new WeightError('corrupt', `the header is not valid JSON (${(err as Error).message})`, subject);
  }
  if (!header || typeof header !== 'object' || Array.isArray(header)) {
    throw new WeightError('corrupt', 'the header is not a JSON object', subject);
  }
  const base = 8 + headerLength;
  const dataLength = file.length - base;
  const tensors = new Map<string, RawTensor>();
  let metadata: Record<string, string> = {};
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') {
      metadata = (entry ?? {}) as Record<string, string>;
      continue;
    }
    const { dtype, shape, data_offsets: offsets } = (entry ?? {}) as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    if (typeof dtype !== 'string' || !(dtype in DTYPE_BYTES)) {
      throw new WeightError('format', `tensor "${name}" has dtype ${String(dtype)}, which the site does not use`, subject);
    }
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
      throw new WeightError('corrupt', `tensor "${name}" has no valid shape`, subject);
    }
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((o) => Number.isInteger(o) && o >= 0)) {
      throw new WeightError('corrupt', `tensor "${name}" has no valid data_offsets`, subject);
    }
    const [begin, end] = offsets as [number, number];
    const expected = (shape as number[]).reduce((p, d) => p * d, 1) * DTYPE_BYTES[dtype as DType];
    if (end - begin !== expected) {
      throw new WeightError('corrupt', `tensor "${name}" spans ${end - begin} bytes but its shape needs ${expected}`, subject);
    }
    if (end > dataLength) {
      throw new WeightError('truncated', `tensor "${name}" ends at byte ${base + end} but the file has ${file.length}`, subject);
    }
    tensors.set(name, { dtype: dtype as DType, shape: shape as number[], bytes: file.slice(base + begin, base + end) });
  }
  return { tensors, metadata };
}

/** The values of an F32 tensor (e.g. golden vectors and int8 scales). */
export function float32Of(t: RawTensor, name = 'tensor'): Float32Array {
  if (t.dtype !== 'F32') throw new WeightError('format', `${name} is ${t.dtype}, expected F32`);
  return new Float32Array(t.bytes.buffer, t.bytes.byteOffset, t.bytes.byteLength / 4);
}
