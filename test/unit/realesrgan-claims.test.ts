// Chapter 4's prose (src/content/chapters/realesrgan/*.mdx) prints its numbers from public/data/realesrgan and the
// cards at build time; a few sentences compare them. This test checks each comparison against the shipped data,
// so a retrain or a new evaluation that overturns one fails here and the sentence is rewritten.
import { describe, expect, it } from 'vitest';
import { readCompare, readDegraded, readKernels, readStrip, realesrganNumber } from '../../src/data/realesrgan';
import { readZoo } from '../../src/components/models/zoo-data';
import { unetShapes } from '../../src/components/realesrgan/unet';

const need = <T,>(v: T | null, what: string): T => {
  if (v === null) throw new Error(`public/data/realesrgan/${what} is missing`);
  return v;
};

describe('comparisons stated in the chapter-4 prose hold for the shipped data', () => {
  const mean = need(readDegraded(), 'degraded.json').mean;
  const psnr = (set: 'set5' | 'set14', key: string) => mean[set][key].psnr;

  it('#realesrnet: on degraded inputs realesrnet is closer to the photographs than rrdb_psnr (Set5 and Set14)', () => {
    for (const set of ['set5', 'set14'] as const) expect(psnr(set, 'realesrnet/degraded'), set).toBeGreaterThan(psnr(set, 'rrdb_psnr/degraded'));
  });
  it('#realesrnet: on clean bicubic inputs the order turns around', () => {
    for (const set of ['set5', 'set14'] as const) expect(psnr(set, 'realesrnet/clean'), set).toBeLessThan(psnr(set, 'rrdb_psnr/clean'));
  });
  it('#realesrnet: the numbers are low for every method (every degraded mean below every clean one of rrdb_psnr)', () => {
    for (const set of ['set5', 'set14'] as const) {
      for (const m of ['bicubic', 'rrdb_psnr', 'realesrnet']) expect(psnr(set, `${m}/degraded`), `${set} ${m}`).toBeLessThan(psnr(set, 'rrdb_psnr/clean'));
    }
  });
  it('#realesrnet: the oracle filter lifts bicubic by under 1 dB; realesrnet ends above bicubic, within a few tenths of it', () => {
    const oracle = need(readDegraded(), 'degraded.json').oracle;
    if (!oracle) throw new Error('degraded.json has no oracle means (srt.measure.linear_oracle)');
    for (const set of ['set5', 'set14'] as const) {
      const o = oracle[set];
      expect(o.bicubic, set).toBeCloseTo(psnr(set, 'bicubic/degraded'), 3); // the same inputs and weights as the table
      expect(o.realesrnet, set).toBeCloseTo(psnr(set, 'realesrnet/degraded'), 3);
      const byOracle = o['oracle/bicubic'] - o.bicubic;
      const byNetwork = o.realesrnet - o.bicubic;
      expect(realesrganNumber(`${set}.oracle.bicubic`), set).toBeCloseTo(byOracle, 9); // what the prose prints
      expect(realesrganNumber(`${set}.lift.realesrnet`), set).toBeCloseTo(byNetwork, 9);
      expect(byOracle, set).toBeGreaterThan(0);
      expect(byOracle, set).toBeLessThan(1);
      expect(byNetwork, set).toBeGreaterThan(0);
      expect(Math.abs(byNetwork - byOracle), set).toBeLessThan(0.25); // "within a few tenths of a decibel"
    }
  });
  it('#realesrnet: on other draws of the list the gain stays around the committed one; single draws vary much more', () => {
    const draws = need(readDegraded(), 'degraded.json').draws;
    if (!draws) throw new Error('degraded.json has no draws (srt.measure.degraded_draws)');
    expect(draws.lists.length).toBe(6); // the committed list and "five more draws of the whole list"
    expect(draws.lists[0].seed).toBe(2021); // the committed list, measured again: the same means as the table
    for (const set of ['set5', 'set14'] as const) {
      for (const m of ['bicubic', 'rrdb_psnr', 'realesrnet']) expect(draws.lists[0].mean[set][`${m}/degraded`], `${set} ${m}`).toEqual(mean[set][`${m}/degraded`]);
      const gains = draws.lists.map((l) => l.mean[set]['realesrnet/degraded'].psnr - l.mean[set]['rrdb_psnr/degraded'].psnr);
      const others = gains.slice(1);
      const committed = psnr(set, 'realesrnet/degraded') - psnr(set, 'rrdb_psnr/degraded');
      expect(realesrganNumber(`${set}.draws.min`), set).toBeCloseTo(Math.min(...gains), 9); // what the prose prints
      expect(realesrganNumber(`${set}.draws.max`), set).toBeCloseTo(Math.max(...gains), 9);
      const { mean: pooledMean, sd, draws: count } = draws.gain[set];
      expect(count, set).toBe(draws.lists.length * (set === 'set5' ? 5 : 14));
      // "a typical one": inside the other lists' range and within one standard error of the pooled mean
      expect(committed, set).toBeGreaterThanOrEqual(Math.min(...others));
      expect(committed, set).toBeLessThanOrEqual(Math.max(...others));
      expect(Math.abs(committed - pooledMean), set).toBeLessThan(sd / Math.sqrt(count / draws.lists.length));
      // "single draws differ much more than lists do": twice the spread of the lists' gains, or more
      const listMean = gains.reduce((a, b) => a + b, 0) / gains.length;
      const listSd = Math.sqrt(gains.reduce((a, g) => a + (g - listMean) ** 2, 0) / gains.length);
      expect(sd, set).toBeGreaterThan(2 * listSd);
    }
  });
  it('#realesrnet: realesrnet is rrdb_psnr fine-tuned on degraded pairs, on a CPU', () => {
    const card = readZoo().generators.find((g) => g.id === 'realesrnet');
    expect(card?.training?.init).toBe('rrdb_psnr');
    expect((card?.training as Record<string, unknown> | undefined)?.pairs).toBe('realesrgan');
    expect((card?.training as Record<string, unknown> | undefined)?.device).toBe('cpu');
  });
  it('#fig-compare: on both degraded crops realesrnet has the higher PSNR', () => {
    for (const row of need(readCompare(), 'compare.json')) expect(row.psnr.realesrnet, row.photo).toBeGreaterThan(row.psnr.rrdb_psnr);
  });
  it('#kernels: only the sinc kernel overshoots a step edge; it does by several per cent', () => {
    for (const k of need(readKernels(), 'kernels.json')) {
      if (k.spec.kind === 'sinc') expect(k.overshoot_percent).toBeGreaterThan(5);
      else expect(k.overshoot_percent, k.spec.kind).toBe(0);
    }
  });
  it('#fig-strip: the strip ends at 32 × 32 from a 128 × 128 crop', () => {
    const strip = need(readStrip(), 'strip.json');
    expect(strip.stages[0]).toMatchObject({ name: 'hr', width: 128, height: 128 });
    expect(strip.stages.at(-1)).toMatchObject({ width: 32, height: 32 });
  });
  it('#unet: three halvings and three doublings bring a 256 × 256 input back to one score per pixel', () => {
    const layers = unetShapes(256);
    expect(Math.min(...layers.map((l) => l.side))).toBe(32);
    expect(layers.at(-1)).toMatchObject({ side: 256, cout: 1 });
    expect(layers.filter((l) => l.sn).map((l) => l.name)).toEqual(['conv1', 'conv2', 'conv3', 'conv4', 'conv5', 'conv6', 'conv7', 'conv8']);
  });
});
