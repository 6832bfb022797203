/**
 * Fetches a file with byte-level progress (fetch + ReadableStream), and classifies failures:
 * HTTP 404 -> 'missing', other HTTP or network errors -> 'network', an AbortSignal -> 'aborted'.
 */
import { concatBytes } from './bytes';
import { WeightError } from './errors';

export interface DownloadProgress {
  /** Bytes received so far. */
  loaded: number;
  /** Bytes expected (Content-Length, else the caller's hint), 0 when unknown. */
  total: number;
}

export interface DownloadOptions {
  onProgress?: (p: DownloadProgress) => void;
  signal?: AbortSignal;
  /** Expected size, used as `total` when the server sends no Content-Length. */
  expectedBytes?: number;
  subject?: string;
  fetch?: typeof fetch;
}

export async function download(url: string, opts: DownloadOptions = {}): Promise<Uint8Array> {
  const { onProgress, signal, subject } = opts;
  const fetchFn = opts.fetch ?? fetch;
  let response: Response;
  try {
    response = await fetchFn(url, { signal });
  } catch (err) {
    if (signal?.aborted) throw new WeightError('aborted', 'the download was cancelled', subject);
    throw new WeightError('network', `could not fetch ${url} (${(err as Error).message})`, subject);
  }
  if (response.status === 404) throw new WeightError('missing', `${url} does not exist (HTTP 404)`, subject);
  if (!response.ok) throw new WeightError('network', `${url} answered HTTP ${response.status}`, subject);
  const header = Number(response.headers.get('content-length'));
  const encoded = response.headers.get('content-encoding');
  // With an HTTP Content-Encoding the header counts encoded bytes while the body yields decoded ones;
  // the card's size is the better total then. (The weight files are .gz files served as they are:
  // no Content-Encoding, so loaded reaches exactly Content-Length = the card's `bytes`.)
  let total = (!encoded && header > 0 ? header : opts.expectedBytes) ?? 0;
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onProgress?.({ loaded: bytes.length, total: total || bytes.length });
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  onProgress?.({ loaded, total });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.length;
      // A server that adds Content-Encoding to the .gz file (Vite's dev server) makes the browser
      // hand over more bytes than the file has: never report more than 100 %.
      if (total && loaded > total) total = loaded;
      onProgress?.({ loaded, total });
    }
  } catch (err) {
    if (signal?.aborted) throw new WeightError('aborted', 'the download was cancelled', subject);
    throw new WeightError('truncated', `the connection broke after ${loaded} bytes (${(err as Error).message})`, subject);
  }
  return concatBytes(chunks);
}
