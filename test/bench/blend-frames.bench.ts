// Benchmark, not a test: frames of the network-interpolation animation on the fused WebGPU path, through the
// runtime lab page (`srLab.blendFrames`, src/sr/runtime/lab.ts): θ(α) blended in place from the two models'
// packed weights (src/sr/fused/blend.ts, what the runtime does) against a new interpolated weight map per α
// packed again (what it did before), alternating, FRAMES frames each after one untimed frame; median wall ms
// per frame (output read back), dispatches per frame, the largest difference. Appends JSON lines to
// BLEND_BENCH_OUT. On this machine's headless Chromium WebGPU is SwiftShader (the CPU).
// Run: npm run bench:blend   (SIZES=16,24,32 FRAMES=5 to choose)
import { test } from '@playwright/test';
import { appendFileSync } from 'node:fs';

const SIZES = (process.env.SIZES ?? '16,24,32').split(',').map(Number);
const FRAMES = Number(process.env.FRAMES ?? 5);
const OUT = process.env.BLEND_BENCH_OUT ?? 'test-results/blend-bench.jsonl';

interface Mode { median: number; runs: number[]; dispatches: number }
interface Frames { size: number; inplace: Mode; newmap: Mode; maxAbsDiff: number; endpointDiff: number }

test('interpolation frames: blended in place vs a new weight map per α', async ({ page }) => {
  test.setTimeout(3600_000);
  await page.goto('lab/runtime/');
  await page.waitForFunction(() => document.querySelector('#lab')?.getAttribute('data-status') === 'ready');
  const adapter = await page.evaluate(() => (window as unknown as { srLab: { adapter(): Promise<unknown> } }).srLab.adapter());
  console.log(`adapter ${JSON.stringify(adapter)}, rrdb_psnr → esrgan, ${FRAMES} frames per way`);
  console.log('| LR input | dispatches new map → in place | new map ms (median) | in place ms (median) | new map / in place | max abs diff | α = 0 / 1 exact |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | --- |');
  for (const size of SIZES) {
    const r = await page.evaluate(
      ([s, n]) => (window as unknown as { srLab: { blendFrames(a: string, b: string, s: number, n: number): Promise<Frames> } }).srLab.blendFrames('rrdb_psnr', 'esrgan', s, n),
      [size, FRAMES] as const,
    );
    appendFileSync(OUT, JSON.stringify({ ...r, adapter, at: new Date().toISOString() }) + '\n');
    console.log(
      `| ${size}² | ${r.newmap.dispatches} → ${r.inplace.dispatches} | ${r.newmap.median.toFixed(0)} | ${r.inplace.median.toFixed(0)} | ${(r.newmap.median / r.inplace.median).toFixed(2)} | ${r.maxAbsDiff.toExponential(1)} | ${r.endpointDiff === 0 ? 'yes' : r.endpointDiff.toExponential(1)} |`,
    );
  }
});
