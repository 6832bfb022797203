/**
 * The state a runtime owns: loaded models (their verified float32 tensors kept in memory, and the
 * same weights uploaded to the active backend), an interpolated weight set for network
 * interpolation, and the runs. Framework-free; the Worker host (./host.ts) wraps it in messages.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { RGBImage } from '../image';
import type { BNStats } from '../models/layers';
import type { ModelCard } from '../weights/card';
import type { DecodedWeights } from '../weights/decode';
import { interpolateWeights } from '../weights/interpolate';
import type { LoadOptions } from '../weights/load';
import { disposeWeights, toWeightMap, type WeightMap } from '../weights/tensors';
import type { TileLimits, TileProgress } from './tiling';
import { upscaleImage } from './upscale';

/** Where models come from: the network loader in browsers, files on disk in tests. */
export type ModelSource = (id: string, opts: LoadOptions) => Promise<{ card: ModelCard; weights: DecodedWeights }>;

/** A model id, or a network interpolation θ(α) = (1 − α)·θ_a + α·θ_b of two models of one architecture. */
export type ModelRef = string | { a: string; b: string; alpha: number };

interface Entry {
  card: ModelCard;
  decoded: DecodedWeights;
  map: WeightMap;
}

export interface SessionRunOptions {
  tile?: number;
  limits?: TileLimits;
  bnStats?: BNStats;
  signal?: AbortSignal;
  onProgress?: (p: TileProgress) => void;
  onDownload?: LoadOptions['onProgress'];
}

export interface SessionResult {
  image: RGBImage;
  ms: number;
  tiles: number;
}

export class SRSession {
  private models = new Map<string, Promise<Entry>>();
  private blend: { key: string; map: WeightMap } | null = null;

  constructor(private readonly source: ModelSource) {}

  /** Loads a model once (concurrent callers share the download). */
  load(id: string, opts: LoadOptions = {}): Promise<Entry> {
    let entry = this.models.get(id);
    if (!entry) {
      entry = this.source(id, opts).then(({ card, weights }) => ({ card, decoded: weights, map: toWeightMap(weights) }));
      entry.catch(() => this.models.delete(id)); // a failed load can be retried
      this.models.set(id, entry);
    }
    return entry;
  }

  async card(id: string): Promise<ModelCard> {
    return (await this.load(id)).card;
  }

  /** The weights for a reference; an interpolation is computed on the backend and kept for the next run. */
  async weightsFor(ref: ModelRef, opts: LoadOptions = {}): Promise<{ card: ModelCard; map: WeightMap }> {
    if (typeof ref === 'string') {
      const e = await this.load(ref, opts);
      return { card: e.card, map: e.map };
    }
    const [a, b] = await Promise.all([this.load(ref.a, opts), this.load(ref.b, opts)]);
    if (a.card.architecture.name !== b.card.architecture.name || JSON.stringify(a.card.architecture.params) !== JSON.stringify(b.card.architecture.params)) {
      throw new Error(`cannot interpolate ${ref.a} and ${ref.b}: different architectures`);
    }
    const key = `${ref.a}|${ref.b}|${ref.alpha}`;
    if (this.blend?.key !== key) {
      this.dropBlend();
      this.blend = { key, map: interpolateWeights(a.map, b.map, ref.alpha) };
    }
    return { card: a.card, map: this.blend.map };
  }

  async upscale(ref: ModelRef, image: RGBImage, opts: SessionRunOptions = {}): Promise<SessionResult> {
    const { card, map } = await this.weightsFor(ref, { onProgress: opts.onDownload, signal: opts.signal });
    if (card.kind !== 'generator') throw new Error(`${card.id} is a ${card.kind}, not a generator`);
    const start = performance.now();
    let tiles = 0;
    const out = await upscaleImage(card.architecture, map, image, {
      tile: opts.tile,
      limits: opts.limits,
      bnStats: opts.bnStats,
      signal: opts.signal,
      onProgress: (p) => {
        tiles = p.total;
        opts.onProgress?.(p);
      },
    });
    return { image: out, ms: performance.now() - start, tiles };
  }

  /** Re-uploads every loaded model to the (new) active backend, e.g. after a lost GPU device. */
  async reupload(): Promise<void> {
    this.blend = null; // its tensors belonged to the old backend
    for (const [id, pending] of this.models) {
      const e = await pending.catch(() => null);
      if (!e) continue;
      try {
        disposeWeights(e.map);
      } catch {
        // the old backend may be gone already
      }
      this.models.set(id, Promise.resolve({ ...e, map: toWeightMap(e.decoded) }));
    }
  }

  private dropBlend() {
    if (this.blend) disposeWeights(this.blend.map);
    this.blend = null;
  }

  /** Frees every tensor the session holds. */
  async dispose(): Promise<void> {
    this.dropBlend();
    for (const pending of this.models.values()) {
      const e = await pending.catch(() => null);
      if (e) disposeWeights(e.map);
    }
    this.models.clear();
  }

  /** tf.memory() of the active backend, for hygiene checks. */
  static memory(): { numTensors: number; numBytes: number } {
    const m = tf.memory();
    return { numTensors: m.numTensors, numBytes: m.numBytes };
  }
}
