/**
 * Typed messages between pages and the runtime Worker. Every request carries an `id`; every reply
 * names the request it answers. Pixel buffers travel as transferables (no copies).
 */
import type { BackendAttempt, BackendName, BackendReport } from '../backend';
import type { DegradeParams } from '../degrade/params';
import type { StageName } from '../degrade/pipeline';
import type { BNStats } from '../models/layers';
import type { Method } from '../resample';
import type { ModelCard } from '../weights/card';
import type { WeightErrorCode } from '../weights/errors';
import type { FeatureMap, ModelRef, PatchBatch } from './session';

/** RGB float pixels (an RGBImage) or an ImageBitmap (decoded in the worker). */
export type ImageInput = RGBPixels | ImageBitmap;
export type RGBPixels = { width: number; height: number; data: Float32Array };

export type WorkerRequest =
  | { type: 'init'; id: number; order?: BackendName[]; weightsBase: string; memoryBudget?: number }
  | { type: 'load'; id: number; model: string }
  | {
      type: 'upscale';
      id: number;
      /** Requests on the same channel supersede each other: a newer one cancels the older. */
      channel: string;
      model: ModelRef;
      image: ImageInput;
      tile?: number;
      bnStats?: BNStats;
    }
  /** A discriminator's raw logits on a batch of patches (transferred). */
  | { type: 'discriminate'; id: number; model: string; patches: PatchBatch; bnStats?: BNStats }
  /** One untiled run that also returns named intermediate activations; supersedes like `upscale`. */
  | { type: 'features'; id: number; channel: string; model: ModelRef; image: ImageInput; layers: string[]; maxChannels?: number; bnStats?: BNStats }
  /**
   * A classic resampling (../resample.ts) of `image` to outW × outH; `a` is bicubic's parameter. Short, so it is
   * handled at once, between the tiles of whatever long run is going on, never queued behind it.
   */
  | { type: 'resize'; id: number; image: RGBPixels; outW: number; outH: number; method: Method; a: number }
  /** Real-ESRGAN's degradation of an RGB image (../degrade/pipeline.ts) with the Worker's JPEG; supersedes like `upscale`. */
  | { type: 'degrade'; id: number; channel: string; image: RGBPixels; params: DegradeParams; jpeg: boolean }
  /** A reader's model file (.pth / .safetensors): read and detected in the Worker, then usable as `model: modelId`. */
  | { type: 'register'; id: number; modelId: string; name: string; bytes: ArrayBuffer }
  | { type: 'cancel'; id: number; target: number }
  | { type: 'memory'; id: number }
  /** Test hook: destroys the WebGPU device, as a driver reset would (the next run must recover). */
  | { type: 'lose-device'; id: number };

/**
 * Why a request failed, as a code pages can turn into a sentence in the reader's language (the message
 * stays English, for logs and the technical details): a weight-file code (../weights/errors.ts),
 * `backend` (no TensorFlow.js backend could start; the reply carries every attempt), `device-lost` (the
 * GPU device was lost and the one retry on a fresh device failed too), or `run` (anything else).
 */
/** `worker`: the Worker itself could not load (its script failed to download or threw while starting). */
export type ErrorCode = WeightErrorCode | 'backend' | 'device-lost' | 'run' | 'worker';

export type WorkerResponse =
  | { type: 'ready'; id: number; report: BackendReport; limits: { maxStorageBufferBindingSize?: number; maxBufferSize?: number } }
  | { type: 'progress'; id: number; phase: 'download' | 'tiles'; done: number; total: number; cached?: boolean }
  | { type: 'loaded'; id: number; card: ModelCard }
  | { type: 'result'; id: number; width: number; height: number; data: Float32Array; ms: number; tiles: number; backend: BackendName; retried: boolean }
  | { type: 'scores'; id: number; logits: Float32Array; ms: number; backend: BackendName; retried: boolean }
  | {
      type: 'features';
      id: number;
      output: { width: number; height: number; data: Float32Array } | null;
      logits: Float32Array | null;
      layers: FeatureMap[];
      ms: number;
      backend: BackendName;
      retried: boolean;
    }
  | { type: 'degraded'; id: number; lr: RGBPixels; stages: Array<{ name: StageName } & RGBPixels>; ms: number }
  | { type: 'registered'; id: number; card: ModelCard; keyStyle: string }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; code: ErrorCode; message: string; attempts?: BackendAttempt[] }
  | { type: 'memory'; id: number; numTensors: number; numBytes: number }
  | { type: 'device-lost'; id: number; destroyed: boolean };

/** Distributive Omit, so each request variant keeps its own fields. */
export type RequestBody = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;
