/**
 * Loads one model of the site: card.json, then the weight file (from Cache Storage when its hash is
 * there, else downloaded with progress), unpacked (gzip), verified (sizes, SHA-256 of the safetensors
 * bytes), parsed, dequantised and checked against the card and the architecture. Every failure is a
 * WeightError with a readable message.
 */
import { expectedTensors } from '../models/specs';
import { forgetCached, readCached, writeCached } from './cache';
import { checkShapes, parseCard, type ModelCard, type WeightIndex } from './card';
import { decodeWeightFile, type DecodedWeights } from './decode';
import { download, type DownloadProgress } from './download';
import { WeightError, isWeightError } from './errors';
import { isGzip } from './gzip';
import { verifyWeightFile } from './verify';

export interface LoadOptions {
  onProgress?: (p: DownloadProgress & { cached: boolean }) => void;
  signal?: AbortSignal;
  /** Use Cache Storage (default true where it exists). */
  cache?: boolean;
  fetch?: typeof fetch;
}

export interface LoadedModel {
  card: ModelCard;
  weights: DecodedWeights;
  /** True when the weight bytes came from Cache Storage (which holds the verified, unpacked safetensors). */
  fromCache: boolean;
}

/** `base` is the URL of the weights folder, e.g. `${import.meta.env.BASE_URL}weights/` made absolute. */
export async function fetchIndex(base: string, opts: Pick<LoadOptions, 'signal' | 'fetch'> = {}): Promise<WeightIndex> {
  return JSON.parse(new TextDecoder().decode(await download(new URL('index.json', base).href, { ...opts, subject: 'index.json' })));
}

export async function fetchCard(base: string, id: string, opts: Pick<LoadOptions, 'signal' | 'fetch'> = {}): Promise<ModelCard> {
  const bytes = await download(new URL(`${id}/card.json`, base).href, { signal: opts.signal, fetch: opts.fetch, subject: id });
  return parseCard(new TextDecoder().decode(bytes), id);
}

/** Card checks that need no weights: the architecture's own tensor list must match the card's. */
export function checkCard(card: ModelCard): void {
  checkShapes(expectedTensors(card.architecture.name, card.architecture.params), new Map(
    Object.entries(card.tensors).map(([name, shape]) => [name, { shape }]),
  ), card.id, 'the model card');
}

/**
 * Unpacks, verifies and decodes a weight file's bytes for a card (no network): the path the Node tests
 * use too. `bytes` may be the gzip file as stored or the safetensors content (see verifyWeightFile).
 */
export async function decodeVerified(bytes: Uint8Array, card: ModelCard): Promise<DecodedWeights> {
  return decodeWeightFile(await verifyWeightFile(bytes, card.weights, card.id), card);
}

export async function loadModel(base: string, id: string, opts: LoadOptions = {}): Promise<LoadedModel> {
  // The card is not the weights: its bytes never count as weight-download progress.
  const card = await fetchCard(base, id, { signal: opts.signal, fetch: opts.fetch });
  checkCard(card);
  const { sha256, bytes: size } = card.weights;
  const useCache = opts.cache !== false;
  if (useCache) {
    const cached = await readCached(sha256, base);
    if (cached) {
      try {
        const weights = await decodeVerified(cached, card);
        opts.onProgress?.({ loaded: cached.length, total: cached.length, cached: true });
        return { card, weights, fromCache: true };
      } catch (err) {
        if (!isWeightError(err)) throw err;
        await forgetCached(sha256, base); // a damaged cache entry: drop it and download again
      }
    }
  }
  const bytes = await download(new URL(`${id}/${card.weights.file}`, base).href, {
    signal: opts.signal,
    fetch: opts.fetch,
    subject: id,
    expectedBytes: size,
    onProgress: (p) => opts.onProgress?.({ ...p, cached: false }),
  });
  // download() returned, so the server sent the whole response: a gzip file of another size is not a cut
  // download (that would be 'truncated', worth a reload) but another file than the card describes.
  if (card.weights.encoding === 'gzip' && isGzip(bytes) && bytes.length !== size) {
    throw new WeightError('corrupt', `the server's weight file has ${bytes.length} bytes, the model card says ${size}: it is not the file the card describes`, id);
  }
  const content = await verifyWeightFile(bytes, card.weights, card.id);
  const weights = decodeWeightFile(content, card);
  if (useCache) await writeCached(sha256, base, content);
  return { card, weights, fromCache: false };
}
