// SRCNN (Dong et al. 2014) on the backend the widget already runs: the weights are loaded once
// (src/sr/weights: card, download with progress, SHA-256, Cache Storage) and kept on the backend;
// each run enlarges the LR crop ×4 with MATLAB-style bicubic and applies the network tile by tile
// (src/sr/runtime/upscale.ts), so an AbortSignal takes effect between tiles.
// Used inside compute.worker.ts (and by the in-page fallback), never on the page's main thread
// when a worker is available.
import type { RGBImage } from '../../sr/image';
import type { ModelCard } from '../../sr/weights/card';
import { loadModel } from '../../sr/weights/load';
import { toWeightMap, type WeightMap } from '../../sr/weights/tensors';
import { upscaleImage } from '../../sr/runtime/upscale';
import type { ComputeProgress } from './computeProtocol';

export const SRCNN_ID = 'srcnn';
/**
 * Core tile side in network-input pixels: 16 tiles for the default 64×64 crop (256×256 input). Small
 * tiles cost ~25 % more work (overlaps) but keep each GPU submission short, so a newer request for
 * the classic methods never waits long behind SRCNN (abort takes effect between tiles).
 */
export const SRCNN_TILE = 64;

let model: Promise<{ card: ModelCard; map: WeightMap }> | null = null;
let listener: ((p: ComputeProgress) => void) | null = null;

function loadOnce(weightsBase: string): Promise<{ card: ModelCard; map: WeightMap }> {
  if (!model) {
    model = loadModel(weightsBase, SRCNN_ID, {
      onProgress: (p) => listener?.({ stage: 'download', loaded: p.loaded, total: p.total, cached: p.cached }),
    }).then(({ card, weights }) => ({ card, map: toWeightMap(weights) }));
    model.catch(() => {
      model = null; // a failed load is tried again on the next request
    });
  }
  return model;
}

/** Forgets the loaded weights (their tensors lived on a backend instance that is gone); the next run loads them again. */
export function forgetSrcnn(): void {
  model = null;
}

export async function runSrcnn(
  input: RGBImage,
  weightsBase: string,
  onProgress: (p: ComputeProgress) => void,
  signal?: AbortSignal,
): Promise<RGBImage> {
  listener = onProgress;
  const { card, map } = await loadOnce(weightsBase);
  signal?.throwIfAborted();
  return upscaleImage(card.architecture, map, input, {
    tile: SRCNN_TILE,
    signal,
    onProgress: (p) => onProgress({ stage: 'run', done: p.done, total: p.total }),
  });
}
