// Put engine images on canvases. Values are rounded and clamped to 8 bits by the engine's toRGBA.
import { toRGBA, type RGBImage } from '../../sr/image';
import type { Rect } from '../geometry';

/** Pixels of `img` as ImageData (for drawing it whole or in parts). */
export function toImageData(img: RGBImage): ImageData {
  const rgba = toRGBA(img);
  return new ImageData(new Uint8ClampedArray(rgba.data), rgba.width, rgba.height);
}

function context(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas is not available');
  return ctx;
}

/** Resize `canvas` to the image and draw it 1:1. */
export function drawWhole(canvas: HTMLCanvasElement, pixels: ImageData): void {
  if (canvas.width !== pixels.width) canvas.width = pixels.width;
  if (canvas.height !== pixels.height) canvas.height = pixels.height;
  context(canvas).putImageData(pixels, 0, 0);
}

/**
 * Draw the part `rect` of `pixels` enlarged `f` times (every pixel repeated f × f; `rect` is in enlarged pixels)
 * into `canvas`, resized to the rect. f = 1 draws 1:1; only the rect is ever enlarged, never the whole picture.
 */
export function drawRegion(canvas: HTMLCanvasElement, pixels: ImageData, rect: Rect, f = 1): void {
  if (canvas.width !== rect.width) canvas.width = rect.width;
  if (canvas.height !== rect.height) canvas.height = rect.height;
  if (f === 1) return context(canvas).putImageData(pixels, -rect.x, -rect.y, rect.x, rect.y, rect.width, rect.height);
  const out = new ImageData(rect.width, rect.height);
  const src = new Uint32Array(pixels.data.buffer, pixels.data.byteOffset, pixels.width * pixels.height);
  const dst = new Uint32Array(out.data.buffer);
  for (let y = 0; y < rect.height; y++) {
    const row = Math.floor((rect.y + y) / f) * pixels.width;
    for (let x = 0; x < rect.width; x++) dst[y * rect.width + x] = src[row + Math.floor((rect.x + x) / f)];
  }
  context(canvas).putImageData(out, 0, 0);
}

/** Shows true pixels when a canvas is enlarged, browser filtering when it is shown smaller. */
export function fitRendering(canvases: HTMLCanvasElement[]): void {
  for (const c of canvases) {
    if (c.hidden || c.clientWidth === 0) continue;
    c.style.imageRendering = c.clientWidth * devicePixelRatio >= c.width ? 'pixelated' : 'auto';
  }
}
