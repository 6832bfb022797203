// Decodes and scales down one image off the page's main thread: createImageBitmap with a resize, then the
// pixels read from an OffscreenCanvas. The RGBA bytes go back to the page as a transferred buffer.
import type { DecodeReply, DecodeRequest } from './imageDecodeProtocol';

self.onmessage = async (e: MessageEvent<DecodeRequest>) => {
  const { id, blob, width, height, resize } = e.data;
  try {
    const bitmap = resize
      ? await createImageBitmap(blob, { resizeWidth: width, resizeHeight: height, resizeQuality: 'high' })
      : await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('OffscreenCanvas 2D is not available');
    ctx.drawImage(bitmap, 0, 0);
    bitmap.close();
    const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const reply: DecodeReply = { id, ok: true, width: pixels.width, height: pixels.height, rgba: pixels.data.buffer };
    (self as unknown as Worker).postMessage(reply, [pixels.data.buffer]);
  } catch (err) {
    const reply: DecodeReply = { id, ok: false, message: String(err) };
    (self as unknown as Worker).postMessage(reply);
  }
};
