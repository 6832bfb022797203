/// <reference types="node" />
/**
 * Test helpers for the model tests: read the exported weight folder (public/weights, or the folder in
 * SR_WEIGHTS_DIR) from disk, decode it exactly as the browser does, and load golden vectors.
 */
import * as tf from '@tensorflow/tfjs-core';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelCard, WeightIndex } from '../../src/sr/weights/card';
import { checkCard, decodeVerified } from '../../src/sr/weights/load';
import { float32Of, parseSafetensors } from '../../src/sr/weights/safetensors';
import { toWeightMap, type WeightMap } from '../../src/sr/weights/tensors';

export const WEIGHTS_DIR = process.env.SR_WEIGHTS_DIR ?? fileURLToPath(new URL('../../public/weights/', import.meta.url));

/** Model ids from index.json; while an export is still running (no index yet), every folder with a card. */
export function modelIds(): string[] {
  const index = join(WEIGHTS_DIR, 'index.json');
  if (existsSync(index)) return (JSON.parse(readFileSync(index, 'utf8')) as WeightIndex).models.map((m) => m.id);
  if (!existsSync(WEIGHTS_DIR)) return [];
  return readdirSync(WEIGHTS_DIR)
    .filter((d) => existsSync(join(WEIGHTS_DIR, d, 'card.json')) && existsSync(join(WEIGHTS_DIR, d, 'golden.safetensors')))
    .sort();
}

export function readCard(id: string): ModelCard {
  return JSON.parse(readFileSync(join(WEIGHTS_DIR, id, 'card.json'), 'utf8')) as ModelCard;
}

export function readWeightBytes(card: ModelCard): Uint8Array {
  return new Uint8Array(readFileSync(join(WEIGHTS_DIR, card.id, card.weights.file)));
}

/** Card check, size + SHA-256 check, parse, dequantise, shape check, upload: the browser's path. */
export async function loadFromDisk(id: string): Promise<{ card: ModelCard; weights: WeightMap }> {
  const card = readCard(id);
  checkCard(card);
  return { card, weights: toWeightMap(await decodeVerified(readWeightBytes(card), card)) };
}

export interface Golden {
  input: tf.Tensor4D;
  output: Float32Array;
  outputShape: number[];
}

export function readGolden(card: ModelCard): Golden {
  const file = parseSafetensors(new Uint8Array(readFileSync(join(WEIGHTS_DIR, card.id, card.golden.file))), card.id);
  const input = file.tensors.get('input');
  const output = file.tensors.get('output');
  if (!input || !output) throw new Error(`${card.id}: golden file lacks input/output`);
  return { input: tf.tensor4d(float32Of(input), input.shape as [number, number, number, number]), output: float32Of(output), outputShape: output.shape };
}

export function maxAbs(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (!(d <= worst)) worst = Number.isNaN(d) ? Infinity : d;
  }
  return worst;
}
