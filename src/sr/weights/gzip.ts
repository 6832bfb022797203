/**
 * The weight files are stored gzip-compressed (`weights.safetensors.gz`, see public/weights/README.md).
 * They are unpacked with the platform's own `DecompressionStream('gzip')` (Compression Streams API:
 * browsers, Workers, Node >= 18), so no decompressor is shipped with the site.
 */
import { WeightError } from './errors';

/** The first two bytes of every gzip member (RFC 1952). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

type DecompressionStreamCtor = new (format: 'gzip') => TransformStream<Uint8Array, Uint8Array>;

/**
 * Decompresses one gzip file. Throws a WeightError: 'unsupported' naming `DecompressionStream` where the
 * runtime lacks it, 'corrupt' when the data cannot be decompressed (damaged, cut short, wrong checksum).
 */
export async function gunzip(bytes: Uint8Array, subject?: string): Promise<Uint8Array> {
  const Decompress = (globalThis as { DecompressionStream?: DecompressionStreamCtor }).DecompressionStream;
  if (typeof Decompress !== 'function') {
    throw new WeightError(
      'unsupported',
      'this browser has no DecompressionStream (the Compression Streams API), which is needed to unpack the ' +
        'gzip-compressed weight file; a current Chrome, Edge, Firefox or Safari (16.4 or later) has it',
      subject,
    );
  }
  try {
    const unpacked = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new Decompress('gzip'));
    return new Uint8Array(await new Response(unpacked).arrayBuffer());
  } catch (err) {
    throw new WeightError('corrupt', `the gzip data cannot be decompressed (${reason(err)}): the file is damaged or cut short`, subject);
  }
}

/** The decompressor's own words (zlib's "incorrect data check", "unexpected end of file", …). */
function reason(err: unknown): string {
  const e = err as { message?: string; cause?: { message?: string }; name?: string } | null;
  return e?.message || e?.cause?.message || e?.name || String(err);
}
