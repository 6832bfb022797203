// Pure helpers of the chapter-3 figures: pixel blending, difference maps, the α sweep, input
// variants, discriminator outputs, URL state, the perception–distortion chart and the shipped-data checks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffMap, heatRGBA } from '../../src/ui/draw/diffHeat';
import { discriminatorOutputs, discSchema, outputRows, quadrantBatch, sigmoid } from '../../src/figures/disc/compute';
import { blendImages, interpSchema, snapAlpha, sweepAlpha } from '../../src/figures/interp/compute';
import { isActivations, histogramBars } from '../../src/components/esrgan/activations';
import { isPdData, markerAt, pdChartSvg, pdGeometry } from '../../src/components/esrgan/pdChart';
import { bnSchema, busiestBox, inputVariant } from '../../src/figures/bn/compute';
import { readPresent, readState, writeState } from '../../src/ui/urlState';

const img = (w: number, h: number, f: (i: number) => number) => ({ width: w, height: h, data: Float32Array.from({ length: w * h * 3 }, (_, i) => f(i)) });

describe('pixel blending and differences', () => {
  it('blends clamped outputs linearly and reproduces the ends exactly', () => {
    const a = img(2, 2, (i) => i / 12);
    const b = img(2, 2, (i) => 1 - i / 12);
    expect(blendImages(a, b, 0).data).toEqual(a.data);
    expect(blendImages(a, b, 1).data).toEqual(b.data);
    const half = blendImages(a, b, 0.5);
    for (const v of half.data) expect(v).toBeCloseTo(0.5, 6);
    // Values outside [0, 1] are clamped first, as on screen.
    const over = blendImages(img(1, 1, () => 1.4), img(1, 1, () => -0.2), 0.5);
    expect(Array.from(over.data)).toEqual([0.5, 0.5, 0.5]);
    expect(() => blendImages(a, img(1, 1, () => 0), 0.5)).toThrow();
  });

  it('diffMap takes the largest channel difference per pixel and the mean over channels', () => {
    const a = img(2, 1, () => 0);
    const b = { width: 2, height: 1, data: Float32Array.from([0.5, 0, 0, 0.1, 0.1, 0.1]) };
    const d = diffMap(a, b);
    expect(Array.from(d.map)).toEqual([0.5, Math.fround(0.1)].map((v) => Math.fround(v)));
    expect(d.max).toBeCloseTo(0.5, 6);
    expect(d.mean).toBeCloseTo(0.8 / 6, 6);
    const rgba = heatRGBA(d.map, 0.5);
    expect(Array.from(rgba.slice(0, 4))).toEqual([255, 255, 255, 255]);
    expect(rgba[4]).toBeLessThan(255);
  });
});

describe('α sweep and snapping', () => {
  it('is a triangle wave that starts at the current α and stays in [0, 1]', () => {
    expect(sweepAlpha(0, 1000, 0)).toBe(0);
    expect(sweepAlpha(250, 1000, 0)).toBeCloseTo(0.5);
    expect(sweepAlpha(500, 1000, 0)).toBeCloseTo(1);
    expect(sweepAlpha(750, 1000, 0)).toBeCloseTo(0.5);
    expect(sweepAlpha(0, 1000, 0.3)).toBeCloseTo(0.3);
    for (let t = 0; t < 5000; t += 37) {
      const a = sweepAlpha(t, 1000, 0.7);
      expect(a).toBeGreaterThanOrEqual(0);
      expect(a).toBeLessThanOrEqual(1);
    }
  });
  it('snaps to the slider step and rejects non-numbers', () => {
    expect(snapAlpha(0.43)).toBe(0.45);
    expect(snapAlpha(-3)).toBe(0);
    expect(snapAlpha(Number.NaN)).toBe(0.5);
  });
});

describe('input variants (same rules as training/srt/site/figures_esrgan.py)', () => {
  const x = { width: 2, height: 1, data: Float32Array.from([0.2, 0.4, 0.6, 0.8, 1, 0]) };
  it('darkens, flattens to the mean colour and saturates', () => {
    expect(Array.from(inputVariant(x, 'dark').data)).toEqual(Array.from(x.data, (v) => Math.fround(v * 0.25)));
    expect(Array.from(inputVariant(x, 'flat').data).map((v) => +v.toFixed(6))).toEqual([0.5, 0.7, 0.3, 0.5, 0.7, 0.3]);
    expect(Array.from(inputVariant(x, 'saturated').data).map((v) => +v.toFixed(6))).toEqual([0, 0.2, 0.8, 1, 1, 0]);
    expect(inputVariant(x, 'original').data).toEqual(x.data);
  });
});

describe('discriminator outputs', () => {
  it('D = σ(C) and D_Ra = σ(C − mean of the other set)', () => {
    const real = [2, 0, 1];
    const fake = [-1, 0.5];
    const d = discriminatorOutputs(real, fake);
    expect(d.meanReal).toBeCloseTo(1);
    expect(d.meanFake).toBeCloseTo(-0.25);
    expect(d.standardReal[0]).toBeCloseTo(1 / (1 + Math.exp(-2)));
    expect(d.relativisticReal[1]).toBeCloseTo(sigmoid(0 + 0.25));
    expect(d.relativisticFake[0]).toBeCloseTo(sigmoid(-1 - 1));
    expect(d.relativisticFake[1]).toBeCloseTo(sigmoid(-0.5));
  });
  it('the table rows: real patches first, each with C, D and D_Ra', () => {
    const { rows, meanReal, meanFake } = outputRows([2, 0], [-1]);
    expect(rows.map((r) => `${r.kind}${r.index}`)).toEqual(['real0', 'real1', 'fake0']);
    expect(meanReal).toBe(1);
    expect(meanFake).toBe(-1);
    expect(rows[1]).toEqual({ kind: 'real', index: 1, c: 0, d: 0.5, dra: sigmoid(1) });
    expect(rows[2].dra).toBeCloseTo(sigmoid(-2), 12);
  });
  it('quadrantBatch: the four quarters in reading order', () => {
    const img = { width: 4, height: 4, data: Float32Array.from({ length: 48 }, (_, i) => Math.floor(i / 3)) };
    const b = quadrantBatch(img, 2);
    expect(b.count).toBe(4);
    expect(Array.from(b.data.filter((_, i) => i % 3 === 0))).toEqual([0, 1, 4, 5, 2, 3, 6, 7, 8, 9, 12, 13, 10, 11, 14, 15]);
    expect(() => quadrantBatch(img, 3)).toThrow();
  });
});

describe('URL state of the interpolation figure', () => {
  it('round-trips and falls back on invalid values', () => {
    const s = { alpha: 0.35, img: 'coffee', lx: 0.25, ly: 0.75, own: 0, crop: 24 };
    const written = writeState('?x=1', 'esr', interpSchema, s);
    expect(new URLSearchParams(written).get('esr.alpha')).toBe('0.35');
    expect(readState(written, 'esr', interpSchema)).toEqual(s);
    expect(readState('?esr.alpha=7&esr.img=nope&esr.lx=2&esr.ly=a', 'esr', interpSchema)).toEqual({ alpha: 1, img: 'chelsea', lx: 1, ly: 0.5, own: 0, crop: 24 });
    expect(readState('?esr.alpha=0.43', 'esr', interpSchema).alpha).toBe(0.45);
  });
});

describe('perception–distortion chart', () => {
  const pd: unknown = JSON.parse(readFileSync('test/unit/fixtures/esrgan-perception-distortion.sample.json', 'utf8'));
  it('accepts the pipeline shape and rejects broken data', () => {
    expect(isPdData(pd)).toBe(true);
    expect(isPdData({ set5: [{ alpha: 0, psnr: 'x', niqe: 1 }, { alpha: 1, psnr: 1, niqe: 1 }] })).toBe(false);
    expect(isPdData(null)).toBe(false);
  });
  it('puts lower NIQE left, higher PSNR up, and moves the marker along the polyline', () => {
    if (!isPdData(pd)) throw new Error('fixture');
    const g = pdGeometry(pd.set5);
    const [p0, p5, p1] = g.points;
    expect(p5.x).toBeLessThan(p1.x); // NIQE 7 left of 8
    expect(p0.y).toBeLessThan(p1.y); // PSNR 31 above 28
    expect(markerAt(g.points, 0)).toMatchObject({ x: p0.x, y: p0.y });
    const m = markerAt(g.points, 0.25);
    expect(m.x).toBeCloseTo((p0.x + p5.x) / 2);
    expect(m.y).toBeCloseTo((p0.y + p5.y) / 2);
    expect(markerAt(g.points, 1)).toMatchObject({ x: p1.x, y: p1.y });
    const svg = pdChartSvg(pd.set5, { title: 'T', x: 'X', y: 'Y', point: (p) => `a${p.alpha}`, current: 'now' }, 0.5, 'id');
    expect(svg).toContain('data-role="pd-marker"');
    expect((svg.match(/class="pd-point"/g) ?? []).length).toBe(3);
  });
});

describe('activation statistics', () => {
  const data: unknown = JSON.parse(readFileSync('test/unit/fixtures/esrgan-vgg-activations.sample.json', 'utf8'));
  it('accepts the pipeline shape and rejects a missing layer', () => {
    expect(isActivations(data)).toBe(true);
    const broken = JSON.parse(JSON.stringify(data));
    delete broken.stats.img_a.conv5_4;
    expect(isActivations(broken)).toBe(false);
  });
  it('draws histogram bars scaled to the tallest', () => {
    const bars = histogramBars({ edges: [0, 1, 2, 4], counts: [5, 10, 0] }, 100, 50);
    expect(bars.map((b) => b.h)).toEqual([25, 50, 0]);
    expect(bars[2].x).toBeCloseTo(50);
    expect(bars[2].w).toBeCloseTo(50);
  });
});

describe('numbers printed in the prose', () => {
  it('counts parameters of tensor groups from the card and reads metrics', async () => {
    const { cardNumber, formatNumber } = await import('../../src/data/numbers');
    const total = cardNumber('esrgan', 'parameters');
    const rdb = cardNumber('esrgan', 'params:body.0.rdb1.');
    const rrdb = cardNumber('esrgan', 'params:body.0.');
    const body = cardNumber('esrgan', 'params:body.');
    expect(rdb).toBeGreaterThan(0);
    expect(rrdb).toBe(3 * rdb!);
    expect(body).toBeLessThan(total!);
    expect(cardNumber('esrgan', 'params:')).toBe(total);
    expect(formatNumber(cardNumber('esrgan', 'set5.ssim'), 'set5.ssim', 'en')).toMatch(/^0\.\d{4}$/);
    expect(cardNumber('nope', 'set5.psnr')).toBeNull();
    expect(formatNumber(null, 'set5.psnr', 'en')).toBe('—');
  });
  it('prints the chapter-2 numbers too: the grid index, the L1 weight, the content layer', async () => {
    const { numberText } = await import('../../src/data/numbers');
    const { readZoo } = await import('../../src/components/models/zoo-data');
    const zoo = readZoo();
    const srgan = zoo.generators.find((c) => c.id === 'srgan')!;
    const grid = srgan.metrics?.set5?.grid ?? zoo.results.srgan?.set5?.grid;
    expect(numberText('srgan', 'set5.grid', 'en')).toBe(grid!.toFixed(1));
    expect(numberText('srgan', 'l1', 'en')).toBe(String(srgan.training!.losses!.l1));
    expect(numberText('srgan', 'content_layer', 'en')).toBe(srgan.training!.content_loss!.layer);
    const srresnet = zoo.generators.find((c) => c.id === 'srresnet')!;
    expect(numberText('srresnet', 'parameters', 'ja')).toBe(srresnet.parameters.toLocaleString('ja-JP'));
    expect(numberText('nope', 'content_layer', 'en')).toBe('—');
  });
});

describe('discriminator figure: pre-computed sources', () => {
  it('every demo photograph has its esrgan_std picture, made with the weights this build ships', async () => {
    const { existsSync } = await import('node:fs');
    const { DISC_FAKES, DISC_PRECOMPUTED } = await import('../../src/figures/disc/compute');
    const { demoImages } = await import('../../src/ui/images/demoImages');
    expect(DISC_PRECOMPUTED).toEqual(['esrgan_std']);
    for (const id of DISC_PRECOMPUTED) expect(DISC_FAKES).toContain(id);
    const figures = JSON.parse(readFileSync('public/data/esrgan/figures.json', 'utf8'));
    for (const id of DISC_PRECOMPUTED) {
      const entry = figures.disc_precomputed[id];
      const card = JSON.parse(readFileSync(`public/weights/${id}/card.json`, 'utf8'));
      expect(entry.weights_sha256).toBe(card.weights.sha256);
      expect(Object.keys(entry.images).sort()).toEqual(demoImages.map((d) => d.id).sort());
      let bytes = 0;
      for (const file of Object.values(entry.images) as string[]) {
        expect(existsSync(`public/data/esrgan/${file}`), file).toBe(true);
        bytes += readFileSync(`public/data/esrgan/${file}`).length;
      }
      expect(bytes).toBe(entry.bytes);
      // One picture per reader's choice, far below the generator it replaces.
      expect(Math.max(...Object.values(entry.images).map((f) => readFileSync(`public/data/esrgan/${f}`).length))).toBeLessThan(card.weights.bytes / 10);
    }
    // The URL keeps the choice.
    const state = readState(writeState('', 'disc', discSchema, { img: 'grass', fake: 'esrgan_std' }), 'disc', discSchema);
    expect(state).toEqual({ img: 'grass', fake: 'esrgan_std' });
    expect(readState('?disc.fake=%22%3E%3Cimg', 'disc', discSchema)).toEqual({ img: 'chelsea', fake: 'esrgan' });
  });
});

describe('the BN figure places its loupes where the difference is', () => {
  it('busiestBox: the centre of the window with the largest summed difference', () => {
    const w = 40;
    const h = 30;
    const map = new Float32Array(w * h);
    for (let y = 20; y < 26; y++) for (let x = 4; x < 10; x++) map[y * w + x] = 1; // a 6×6 hot spot
    map[2 * w + 35] = 3; // a single brighter pixel sums to less
    const c = busiestBox(map, w, h, 6);
    expect(c.x * w).toBeCloseTo(7, 6);
    expect(c.y * h).toBeCloseTo(23, 6);
    // A box larger than the image is clamped to it: the centre.
    expect(busiestBox(map, w, h, 100)).toEqual({ x: 0.5, y: 0.5 });
    // No difference anywhere: the centre, not the first corner.
    expect(busiestBox(new Float32Array(w * h), w, h, 6)).toEqual({ x: 0.5, y: 0.5 });
  });

  it('the BN figure\'s URL: no loupe means "not placed yet"; a bad one falls back, never NaN', () => {
    expect(readPresent('', 'bn', bnSchema).lx).toBeUndefined();
    expect(readPresent('?bn.lx=0.25&bn.ly=0.75', 'bn', bnSchema)).toEqual({ lx: 0.25, ly: 0.75 });
    expect(readPresent('?bn.lx=x&bn.ly=2', 'bn', bnSchema)).toEqual({ lx: 0.5, ly: 1 });
    expect(readPresent('?bn.input=%3Cscript%3E', 'bn', bnSchema).input).toBe('original');
  });
});

describe('chapter 3 and the reader\'s own picture', () => {
  it('the URL never names it, and "own" from a URL is refused; the crop chosen on this device stays out too', () => {
    const written = writeState('?esr.img=coffee', 'esr', interpSchema, { img: 'own', alpha: 0.5, lx: 0.5, ly: 0.5, own: 1, crop: 64 });
    expect(new URLSearchParams(written).get('esr.img')).toBeNull();
    expect(new URLSearchParams(written).get('esr.own')).toBeNull();
    expect(new URLSearchParams(written).get('esr.crop')).toBeNull();
    expect(readPresent('?esr.crop=4000', 'esr', interpSchema).crop).toBe(24);
    expect(readPresent('?esr.img=own', 'esr', interpSchema).img).toBe('chelsea');
    expect(readPresent('?bn.img=own', 'bn', bnSchema).img).toBe('chelsea');
    const bn = writeState('?bn.img=coffee', 'bn', bnSchema, { img: 'own', input: 'dark', lx: null, ly: null, own: 2, crop: 96 });
    expect(new URLSearchParams(bn).get('bn.img')).toBeNull();
    expect(bn).toBe('?bn.input=dark');
  });
});
