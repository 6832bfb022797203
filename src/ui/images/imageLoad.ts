// Decode images in the browser into engine images: the demo photos (by URL) and the reader's own
// files. Nothing is uploaded anywhere. Big images are scaled down by the browser's decoder
// (createImageBitmap with a resize) in a Worker (imageDecode.worker.ts), so that neither the decoding nor the
// reading back of the pixels blocks the page; where that Worker cannot run, the same steps run in the page.
import { fromRGBA, type RGBImage } from '../../sr/image';
import { fetchAsset } from '../assetError';
import type { DecodeReply, DecodeRequest } from './imageDecodeProtocol';
import { demoImagePath, findDemoImage } from './demoImages';

/** Longest side we keep for a reader's image (the widget only ever shows a small crop). */
export const MAX_SIDE = 512;
/** Refused above this: a 200-megapixel phone photo (16320×12240) still opens, a decompression bomb does not. */
export const MAX_PIXELS = 200_000_000;
export const MAX_BYTES = 50 * 1024 * 1024;

export type LoadErrorKind = 'not-image' | 'unreadable' | 'too-large' | 'too-big';

export class ImageLoadError extends Error {
  constructor(
    readonly kind: LoadErrorKind,
    readonly detail: { name?: string; w?: number; h?: number; mb?: number } = {},
  ) {
    super(kind);
  }
}

export interface LoadedImage {
  image: RGBImage;
  originalWidth: number;
  originalHeight: number;
  downscaled: boolean;
}

/** Natural size of an encoded image, read by an <img> element (no full-size bitmap is kept). */
function naturalSize(blob: Blob): Promise<{ w: number; h: number }> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(blob);
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      resolve({ w: img.naturalWidth, h: img.naturalHeight });
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('decode'));
    };
    img.src = url;
  });
}

let worker: Worker | null | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (image: RGBImage) => void; reject: (err: Error) => void }>();

/** The decoding Worker, started on first use; null once it failed (every later decode runs in the page). */
function decodeWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    if (typeof OffscreenCanvas === 'undefined') throw new Error('no OffscreenCanvas');
    worker = new Worker(new URL('./imageDecode.worker.ts', import.meta.url), { type: 'module', name: 'image-decode' });
    worker.onmessage = (e: MessageEvent<DecodeReply>) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      pending.delete(e.data.id);
      if (e.data.ok) p.resolve(fromRGBA({ width: e.data.width, height: e.data.height, data: new Uint8ClampedArray(e.data.rgba) }));
      else p.reject(new Error(e.data.message));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      worker?.terminate();
      worker = null;
      for (const p of pending.values()) p.reject(new Error('worker'));
      pending.clear();
    };
  } catch {
    worker = null;
  }
  return worker;
}

/** Decode in the Worker; null when there is none, so the caller decodes in the page. */
function decodeOffThread(blob: Blob, width: number, height: number, resize: boolean): Promise<RGBImage> | null {
  const w = decodeWorker();
  if (!w) return null;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    const request: DecodeRequest = { id, blob, width, height, resize };
    w.postMessage(request);
  });
}

async function decodeInPage(blob: Blob, width: number, height: number, resize: boolean): Promise<RGBImage> {
  const bitmap = resize
    ? await createImageBitmap(blob, { resizeWidth: width, resizeHeight: height, resizeQuality: 'high' })
    : await createImageBitmap(blob);
  return bitmapToImage(bitmap);
}

function bitmapToImage(bitmap: ImageBitmap): RGBImage {
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('2D canvas is not available');
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  return fromRGBA(ctx.getImageData(0, 0, canvas.width, canvas.height));
}

/** Decode `blob`, scaling it down to at most `maxSide` pixels on its longer side. */
export async function decodeBlob(blob: Blob, name = '', maxSide = MAX_SIDE): Promise<LoadedImage> {
  if (blob.type && !blob.type.startsWith('image/')) throw new ImageLoadError('not-image', { name });
  if (blob.size > MAX_BYTES) throw new ImageLoadError('too-big', { name, mb: Math.round(blob.size / 1048576) });
  let size: { w: number; h: number };
  try {
    size = await naturalSize(blob);
  } catch {
    throw new ImageLoadError('unreadable', { name });
  }
  if (size.w < 1 || size.h < 1) throw new ImageLoadError('unreadable', { name });
  if (size.w * size.h > MAX_PIXELS) throw new ImageLoadError('too-large', { name, w: size.w, h: size.h });
  const k = Math.min(1, maxSide / Math.max(size.w, size.h));
  const w = Math.max(1, Math.round(size.w * k));
  const h = Math.max(1, Math.round(size.h * k));
  let image: RGBImage;
  try {
    // a Worker that failed to start (or died) is not the image's fault: the page decodes it instead
    const inPage = () => decodeInPage(blob, w, h, k < 1);
    const offThread = decodeOffThread(blob, w, h, k < 1);
    image = offThread ? await offThread.catch((err: Error) => (err.message === 'worker' ? inPage() : Promise.reject(err))) : await inPage();
  } catch {
    throw new ImageLoadError('unreadable', { name });
  }
  return { image, originalWidth: size.w, originalHeight: size.h, downscaled: k < 1 };
}

/** Fetch and decode an image shipped with the site. */
export async function loadUrl(url: string): Promise<RGBImage> {
  const response = await fetchAsset(url);
  return (await decodeBlob(await response.blob(), url, 4096)).image;
}

/** Loads demo photos by id through `url` (the site's base), each once; a failed load is tried again next time. */
export function demoPhotoLoader(url: (path: string) => string): (id: string) => Promise<RGBImage> {
  const cache = new Map<string, Promise<RGBImage>>();
  return (id) => {
    const image = findDemoImage(id);
    if (!image) return Promise.reject(new Error(`no demo photo "${id.slice(0, 40)}"`));
    let pending = cache.get(id);
    if (!pending) {
      pending = loadUrl(url(demoImagePath(image)));
      pending.catch(() => cache.delete(id));
      cache.set(id, pending);
    }
    return pending;
  };
}
