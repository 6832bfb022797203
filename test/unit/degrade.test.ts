// The degradation model in TypeScript (src/sr/degrade) against the training code's Python
// (training/srt/core/degradations.py, written out by `python3 -m srt.site.degrade_fixtures`): the same numbers in, the
// same kernels (1e-6), blur, resizes, unsharp mask and noises (float32 arithmetic), the same whole degradation
// before JPEG within 1/255.
import { describe, expect, it } from 'vitest';
import { createImage, type RGBImage } from '../../src/sr/image';
import { blurKernel, besselJ1 } from '../../src/sr/degrade/kernels';
import { hashUniform } from '../../src/sr/degrade/noise';
import { addNoise, filterSquare, reflect, resizeTorch, usmSharp } from '../../src/sr/degrade/ops';
import { type DegradeParams, type KernelSpec, type NoiseSpec, type ResizeMode, sampleParams } from '../../src/sr/degrade/params';
import { degrade } from '../../src/sr/degrade/pipeline';
import { RuntimeClient } from '../../src/sr/runtime/client';
import { diskSource, inProcessWorker } from './runtime-inprocess';
import { loadFixture, maxAbsDiff } from './helpers';

interface Img {
  width: number;
  height: number;
  data: number[];
}
interface Fixture {
  kernels: { spec: KernelSpec | null; kernel: number[] }[];
  small: Img;
  blur: { spec: KernelSpec; out: Img };
  resizes: { mode: ResizeMode; width: number; height: number; out: Img }[];
  usm: { input: Img; out: Img };
  noise: { input: Img; cases: { spec: NoiseSpec; out: Img }[] };
  uniforms: number[];
  pipelines: { input: Img; cases: { params: DegradeParams; out: Img }[] };
}

const fx = loadFixture<Fixture>('degrade.json');
const image = (f: Img): RGBImage => createImage(f.width, f.height, Float32Array.from(f.data));
const close = (a: RGBImage, f: Img) => maxAbsDiff(a, image(f));

describe('degradation kernels (Real-ESRGAN families) vs Python', () => {
  for (const { spec, kernel } of fx.kernels) {
    it(`${spec?.kind ?? 'identity'} ${spec?.size ?? ''}: sums to 1 and equals the Python kernel to 1e-6`, () => {
      const k = blurKernel(spec);
      expect(k.length).toBe(21 * 21);
      expect(k.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      let worst = 0;
      k.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - kernel[i]))));
      expect(worst).toBeLessThan(1e-6);
    });
  }

  it('J1 matches known values', () => {
    expect(besselJ1(1)).toBeCloseTo(0.44005058574, 7);
    expect(besselJ1(10)).toBeCloseTo(0.04347274617, 7);
    expect(besselJ1(-3)).toBeCloseTo(-0.33905895853, 7);
  });

  it('refuses an even or oversized kernel', () => {
    expect(() => blurKernel({ kind: 'iso', size: 8, sigma_x: 1 })).toThrow(RangeError);
    expect(() => blurKernel({ kind: 'iso', size: 23, sigma_x: 1 })).toThrow(RangeError);
  });
});

describe('degradation image operations vs PyTorch', () => {
  it('reflects indices like F.pad(reflect)', () => {
    expect([-2, -1, 0, 4, 5, 6].map((i) => reflect(i, 5))).toEqual([2, 1, 0, 4, 3, 2]);
  });

  it('blurs with reflect padding', () => {
    expect(close(filterSquare(image(fx.small), blurKernel(fx.blur.spec)), fx.blur.out)).toBeLessThan(1e-6);
  });

  for (const r of fx.resizes) {
    it(`resizes ${r.mode} to ${r.width}x${r.height}`, () => {
      expect(close(resizeTorch(image(fx.small), r.width, r.height, r.mode), r.out)).toBeLessThan(1e-5);
    });
  }

  it('sharpens with the unsharp mask', () => {
    expect(close(usmSharp(image(fx.usm.input)), fx.usm.out)).toBeLessThan(1e-5);
  });

  it('draws the same uniforms from a seed', () => {
    const u = hashUniform(123456789, 8);
    fx.uniforms.forEach((v, i) => expect(u[i]).toBe(v));
  });

  for (const c of fx.noise.cases) {
    it(`adds ${c.spec.gray ? 'grey' : 'colour'} ${c.spec.kind} noise, value for value`, () => {
      expect(close(addNoise(image(fx.noise.input), c.spec), c.out)).toBeLessThan(1e-5);
    });
  }
});

describe('the whole degradation before JPEG', () => {
  fx.pipelines.cases.forEach((c, i) => {
    it(`case ${i}: the same low-resolution image within 1/255`, async () => {
      const { lr, stages } = await degrade(image(fx.pipelines.input), c.params);
      expect([lr.width, lr.height]).toEqual([fx.pipelines.input.width / 4, fx.pipelines.input.height / 4]);
      expect(close(lr, c.out)).toBeLessThanOrEqual(1 / 255 + 1e-6);
      expect(stages.map((s) => s.name)).toHaveLength(9);
    });
  });

  it("through the runtime's degrade request: the same image as the pipeline, every stage, the input untouched", async () => {
    const client = new RuntimeClient(inProcessWorker(diskSource));
    await client.init({ weightsBase: 'http://unused.invalid/', order: ['cpu'] });
    const input = image(fx.pipelines.input);
    const before = input.data.slice();
    const c = fx.pipelines.cases[0];
    const viaRuntime = await client.degrade({ channel: 'test', image: input, params: c.params, jpeg: false });
    const direct = await degrade(image(fx.pipelines.input), c.params);
    expect(maxAbsDiff(viaRuntime.lr, direct.lr)).toBe(0);
    expect(close(viaRuntime.lr, c.out)).toBeLessThanOrEqual(1 / 255 + 1e-6);
    expect(viaRuntime.stages.map((st) => st.name)).toEqual(direct.stages.map((st) => st.name));
    expect(input.data).toEqual(before);
    client.terminate();
  });

  it('draws parameters in the published ranges, the same for the same seed', () => {
    expect(sampleParams(7)).toEqual(sampleParams(7));
    expect(sampleParams(7)).not.toEqual(sampleParams(8));
    for (let s = 0; s < 200; s++) {
      const p = sampleParams(s);
      expect(p.resize1.scale).toBeGreaterThanOrEqual(0.15);
      expect(p.resize1.scale).toBeLessThanOrEqual(1.5);
      expect(p.resize2.scale).toBeGreaterThanOrEqual(0.3);
      expect(p.resize2.scale).toBeLessThanOrEqual(1.2);
      for (const q of [p.jpeg1, p.jpeg2]) expect(q! >= 30 && q! <= 95).toBe(true);
      expect(p.kernel1.size % 2).toBe(1);
      if (p.kernel1.kind !== 'sinc') expect(p.kernel1.sigma_x! >= 0.2 && p.kernel1.sigma_x! <= 3).toBe(true);
      if (p.noise1.kind === 'gaussian') expect(p.noise1.sigma! >= 1 && p.noise1.sigma! <= 30).toBe(true);
    }
  });
});
