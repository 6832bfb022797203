// The widget's compute service: backend start-up, resampling, pattern generation and SRCNN. It runs in
// a Web Worker (compute.worker.ts) so no long task lands on the page's main thread; if the browser
// cannot start the worker at all, the same engine calls run in the page instead.
import type { BackendAttempt, BackendName, BackendReport } from '../../sr/backend';
import type { RGBImage } from '../../sr/image';
import type { Method } from '../../sr/resample';
import type { WeightErrorCode } from '../../sr/weights/errors';
import type { ComputeProgress, ComputeRequest, ComputeResponse } from './computeProtocol';
import { makePattern, type PatternId } from './patterns';
import { isWeightError } from '../../sr/weights/errors';

export interface Compute {
  /** Where the work runs: 'worker' or 'page'. */
  readonly where: 'worker' | 'page';
  init(order: BackendName[]): Promise<BackendReport>;
  resize(input: RGBImage, outW: number, outH: number, method: Method, a: number): Promise<RGBImage>;
  pattern(id: PatternId, size: number): Promise<RGBImage>;
  /** SRCNN ×4 of the LR `input`; rejects with `ComputeError.aborted` when `signal` fires. */
  srcnn(input: RGBImage, weightsBase: string, onProgress: (p: ComputeProgress) => void, signal: AbortSignal): Promise<RGBImage>;
  /** Test hook: destroys the worker's WebGPU device (resolves to whether there was one); later requests recover. */
  loseDevice(): Promise<boolean>;
}

/**
 * Error from the compute side; `attempts` is set when no backend could start, `code` when SRCNN's weights
 * failed to load (the WeightError's code) or the GPU device was lost for good ('device-lost'), so the page can
 * say why in its own language.
 */
export class ComputeError extends Error {
  constructor(
    message: string,
    readonly attempts?: BackendAttempt[],
    /** True when the request was cancelled rather than failed. */
    readonly aborted = false,
    readonly code?: WeightErrorCode | 'device-lost',
  ) {
    super(message);
  }
}

type Pending = { resolve: (r: ComputeResponse) => void; reject: (e: Error) => void; onProgress?: (p: ComputeProgress) => void };
type Body = ComputeRequest extends infer R ? (R extends ComputeRequest ? Omit<R, 'id'> : never) : never;

function workerCompute(worker: Worker): Compute {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  worker.onmessage = (e: MessageEvent<ComputeResponse>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    if (e.data.progress) {
      p.onProgress?.(e.data.progress);
      return;
    }
    pending.delete(e.data.id);
    if (e.data.ok) p.resolve(e.data);
    else p.reject(new ComputeError(e.data.message ?? 'compute failed', e.data.attempts, e.data.aborted, e.data.code));
  };
  worker.onerror = (e) => {
    for (const p of pending.values()) p.reject(new ComputeError(e.message || 'the compute worker failed'));
    pending.clear();
  };
  const call = (
    body: Body,
    transfer: Transferable[] = [],
    onProgress?: (p: ComputeProgress) => void,
    signal?: AbortSignal,
  ): Promise<ComputeResponse> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject, onProgress });
      worker.postMessage({ ...body, id } as ComputeRequest, transfer);
      signal?.addEventListener('abort', () => worker.postMessage({ type: 'cancel', target: id, id: nextId++ } satisfies ComputeRequest), { once: true });
    });
  return {
    where: 'worker',
    init: async (order) => (await call({ type: 'init', order })).report!,
    resize: async (input, outW, outH, method, a) => (await call({ type: 'resize', input, outW, outH, method, a })).image!,
    pattern: async (pattern, size) => (await call({ type: 'pattern', pattern, size })).image!,
    srcnn: async (input, weightsBase, onProgress, signal) =>
      (await call({ type: 'srcnn', input, weightsBase }, [], onProgress, signal)).image!,
    loseDevice: async () => !!(await call({ type: 'lose-device' })).lost,
  };
}

// The in-page fallback loads the engine only when it is needed (normally it lives in the worker).
const pageCompute: Compute = {
  where: 'page',
  init: async (order) => (await import('../../sr/backend')).initBackend({ order }),
  resize: async (input, outW, outH, method, a) =>
    (await import('../../sr/resample')).resize(input, outW, outH, method, method === 'bicubic' ? { a } : {}),
  pattern: async (id, size) => makePattern(id, size),
  srcnn: async (input, weightsBase, onProgress, signal) => {
    try {
      return await (await import('./srcnnRun')).runSrcnn(input, weightsBase, onProgress, signal);
    } catch (err) {
      throw new ComputeError(err instanceof Error ? err.message : String(err), undefined, signal.aborted, isWeightError(err) ? err.code : undefined);
    }
  },
  loseDevice: async () => false, // in the page the widget shares no device with a test hook
};

/** Start the compute worker (or fall back to the page) and its backend. */
export async function startCompute(order: BackendName[]): Promise<{ compute: Compute; report: BackendReport }> {
  let worker: Worker | null = null;
  try {
    worker = new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
  }
  if (worker) {
    const compute = workerCompute(worker);
    try {
      return { compute, report: await compute.init(order) };
    } catch (err) {
      // The worker ran but no backend started in it: that is the answer (the page would fare no
      // better). Only a worker that could not load at all falls back to the page.
      if (err instanceof ComputeError && err.attempts) throw err;
      worker.terminate();
    }
  }
  return { compute: pageCompute, report: await pageCompute.init(order) };
}
