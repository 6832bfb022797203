// Decode images in the browser into engine images: the demo photos (by URL) and the reader's own
// files. Nothing is uploaded anywhere. Big images are scaled down by the browser's decoder
// (createImageBitmap with a resize, which runs off the main thread) so the page never freezes.
import { fromRGBA, type RGBImage } from '../../sr/image';
import { fetchAsset } from '../site/assetError';

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
  let bitmap: ImageBitmap;
  try {
    bitmap =
      k < 1
        ? await createImageBitmap(blob, { resizeWidth: w, resizeHeight: h, resizeQuality: 'high' })
        : await createImageBitmap(blob);
  } catch {
    throw new ImageLoadError('unreadable', { name });
  }
  return { image: bitmapToImage(bitmap), originalWidth: size.w, originalHeight: size.h, downscaled: k < 1 };
}

/** Fetch and decode an image shipped with the site. */
export async function loadUrl(url: string): Promise<RGBImage> {
  const response = await fetchAsset(url);
  return (await decodeBlob(await response.blob(), url, 4096)).image;
}
