// Web Worker that owns the TensorFlow.js backend and does the widget's heavy work (backend
// start-up, resampling, procedural patterns, SRCNN), so the page's main thread never blocks on it.
// Protocol: see computeProtocol.ts.
import { activeGpuDevice, initBackend, isDeviceLost, resetBackend, type BackendName } from '../../sr/backend';
import { isWeightError } from '../../sr/weights/errors';
import { resize } from '../../sr/resample';
import type { ComputeRequest, ComputeResponse } from './computeProtocol';
import { makePattern } from './patterns';
import { forgetSrcnn, runSrcnn } from './srcnnRun';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ComputeRequest>) => void) | null;
  postMessage(message: ComputeResponse, transfer?: Transferable[]): void;
};

/** Running SRCNN requests, so a 'cancel' can stop them. */
const running = new Map<number, AbortController>();
/** The backend order of 'init', used again to start a fresh backend after a lost GPU device. */
let order: BackendName[] | undefined;

/** Counts fresh backends: a job that fails after another request replaced the backend under it is retried too. */
let epoch = 0;
let restarted: Promise<unknown> = Promise.resolve();

/**
 * Runs `job`; if the GPU device was lost (a driver reset, another tab taking the GPU), starts a fresh backend,
 * drops SRCNN's weights so they are uploaded again, and runs it once more. Requests interleave (SRCNN yields
 * between tiles), so one that fails because another request replaced the backend meanwhile is retried as well.
 */
async function withDeviceRetry<T>(job: () => Promise<T>): Promise<T> {
  const started = epoch;
  try {
    return await job();
  } catch (err) {
    if (epoch === started) {
      if (!isDeviceLost(err)) throw err;
      epoch++;
      resetBackend();
      forgetSrcnn();
      restarted = initBackend({ order });
    }
    await restarted;
    return job();
  }
}

scope.onmessage = async (e: MessageEvent<ComputeRequest>) => {
  const req = e.data;
  const controller = new AbortController();
  try {
    if (req.type === 'init') {
      order = req.order;
      const report = await initBackend({ order });
      scope.postMessage({ id: req.id, ok: true, report });
    } else if (req.type === 'resize') {
      const image = await withDeviceRetry(() => resize(req.input, req.outW, req.outH, req.method, req.method === 'bicubic' ? { a: req.a } : {}));
      scope.postMessage({ id: req.id, ok: true, image }, [image.data.buffer]);
    } else if (req.type === 'srcnn') {
      running.set(req.id, controller);
      const image = await withDeviceRetry(() =>
        runSrcnn(req.input, req.weightsBase, (progress) => scope.postMessage({ id: req.id, ok: true, progress }), controller.signal),
      );
      scope.postMessage({ id: req.id, ok: true, image }, [image.data.buffer]);
    } else if (req.type === 'lose-device') {
      const device = activeGpuDevice();
      device?.destroy();
      scope.postMessage({ id: req.id, ok: true, lost: !!device });
    } else if (req.type === 'cancel') {
      running.get(req.target)?.abort();
      scope.postMessage({ id: req.id, ok: true });
    } else {
      const image = makePattern(req.pattern, req.size);
      scope.postMessage({ id: req.id, ok: true, image }, [image.data.buffer]);
    }
  } catch (err) {
    const attempts = (err as { attempts?: unknown }).attempts as ComputeResponse['attempts'];
    const message = err instanceof Error ? err.message : String(err);
    const code = isWeightError(err) ? err.code : isDeviceLost(err) ? ('device-lost' as const) : undefined;
    scope.postMessage({ id: req.id, ok: false, message, attempts, code, aborted: controller.signal.aborted });
  } finally {
    running.delete(req.id);
  }
};
