/**
 * Types for the site's model cards and weight index (see public/weights/README.md), and the check that
 * a weight file holds exactly the tensors its card lists, with the card's shapes.
 */
import { WeightError } from './errors';

/** The site's networks; 'srvgg' (Real-ESRGAN's SRVGGNetCompact) and 'msrresnet' (BasicSR) run a reader's own files. */
export type ArchitectureName = 'srcnn' | 'srresnet' | 'rrdbnet' | 'vgg_discriminator' | 'srvgg' | 'msrresnet';

/** An architecture's settings as the card stores them (BasicSR's keyword arguments: num_feat, use_bn, norm…). */
export type ArchParams = Record<string, number | boolean | string>;

export interface ModelCard {
  id: string;
  kind: 'generator' | 'discriminator';
  format: string;
  title: { en: string; ja: string };
  architecture: {
    name: ArchitectureName;
    params: ArchParams;
    scale?: number;
    /** 'bicubic' (SRCNN: the LR image enlarged x4 first), 'lr', or 'hr 128x128' (discriminators). */
    input: string;
  };
  parameters: number;
  weights: WeightsEntry;
  /** Shape of every dequantised tensor in PyTorch layout, by BasicSR name. */
  tensors: Record<string, number[]>;
  golden: { file: string; layout: 'NHWC'; input_shape: number[]; output_shape: number[]; tolerance: number };
  [extra: string]: unknown;
}

/**
 * The card's description of the weight file. With `encoding: 'gzip'` the file is gzip-compressed:
 * `bytes` is its size as stored and downloaded (download progress counts these), while `sha256` and
 * `decoded_bytes` describe the safetensors bytes inside it, the content that is parsed. Without an
 * encoding the file is the safetensors itself and `bytes` / `sha256` describe it.
 */
export interface WeightsEntry {
  file: string;
  bytes: number;
  sha256: string;
  quantization: 'int8' | 'fp16';
  encoding?: 'gzip';
  decoded_bytes?: number;
}

export interface WeightIndex {
  format: string;
  total_bytes: number;
  models: Array<{ id: string; kind: 'generator' | 'discriminator'; card: string; bytes: number }>;
}

const sameShape = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((d, i) => d === b[i]);
const fmt = (s: readonly number[]) => `[${s.join(', ')}]`;

/**
 * Throws a 'shape' WeightError naming the first tensor (in the card's order) that is missing or has
 * another shape in `actual`, or the first tensor of `actual` the card does not list.
 */
export function checkShapes(
  expected: Record<string, readonly number[]>,
  actual: ReadonlyMap<string, { shape: readonly number[] }>,
  subject: string,
  what = 'the weight file',
): void {
  for (const [name, shape] of Object.entries(expected)) {
    const got = actual.get(name);
    if (!got) throw new WeightError('shape', `tensor "${name}" ${fmt(shape)} is missing from ${what}`, subject);
    if (!sameShape(got.shape, shape)) {
      throw new WeightError('shape', `tensor "${name}" has shape ${fmt(got.shape)} in ${what}, expected ${fmt(shape)}`, subject);
    }
  }
  for (const name of actual.keys()) {
    if (!(name in expected)) throw new WeightError('shape', `tensor "${name}" in ${what} is not expected`, subject);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;

/**
 * A model card from the text of card.json, or a WeightError 'card' saying which field is missing or wrong:
 * the fields the loader reads (id, kind, architecture, weights entry, tensor shapes, title), checked for
 * their types, so that a damaged card is never mistaken for a damaged weight file.
 */
export function parseCard(text: string, id: string): ModelCard {
  let card: unknown;
  try {
    card = JSON.parse(text);
  } catch (err) {
    throw new WeightError('card', `card.json is not valid JSON (${(err as Error).message})`, id);
  }
  const bad = (field: string) => new WeightError('card', `card.json has no valid "${field}"`, id);
  if (!isRecord(card)) throw bad('(object)');
  if (card.id !== id) throw bad('id');
  if (card.kind !== 'generator' && card.kind !== 'discriminator') throw bad('kind');
  const arch = card.architecture;
  if (!isRecord(arch) || typeof arch.name !== 'string' || !isRecord(arch.params) || typeof arch.input !== 'string') throw bad('architecture');
  const w = card.weights;
  if (!isRecord(w) || typeof w.file !== 'string' || !/^[\w.-]+$/.test(w.file) || !isCount(w.bytes)) throw bad('weights');
  if (typeof w.sha256 !== 'string' || !/^[0-9a-f]{64}$/i.test(w.sha256)) throw bad('weights.sha256');
  if (!isRecord(card.tensors) || !Object.values(card.tensors).every((s) => Array.isArray(s) && s.every(isCount))) throw bad('tensors');
  if (!isRecord(card.title) || typeof card.title.en !== 'string' || typeof card.title.ja !== 'string') throw bad('title');
  return card as ModelCard;
}
