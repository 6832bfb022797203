// Deterministic noise for the degradation model: a counter-based hash, so the same seed gives the same noise
// in a page, a Worker, Node and `training/srt/core/degradations.py` (`HashNoise`), value for value. Arrays are in
// NCHW order (channel planes one after the other), as the Python side draws them.

/** lowbias32 (C. Wellons): a 32-bit integer hash. */
export function hash32(x: number): number {
  x >>>= 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d) >>> 0;
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b) >>> 0;
  x ^= x >>> 16;
  return x >>> 0;
}

/** count uniforms in (0, 1): u_i = (hash(hash(seed) + i * 0x9E3779B9 mod 2^32) + 0.5) / 2^32. */
export function hashUniform(seed: number, count: number): Float64Array {
  const key = hash32(seed % 2 ** 32);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    out[i] = (hash32((Math.imul(i, 0x9e3779b9) + key) >>> 0) + 0.5) / 2 ** 32;
  }
  return out;
}

/** count standard normals by Box–Muller (the cosine branch) from 2·count hash uniforms. */
export function hashNormal(seed: number, count: number): Float64Array {
  const u = hashUniform(seed, 2 * count);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    out[i] = Math.sqrt(-2 * Math.log(u[2 * i])) * Math.cos(2 * Math.PI * u[2 * i + 1]);
  }
  return out;
}

/** One Poisson draw per rate, by inversion of the CDF in float64 (exact, and the same steps as Python's). */
export function hashPoisson(seed: number, rates: ArrayLike<number>): Float64Array {
  const u = hashUniform(seed, rates.length);
  const out = new Float64Array(rates.length);
  for (let i = 0; i < rates.length; i++) {
    const lam = rates[i];
    let k = 0;
    let p = Math.exp(-lam);
    let cdf = p;
    while (u[i] > cdf && k < 1000) {
      k += 1;
      p *= lam / k;
      cdf += p;
    }
    out[i] = k;
  }
  return out;
}
