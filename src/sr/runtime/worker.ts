/**
 * The runtime's module Worker: owns the TensorFlow.js backend and the weights, off the main thread.
 * Pages talk to it through ./client.ts (typed messages, see ./protocol.ts).
 */
import type { WorkerRequest, WorkerResponse } from './protocol';
import { browserJpeg } from '../degrade/browserJpeg';
import { createRuntimeHost } from './host';

const scope = self as unknown as {
  postMessage(msg: WorkerResponse, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
};

const host = createRuntimeHost((msg, transfer) => scope.postMessage(msg, transfer ?? []), { jpeg: browserJpeg });
scope.onmessage = (e) => void host.handle(e.data);
