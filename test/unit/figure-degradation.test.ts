// The degradation explorer's pure module (src/figures/degradation/compute.ts): every control reads and sets
// its parameter within the published range, URL parameters are cleaned into legal ones, and the first-order
// twin degrades with stage 1 only.
import { describe, expect, it } from 'vitest';
import { CONTROL_GROUPS, cleanParams, firstOrder, getParam, setParam } from '../../src/figures/degradation/compute';
import { createImage } from '../../src/sr/image';
import { sampleParams, type DegradeParams } from '../../src/sr/degrade/params';
import { degrade } from '../../src/sr/degrade/pipeline';
import { photoSeedSchema } from '../../src/figures/degradation/photoSeed';
import { demoImages } from '../../src/ui/images/demoImages';
import { readState, writeState } from '../../src/ui/urlState';

const controls = CONTROL_GROUPS.flatMap((g) => g.controls);

describe('degradation explorer: controls', () => {
  it('a sampled draw is already clean (cleaning changes nothing)', () => {
    for (let seed = 0; seed < 100; seed++) expect(cleanParams(sampleParams(seed))).toEqual(sampleParams(seed));
  });

  it('each range control sets its parameter and clamps to its published range', () => {
    const p = sampleParams(3);
    for (const c of controls) {
      if (c.kind !== 'range' || !c.shown(p)) continue;
      const [lo, hi] = c.range(p);
      const mid = (lo + hi) / 2;
      const expected = c.path.startsWith('jpeg') ? Math.round(mid) : mid;
      expect(getParam(setParam(p, c.path, mid), c.path), c.path).toBeCloseTo(expected, 9);
      expect(getParam(setParam(p, c.path, hi + 100), c.path), c.path).toBe(hi);
      expect(getParam(setParam(p, c.path, lo - 100), c.path), c.path).toBe(lo);
    }
  });

  it('choices switch kinds with sensible defaults and show the controls that apply', () => {
    let p: DegradeParams = sampleParams(1);
    p = setParam(p, 'kernel1.kind', 'plateau_aniso');
    expect(p.kernel1).toMatchObject({ kind: 'plateau_aniso' });
    expect(p.kernel1.beta! >= 1 && p.kernel1.beta! <= 2).toBe(true);
    const shown = (q: DegradeParams) => controls.filter((c) => c.shown(q)).map((c) => c.path);
    expect(shown(p)).toContain('kernel1.theta');
    p = setParam(p, 'kernel1.kind', 'sinc');
    expect(Object.keys(p.kernel1).sort()).toEqual(['cutoff', 'kind', 'size']);
    expect(shown(p)).not.toContain('kernel1.sigma_x');
    p = setParam(p, 'kernel2.kind', 'none');
    expect(p.kernel2).toBeNull();
    expect(shown(p).filter((x) => x.startsWith('kernel2'))).toEqual(['kernel2.kind']);
    p = setParam(p, 'order', 'jpeg-first');
    expect(p.sinc_first).toBe(false);
    p = setParam(p, 'noise2.gray', 'true');
    expect(p.noise2.gray).toBe(true);
  });
});

describe('degradation explorer: parameters from the URL', () => {
  it('refuses what is not an object and cleans hostile values', () => {
    for (const bad of [null, 3, 'x', [1]]) expect(cleanParams(bad)).toBeNull();
    const p = cleanParams({ kernel1: { kind: '<img onerror=alert(1)>', size: 1e9, sigma_x: -5 }, jpeg1: 1e6, resize1: { scale: NaN, mode: 'evil' }, noise1: { kind: 'poisson', scale: 99, seed: -4 }, sinc: {} })!;
    expect(p.kernel1).toEqual({ kind: 'iso', size: 13, sigma_x: 0.2 });
    expect(p.jpeg1).toBe(95);
    expect(p.resize1).toEqual({ scale: 1, mode: 'bilinear' });
    expect(p.noise1).toEqual({ kind: 'poisson', scale: 3, gray: false, seed: 0 });
    expect(p.sinc).toEqual({ kind: 'sinc', size: 13, cutoff: Math.PI / 2 });
    expect(JSON.stringify(p)).not.toContain('<');
    for (const bad of [1, null, 'x']) expect(cleanParams({ kernel1: bad })!.kernel1).toEqual({ kind: 'iso', size: 13, sigma_x: 1 });
  });
});

describe('degradation explorer: first order', () => {
  it('keeps stage 1, resizes straight to a quarter, and leaves the rest an identity', async () => {
    const hr = createImage(32, 32);
    for (let i = 0; i < hr.data.length; i++) hr.data[i] = (Math.sin(i * 0.21) + 1) / 2;
    const p = sampleParams(5);
    const { lr, stages } = await degrade(hr, firstOrder(p));
    const at = (name: string) => stages.find((s) => s.name === name)!.image;
    expect([at('resize1').width, at('resize1').height]).toEqual([8, 8]);
    expect(Array.from(at('noise2').data)).toEqual(Array.from(at('jpeg1').data));
    expect([lr.width, lr.height]).toEqual([8, 8]);
    const direct = await degrade(hr, { ...firstOrder(p) });
    expect(Array.from(direct.lr.data)).toEqual(Array.from(lr.data));
  });
});

describe('kit heat map', () => {
  it('the colours of the Python kernel pictures: white at zero, orange at the positive peak, blue at the negative one', async () => {
    const { divergingRGBA } = await import('../../src/ui/draw/heatMap');
    // numpy's bytes for the same values; numpy rounds 178.5 to even, JavaScript up: one level apart at most
    const python = [255, 255, 255, 255, 217, 84, 25, 255, 144, 178, 223, 255, 33, 102, 191, 255];
    const ours = Array.from(divergingRGBA([0, 2, -1, -2]));
    expect(Math.max(...ours.map((v, i) => Math.abs(v - python[i])))).toBeLessThanOrEqual(1);
    expect(ours.slice(0, 8)).toEqual(python.slice(0, 8));
  });
});

describe('chapter 4\'s picture-and-seed row: URL fields', () => {
  it('the reader\'s picture never enters the URL, and a URL naming it opens on a demo photo', () => {
    const search = writeState('', 'deg', photoSeedSchema, { img: 'own', own: 3, seed: 7 });
    expect(search).toContain('deg.seed=7');
    expect(search).not.toContain('own');
    expect(writeState('', 'deg', photoSeedSchema, { img: 'coffee', own: 3, seed: null })).toContain('deg.img=coffee');
    expect(readState('?deg.img=own&deg.own=5&deg.seed=7', 'deg', photoSeedSchema)).toEqual({ img: demoImages[0].id, own: 0, seed: 7 });
  });
});

