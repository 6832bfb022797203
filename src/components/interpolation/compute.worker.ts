// Web Worker that owns the TensorFlow.js backend and does the widget's heavy work (backend
// start-up, resampling, procedural patterns), so the page's main thread never blocks on it.
// Protocol: see computeProtocol.ts.
import { initBackend } from '../../sr/backend';
import { resize } from '../../sr/resample';
import type { ComputeRequest, ComputeResponse } from './computeProtocol';
import { makePattern } from './patterns';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ComputeRequest>) => void) | null;
  postMessage(message: ComputeResponse, transfer?: Transferable[]): void;
};

scope.onmessage = async (e: MessageEvent<ComputeRequest>) => {
  const req = e.data;
  try {
    if (req.type === 'init') {
      const report = await initBackend({ order: req.order });
      scope.postMessage({ id: req.id, ok: true, report });
    } else if (req.type === 'resize') {
      const image = await resize(req.input, req.outW, req.outH, req.method, req.method === 'bicubic' ? { a: req.a } : {});
      scope.postMessage({ id: req.id, ok: true, image }, [image.data.buffer]);
    } else {
      const image = makePattern(req.pattern, req.size);
      scope.postMessage({ id: req.id, ok: true, image }, [image.data.buffer]);
    }
  } catch (err) {
    const attempts = (err as { attempts?: unknown }).attempts as ComputeResponse['attempts'];
    scope.postMessage({ id: req.id, ok: false, message: err instanceof Error ? err.message : String(err), attempts });
  }
};
