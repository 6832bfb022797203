// Page side of metrics.worker.ts: panelNumbers() off the main thread, in the page if no Worker starts
// (it cannot be constructed, or its script fails to load or throws while starting: the `error` event).
import type { RGBImage } from '../../sr/image';
import { panelNumbers, type PanelNumbers } from './pipeline';

interface Job {
  output: RGBImage;
  truth: RGBImage | null;
  resolve: (n: PanelNumbers) => void;
  reject: (e: Error) => void;
}

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, Job>();

/** The Worker is unusable: measure what it was given in the page, and every later request too. */
function fallBack() {
  worker?.terminate();
  worker = null;
  for (const job of pending.values()) job.resolve(panelNumbers(job.output, job.truth));
  pending.clear();
}

function start(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./metrics.worker.ts', import.meta.url), { type: 'module', name: 'srgan-metrics' });
    worker.onmessage = (e: MessageEvent<{ id: number; ok: boolean; numbers?: PanelNumbers; message?: string }>) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      pending.delete(e.data.id);
      if (e.data.ok) p.resolve(e.data.numbers!);
      else p.reject(new Error(e.data.message));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      fallBack();
    };
  } catch {
    worker = null;
  }
  return worker;
}

export function measureOffThread(output: RGBImage, truth: RGBImage | null): Promise<PanelNumbers> {
  const w = start();
  if (!w) return Promise.resolve(panelNumbers(output, truth));
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { output, truth, resolve, reject });
    w.postMessage({ id, output, truth });
  });
}
