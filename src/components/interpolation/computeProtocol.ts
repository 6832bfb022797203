// Messages between the widget and its compute worker (compute.worker.ts).
import type { BackendAttempt, BackendName, BackendReport } from '../../sr/backend';
import type { RGBImage } from '../../sr/image';
import type { Method } from '../../sr/resample';
import type { WeightErrorCode } from '../../sr/weights/errors';
import type { PatternId } from './patterns';

export type ComputeRequest =
  | { id: number; type: 'init'; order: BackendName[] }
  | { id: number; type: 'resize'; input: RGBImage; outW: number; outH: number; method: Method; a: number }
  | { id: number; type: 'pattern'; pattern: PatternId; size: number }
  /** SRCNN ×4 of `input` (the LR crop); weights from `weightsBase` (an absolute URL ending in '/'). */
  | { id: number; type: 'srcnn'; input: RGBImage; weightsBase: string }
  /** Abort the request `target` (an SRCNN run) between tiles. */
  | { id: number; type: 'cancel'; target: number }
  /** Test hook: destroys the worker's WebGPU device, as a driver reset would (the answer's `lost` says if there was one). */
  | { id: number; type: 'lose-device' };

/** Intermediate news about a long request; the final answer is a ComputeResponse with the same id. */
export type ComputeProgress =
  | { stage: 'download'; loaded: number; total: number; cached: boolean }
  | { stage: 'run'; done: number; total: number };

export interface ComputeResponse {
  id: number;
  ok: boolean;
  /** Set on progress messages only (the request is still running). */
  progress?: ComputeProgress;
  report?: BackendReport;
  image?: RGBImage;
  message?: string;
  attempts?: BackendAttempt[];
  /** Why SRCNN's weights did not load (WeightError.code), or 'device-lost' when the GPU device was lost and a
   * fresh one failed too, for a message in the page's language. */
  code?: WeightErrorCode | 'device-lost';
  /** Answer to 'lose-device': whether a WebGPU device was destroyed. */
  lost?: boolean;
  /** True when the request was cancelled. */
  aborted?: boolean;
}
