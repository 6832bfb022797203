/**
 * Cache Storage for weight files, keyed by their SHA-256: a second visit (or a second widget) reads
 * the bytes locally, and a new export (new hash) is never confused with an old one. The cache holds
 * the verified safetensors content (already unpacked from gzip), which is what the hash names; the
 * loader verifies it again when it reads it. Where `caches` does not exist (Node, some private modes)
 * every call is a no-op.
 */
export const CACHE_NAME = 'sr-weights-v1';

interface CacheLike {
  match(key: string): Promise<Response | undefined>;
  put(key: string, response: Response): Promise<void>;
  delete(key: string): Promise<boolean>;
}

async function openCache(): Promise<CacheLike | null> {
  const storage = (globalThis as { caches?: { open(name: string): Promise<CacheLike> } }).caches;
  if (!storage) return null;
  try {
    return await storage.open(CACHE_NAME);
  } catch {
    return null; // e.g. opaque origins and some private-browsing modes refuse Cache Storage
  }
}

/** A synthetic, same-origin URL that names the content, not the place it came from. */
export function cacheKey(sha256: string, base: string): string {
  return new URL(`__sr-weights-cache__/${sha256.toLowerCase()}`, base).href;
}

export async function readCached(sha256: string, base: string): Promise<Uint8Array | null> {
  const cache = await openCache();
  const hit = await cache?.match(cacheKey(sha256, base));
  return hit ? new Uint8Array(await hit.arrayBuffer()) : null;
}

export async function writeCached(sha256: string, base: string, bytes: Uint8Array): Promise<void> {
  const cache = await openCache();
  try {
    await cache?.put(cacheKey(sha256, base), new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': 'application/octet-stream' } }));
  } catch {
    // Quota exceeded or storage disabled: caching is an optimisation, the model still runs.
  }
}

export async function forgetCached(sha256: string, base: string): Promise<void> {
  const cache = await openCache();
  await cache?.delete(cacheKey(sha256, base));
}
