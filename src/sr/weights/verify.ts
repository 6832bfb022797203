/**
 * Byte-size and SHA-256 checks of a downloaded file against its model card, with WebCrypto
 * (`crypto.subtle`, present in browsers, Workers and Node >= 19).
 */
import { WeightError } from './errors';

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!subtle) throw new WeightError('format', 'crypto.subtle is not available (WebCrypto needs a secure context)');
  const digest = await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Throws 'truncated' (too short), 'corrupt' (too long, or another hash) for a file that is not the card's. */
export async function verifyBytes(bytes: Uint8Array, expected: { bytes: number; sha256: string }, subject?: string): Promise<void> {
  if (bytes.length < expected.bytes) {
    throw new WeightError('truncated', `received ${bytes.length} of ${expected.bytes} bytes (the file is cut short)`, subject);
  }
  if (bytes.length > expected.bytes) {
    throw new WeightError('corrupt', `received ${bytes.length} bytes but the model card says ${expected.bytes}`, subject);
  }
  const hash = await sha256Hex(bytes);
  if (hash !== expected.sha256.toLowerCase()) {
    throw new WeightError('corrupt', `SHA-256 is ${hash.slice(0, 12)}…, the model card says ${expected.sha256.slice(0, 12)}… (the file is damaged or stale)`, subject);
  }
}
