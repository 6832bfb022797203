// The chapter-3 prose (src/content/chapters/esrgan/*.mdx) prints every number from the cards at build
// time, but a few sentences compare them ("esrgan has the highest NIQE of the GAN models", "esrgan_bn
// scores better than esrgan"). This test checks those comparisons against the shipped cards, so a
// retrain that overturns one fails here and the sentence is rewritten instead of silently wrong.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readZoo } from '../../src/components/models/zoo-data';

const zoo = readZoo();
const m = (id: string) => {
  const c = zoo.generators.find((g) => g.id === id);
  if (!c?.metrics) throw new Error(`no card for ${id}`);
  return c.metrics.set5;
};
const s = (id: string, set: 'set5' | 'set14') => {
  const c = zoo.generators.find((g) => g.id === id);
  if (!c?.metrics?.[set]) throw new Error(`no ${set} scores for ${id}`);
  return c.metrics[set];
};

describe('comparisons stated in the chapter-3 prose still hold for the shipped models', () => {
  it('#rrdb: esrgan_bn scores better than esrgan on Set5 (PSNR higher, NIQE lower)', () => {
    expect(m('esrgan_bn').psnr).toBeGreaterThan(m('esrgan').psnr);
    expect(m('esrgan_bn').niqe).toBeLessThan(m('esrgan').niqe);
  });
  it('#ablation: every GAN model has lower NIQE (Set5 and Set14) and lower Set5 PSNR than rrdb_psnr', () => {
    for (const id of ['esrgan', 'esrgan_bn', 'esrgan_std']) {
      for (const set of ['set5', 'set14'] as const) expect(s(id, set).niqe, `${id} ${set}`).toBeLessThan(s('rrdb_psnr', set).niqe);
      expect(m(id).psnr, id).toBeLessThan(m('rrdb_psnr').psnr);
    }
  });
  it('#ablation: esrgan_bn ("the best of them") has the lowest NIQE of the GAN models on both sets; esrgan_std the highest on Set5', () => {
    for (const set of ['set5', 'set14'] as const) {
      expect(s('esrgan_bn', set).niqe, set).toBeLessThan(s('esrgan', set).niqe);
      expect(s('esrgan_bn', set).niqe, set).toBeLessThan(s('esrgan_std', set).niqe);
    }
    expect(m('esrgan_std').niqe).toBeGreaterThan(m('esrgan').niqe);
  });
  it('#interpolation: esrgan was fine-tuned from rrdb_psnr (network interpolation needs it)', () => {
    expect(zoo.generators.find((g) => g.id === 'esrgan')?.training?.init).toBe('rrdb_psnr');
  });
});

describe('statements about the shipped pipeline data', () => {
  it('#interpolation: PSNR falls at every α step; NIQE falls on Set14 at every step, on Set5 overall but not at every step', async () => {
    const { readPerceptionDistortion } = await import('../../src/components/esrgan/figures');
    const pd = readPerceptionDistortion();
    if (!pd) throw new Error('public/data/esrgan/perception-distortion.json is missing');
    const sorted = (set: 'set5' | 'set14') => [...(pd[set] ?? [])].sort((a, b) => a.alpha - b.alpha);
    const five = sorted('set5');
    const fourteen = sorted('set14');
    expect(fourteen.length, 'Set14 points').toBe(five.length);
    for (let i = 1; i < five.length; i++) expect(five[i].psnr, `α ${five[i].alpha}`).toBeLessThan(five[i - 1].psnr);
    for (let i = 1; i < fourteen.length; i++) expect(fourteen[i].niqe, `Set14 α ${fourteen[i].alpha}`).toBeLessThan(fourteen[i - 1].niqe);
    expect(five[five.length - 1].niqe).toBeLessThan(five[0].niqe);
    const rises = five.slice(1).map((p, i) => p.niqe - five[i].niqe).filter((d) => d > 0);
    expect(rises.length, '"not at every step"').toBeGreaterThan(0);
    // "a few hundredths now and then"
    for (const d of rises) expect(d).toBeLessThan(0.1);
  });
  it('#features: no zeros before the ReLU; after it between 40 and 65 % at every layer (mean over images)', async () => {
    const { readActivations } = await import('../../src/components/esrgan/figures');
    const a = readActivations();
    if (!a) throw new Error('public/data/esrgan/vgg-activations.json is missing');
    for (const layer of a.layers) {
      const mean = (side: 'before' | 'after') => a.images.reduce((s, img) => s + a.stats[img][layer][side].zeroFraction, 0) / a.images.length;
      expect(mean('before'), layer).toBeLessThan(0.01);
      expect(mean('after'), layer).toBeGreaterThan(0.4);
      expect(mean('after'), layer).toBeLessThan(0.65);
    }
  });
});

describe('statements about the training logs (curves.json)', () => {
  it("#relativistic: the relativistic discriminator's logits for real and generated patches rise together", () => {
    const c = JSON.parse(readFileSync('public/weights/esrgan/curves.json', 'utf8')) as { c_real: number[]; c_fake: number[] };
    const half = (v: number[]) => v.slice(Math.floor(v.length / 2));
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const real = mean(half(c.c_real));
    const fake = mean(half(c.c_fake));
    // both levels climb well away from where they started, and further than they drift apart
    expect(real - c.c_real[0]).toBeGreaterThan(5);
    expect(fake - c.c_fake[0]).toBeGreaterThan(5);
    expect(Math.abs(real - fake)).toBeLessThan(Math.min(real, fake) - c.c_fake[0]);
  });
});

describe('statements about the pre-computed discriminator scores (figures.json)', () => {
  it('#relativistic: on the default photograph both discriminators give the real patches a higher mean logit; the standard one stays near zero', async () => {
    const { readFigures } = await import('../../src/components/esrgan/figures');
    const logits = readFigures()?.disc?.logits;
    if (!logits) throw new Error('figures.json has no discriminator scores');
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    for (const id of ['esrgan_d', 'esrgan_std_d'] as const) expect(mean(logits[id].real), id).toBeGreaterThan(mean(logits[id].fake));
    // "close to zero, where D(x) is close to 0.5": every logit of the standard discriminator within ±1 (D in 0.27-0.73)
    for (const v of [...logits.esrgan_std_d.real, ...logits.esrgan_std_d.fake]) expect(Math.abs(v)).toBeLessThan(1);
  });
});

describe('training facts stated in the chapter-3 prose', () => {
  it('#overview: esrgan and esrgan_std start from rrdb_psnr, esrgan_bn from an unshipped BN copy of it; one lockstep run on a CPU', () => {
    const t = (id: string) => zoo.generators.find((g) => g.id === id)?.training;
    expect(t('esrgan_std')?.init).toBe('rrdb_psnr');
    expect(t('esrgan_bn')?.init).not.toBe('rrdb_psnr');
    expect(zoo.generators.some((g) => g.id === t('esrgan_bn')?.init)).toBe(false);
    expect(t('esrgan_std')?.iterations).toBe(t('esrgan')?.iterations);
    expect(t('esrgan_bn')?.iterations).toBe(t('esrgan')?.iterations);
    expect(t('esrgan')?.content_loss?.layer).toBe('conv2_2'); // "#features": a layer of the second stage, before its ReLU
    for (const id of ['esrgan', 'esrgan_std', 'esrgan_bn']) {
      expect(t(id)?.lockstep_group, id).toEqual(['esrgan', 'esrgan_std', 'esrgan_bn']); // "all three together on the same batches"
      expect(t(id)?.device, id).toBe('cpu'); // "the two cores of an ordinary processor"
      expect(t(id)?.threads, id).toBe(2);
    }
    // "the discriminator uses spectral normalisation instead of batch normalisation"
    for (const id of ['esrgan_d', 'esrgan_std_d', 'esrgan_bn_d']) {
      const d = zoo.discriminators.find((g) => g.id === id);
      expect(d?.training?.normalisation, id).toMatch(/^spectral/);
      expect(d?.architecture.params?.norm, id).toBe('none');
    }
    expect(t('esrgan')?.losses).toMatchObject({ gan: 0.005, l1: 0.01 });
    expect(t('esrgan')?.perceptual_network).toBe('random');
  });
});
