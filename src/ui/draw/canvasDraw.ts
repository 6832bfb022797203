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

/** Draw the part `rect` of `pixels` 1:1 into `canvas` (resized to the rect). */
export function drawRegion(canvas: HTMLCanvasElement, pixels: ImageData, rect: Rect): void {
  if (canvas.width !== rect.width) canvas.width = rect.width;
  if (canvas.height !== rect.height) canvas.height = rect.height;
  context(canvas).putImageData(pixels, -rect.x, -rect.y, rect.x, rect.y, rect.width, rect.height);
}
