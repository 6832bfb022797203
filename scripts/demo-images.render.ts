// Pre-compute the pictures of the interpolation widget's default view (shown before scripts run,
// and kept when no compute backend starts). Uses the same engine code as the live widget, on the
// TensorFlow.js CPU backend, and writes public/images/demo/static/<method>.png.
//
// Run (after scripts/demo-images.py), with Node 24 on PATH:
//   npx esbuild scripts/demo-images.render.ts --bundle --platform=node --format=esm --packages=external \
//     --outfile=node_modules/.cache/demo-images.render.mjs && node node_modules/.cache/demo-images.render.mjs .
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { initBackend } from '../src/sr/backend';
import { fromRGBA, toRGBA } from '../src/sr/image';
import { resize } from '../src/sr/resample';
import { cropImage } from '../src/ui/images/crop';
import { demoImagePath, findDemoImage } from '../src/ui/images/demoImages';
import { cropRect } from '../src/ui/geometry';
import { methods } from '../src/figures/resample/methods';
import { decodePNG, encodePNG } from '../src/data/png';
import { defaultResampleState as defaultState, STATIC_DIR } from '../src/figures/resample/compute';

// The bundle lives outside scripts/, so the repository root is passed as the first argument.
const repo = process.argv[2] ?? process.cwd();
const publicDir = join(repo, 'public');

const report = await initBackend({ order: ['cpu'] });
const demo = findDemoImage(defaultState.img);
if (!demo) throw new Error(`unknown default image ${defaultState.img}`);
const source = fromRGBA(decodePNG(readFileSync(join(publicDir, demoImagePath(demo)))));
const crop = cropRect(source.width, source.height, defaultState.scale, { x: defaultState.cx, y: defaultState.cy });
const input = cropImage(source, crop);
const outW = crop.width * defaultState.scale;
const outH = crop.height * defaultState.scale;
mkdirSync(join(publicDir, STATIC_DIR), { recursive: true });
for (const m of methods) {
  const out = await resize(input, outW, outH, m.id, m.id === 'bicubic' ? { a: defaultState.a } : {});
  const png = encodePNG(toRGBA(out));
  const path = join(publicDir, STATIC_DIR, `${m.id}.png`);
  writeFileSync(path, png);
  console.log(`${m.id}: ${outW}x${outH} from crop ${JSON.stringify(crop)} -> ${path} (${(png.length / 1024).toFixed(1)} KiB, ${report.name})`);
}
