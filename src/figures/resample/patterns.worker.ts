// Draws a procedural test pattern (patterns.ts) off the page's main thread: tens of milliseconds each, more on a phone.
import type { RGBImage } from '../../sr/image';
import { makePattern, type PatternId } from './patterns';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<{ id: PatternId; size: number }>) => void) | null;
  postMessage(message: RGBImage, transfer: Transferable[]): void;
};

scope.onmessage = (e) => {
  const image = makePattern(e.data.id, e.data.size);
  scope.postMessage(image, [image.data.buffer]);
};
