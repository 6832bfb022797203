// The degradation model's JPEG step with the browser's own encoder and decoder (OffscreenCanvas, so it runs in a
// page or a Worker): the image is rounded to 8 bits, encoded at the given quality (30–95 on libjpeg's scale,
// which `convertToBlob` takes as 0–1) and decoded back. Not available in Node; the unit tests leave JPEG out.
import { createImage, fromRGBA, toRGBA, type RGBImage } from '../image';
import type { Jpeg } from './pipeline';

export const browserJpeg: Jpeg = async (img: RGBImage, quality: number) => {
  const { width, height } = img;
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2-D canvas context for the JPEG step');
  ctx.putImageData(new ImageData(toRGBA(img).data as Uint8ClampedArray<ArrayBuffer>, width, height), 0, 0);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: quality / 100 });
  const bitmap = await createImageBitmap(blob);
  const back = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
  if (!back) throw new Error('no 2-D canvas context for the JPEG step');
  back.drawImage(bitmap, 0, 0);
  bitmap.close();
  const out = fromRGBA(back.getImageData(0, 0, width, height));
  return createImage(width, height, out.data);
};
