/**
 * The page's side of the runtime: one Worker per page (sharedRuntime), promises for requests, progress
 * callbacks, and supersession: a newer upscale on the same channel cancels the older one, whose
 * promise rejects with an AbortError. AbortSignals are forwarded as cancel messages.
 */
import type { BackendAttempt, BackendName, BackendReport } from '../backend';
import type { DegradeParams } from '../degrade/params';
import type { Stage } from '../degrade/pipeline';
import type { RGBImage } from '../image';
import type { BNStats } from '../models/layers';
import type { Method } from '../resample';
import type { ModelCard } from '../weights/card';
import type { ErrorCode, ImageInput, RequestBody, WorkerRequest, WorkerResponse } from './protocol';
import type { FeatureMap, ModelRef, PatchBatch } from './session';

/** What the client needs of a Worker (a real one, or an in-process stand-in in tests). */
export interface WorkerLike {
  postMessage(msg: WorkerRequest, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (e: { data: WorkerResponse }) => void): void;
  /** A Worker whose script cannot be fetched, or throws while it loads, fires `error` and never answers. */
  addEventListener(type: 'error', listener: (e: { message?: string; preventDefault?(): void }) => void): void;
  terminate?(): void;
}

/** A request the Worker answered with an error: `code` says why (see ErrorCode), `attempts` lists the backends tried when none started. */
export class RuntimeError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly attempts?: BackendAttempt[],
  ) {
    super(message);
    this.name = 'RuntimeError';
  }
}

export interface Progress {
  phase: 'download' | 'tiles';
  done: number;
  total: number;
  cached?: boolean;
}

export interface UpscaleRequest {
  channel: string;
  model: ModelRef;
  /** RGB floats (the buffer is transferred: the caller loses it) or an ImageBitmap (also transferred). */
  image: ImageInput;
  tile?: number;
  bnStats?: BNStats;
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

export interface UpscaleResult {
  image: RGBImage;
  ms: number;
  tiles: number;
  backend: BackendName;
  retried: boolean;
}

export interface DiscriminateRequest {
  /** A discriminator id, e.g. `srgan_d`. */
  model: string;
  /** Patches of the discriminator's input side (the buffer is transferred: the caller loses it). */
  patches: PatchBatch;
  bnStats?: BNStats;
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

export interface DiscriminateResult {
  /** Raw C(x), one per patch. */
  logits: Float32Array;
  ms: number;
  backend: BackendName;
  retried: boolean;
}

export interface FeaturesRequest {
  channel: string;
  model: ModelRef;
  /** A generator's LR input, or one patch for a discriminator (transferred). Runs untiled: keep it small. */
  image: ImageInput;
  /** Tap names, see src/sr/models (e.g. `conv_first`, `body.0`, `conv_body`). */
  layers: string[];
  /** How many leading channels of each layer come back (default 8). */
  maxChannels?: number;
  bnStats?: BNStats;
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

export interface FeaturesResponse {
  output: RGBImage | null;
  logits: Float32Array | null;
  layers: FeatureMap[];
  ms: number;
  backend: BackendName;
  retried: boolean;
}

interface Pending {
  resolve: (msg: WorkerResponse) => void;
  reject: (err: Error) => void;
  onProgress?: (p: Progress) => void;
}

export interface DegradeRequest {
  channel: string;
  image: RGBImage;
  params: DegradeParams;
  /** Run the JPEG steps with the Worker's browser encoder (default true). */
  jpeg?: boolean;
  signal?: AbortSignal;
}

export interface DegradeResult {
  lr: RGBImage;
  stages: Stage[];
  ms: number;
}

export class RuntimeClient {
  private nextId = 1;
  private pending = new Map<number, Pending>();
  /** Set once the Worker has failed to load: every request, pending or later, rejects with it. */
  private broken: RuntimeError | null = null;

  constructor(private readonly worker: WorkerLike) {
    worker.addEventListener('message', (e) => this.receive(e.data));
    worker.addEventListener('error', (e) => {
      e.preventDefault?.();
      this.fail(new RuntimeError('worker', `the compute Worker could not start${e.message ? `: ${e.message}` : ''}`));
    });
  }

  /** The Worker is gone: reject everything pending, and every later request, with `err`. */
  private fail(err: RuntimeError) {
    this.broken ??= err;
    for (const p of this.pending.values()) p.reject(this.broken);
    this.pending.clear();
  }

  private receive(msg: WorkerResponse) {
    const p = this.pending.get(msg.id);
    if (!p) return;
    if (msg.type === 'progress') return p.onProgress?.({ phase: msg.phase, done: msg.done, total: msg.total, cached: msg.cached });
    this.pending.delete(msg.id);
    if (msg.type === 'error') p.reject(new RuntimeError(msg.code, msg.message, msg.attempts));
    else if (msg.type === 'cancelled') p.reject(new DOMException('the request was superseded or cancelled', 'AbortError'));
    else p.resolve(msg);
  }

  private send(body: RequestBody, transfer: Transferable[] = [], onProgress?: (p: Progress) => void): { id: number; done: Promise<WorkerResponse> } {
    const id = this.nextId++;
    if (this.broken) return { id, done: Promise.reject(this.broken) };
    const done = new Promise<WorkerResponse>((resolve, reject) => this.pending.set(id, { resolve, reject, onProgress }));
    this.worker.postMessage({ ...body, id } as WorkerRequest, transfer);
    return { id, done };
  }

  async init(opts: { weightsBase: string; order?: BackendName[]; memoryBudget?: number }): Promise<{ report: BackendReport; limits: object }> {
    const msg = await this.send({ type: 'init', ...opts }).done;
    if (msg.type !== 'ready') throw new Error(`unexpected reply ${msg.type}`);
    return { report: msg.report, limits: msg.limits };
  }

  async load(model: string, onProgress?: (p: Progress) => void): Promise<ModelCard> {
    const msg = await this.send({ type: 'load', model }, [], onProgress).done;
    if (msg.type !== 'loaded') throw new Error(`unexpected reply ${msg.type}`);
    return msg.card;
  }

  async upscale(req: UpscaleRequest): Promise<UpscaleResult> {
    if (req.signal?.aborted) throw new DOMException('the request was cancelled', 'AbortError');
    const transfer: Transferable[] = 'data' in req.image ? [req.image.data.buffer as ArrayBuffer] : [req.image as Transferable];
    const { id, done } = this.send(
      { type: 'upscale', channel: req.channel, model: req.model, image: req.image, tile: req.tile, bnStats: req.bnStats },
      transfer,
      req.onProgress,
    );
    return this.withAbort(req.signal, id, done, (msg) => {
      if (msg.type !== 'result') throw new Error(`unexpected reply ${msg.type}`);
      return { image: { width: msg.width, height: msg.height, data: msg.data }, ms: msg.ms, tiles: msg.tiles, backend: msg.backend, retried: msg.retried };
    });
  }

  /** `image` resampled to outW × outH by a classic method (`a`: bicubic's parameter); the buffer is copied, not moved. */
  async resize(image: RGBImage, outW: number, outH: number, method: Method, a = -0.5): Promise<{ image: RGBImage; ms: number; backend: BackendName }> {
    const copy = { width: image.width, height: image.height, data: image.data.slice() };
    const msg = await this.send({ type: 'resize', image: copy, outW, outH, method, a }, [copy.data.buffer as ArrayBuffer]).done;
    if (msg.type !== 'result') throw new Error(`unexpected reply ${msg.type}`);
    return { image: { width: msg.width, height: msg.height, data: msg.data }, ms: msg.ms, backend: msg.backend };
  }

  /** A discriminator's raw logits on a batch of patches. */
  async discriminate(req: DiscriminateRequest): Promise<DiscriminateResult> {
    if (req.signal?.aborted) throw new DOMException('the request was cancelled', 'AbortError');
    const { id, done } = this.send(
      { type: 'discriminate', model: req.model, patches: req.patches, bnStats: req.bnStats },
      [req.patches.data.buffer as ArrayBuffer],
      req.onProgress,
    );
    return this.withAbort(req.signal, id, done, (msg) => {
      if (msg.type !== 'scores') throw new Error(`unexpected reply ${msg.type}`);
      return { logits: msg.logits, ms: msg.ms, backend: msg.backend, retried: msg.retried };
    });
  }

  /** One untiled run with named intermediate activations; a newer request on the channel supersedes it. */
  async features(req: FeaturesRequest): Promise<FeaturesResponse> {
    if (req.signal?.aborted) throw new DOMException('the request was cancelled', 'AbortError');
    const transfer: Transferable[] = 'data' in req.image ? [req.image.data.buffer as ArrayBuffer] : [req.image as Transferable];
    const { id, done } = this.send(
      { type: 'features', channel: req.channel, model: req.model, image: req.image, layers: req.layers, maxChannels: req.maxChannels, bnStats: req.bnStats },
      transfer,
      req.onProgress,
    );
    return this.withAbort(req.signal, id, done, (msg) => {
      if (msg.type !== 'features') throw new Error(`unexpected reply ${msg.type}`);
      return { output: msg.output, logits: msg.logits, layers: msg.layers, ms: msg.ms, backend: msg.backend, retried: msg.retried };
    });
  }

  /**
   * Real-ESRGAN's degradation of `image` with `params`, every stage returned; with `jpeg`, the Worker's browser
   * JPEG encoder runs the JPEG steps. A newer request on the channel supersedes it. `image` is copied, not moved.
   */
  async degrade(req: DegradeRequest): Promise<DegradeResult> {
    if (req.signal?.aborted) throw new DOMException('the request was cancelled', 'AbortError');
    const image = { width: req.image.width, height: req.image.height, data: req.image.data.slice() };
    const { id, done } = this.send(
      { type: 'degrade', channel: req.channel, image, params: req.params, jpeg: req.jpeg ?? true },
      [image.data.buffer as ArrayBuffer],
    );
    return this.withAbort(req.signal, id, done, (msg) => {
      if (msg.type !== 'degraded') throw new Error(`unexpected reply ${msg.type}`);
      return {
        lr: msg.lr,
        stages: msg.stages.map(({ name, width, height, data }) => ({ name, image: { width, height, data } })),
        ms: msg.ms,
      };
    });
  }

  /**
   * A reader's model file: read and its architecture detected in the Worker (nothing in it is executed); from
   * then on `modelId` names it in `upscale` (registering the same id again replaces and frees the old one); the
   * buffer is transferred to the Worker. Rejects with the reader-facing code ('unsafe', 'format', ...).
   */
  async registerModelFile(modelId: string, name: string, bytes: ArrayBuffer): Promise<{ card: ModelCard; keyStyle: string }> {
    // moved, not copied: a model file can be tens of MB, and the caller has no further use for it
    const msg = await this.send({ type: 'register', modelId, name, bytes }, [bytes]).done;
    if (msg.type !== 'registered') throw new Error(`unexpected reply ${msg.type}`);
    return { card: msg.card, keyStyle: msg.keyStyle };
  }

  /** Forwards an AbortSignal as a cancel message while `done` is pending, then maps the reply. */
  private async withAbort<T>(signal: AbortSignal | undefined, id: number, done: Promise<WorkerResponse>, map: (msg: WorkerResponse) => T): Promise<T> {
    const onAbort = () => this.worker.postMessage({ type: 'cancel', id: this.nextId++, target: id });
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return map(await done);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** tf.memory() inside the worker, after all queued work. */
  async memory(): Promise<{ numTensors: number; numBytes: number }> {
    const msg = await this.send({ type: 'memory' }).done;
    if (msg.type !== 'memory') throw new Error(`unexpected reply ${msg.type}`);
    return { numTensors: msg.numTensors, numBytes: msg.numBytes };
  }

  /** Test hook: destroys the Worker's WebGPU device; resolves to whether there was one. */
  async loseDevice(): Promise<boolean> {
    const msg = await this.send({ type: 'lose-device' }).done;
    return msg.type === 'device-lost' && msg.destroyed;
  }

  terminate(): void {
    this.worker.terminate?.();
    for (const p of this.pending.values()) p.reject(new DOMException('the runtime was shut down', 'AbortError'));
    this.pending.clear();
  }
}

let shared: { client: RuntimeClient; ready: Promise<unknown> } | null = null;

/**
 * The one runtime of this page (every widget shares it): starts the Worker and its backend on first
 * use. `weightsBase` is the absolute URL of the weights folder.
 */
export function sharedRuntime(opts: { weightsBase: string; order?: BackendName[] }): { client: RuntimeClient; ready: Promise<{ report: BackendReport; limits: object }> } {
  if (!shared) {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'sr-runtime' });
    const client = new RuntimeClient(worker as unknown as WorkerLike);
    shared = { client, ready: client.init(opts) };
  }
  return shared as { client: RuntimeClient; ready: Promise<{ report: BackendReport; limits: object }> };
}
