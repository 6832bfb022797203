// The chapter-3 prose (src/content/chapters/esrgan/*.mdx) prints every number from the cards at build
// time, but a few sentences compare them ("esrgan has the highest NIQE of the GAN models", "esrgan_bn
// scores better than esrgan"). This test checks those comparisons against the shipped cards, so a
// retrain that overturns one fails here and the sentence is rewritten instead of silently wrong.
import { describe, expect, it } from 'vitest';
import { readZoo } from '../../src/components/models/zoo-data';

const zoo = readZoo();
const m = (id: string) => {
  const c = zoo.generators.find((g) => g.id === id);
  if (!c?.metrics) throw new Error(`no card for ${id}`);
  return c.metrics.set5;
};

describe('comparisons stated in the chapter-3 prose still hold for the shipped models', () => {
  it('#rrdb: esrgan_bn scores better than esrgan on Set5 (PSNR higher, NIQE lower)', () => {
    expect(m('esrgan_bn').psnr).toBeGreaterThan(m('esrgan').psnr);
    expect(m('esrgan_bn').niqe).toBeLessThan(m('esrgan').niqe);
  });
  it('#ablation: every GAN model has lower Set5 NIQE and PSNR than rrdb_psnr', () => {
    for (const id of ['esrgan', 'esrgan_bn', 'esrgan_std']) {
      expect(m(id).niqe, id).toBeLessThan(m('rrdb_psnr').niqe);
      expect(m(id).psnr, id).toBeLessThan(m('rrdb_psnr').psnr);
    }
  });
  it('#relativistic / #ablation: esrgan has the highest Set5 NIQE of the GAN models', () => {
    expect(m('esrgan').niqe).toBeGreaterThan(m('esrgan_std').niqe);
    expect(m('esrgan').niqe).toBeGreaterThan(m('esrgan_bn').niqe);
  });
  it('#interpolation: esrgan was fine-tuned from rrdb_psnr (network interpolation needs it)', () => {
    expect(zoo.generators.find((g) => g.id === 'esrgan')?.training?.init).toBe('rrdb_psnr');
  });
});

describe('statements about the shipped pipeline data', () => {
  it('#interpolation: PSNR falls with α while NIQE peaks strictly inside (0, 1)', async () => {
    const { readPerceptionDistortion } = await import('../../src/components/esrgan/figures');
    const pd = readPerceptionDistortion();
    if (!pd) throw new Error('public/data/esrgan/perception-distortion.json is missing');
    const pts = [...pd.set5].sort((a, b) => a.alpha - b.alpha);
    for (let i = 1; i < pts.length; i++) expect(pts[i].psnr, `α ${pts[i].alpha}`).toBeLessThan(pts[i - 1].psnr);
    const top = pts.reduce((p, q) => (q.niqe > p.niqe ? q : p));
    expect(top.alpha).toBeGreaterThan(0);
    expect(top.alpha).toBeLessThan(1);
    expect(top.niqe).toBeGreaterThan(Math.max(pts[0].niqe, pts[pts.length - 1].niqe));
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

describe('statements about the pre-computed discriminator scores (figures.json)', () => {
  it('#relativistic: on the default photograph the standard discriminator scores esrgan patches above the real ones', async () => {
    const { readFigures } = await import('../../src/components/esrgan/figures');
    const l = readFigures()?.disc?.logits.esrgan_std_d;
    if (!l) throw new Error('figures.json has no discriminator scores');
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    expect(mean(l.fake)).toBeGreaterThan(mean(l.real));
  });
});

describe('training facts stated in the chapter-3 prose', () => {
  it('#overview: esrgan and esrgan_std start from rrdb_psnr, esrgan_bn from an unshipped BN PSNR model; same iterations', () => {
    const t = (id: string) => zoo.generators.find((g) => g.id === id)?.training;
    expect(t('esrgan_std')?.init).toBe('rrdb_psnr');
    expect(t('esrgan_bn')?.init).not.toBe('rrdb_psnr');
    expect(zoo.generators.some((g) => g.id === t('esrgan_bn')?.init)).toBe(false);
    expect(t('esrgan_std')?.iterations).toBe(t('esrgan')?.iterations);
    expect(t('esrgan_bn')?.iterations).toBe(t('esrgan')?.iterations);
    expect(t('esrgan')?.content_loss?.layer).toBe('conv5_4');
    expect(t('esrgan')?.losses).toMatchObject({ gan: 0.005, l1: 0.01 });
    expect(t('esrgan')?.perceptual_network).toBe('random');
  });
});
