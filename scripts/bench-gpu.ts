/**
 * The `npm run bench` timing (scripts/bench-core.ts) on TensorFlow.js's WebGPU backend under Node,
 * through Dawn (the npm package `webgpu`, the WebGPU implementation Chrome uses) from the GPU kit in
 * ../shared/gpu. Meant for the NVIDIA machine: it prints the adapter (vendor, architecture, device)
 * and refuses any adapter that is not NVIDIA unless --allow-any-adapter is given (a CPU Vulkan such as
 * SwiftShader, for testing the pipeline).
 *
 * Not run with tsx: bundled into the kit folder, beside its node_modules/webgpu, by
 * `node scripts/build-bench-gpu.mjs .gpu`, then, after `source .gpu/activate.sh`:
 *   node .gpu/bench-gpu.mjs [--sizes 32,64,128,256] [--models ...] [--budget 60] [--runs 20]
 *                           [--run-ms 3000] [--json FILE] [--allow-any-adapter] [--path stock|fused]
 * --path fused times the fused WebGPU path (src/sr/fused) instead of TF.js's stock ops (the default).
 * Defaults differ from `npm run bench` in one way: a warm-up run at every size (pipelines are
 * compiled per shape) and up to 20 timed runs per size. scripts/gpu-bench.sh runs it next to PyTorch.
 */
import { create, globals } from 'webgpu';

// Before TensorFlow.js loads (the imports below are dynamic for that reason). Node 24's own
// `navigator` is read-only, hence defineProperty.
Object.assign(globalThis, globals);
Object.defineProperty(globalThis, 'navigator', { value: { gpu: create([]) }, configurable: true });

interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
}

async function main(): Promise<number> {
  const tf = await import('@tensorflow/tfjs-core');
  const { initBackend, describeAttempt } = await import('../src/sr/backend');
  const core = await import('./bench-core');
  const argv = process.argv.slice(2);
  const allowAny = argv.includes('--allow-any-adapter');
  const opts = core.parseBenchArgs(argv, { budgetMs: 60_000, runs: 20, runMs: 3000, warmupEach: true });

  const gpu = (globalThis as unknown as { navigator: { gpu: { requestAdapter(o?: object): Promise<{ info?: AdapterInfoLike } | null> } } }).navigator.gpu;
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  const { vendor, architecture, device, description } = adapter?.info ?? {}; // getters: copy for JSON
  const info: AdapterInfoLike = { vendor, architecture, device, description };
  console.log(`adapter: vendor ${info.vendor || '?'}, architecture ${info.architecture || '?'}, device ${info.device || '?'}, description ${info.description || '?'}`);
  if (!adapter) {
    console.error('no WebGPU adapter (Dawn found no Vulkan driver: is activate.sh sourced, VK_DRIVER_FILES set?)');
    return 2;
  }

  const report = await initBackend({ order: ['webgpu'] }).catch((err: { attempts?: Parameters<typeof describeAttempt>[0][] }) => {
    console.error(`webgpu backend did not start: ${err.attempts?.map(describeAttempt).join('; ') ?? String(err)}`);
    return null;
  });
  if (!report) return 2;
  const tfInfo = (tf.backend() as unknown as { adapterInfo?: AdapterInfoLike }).adapterInfo ?? {};
  console.log(`tfjs webgpu backend adapter: vendor ${tfInfo.vendor || '?'}, architecture ${tfInfo.architecture || '?'}`);
  const nvidia = /nvidia/i.test(`${info.vendor} ${info.description}`) && /nvidia/i.test(`${tfInfo.vendor}`);
  if (!nvidia && !allowAny) {
    console.error('not an NVIDIA adapter: refusing to label these figures as GPU timings (pass --allow-any-adapter to run anyway)');
    return 3;
  }
  const path = core.argOf(argv, 'path') === 'fused' ? 'fused' : 'stock';
  const { setForwardPath } = await import('../src/sr/fused');
  setForwardPath(path);
  const backend = `webgpu via Dawn (tfjs-core ${tf.version_core}), ${path} path`;
  console.log(`backend ${backend}, ${core.describeHost()}`);
  const head = {
    tool: 'tfjs',
    backend: 'webgpu-dawn-node',
    path,
    tfjs: tf.version_core,
    adapter: info,
    tfjsAdapter: { vendor: tfInfo.vendor, architecture: tfInfo.architecture },
    nvidia,
    host: core.describeHost(),
    options: opts,
  };
  const json = core.argOf(argv, 'json');
  const rows = await core.runBench(opts, (sofar) => core.writeJson(json, { ...head, complete: false, rows: sofar }));
  core.writeJson(json, { ...head, complete: true, rows });
  return 0;
}

main().then(
  (code) => process.exit(code), // Dawn keeps the event loop alive: exit explicitly
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
