/**
 * The Worker's side of the runtime protocol, separate from the Worker global so it also runs in Node
 * tests: owns the TensorFlow.js backend and an SRSession, runs one request at a time, lets a newer
 * request on a channel supersede the older one, and after a lost GPU device recreates the backend,
 * re-uploads the weights and retries the run once.
 */
import * as tf from '@tensorflow/tfjs-core';
import { activeGpuDevice, initBackend, isDeviceLost, NoBackendError, resetBackend, type BackendName, type BackendReport } from '../backend';
import { degrade as degradeImage, type Jpeg } from '../degrade/pipeline';
import { fromRGBA, type RGBImage } from '../image';
import { detectArchitecture } from '../modelfile/detect';
import { readModelFile } from '../modelfile/read';
import { resize as resizeImage } from '../resample';
import type { ModelCard } from '../weights/card';
import { isWeightError } from '../weights/errors';
import { loadModel } from '../weights/load';
import type { ErrorCode, ImageInput, WorkerRequest, WorkerResponse } from './protocol';
import { SRSession, type ModelSource } from './session';
import type { TileLimits } from './tiling';

export type Post = (msg: WorkerResponse, transfer?: Transferable[]) => void;

export interface HostOptions {
  /** Replaces the network loader (tests read files from disk). */
  source?: ModelSource;
  /** The degradation's JPEG step (the Worker passes the browser's encoder); without one, JPEG is skipped. */
  jpeg?: Jpeg;
}

export function isAbort(err: unknown): boolean {
  return (err as { name?: string })?.name === 'AbortError' || (isWeightError(err) && err.code === 'aborted');
}


export function createRuntimeHost(post: Post, options: HostOptions = {}) {
  let session: SRSession | null = null;
  let backend: BackendName = 'cpu';
  let order: BackendName[] | undefined;
  let limits: TileLimits = {};
  const channels = new Map<string, { id: number; controller: AbortController }>();
  const controllers = new Map<number, AbortController>();
  let queue: Promise<unknown> = Promise.resolve();

  const fail = (id: number, err: unknown, fallback: ErrorCode = 'run') => {
    if (isAbort(err)) return post({ type: 'cancelled', id });
    const message = (err as Error)?.message ?? String(err);
    if (err instanceof NoBackendError) return post({ type: 'error', id, code: 'backend', message, attempts: err.attempts });
    const code: ErrorCode = isWeightError(err) ? err.code : isDeviceLost(err) ? 'device-lost' : fallback;
    post({ type: 'error', id, code, message });
  };

  async function startBackend(): Promise<BackendReport> {
    const report = await initBackend({ order });
    backend = report.name;
    const device = activeGpuDevice();
    limits = { ...limits, maxStorageBufferBindingSize: device?.limits.maxStorageBufferBindingSize, maxBufferSize: device?.limits.maxBufferSize };
    return report;
  }

  /** Fresh backends so far; a run that fails after another one replaced the backend under it is retried as well. */
  let epoch = 0;
  /** The recovery under way, if any: runs that fail meanwhile, or start meanwhile, wait for it rather than start another. */
  let recovering: Promise<void> | null = null;

  /** A fresh instance of the current backend (its GPU device included), then the weights again; once for runs that fail together. */
  function recreateBackend(): Promise<void> {
    if (recovering) return recovering;
    epoch++;
    recovering = (async () => {
      resetBackend();
      await startBackend();
      await session?.reupload();
    })().finally(() => (recovering = null));
    return recovering;
  }

  async function toImage(input: ImageInput): Promise<RGBImage> {
    if ('data' in input) return { width: input.width, height: input.height, data: input.data };
    const { width, height } = input; // a closed ImageBitmap reports 0 x 0
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D context in this worker to read the ImageBitmap');
    ctx.drawImage(input, 0, 0);
    input.close();
    return fromRGBA(ctx.getImageData(0, 0, width, height));
  }

  /** Runs `run`; after a lost GPU device, recreates the backend and the weights and runs it once more. */
  async function withRetry<T>(run: () => Promise<T>, signal: AbortSignal): Promise<{ result: T; retried: boolean }> {
    await recovering?.catch(() => undefined); // never start on a backend being replaced
    const started = epoch;
    try {
      return { result: await run(), retried: false };
    } catch (err) {
      // a resize interleaves with a tiled run: either may meet the lost device first, and the other then fails on
      // the backend that was replaced under it
      if (signal.aborted || (epoch === started && !recovering && !isDeviceLost(err))) throw err;
      await (epoch === started ? recreateBackend() : recovering);
      return { result: await run(), retried: true };
    }
  }

  /** A classic resampling, answered at once (see the protocol): never queued behind a long run. */
  async function resize(msg: Extract<WorkerRequest, { type: 'resize' }>): Promise<void> {
    try {
      if (!session) throw new Error('the runtime was not initialised');
      const t0 = performance.now();
      const input = await toImage(msg.image);
      const options = msg.method === 'bicubic' ? { a: msg.a } : {};
      const { result: out, retried } = await withRetry(() => resizeImage(input, msg.outW, msg.outH, msg.method, options), new AbortController().signal);
      post({ type: 'result', id: msg.id, width: out.width, height: out.height, data: out.data, ms: performance.now() - t0, tiles: 1, backend, retried }, [out.data.buffer]);
    } catch (err) {
      fail(msg.id, err);
    }
  }

  const downloadProgress = (id: number) => (p: { loaded: number; total: number; cached?: boolean }) =>
    post({ type: 'progress', id, phase: 'download', done: p.loaded, total: p.total, cached: p.cached });

  async function discriminate(msg: Extract<WorkerRequest, { type: 'discriminate' }>, signal: AbortSignal): Promise<void> {
    if (!session) throw new Error('the runtime was not initialised');
    const { result, retried } = await withRetry(
      () => session!.discriminate(msg.model, msg.patches, { bnStats: msg.bnStats, signal, onDownload: downloadProgress(msg.id) }),
      signal,
    );
    post({ type: 'scores', id: msg.id, logits: result.logits, ms: result.ms, backend, retried }, [result.logits.buffer]);
  }

  async function features(msg: Extract<WorkerRequest, { type: 'features' }>, signal: AbortSignal): Promise<void> {
    if (!session) throw new Error('the runtime was not initialised');
    const image = await toImage(msg.image);
    const { result, retried } = await withRetry(
      () => session!.features(msg.model, image, { layers: msg.layers, maxChannels: msg.maxChannels, bnStats: msg.bnStats, signal, onDownload: downloadProgress(msg.id) }),
      signal,
    );
    const transfer: Transferable[] = result.layers.map((l) => l.data.buffer as ArrayBuffer);
    if (result.output) transfer.push(result.output.data.buffer as ArrayBuffer);
    if (result.logits) transfer.push(result.logits.buffer as ArrayBuffer);
    post({ type: 'features', id: msg.id, output: result.output, logits: result.logits, layers: result.layers, ms: result.ms, backend, retried }, transfer);
  }

  async function upscale(msg: Extract<WorkerRequest, { type: 'upscale' }>, signal: AbortSignal): Promise<void> {
    if (!session) throw new Error('the runtime was not initialised');
    const image = await toImage(msg.image);
    const run = () =>
      session!.upscale(msg.model, image, {
        tile: msg.tile,
        limits,
        bnStats: msg.bnStats,
        signal,
        onDownload: downloadProgress(msg.id),
        onProgress: (p) => post({ type: 'progress', id: msg.id, phase: 'tiles', done: p.done, total: p.total }),
      });
    const { result, retried } = await withRetry(run, signal);
    const { image: out, ms, tiles } = result;
    post({ type: 'result', id: msg.id, width: out.width, height: out.height, data: out.data, ms, tiles, backend, retried }, [out.data.buffer]);
  }

  async function degrade(msg: Extract<WorkerRequest, { type: 'degrade' }>, signal: AbortSignal): Promise<void> {
    const t0 = performance.now();
    const { lr, stages } = await degradeImage(msg.image, msg.params, msg.jpeg ? options.jpeg : undefined);
    if (signal.aborted) throw new DOMException('superseded', 'AbortError');
    const out = stages.map((st) => ({ name: st.name, ...st.image }));
    const transfer = [lr, ...stages.map((st) => st.image)].map((im) => im.data.buffer as ArrayBuffer);
    post({ type: 'degraded', id: msg.id, lr, stages: out, ms: performance.now() - t0 }, [...new Set(transfer)]);
  }

  /** A reader's model file, read and detected here (never executed), kept in the session as `modelId`. */
  function register(msg: Extract<WorkerRequest, { type: 'register' }>): void {
    if (!session) throw new Error('the runtime was not initialised');
    const detected = detectArchitecture(readModelFile(new Uint8Array(msg.bytes), msg.name), msg.name);
    const card: ModelCard = {
      id: msg.modelId,
      kind: 'generator',
      format: 'reader-file',
      title: { en: msg.name, ja: msg.name },
      architecture: { ...detected.arch, scale: detected.scale, input: 'lr' },
      parameters: detected.parameters,
      weights: { file: msg.name, bytes: msg.bytes.byteLength, sha256: '' } as ModelCard['weights'],
      tensors: {},
      golden: { file: '', layout: 'NHWC', input_shape: [], output_shape: [], tolerance: 0 },
    };
    session.register(card, detected.weights);
    post({ type: 'registered', id: msg.id, card, keyStyle: detected.keyStyle });
  }

  /** Runs `job` after every earlier job; requests are handled one at a time. */
  function enqueue(job: () => Promise<void>): Promise<void> {
    const next = queue.then(job, job);
    queue = next.catch(() => undefined);
    return next;
  }

  async function handle(msg: WorkerRequest): Promise<void> {
    switch (msg.type) {
      case 'init':
        return enqueue(async () => {
          try {
            order = msg.order;
            limits = { memoryBudget: msg.memoryBudget };
            await session?.dispose();
            const report = await startBackend();
            session = new SRSession(options.source ?? ((id, o) => loadModel(msg.weightsBase, id, o)));
            post({ type: 'ready', id: msg.id, report, limits });
          } catch (err) {
            fail(msg.id, err, 'backend');
          }
        });
      case 'load':
        return enqueue(async () => {
          try {
            if (!session) throw new Error('the runtime was not initialised');
            const e = await session.load(msg.model, {
              onProgress: (p) => post({ type: 'progress', id: msg.id, phase: 'download', done: p.loaded, total: p.total, cached: p.cached }),
            });
            post({ type: 'loaded', id: msg.id, card: e.card });
          } catch (err) {
            fail(msg.id, err);
          }
        });
      case 'upscale':
      case 'features':
      case 'degrade': {
        channels.get(msg.channel)?.controller.abort(); // the newer request supersedes the older one
        const controller = new AbortController();
        channels.set(msg.channel, { id: msg.id, controller });
        controllers.set(msg.id, controller);
        return enqueue(async () => {
          try {
            if (controller.signal.aborted) throw new DOMException('superseded', 'AbortError');
            if (msg.type === 'upscale') await upscale(msg, controller.signal);
            else if (msg.type === 'features') await features(msg, controller.signal);
            else await degrade(msg, controller.signal);
          } catch (err) {
            fail(msg.id, err);
          } finally {
            controllers.delete(msg.id);
            if (channels.get(msg.channel)?.id === msg.id) channels.delete(msg.channel);
          }
        });
      }
      case 'resize':
        return resize(msg);
      case 'discriminate': {
        const controller = new AbortController();
        controllers.set(msg.id, controller);
        return enqueue(async () => {
          try {
            await discriminate(msg, controller.signal);
          } catch (err) {
            fail(msg.id, err);
          } finally {
            controllers.delete(msg.id);
          }
        });
      }
      case 'register':
        return enqueue(async () => {
          try {
            register(msg);
          } catch (err) {
            fail(msg.id, err, 'format');
          }
        });
      case 'cancel':
        controllers.get(msg.target)?.abort();
        return;
      case 'lose-device':
        return enqueue(async () => {
          const device = activeGpuDevice();
          device?.destroy();
          post({ type: 'device-lost', id: msg.id, destroyed: !!device });
        });
      case 'memory': {
        // Answer after the queued work, so the numbers describe a quiet runtime.
        return enqueue(async () => {
          const m = tf.memory();
          post({ type: 'memory', id: msg.id, numTensors: m.numTensors, numBytes: m.numBytes });
        });
      }
    }
  }

  return { handle, get session() { return session; } };
}
