/**
 * Drives the runtime test bench page (src/pages/lab/runtime.astro): the form runs a model in the
 * shared Worker and shows progress and errors; `window.srLab` exposes measured checks to the e2e
 * tests (golden parity on the page's backend, tiled against whole, long tasks during a 256x256 x4 run, memory).
 */
import * as tf from '@tensorflow/tfjs-core';
import { initBackend, type BackendName } from '../backend';
import { createImage, toRGBA, type RGBImage } from '../image';
import { browserJpeg } from '../degrade/browserJpeg';
import { sampleParams, type DegradeParams } from '../degrade/params';
import { degrade } from '../degrade/pipeline';
import { detectArchitecture } from '../modelfile/detect';
import { readModelFile } from '../modelfile/read';
import { forward, upscale } from '../models/run';
import { download } from '../weights/download';
import { loadModel } from '../weights/load';
import { float32Of, parseSafetensors } from '../weights/safetensors';
import { interpolateLazily, interpolateWeights } from '../weights/interpolate';
import { disposeWeights, toWeightMap } from '../weights/tensors';
import { sharedRuntime } from './client';
import { countDispatches, setForwardPath, type ForwardPath } from '../fused';
import { comparePaths, largestDifference, median } from '../fused/compare';

function testPattern(w: number, h: number): RGBImage {
  const img = createImage(w, h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 3;
      img.data[i] = x / (w - 1);
      img.data[i + 1] = (x + y) % 8 < 4 ? 0.85 : 0.15;
      img.data[i + 2] = 0.5 + 0.4 * Math.sin((x * y) / 9);
    }
  return img;
}

export interface PathParity {
  maxAbsError: number;
  ms: number;
  /** GPU dispatches of the forward (counted on WebGPU only). */
  dispatches?: number;
}

export interface ParityResult {
  id: string;
  backend: string;
  tolerance: number;
  /** TF.js's own ops. */
  stock: PathParity;
  /** The fused WebGPU path (../fused), when the backend is WebGPU. */
  fused?: PathParity;
}

/** Golden parity for one model, on the main thread, on the given backend: the stock ops, then (on WebGPU) the fused path. */
async function parity(id: string, backend: BackendName, weightsBase: string): Promise<ParityResult> {
  const report = await initBackend({ order: [backend] });
  const { card, weights } = await loadModel(weightsBase, id, { cache: false });
  const golden = parseSafetensors(await download(new URL(`${id}/${card.golden.file}`, weightsBase).href), id);
  const input = golden.tensors.get('input')!;
  const expected = float32Of(golden.tensors.get('output')!);
  const map = toWeightMap(weights);
  const x = tf.tensor4d(float32Of(input), input.shape as [number, number, number, number]);
  const gpu = tf.getBackend() === 'webgpu';
  const run = async (path: ForwardPath): Promise<PathParity> => {
    setForwardPath(path);
    const go = async () => {
      const y = tf.tidy(() => forward(card.architecture, map, x)); // as the runtime calls it
      const got = await y.data();
      y.dispose();
      return got;
    };
    // The first run compiles shaders and (fused) packs the weights; the second is the one counted.
    const t0 = performance.now();
    const first = await go();
    const ms = performance.now() - t0;
    const { result, dispatches } = gpu ? await countDispatches(go) : { result: first, dispatches: undefined };
    return { maxAbsError: Math.max(largestDifference(first, expected), largestDifference(result, expected)), ms, dispatches };
  };
  try {
    const stock = await run('stock');
    const fused = gpu ? await run('fused') : undefined;
    return { id, backend: report.name === backend ? tf.getBackend() : report.name, tolerance: card.golden.tolerance, stock, fused };
  } finally {
    setForwardPath('auto');
    x.dispose();
    disposeWeights(map);
  }
}

/** Both paths on a size x size random input for one model, `runs` timed runs each (see ../fused/compare.ts). */
async function paths(id: string, size: number, runs: number, weightsBase: string) {
  await initBackend({ order: ['webgpu'] });
  const { card, weights } = await loadModel(weightsBase, id);
  const map = toWeightMap(weights);
  const side = card.architecture.name === 'vgg_discriminator' ? 128 : size;
  const x = tf.randomUniform([1, side, side, 3], 0, 1, 'float32', 7) as tf.Tensor4D;
  try {
    return { id, backend: tf.getBackend(), size: side, ...(await comparePaths(card.architecture, map, x, runs)) };
  } finally {
    x.dispose();
    disposeWeights(map);
  }
}

/** Milliseconds per network interpolation of two models on the given backend (values read back). */
async function interpolation(idA: string, idB: string, backend: BackendName, weightsBase: string) {
  await initBackend({ order: [backend] });
  const [a, b] = await Promise.all([loadModel(weightsBase, idA), loadModel(weightsBase, idB)]);
  const [ma, mb] = [toWeightMap(a.weights), toWeightMap(b.weights)];
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    const m = interpolateWeights(ma, mb, (i + 1) / 8);
    await Promise.all(Object.values(m).map((t) => t.data()));
    times.push(performance.now() - t0);
    disposeWeights(m);
  }
  const exact = interpolateWeights(ma, mb, 0);
  let endpointDiff = 0;
  for (const name of Object.keys(ma)) {
    const [x, y] = [await exact[name].data(), await ma[name].data()];
    for (let i = 0; i < x.length; i++) endpointDiff = Math.max(endpointDiff, Math.abs(x[i] - y[i]));
  }
  [exact, ma, mb].forEach(disposeWeights);
  times.sort((p, q) => p - q);
  return { backend: tf.getBackend(), parameters: a.card.parameters, first: times[times.length - 1], median: times[3], min: times[0], endpointDiff };
}

/**
 * Network-interpolation frames on WebGPU, a new α each: θ(α) blended in place from the two models' packed
 * weights (the runtime's way: `interpolateLazily`, ../fused/blend.ts) against a new interpolated weight map per
 * α that the fused path packs again (the way before). Alternating, after one untimed frame each; ms per frame
 * with the output read back, dispatches per frame, the largest difference between the two, and whether
 * α = 0 / 1 in place give the end models' outputs exactly.
 */
async function blendFrames(idA: string, idB: string, size: number, frames: number, weightsBase: string) {
  await initBackend({ order: ['webgpu'] });
  const [a, b] = await Promise.all([loadModel(weightsBase, idA), loadModel(weightsBase, idB)]);
  const [ma, mb] = [toWeightMap(a.weights), toWeightMap(b.weights)];
  const arch = a.card.architecture;
  const x = tf.randomUniform([1, size, size, 3], 0, 1, 'float32', 7) as tf.Tensor4D;
  const out = async (map: typeof ma) => {
    const y = upscale(arch, map, x);
    const v = (await y.data()) as Float32Array;
    y.dispose();
    return v;
  };
  const frame = async (mode: 'inplace' | 'newmap', alpha: number) => {
    const t0 = performance.now();
    const { result, dispatches } = await countDispatches(async () => {
      if (mode === 'inplace') {
        const lazy = interpolateLazily(ma, mb, alpha);
        try {
          return await out(lazy.map);
        } finally {
          lazy.dispose();
        }
      }
      const m = interpolateWeights(ma, mb, alpha);
      try {
        return await out(m);
      } finally {
        disposeWeights(m);
      }
    });
    return { ms: performance.now() - t0, dispatches, values: result };
  };
  const timing = { inplace: { ms: [] as number[], dispatches: 0 }, newmap: { ms: [] as number[], dispatches: 0 } };
  let maxAbsDiff = 0;
  try {
    await frame('inplace', 0.5);
    await frame('newmap', 0.5);
    for (let i = 0; i < frames; i++) {
      const alpha = (i + 1) / (frames + 1);
      const p = await frame('inplace', alpha);
      const q = await frame('newmap', alpha);
      timing.inplace.ms.push(p.ms);
      timing.newmap.ms.push(q.ms);
      [timing.inplace.dispatches, timing.newmap.dispatches] = [p.dispatches, q.dispatches];
      maxAbsDiff = Math.max(maxAbsDiff, largestDifference(p.values, q.values));
    }
    const [ya, yb] = [await out(ma), await out(mb)];
    const [y0, y1] = [(await frame('inplace', 0)).values, (await frame('inplace', 1)).values];
    return {
      size,
      inplace: { median: median(timing.inplace.ms), runs: timing.inplace.ms, dispatches: timing.inplace.dispatches },
      newmap: { median: median(timing.newmap.ms), runs: timing.newmap.ms, dispatches: timing.newmap.dispatches },
      maxAbsDiff,
      endpointDiff: Math.max(largestDifference(y0, ya), largestDifference(y1, yb)),
    };
  } finally {
    x.dispose();
    [ma, mb].forEach(disposeWeights);
  }
}

/** Upscales a size x size pattern x4 in the Worker (sent as an ImageBitmap) while recording long tasks. */
async function longTasks(model: string, size: number, weightsBase: string, order: BackendName[], tile?: number) {
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
  observer.observe({ type: 'longtask', buffered: false });
  const { client, ready } = sharedRuntime({ weightsBase, order });
  const { report } = await ready;
  await client.load(model);
  const rgba = toRGBA(testPattern(size, size));
  const bitmap = await createImageBitmap(new ImageData(rgba.data as Uint8ClampedArray<ArrayBuffer>, size, size));
  const t0 = performance.now();
  let progressCalls = 0;
  const result = await client.upscale({ channel: 'lab', model, image: bitmap, tile, onProgress: () => progressCalls++ });
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 100)); // let the observer deliver the last entries
  observer.disconnect();
  return { backend: report.name, width: result.image.width, height: result.image.height, ms, tiles: result.tiles, progressCalls, longTasks: tasks, memory: await client.memory() };
}

/**
 * Tiling leaves no trace: a side × side crop of a demo photo upscaled in tiles of `tile` input pixels and in one
 * piece, through the page's runtime. Returns both tile counts and the largest difference of the float results.
 */
async function tiling(model: string, photo: string, side: number, tile: number, weightsBase: string) {
  const { client, ready } = sharedRuntime({ weightsBase, order: ['webgpu'] });
  const { report } = await ready;
  const blob = await (await fetch(new URL(`../images/demo/${photo}.png`, weightsBase))).blob();
  const crop = () => createImageBitmap(blob, 0, 0, side, side);
  const tiled = await client.upscale({ channel: 'lab', model, image: await crop(), tile });
  const whole = await client.upscale({ channel: 'lab', model, image: await crop(), tile: 4096 });
  let maxAbsDiff = 0;
  tiled.image.data.forEach((v, i) => (maxAbsDiff = Math.max(maxAbsDiff, Math.abs(v - whole.image.data[i]))));
  return { backend: report.name, tiles: tiled.tiles, wholeTiles: whole.tiles, width: whole.image.width, maxAbsDiff };
}

/**
 * The degradation model in this browser: an image through `params` (or the draw of `seed`), with the browser's
 * JPEG unless `jpeg` is false. Returns the 8-bit low-resolution values and every stage's size.
 */
async function degradeHere(input: { width: number; height: number; data: number[] }, how: { params?: DegradeParams; seed?: number; jpeg?: boolean }) {
  const params = how.params ?? sampleParams(how.seed ?? 0);
  const hr = createImage(input.width, input.height, Float32Array.from(input.data));
  const { lr, stages } = await degrade(hr, params, how.jpeg === false ? undefined : browserJpeg);
  return { width: lr.width, height: lr.height, data: Array.from(lr.data), stages: stages.map((s) => [s.name, s.image.width, s.image.height]) };
}

/** A reader's model file (its bytes) read, recognised and run on the given backend: the output values. */
async function modelFile(bytes: number[], name: string, input: { height: number; width: number; data: number[] }, backend: BackendName) {
  const report = await initBackend({ order: [backend] });
  const detected = detectArchitecture(readModelFile(Uint8Array.from(bytes), name), name);
  const map = toWeightMap(detected.weights);
  const x = tf.tensor4d(input.data, [1, input.height, input.width, 3]);
  const y = forward(detected.arch, map, x);
  const output = Array.from(await y.data());
  tf.dispose([x, y]);
  disposeWeights(map);
  return { backend: report.name, arch: detected.arch.name, shape: y.shape, output };
}

export function boot(): void {
  const root = document.getElementById('lab')!;
  const weightsBase = new URL(root.dataset.weights!, location.href).href;
  const status = root.querySelector<HTMLElement>('[data-role="status-message"]')!;
  const progress = root.querySelector<HTMLProgressElement>('#lab-progress')!;
  const canvas = root.querySelector<HTMLCanvasElement>('#lab-output')!;
  const form = root.querySelector<HTMLFormElement>('#lab-form')!;
  const forced = new URLSearchParams(location.search).get('backend') as BackendName | null;
  const order: BackendName[] | undefined = forced ? [forced] : undefined;

  const say = (text: string, state: 'busy' | 'ready' | 'error') => {
    status.textContent = text;
    status.dataset.state = state;
    root.dataset.status = state;
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const model = new FormData(form).get('model') as string;
    const { client, ready } = sharedRuntime({ weightsBase, order });
    try {
      say(`Starting the runtime…`, 'busy');
      const { report } = await ready;
      root.dataset.backend = report.name;
      say(`Loading ${model}…`, 'busy');
      await client.load(model, (p) => {
        progress.value = p.total ? p.done / p.total : 0;
        // The last download report, for the e2e tests: "<bytes received>/<bytes expected>".
        if (p.phase === 'download') root.dataset.download = `${p.done}/${p.total}${p.cached ? ' cached' : ''}`;
      });
      const result = await client.upscale({
        channel: 'form',
        model,
        image: testPattern(16, 16),
        onProgress: (p) => {
          if (p.phase === 'tiles') progress.value = p.done / p.total;
        },
      });
      const rgba = toRGBA(result.image);
      canvas.width = rgba.width;
      canvas.height = rgba.height;
      canvas.getContext('2d')!.putImageData(new ImageData(rgba.data as Uint8ClampedArray<ArrayBuffer>, rgba.width, rgba.height), 0, 0);
      say(`${model} ran on ${result.backend} in ${result.ms.toFixed(0)} ms (${result.tiles} tile${result.tiles === 1 ? '' : 's'}).`, 'ready');
    } catch (err) {
      say(`Could not run ${model}: ${(err as Error).message}`, 'error');
    }
  });

  (window as unknown as { srLab: object }).srLab = {
    weightsBase,
    parity: (id: string, backend: BackendName = 'webgpu') => parity(id, backend, weightsBase),
    paths: (id: string, size: number, runs = 5) => paths(id, size, runs, weightsBase),
    interpolation: (a: string, b: string, backend: BackendName = 'webgpu') => interpolation(a, b, backend, weightsBase),
    blendFrames: (a: string, b: string, size = 16, frames = 3) => blendFrames(a, b, size, frames, weightsBase),
    degrade: degradeHere,
    modelFile: (bytes: number[], name: string, input: { height: number; width: number; data: number[] }, backend: BackendName = 'webgpu') =>
      modelFile(bytes, name, input, backend),
    tiling: (model: string, photo: string, side: number, tile: number) => tiling(model, photo, side, tile, weightsBase),
    longTasks: (model: string, size: number, backendOrder: BackendName[] = ['webgpu'], tile?: number) => longTasks(model, size, weightsBase, backendOrder, tile),
    /** Runs srcnn, destroys the worker's GPU device, runs again: the second run must recover. */
    deviceLoss: async () => {
      const { client, ready } = sharedRuntime({ weightsBase, order: ['webgpu'] });
      await ready;
      const first = await client.upscale({ channel: 'lost', model: 'srcnn', image: testPattern(16, 16) });
      const destroyed = await client.loseDevice();
      const second = await client.upscale({ channel: 'lost', model: 'srcnn', image: testPattern(16, 16) });
      let diff = 0;
      for (let i = 0; i < first.image.data.length; i++) diff = Math.max(diff, Math.abs(first.image.data[i] - second.image.data[i]));
      return { destroyed, retried: second.retried, backend: second.backend, diff };
    },
    /** The WebGPU adapter's architecture ('swiftshader' for the software rasteriser), or null. */
    adapter: async () => {
      const adapter = await (navigator as unknown as { gpu?: { requestAdapter(): Promise<{ info?: { architecture?: string; vendor?: string } } | null> } }).gpu?.requestAdapter();
      return adapter ? { architecture: adapter.info?.architecture ?? '', vendor: adapter.info?.vendor ?? '' } : null;
    },
  };
  root.dataset.status = 'ready';
}
