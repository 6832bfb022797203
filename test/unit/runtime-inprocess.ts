/**
 * Test helpers for the runtime: the Worker host and the client wired in-process (messages cross
 * asynchronously, like postMessage), models read from public/weights on disk, and a smooth test image.
 */
import { createImage, type RGBImage } from '../../src/sr/image';
import type { WorkerLike } from '../../src/sr/runtime/client';
import { createRuntimeHost } from '../../src/sr/runtime/host';
import type { WorkerRequest, WorkerResponse } from '../../src/sr/runtime/protocol';
import type { ModelSource } from '../../src/sr/runtime/session';
import { decodeVerified } from '../../src/sr/weights/load';
import { readCard, readWeightBytes } from './models-disk';

/** A Worker stand-in running the real host in this process. */
export function inProcessWorker(source: ModelSource): WorkerLike {
  const listeners: Array<(e: { data: WorkerResponse }) => void> = [];
  const host = createRuntimeHost((msg) => setTimeout(() => listeners.forEach((l) => l({ data: msg }))), { source });
  return {
    postMessage: (msg: WorkerRequest) => void setTimeout(() => host.handle(msg)),
    addEventListener: ((type: string, l: (e: { data: WorkerResponse }) => void) => {
      if (type === 'message') listeners.push(l); // an in-process host never fails to load: no 'error' events
    }) as WorkerLike['addEventListener'],
  };
}

/** Models from disk, through the browser's verification and decoding. */
export const diskSource: ModelSource = async (id) => {
  const card = readCard(id);
  return { card, weights: await decodeVerified(readWeightBytes(card), card) };
};

/** A w x h image of smooth values in [0, 1], different for each seed. */
export function testImage(w: number, h: number, seed: number): RGBImage {
  const img = createImage(w, h);
  for (let i = 0; i < img.data.length; i++) img.data[i] = (Math.sin(i * 0.37 + seed) + 1) / 2;
  return img;
}
