/**
 * IEEE 754 half precision (binary16) to float32, written out: sign bit, 5 exponent bits (bias 15),
 * 10 fraction bits; exponent 0 is zero / subnormal (fraction · 2^-24), exponent 31 is ±Infinity / NaN.
 */

/** The float value of one 16-bit pattern. */
export function halfToFloat(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction ? NaN : sign * Infinity;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

let table: Float32Array | null = null;

/** All 65 536 half values as float32 (256 KiB), built on first use. */
function halfTable(): Float32Array {
  if (!table) {
    table = new Float32Array(65536);
    for (let i = 0; i < 65536; i++) table[i] = halfToFloat(i);
  }
  return table;
}

/** Decodes little-endian binary16 values (`bytes.length` must be even) into a new Float32Array. */
export function decodeF16(bytes: Uint8Array): Float32Array {
  if (bytes.length % 2) throw new RangeError(`F16 data has an odd byte count (${bytes.length})`);
  const lut = halfTable();
  const out = new Float32Array(bytes.length / 2);
  for (let i = 0, b = 0; i < out.length; i++, b += 2) out[i] = lut[bytes[b] | (bytes[b + 1] << 8)];
  return out;
}
