/**
 * The timing loop shared by `npm run bench` (scripts/bench.ts, whatever backend starts) and the
 * Dawn-under-Node GPU benchmark (scripts/bench-gpu.ts). It times each exported generator (models
 * sharing an architecture once) at the given LR input sides and prints a markdown table; the rows
 * are returned for a JSON report (`--json FILE`), which training/srt/ops/bench_merge.py reads.
 *
 * Options (both entry points):
 *   --sizes 32,64,128,256   LR input sides (x4 output)
 *   --models srcnn,esrgan   only these model ids
 *   --budget 90             seconds per architecture: a size is skipped when the previous size's time,
 *                           scaled by the pixel count, predicts a run longer than what is left
 *   --runs 3 --run-ms 1500  timed runs per size: stop after --runs runs or once their sum passes --run-ms
 *   --warmup-each           one untimed run at each size before its timed runs (else only one at 16²)
 *   --json FILE             also write the rows and the set-up as JSON
 */
import * as tf from '@tensorflow/tfjs-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { forward, prepareInput } from '../src/sr/models/run';
import { macs } from '../src/sr/models/specs';
import type { ModelCard, WeightIndex } from '../src/sr/weights/card';
import { checkCard, decodeVerified } from '../src/sr/weights/load';
import { disposeWeights, toWeightMap, type WeightMap } from '../src/sr/weights/tensors';

export interface BenchOptions {
  /** The exported weight folder (public/weights or SR_WEIGHTS_DIR). */
  dir: string;
  sizes: number[];
  budgetMs: number;
  only?: string[];
  runs: number;
  runMs: number;
  warmupEach: boolean;
}

export interface BenchRow {
  models: string[];
  architecture: Pick<ModelCard['architecture'], 'name' | 'params' | 'input'>;
  label: string;
  size: number;
  /** Multiply-accumulates of all convolutions for one image (network input of this size), in 1e9. */
  gmac: number;
  /** Median ms per image, null when skipped. */
  ms: number | null;
  gflops: number | null;
  times: number[];
  skipped?: string;
}

export function argOf(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

export function parseBenchArgs(argv: string[], defaults: Partial<BenchOptions> = {}): BenchOptions {
  const num = (name: string, fallback: number) => Number(argOf(argv, name) ?? fallback);
  return {
    dir: process.env.SR_WEIGHTS_DIR ?? 'public/weights',
    sizes: (argOf(argv, 'sizes') ?? defaults.sizes?.join(',') ?? '32,64,128,256').split(',').map(Number),
    budgetMs: num('budget', (defaults.budgetMs ?? 90_000) / 1000) * 1000,
    only: argOf(argv, 'models')?.split(','),
    runs: num('runs', defaults.runs ?? 3),
    runMs: num('run-ms', defaults.runMs ?? 1500),
    warmupEach: argv.includes('--warmup-each') || (defaults.warmupEach ?? false),
  };
}

/** Generators of the index, grouped by architecture (name, params, input): each group is timed once. */
export function generatorGroups(dir: string, only?: string[]): ModelCard[][] {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as WeightIndex;
  const groups = new Map<string, ModelCard[]>();
  for (const m of index.models) {
    const card = JSON.parse(readFileSync(join(dir, m.card), 'utf8')) as ModelCard;
    if (card.kind !== 'generator' || (only && !only.includes(card.id))) continue;
    const key = JSON.stringify([card.architecture.name, card.architecture.params, card.architecture.input]);
    groups.set(key, [...(groups.get(key) ?? []), card]);
  }
  return [...groups.values()];
}

/** Card check, size + SHA-256 check, parse, dequantise, upload: the browser's path, from disk. */
export async function readWeights(dir: string, card: ModelCard): Promise<WeightMap> {
  checkCard(card);
  return toWeightMap(await decodeVerified(new Uint8Array(readFileSync(join(dir, card.id, card.weights.file))), card));
}

export function architectureLabel(arch: BenchRow['architecture']): string {
  return `${arch.name}${Object.keys(arch.params).length ? ` ${JSON.stringify(arch.params)}` : ''}`;
}

async function timeOnce(card: ModelCard, weights: WeightMap, size: number): Promise<number> {
  const x = tf.randomUniform([1, size, size, 3], 0, 1, 'float32', 1) as tf.Tensor4D;
  const t0 = performance.now();
  const y = tf.tidy(() => forward(card.architecture, weights, prepareInput(card.architecture, x)));
  await y.data(); // include the upload of the input and the download of the output: what a widget waits for
  const ms = performance.now() - t0;
  tf.dispose([x, y]);
  return ms;
}

export function describeHost(): string {
  return `Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'CPU'}`;
}

export function printTableHead(opts: BenchOptions): void {
  console.log(`sizes are LR input sides; x4 output. budget ${opts.budgetMs / 1000} s per architecture; ` +
    `up to ${opts.runs} timed runs (or ${opts.runMs} ms) per size, median${opts.warmupEach ? '; one warm-up run per size' : ''}\n`);
  console.log('| models | architecture | input | ms / image | GFLOP/s | runs |');
  console.log('| --- | --- | --- | ---: | ---: | ---: |');
}

/**
 * Times every generator group on the active backend, printing one table row per size as it goes;
 * `onRow` sees the rows so far after each one (a report that survives a timeout).
 */
export async function runBench(opts: BenchOptions, onRow?: (rows: BenchRow[]) => void): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  printTableHead(opts);
  for (const cards of generatorGroups(opts.dir, opts.only)) {
    const card = cards[0];
    const weights = await readWeights(opts.dir, card);
    const arch = card.architecture;
    const label = architectureLabel(arch);
    const models = cards.map((c) => c.id);
    const spent = performance.now();
    let last: { size: number; ms: number } | null = null;
    await timeOnce(card, weights, Math.min(16, ...opts.sizes)); // warm-up: kernels, shader compilation
    for (const size of opts.sizes) {
      const netSide = arch.input === 'bicubic' ? size * 4 : size;
      const gmac = macs(arch.name, arch.params, netSide, netSide) / 1e9;
      const row: BenchRow = { models, architecture: { name: arch.name, params: arch.params, input: arch.input }, label, size, gmac, ms: null, gflops: null, times: [] };
      const left = opts.budgetMs - (performance.now() - spent);
      const predicted = last ? last.ms * (size / last.size) ** 2 * (opts.warmupEach ? 2 : 1) : 0;
      if (predicted > left) {
        row.skipped = `≈${(predicted / 1000).toFixed(0)} s predicted, ${(Math.max(left, 0) / 1000).toFixed(0)} s left`;
        console.log(`| ${models.join(', ')} | ${label} | ${size}² | skipped (${row.skipped}) | | 0 |`);
        rows.push(row);
        onRow?.(rows);
        continue;
      }
      if (opts.warmupEach) await timeOnce(card, weights, size);
      const times: number[] = [];
      do times.push(await timeOnce(card, weights, size));
      while (times.length < opts.runs && times.reduce((a, b) => a + b, 0) < opts.runMs);
      const sorted = [...times].sort((a, b) => a - b);
      const ms = sorted[Math.floor(sorted.length / 2)];
      const gflops = (2 * gmac) / ms * 1e3;
      Object.assign(row, { ms, gflops, times });
      console.log(`| ${models.join(', ')} | ${label} | ${size}² | ${ms.toFixed(1)} | ${gflops.toFixed(2)} | ${times.length} |`);
      rows.push(row);
      onRow?.(rows);
      last = { size, ms };
    }
    disposeWeights(weights);
  }
  return rows;
}

export function writeJson(file: string | undefined, report: object): void {
  if (file) writeFileSync(file, JSON.stringify(report, null, 1) + '\n');
}
