/**
 * The weight files are stored gzip-compressed (`weights.safetensors.gz`, see public/weights/README.md).
 * They are unpacked with the platform's own `DecompressionStream('gzip')` (Compression Streams API:
 * browsers, Workers, Node >= 18), so no decompressor is shipped with the site.
 */
import { concatBytes } from './bytes';
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
    // Read with a reader, not `new Response(stream).arrayBuffer()`: Chromium turns the decompressor's error
    // into "Failed to fetch" on that path, and the reader keeps its own words.
    const reader = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new Decompress('gzip')).getReader();
    const chunks: Uint8Array[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    return concatBytes(chunks);
  } catch (err) {
    throw new WeightError('corrupt', `the gzip data cannot be decompressed (${reason(err)}): the file is damaged or cut short`, subject);
  }
}

/** The decompressor's own words (zlib's "incorrect data check", "unexpected end of file", …). */
function reason(err: unknown): string {
  const e = err as { message?: string; cause?: { message?: string }; name?: string } | null;
  return e?.message || e?.cause?.message || e?.name || String(err);
}
