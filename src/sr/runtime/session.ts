/**
 * The state a runtime owns: loaded models (their verified float32 tensors kept in memory, and the
 * same weights uploaded to the active backend), an interpolated weight set for network
 * interpolation, and the runs. Framework-free; the Worker host (./host.ts) wraps it in messages.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { RGBImage } from '../image';
import type { BNStats } from '../models/layers';
import { forward, prepareInput } from '../models/run';
import { imageToTensor, tensorToImage } from '../tensor';
import type { ModelCard } from '../weights/card';
import type { DecodedWeights } from '../weights/decode';
import { interpolateLazily } from '../weights/interpolate';
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

/** A batch of square RGB patches, NHWC floats in [0, 1]: what a discriminator scores. */
export interface PatchBatch {
  count: number;
  size: number;
  data: Float32Array;
}

/** The first `kept` channels of one named activation, HWC (a linear layer: height = width = 1). */
export interface FeatureMap {
  name: string;
  height: number;
  width: number;
  /** Channels the layer has. */
  channels: number;
  /** Channels returned in `data` (the first ones). */
  kept: number;
  data: Float32Array;
}

export interface FeaturesResult {
  /** The generator's output (raw, not clamped); null for a discriminator. */
  output: RGBImage | null;
  /** A discriminator's raw logit C(x) (one value); null for a generator. */
  logits: Float32Array | null;
  layers: FeatureMap[];
  ms: number;
}

/** Patches per discriminator call: bounds the activations of one call to a few MiB. */
const SCORE_CHUNK = 16;

export class SRSession {
  private models = new Map<string, Promise<Entry>>();
  private blend: { key: string; map: WeightMap; dispose(): void } | null = null;

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

  /** Adds a model that did not come from the source (a reader's file): later runs name it by `card.id`. */
  register(card: ModelCard, weights: DecodedWeights): void {
    const old = this.models.get(card.id);
    if (old) void old.then((e) => disposeWeights(e.map), () => undefined);
    if (this.blend && this.blend.key.split('|').includes(card.id)) this.dropBlend();
    this.models.set(card.id, Promise.resolve({ card, decoded: weights, map: toWeightMap(weights) }));
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
      this.blend = { key, ...interpolateLazily(a.map, b.map, ref.alpha) };
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

  /**
   * A discriminator's raw logits C(x), one per patch (D(x) = sigmoid(C(x)) for a standard GAN).
   * Patches must have the side the discriminator was trained on.
   */
  async discriminate(id: string, batch: PatchBatch, opts: { bnStats?: BNStats; signal?: AbortSignal; onDownload?: LoadOptions['onProgress'] } = {}): Promise<{ logits: Float32Array; ms: number }> {
    const { card, map } = await this.weightsFor(id, { onProgress: opts.onDownload, signal: opts.signal });
    if (card.kind !== 'discriminator') throw new Error(`${id} is a ${card.kind}, not a discriminator`);
    const side = Number((card.architecture.params as { input_size?: number }).input_size ?? 128);
    const { count, size, data } = batch;
    if (size !== side) throw new RangeError(`${id} scores ${side}x${side} patches, not ${size}x${size}`);
    if (!(count > 0) || data.length !== count * size * size * 3) {
      throw new RangeError(`expected ${count} patches of ${size}x${size}x3 floats (${count * size * size * 3}), got ${data.length}`);
    }
    const start = performance.now();
    const logits = new Float32Array(count);
    const per = size * size * 3;
    for (let first = 0; first < count; first += SCORE_CHUNK) {
      if (opts.signal?.aborted) throw new DOMException('the request was cancelled', 'AbortError');
      const n = Math.min(SCORE_CHUNK, count - first);
      const out = tf.tidy(() => {
        const x = tf.tensor4d(data.subarray(first * per, (first + n) * per), [n, size, size, 3], 'float32');
        return forward(card.architecture, map, x, { bnStats: opts.bnStats });
      });
      try {
        logits.set(await out.data<'float32'>(), first);
      } finally {
        out.dispose();
      }
    }
    return { logits, ms: performance.now() - start };
  }

  /**
   * Runs a network once, untiled, and returns the first `maxChannels` channels of the named
   * intermediate activations (see each network in ../models for the names), with its output.
   * Generators take an LR image; a discriminator takes one patch of its input side.
   */
  async features(
    ref: ModelRef,
    image: RGBImage,
    opts: { layers: string[]; maxChannels?: number; bnStats?: BNStats; signal?: AbortSignal; onDownload?: LoadOptions['onProgress'] },
  ): Promise<FeaturesResult> {
    const { card, map } = await this.weightsFor(ref, { onProgress: opts.onDownload, signal: opts.signal });
    const maxChannels = Math.max(1, opts.maxChannels ?? 8);
    const wanted = new Set(opts.layers);
    const seen: string[] = [];
    const kept = new Map<string, { tensor: tf.Tensor; channels: number }>();
    const tap = (name: string, t: tf.Tensor) => {
      seen.push(name);
      if (!wanted.has(name)) return;
      const channels = t.shape[t.shape.length - 1] as number;
      const k = Math.min(channels, maxChannels);
      const first = t.rank === 4 ? tf.slice(t, [0, 0, 0, 0], [1, -1, -1, k]) : tf.slice(t, [0, 0], [1, k]);
      kept.set(name, { tensor: tf.keep(first), channels });
    };
    const start = performance.now();
    const isDisc = card.kind === 'discriminator';
    let out: tf.Tensor | null = null;
    try {
      out = tf.tidy(() => {
        const x = imageToTensor(image);
        return forward(card.architecture, map, isDisc ? x : prepareInput(card.architecture, x), { bnStats: opts.bnStats, tap });
      });
      const missing = [...wanted].filter((n) => !kept.has(n));
      if (missing.length) throw new RangeError(`${card.id} has no layer named ${missing.join(', ')}; its layers: ${seen.join(', ')}`);
      const layers: FeatureMap[] = [];
      for (const name of opts.layers) {
        const { tensor, channels } = kept.get(name)!;
        const [height, width] = tensor.rank === 4 ? tensor.shape.slice(1, 3) : [1, 1];
        layers.push({ name, height, width, channels, kept: tensor.shape[tensor.shape.length - 1] as number, data: Float32Array.from(await tensor.data<'float32'>()) });
      }
      const output = isDisc ? null : await tensorToImage(out as tf.Tensor4D);
      const logits = isDisc ? Float32Array.from(await out.data<'float32'>()) : null;
      return { output, logits, layers, ms: performance.now() - start };
    } finally {
      out?.dispose();
      for (const { tensor } of kept.values()) tensor.dispose();
    }
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
    this.blend?.dispose();
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
