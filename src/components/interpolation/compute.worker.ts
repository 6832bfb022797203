// Web Worker that owns the TensorFlow.js backend and does the widget's heavy work (backend
// start-up, resampling, procedural patterns, SRCNN), so the page's main thread never blocks on it.
// Protocol: see computeProtocol.ts.
import { initBackend } from '../../sr/backend';
import { isWeightError } from '../../sr/weights/errors';
import { resize } from '../../sr/resample';
import type { ComputeRequest, ComputeResponse } from './computeProtocol';
import { makePattern } from './patterns';
import { runSrcnn } from './srcnnRun';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ComputeRequest>) => void) | null;
  postMessage(message: ComputeResponse, transfer?: Transferable[]): void;
};

/** Running SRCNN requests, so a 'cancel' can stop them. */
const running = new Map<number, AbortController>();

scope.onmessage = async (e: MessageEvent<ComputeRequest>) => {
  const req = e.data;
  const controller = new AbortController();
  try {
    if (req.type === 'init') {
      const report = await initBackend({ order: req.order });
      scope.postMessage({ id: req.id, ok: true, report });
    } else if (req.type === 'resize') {
      const image = await resize(req.input, req.outW, req.outH, req.method, req.method === 'bicubic' ? { a: req.a } : {});
      scope.postMessage({ id: req.id, ok: true, image }, [image.data.buffer]);
    } else if (req.type === 'srcnn') {
      running.set(req.id, controller);
      const image = await runSrcnn(req.input, req.weightsBase, (progress) => scope.postMessage({ id: req.id, ok: true, progress }), controller.signal);
      scope.postMessage({ id: req.id, ok: true, image }, [image.data.buffer]);
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
    const code = isWeightError(err) ? err.code : undefined;
    scope.postMessage({ id: req.id, ok: false, message, attempts, code, aborted: controller.signal.aborted });
  } finally {
    running.delete(req.id);
  }
};
