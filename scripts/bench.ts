/**
 * `npm run bench`: times each exported generator on the available TensorFlow.js backend at 32², 64²,
 * 128² and 256² LR inputs and prints ms per image and effective GFLOP/s (2 x multiply-accumulates of
 * the convolutions / time). Figures, not a test. Models that share an architecture are timed once.
 *
 *   npm run bench -- [--backend cpu|webgpu|webgl] [--sizes 32,64] [--models srcnn,esrgan] [--budget 60]
 *                    [--runs 3] [--run-ms 1500] [--warmup-each] [--json FILE]
 *
 * --budget (seconds per architecture, default 90): a size is skipped when the previous size's time,
 * scaled by the pixel count, predicts a run longer than what is left. Weights are read from
 * public/weights (or SR_WEIGHTS_DIR) and decoded exactly as in the browser. The timing loop is
 * scripts/bench-core.ts, shared with the Dawn-under-Node GPU benchmark (scripts/bench-gpu.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import { initBackend, type BackendName } from '../src/sr/backend';
import { argOf, describeHost, parseBenchArgs, runBench, writeJson } from './bench-core';

async function main() {
  const argv = process.argv.slice(2);
  const opts = parseBenchArgs(argv);
  const order = (argOf(argv, 'backend') ? [argOf(argv, 'backend')] : ['webgpu', 'webgl', 'cpu']) as BackendName[];
  const report = await initBackend({ order });
  const backend = `${report.name} (tfjs-core ${tf.version_core})`;
  console.log(`backend ${backend}, ${describeHost()}`);
  const head = { tool: 'tfjs', backend: report.name, tfjs: tf.version_core, host: describeHost(), options: opts };
  const json = argOf(argv, 'json');
  const rows = await runBench(opts, (sofar) => writeJson(json, { ...head, complete: false, rows: sofar }));
  writeJson(json, { ...head, complete: true, rows });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
