/**
 * Checks that a weight file is the one its model card describes: byte counts and SHA-256 (WebCrypto,
 * `crypto.subtle`, present in browsers, Workers and Node >= 19), after unpacking a gzip file.
 */
import type { WeightsEntry } from './card';
import { WeightError } from './errors';
import { gunzip, isGzip } from './gzip';

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!subtle) throw new WeightError('unsupported', 'crypto.subtle is not available (WebCrypto needs a secure context)');
  const digest = await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function checkLength(length: number, expected: number, subject?: string): void {
  if (length < expected) {
    throw new WeightError('truncated', `received ${length} of ${expected} bytes (the file is cut short)`, subject);
  }
  if (length > expected) {
    throw new WeightError('corrupt', `received ${length} bytes but the model card says ${expected}`, subject);
  }
}

/** Throws 'truncated' (too short), 'corrupt' (too long, or another hash) for bytes that are not the card's. */
export async function verifyBytes(bytes: Uint8Array, expected: { bytes: number; sha256: string }, subject?: string): Promise<void> {
  checkLength(bytes.length, expected.bytes, subject);
  const hash = await sha256Hex(bytes);
  if (hash !== expected.sha256.toLowerCase()) {
    throw new WeightError('corrupt', `SHA-256 is ${hash.slice(0, 12)}…, the model card says ${expected.sha256.slice(0, 12)}… (the file is damaged or stale)`, subject);
  }
}

/**
 * The verified safetensors bytes of a weight file, from the bytes as received:
 *
 * - a gzip file (card `encoding: 'gzip'`): its length must be the card's `bytes` (short = 'truncated'),
 *   then it is decompressed ('corrupt' if that fails, 'unsupported' without DecompressionStream);
 * - bytes that are already the safetensors content (no encoding; a copy from Cache Storage; or a server
 *   that sent the .gz file with `Content-Encoding: gzip`, which the browser undoes itself, as Vite's dev
 *   server does) are used as they are.
 *
 * Either way the content must have the card's `decoded_bytes` and `sha256`: the hash names the weights
 * themselves, not one compressor's output.
 */
export async function verifyWeightFile(bytes: Uint8Array, weights: WeightsEntry, subject?: string): Promise<Uint8Array> {
  const encoding = weights.encoding;
  if (encoding !== undefined && encoding !== 'gzip') {
    throw new WeightError('format', `the weight file's encoding "${String(encoding)}" is not supported (only gzip)`, subject);
  }
  const content = { bytes: encoding === 'gzip' ? (weights.decoded_bytes ?? NaN) : weights.bytes, sha256: weights.sha256 };
  if (!Number.isInteger(content.bytes)) throw new WeightError('format', 'the model card gives no decoded_bytes for its gzip file', subject);
  if (encoding === 'gzip') {
    if (isGzip(bytes)) {
      checkLength(bytes.length, weights.bytes, subject);
      const unpacked = await gunzip(bytes, subject);
      await verifyBytes(unpacked, content, subject);
      return unpacked;
    }
    if (bytes.length !== content.bytes) {
      throw new WeightError(
        'corrupt',
        `received ${bytes.length} bytes that are neither the gzip file of the model card (${weights.bytes} bytes) nor its content (${content.bytes} bytes)`,
        subject,
      );
    }
  }
  await verifyBytes(bytes, content, subject);
  return bytes;
}
