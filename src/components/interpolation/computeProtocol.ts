// Messages between the widget and its compute worker (compute.worker.ts).
import type { BackendAttempt, BackendName, BackendReport } from '../../sr/backend';
import type { RGBImage } from '../../sr/image';
import type { Method } from '../../sr/resample';
import type { PatternId } from './patterns';

export type ComputeRequest =
  | { id: number; type: 'init'; order: BackendName[] }
  | { id: number; type: 'resize'; input: RGBImage; outW: number; outH: number; method: Method; a: number }
  | { id: number; type: 'pattern'; pattern: PatternId; size: number };

export interface ComputeResponse {
  id: number;
  ok: boolean;
  report?: BackendReport;
  image?: RGBImage;
  message?: string;
  attempts?: BackendAttempt[];
}
