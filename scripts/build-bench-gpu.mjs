// Bundles scripts/bench-gpu.ts (with src/sr, tfjs-core and the backends) into one ES module inside the
// GPU kit folder, beside the kit's node_modules/webgpu, which stays external (see ../shared/gpu/README.md).
//   node scripts/build-bench-gpu.mjs [KITDIR]      (default .gpu; KITDIR made by ../shared/gpu/pack.sh)
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const kit = process.argv[2] ?? '.gpu';
if (!existsSync(join(kit, 'node_modules', 'webgpu'))) {
  console.error(`${kit}/node_modules/webgpu is missing: build the kit first (bash ../shared/gpu/pack.sh ${kit})`);
  process.exit(1);
}
const outfile = join(kit, 'bench-gpu.mjs');
await build({
  entryPoints: ['scripts/bench-gpu.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  external: ['webgpu'],
  minify: true, // the kit travels to the GPU machine with the working tree (64 MiB in all)
  legalComments: 'none',
  outfile,
  logLevel: 'warning',
  // TensorFlow.js's Node builds call `require` at run time, which a bare ES module bundle lacks
  banner: { js: "import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);" },
});
console.log(`${outfile}: ${(statSync(outfile).size / 1e6).toFixed(2)} MB`);
const du = (p) => (statSync(p).isDirectory() ? readdirSync(p).reduce((n, f) => n + du(join(p, f)), 0) : statSync(p).size);
if (existsSync(join(kit, 'node_modules/webgpu/dist/linux-x64/dawn.node'))) {
  console.warn(`${kit} holds an unpacked dawn.node (activate.sh was sourced here): delete it before carrying ${kit}, activate.sh unpacks it there`);
}
console.log(`${kit}: ${(du(kit) / 2 ** 20).toFixed(1)} MiB to carry (the working tree and the carried paths together must stay under 64 MiB)`);
