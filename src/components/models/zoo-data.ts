// Build-time reader for the trained networks in public/weights (written by `python -m srt.io.export`) and the
// bicubic baseline in public/data/results.json (written by `python -m srt.measure.evaluate`). Runs in Node during `astro build` only.
// Robust to gaps: a model listed in index.json whose card is missing or unreadable is skipped and reported in
// `missing`, a missing curves.json gives an empty curve, a missing results.json drops the baseline row.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArchParams } from '../../sr/weights/card';

export interface SetScores {
  psnr: number;
  ssim: number;
  niqe: number;
  /** The x4 checkerboard index (srt.measure.metrics.grid_index); absent in bicubic's row of older results. */
  grid?: number;
}

/** The fields of `card.json` this page shows (see public/weights/README.md for the full format). */
export interface ModelCard {
  id: string;
  kind: 'generator' | 'discriminator';
  title: { en: string; ja: string };
  architecture: { name: string; params?: ArchParams; scale?: number; input?: string };
  parameters: number;
  weights: { file: string; bytes: number; sha256: string; quantization: 'int8' | 'fp16' | string };
  training?: {
    iterations?: number;
    batch?: number;
    hr_patch?: number;
    optimizer?: string;
    lr?: number;
    schedule?: string;
    losses?: Record<string, number>;
    content_loss?: { distance: string; layer: string } | null;
    perceptual_network?: string | null;
    gan?: string | null;
    init?: string | null;
    gpu_minutes?: number;
    /** CPU-trained models (device 'cpu'): this model's share of the group's wall minutes, and the threads used. */
    cpu_minutes?: number;
    threads?: number | null;
    iterations_per_second?: number;
    trained_with?: string;
    device?: string;
    lockstep_group?: string[];
    /** Discriminators trained with spectral normalisation (stored with it folded into the weights). */
    normalisation?: string;
  };
  metrics?: {
    set5: SetScores;
    set14: SetScores;
    format_cost_db?: Record<string, { set5: number; set14: number }>;
    format_rule?: string;
  };
  curves?: string;
  gan?: string;
  generator?: string;
  discriminator?: string;
}

export interface CurvePoint {
  step: number;
  psnr: number;
}

export interface Zoo {
  generators: ModelCard[];
  discriminators: ModelCard[];
  /** Set5 PSNR during training, per generator id (nulls in curves.json skipped). */
  curves: Record<string, CurvePoint[]>;
  /** Bicubic scores from public/data/results.json, or null when that file is absent. */
  bicubic: { set5: SetScores; set14: SetScores } | null;
  /** Every row of public/data/results.json (the evaluation table, by model id), for scores a card predates. */
  results: Record<string, { set5?: SetScores; set14?: SetScores }>;
  /** Ids listed in index.json whose card could not be read. */
  missing: string[];
}

/** The order the chapters introduce the generators in; ids not listed here follow, alphabetically. */
const GENERATOR_ORDER = ['srcnn', 'srresnet', 'srresnet_vgg', 'srgan', 'rrdb_psnr', 'esrgan', 'esrgan_std', 'esrgan_bn', 'realesrnet'];

function readJson<T>(file: string): T | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

function isCard(value: unknown): value is ModelCard {
  const c = value as ModelCard | null;
  return (
    !!c &&
    typeof c.id === 'string' &&
    (c.kind === 'generator' || c.kind === 'discriminator') &&
    typeof c.title?.en === 'string' &&
    typeof c.title?.ja === 'string' &&
    typeof c.parameters === 'number' &&
    typeof c.weights?.bytes === 'number'
  );
}

/** Set5 PSNR curve from `curves.json` columns `step` and `set5_psnr` (rows with a null PSNR skipped). */
export function psnrCurve(columns: { step?: number[]; set5_psnr?: (number | null)[] } | null): CurvePoint[] {
  if (!columns?.step || !columns.set5_psnr) return [];
  const points: CurvePoint[] = [];
  columns.step.forEach((step, i) => {
    const psnr = columns.set5_psnr![i];
    if (typeof psnr === 'number' && Number.isFinite(psnr)) points.push({ step, psnr });
  });
  return points;
}

function rank(id: string): number {
  const i = GENERATOR_ORDER.indexOf(id);
  return i === -1 ? GENERATOR_ORDER.length : i;
}

/** Card ids from index.json, or from the sub-folders holding a card.json when the index is absent. */
function listedIds(weightsDir: string): string[] {
  const index = readJson<{ models?: { id: string }[] }>(join(weightsDir, 'index.json'));
  if (index?.models) return index.models.map((m) => m.id);
  if (!existsSync(weightsDir)) return [];
  return readdirSync(weightsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(weightsDir, d.name, 'card.json')))
    .map((d) => d.name);
}

/** Reads everything the models page shows. `root` is the project root (where public/ and training/ are). */
export function readZoo(root: string = process.cwd()): Zoo {
  const weightsDir = join(root, 'public', 'weights');
  const cards: ModelCard[] = [];
  const missing: string[] = [];
  for (const id of listedIds(weightsDir)) {
    const card = readJson<unknown>(join(weightsDir, id, 'card.json'));
    if (isCard(card)) cards.push(card);
    else missing.push(id);
  }
  const generators = cards
    .filter((c) => c.kind === 'generator')
    .sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
  const discriminators = cards
    .filter((c) => c.kind === 'discriminator')
    .sort((a, b) => rank(a.generator ?? a.id) - rank(b.generator ?? b.id) || a.id.localeCompare(b.id));

  const curves: Record<string, CurvePoint[]> = {};
  for (const g of generators) {
    curves[g.id] = psnrCurve(readJson(join(weightsDir, g.id, g.curves ?? 'curves.json')));
  }

  const results =
    readJson<Record<string, { set5?: SetScores; set14?: SetScores }>>(join(root, 'public', 'data', 'results.json')) ?? {};
  const b = results.bicubic;
  const bicubic = b?.set5 && b.set14 ? { set5: b.set5, set14: b.set14 } : null;

  return { generators, discriminators, curves, bicubic, results, missing };
}
