/**
 * `npm run bench`: times each exported generator on the available TensorFlow.js backend at 32², 64²,
 * 128² and 256² LR inputs and prints ms per image and effective GFLOP/s (2 x multiply-accumulates of
 * the convolutions / time). Figures, not a test. Models that share an architecture are timed once.
 *
 *   npm run bench -- [--backend cpu|webgpu|webgl] [--sizes 32,64] [--models srcnn,esrgan] [--budget 60]
 *
 * --budget (seconds per architecture, default 90): a size is skipped when the previous size's time,
 * scaled by the pixel count, predicts a run longer than what is left. Weights are read from
 * public/weights (or SR_WEIGHTS_DIR) and decoded exactly as in the browser.
 */
import * as tf from '@tensorflow/tfjs-core';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { initBackend, type BackendName } from '../src/sr/backend';
import { forward, prepareInput } from '../src/sr/models/run';
import { macs } from '../src/sr/models/specs';
import type { ModelCard, WeightIndex } from '../src/sr/weights/card';
import { checkCard, decodeVerified } from '../src/sr/weights/load';
import { disposeWeights, toWeightMap } from '../src/sr/weights/tensors';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const dir = process.env.SR_WEIGHTS_DIR ?? 'public/weights';
const sizes = (arg('sizes') ?? '32,64,128,256').split(',').map(Number);
const budgetMs = Number(arg('budget') ?? 90) * 1000;
const only = arg('models')?.split(',');
const order = (arg('backend') ? [arg('backend')] : ['webgpu', 'webgl', 'cpu']) as BackendName[];

async function timeOnce(card: ModelCard, weights: ReturnType<typeof toWeightMap>, size: number): Promise<number> {
  const x = tf.randomUniform([1, size, size, 3], 0, 1, 'float32', 1) as tf.Tensor4D;
  const t0 = performance.now();
  const y = tf.tidy(() => forward(card.architecture, weights, prepareInput(card.architecture, x)));
  await y.data(); // include the download: what a widget waits for
  const ms = performance.now() - t0;
  tf.dispose([x, y]);
  return ms;
}

async function main() {
  const report = await initBackend({ order });
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as WeightIndex;
  const groups = new Map<string, ModelCard[]>();
  for (const m of index.models) {
    const card = JSON.parse(readFileSync(join(dir, m.card), 'utf8')) as ModelCard;
    if (card.kind !== 'generator' || (only && !only.includes(card.id))) continue;
    const key = JSON.stringify([card.architecture.name, card.architecture.params, card.architecture.input]);
    groups.set(key, [...(groups.get(key) ?? []), card]);
  }
  console.log(`backend ${report.name} (tfjs-core ${tf.version_core}), Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'CPU'}`);
  console.log(`sizes are LR input sides; x4 output. budget ${budgetMs / 1000} s per architecture\n`);
  console.log('| models | architecture | input | ms / image | GFLOP/s | runs |');
  console.log('| --- | --- | --- | ---: | ---: | ---: |');
  for (const cards of groups.values()) {
    const card = cards[0];
    checkCard(card);
    const weights = toWeightMap(await decodeVerified(new Uint8Array(readFileSync(join(dir, card.id, card.weights.file))), card));
    const arch = card.architecture;
    const label = `${arch.name}${Object.keys(arch.params).length ? ` ${JSON.stringify(arch.params)}` : ''}`;
    const spent = performance.now();
    let last: { size: number; ms: number } | null = null;
    await timeOnce(card, weights, 16); // warm-up: kernels, shader compilation
    for (const size of sizes) {
      const left = budgetMs - (performance.now() - spent);
      const predicted = last ? last.ms * (size / last.size) ** 2 : 0;
      if (predicted > left) {
        console.log(`| ${cards.map((c) => c.id).join(', ')} | ${label} | ${size}² | skipped (≈${(predicted / 1000).toFixed(0)} s predicted) | | 0 |`);
        continue;
      }
      const times: number[] = [];
      do times.push(await timeOnce(card, weights, size));
      while (times.length < 3 && times.reduce((a, b) => a + b, 0) < 1500);
      times.sort((a, b) => a - b);
      const ms = times[Math.floor(times.length / 2)];
      const netSide = arch.input === 'bicubic' ? size * 4 : size;
      const gflops = (2 * macs(arch.name, arch.params, netSide, netSide)) / (ms * 1e6);
      console.log(`| ${cards.map((c) => c.id).join(', ')} | ${label} | ${size}² | ${ms.toFixed(1)} | ${gflops.toFixed(2)} | ${times.length} |`);
      last = { size, ms };
    }
    disposeWeights(weights);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
