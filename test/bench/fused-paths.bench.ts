// Benchmark, not a test: the stock TF.js ops and the fused WebGPU path (src/sr/fused) on the same weights and
// random input, in one browser, through the runtime lab page (`srLab.paths`, src/sr/fused/compare.ts): GPU
// dispatches per forward, median wall ms of RUNS runs each (input on the GPU to output read back), the ratio,
// and the largest difference of the two outputs. Prints a Markdown row per case as it finishes and appends
// JSON lines to FUSED_BENCH_OUT. On this machine's headless Chromium WebGPU is SwiftShader (the CPU).
// Run: npm run bench:pages -- fused-paths   (CASES=rrdb_psnr:32,srresnet:64 RUNS=5 to choose)
import { test } from '@playwright/test';
import { appendFileSync } from 'node:fs';

const CASES = (process.env.CASES ?? 'rrdb_psnr:32,srresnet:32,rrdb_psnr:64,srresnet:64,esrgan_d:128,srcnn:32,srcnn:64,esrgan_bn:32,rrdb_psnr:128,srresnet:128').split(',');
const RUNS = Number(process.env.RUNS ?? 5);
const OUT = process.env.FUSED_BENCH_OUT ?? 'test-results/fused-bench.jsonl';

interface Timing { dispatches: number; runs: number[]; median: number }
interface Row { id: string; backend: string; size: number; stock: Timing; fused: Timing; speedup: number; maxAbsDiff: number }

test('stock vs fused WebGPU path', async ({ page }) => {
  test.setTimeout(4 * 3600_000);
  await page.goto('lab/runtime/');
  await page.waitForFunction(() => document.querySelector('#lab')?.getAttribute('data-status') === 'ready');
  const adapter = await page.evaluate(() => (window as unknown as { srLab: { adapter(): Promise<unknown> } }).srLab.adapter());
  console.log(`adapter ${JSON.stringify(adapter)}, ${RUNS} runs per path`);
  console.log('| model | LR input | dispatches stock → fused | stock ms (median) | fused ms (median) | stock / fused | max abs diff |');
  console.log('| --- | --- | --- | ---: | ---: | ---: | ---: |');
  for (const c of CASES) {
    const [id, size] = c.split(':');
    const r = await page.evaluate(
      ([m, s, n]) => (window as unknown as { srLab: { paths(m: string, s: number, n: number): Promise<Row> } }).srLab.paths(m, s, n),
      [id, Number(size), RUNS] as const,
    );
    appendFileSync(OUT, JSON.stringify({ ...r, adapter, at: new Date().toISOString() }) + '\n');
    console.log(
      `| ${r.id} | ${r.size}² | ${r.stock.dispatches} → ${r.fused.dispatches} | ${r.stock.median.toFixed(0)} | ${r.fused.median.toFixed(0)} | ${r.speedup.toFixed(2)} | ${r.maxAbsDiff.toExponential(1)} |`,
    );
  }
});
