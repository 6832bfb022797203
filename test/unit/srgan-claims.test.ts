// The chapter-2 prose states a few facts about the site's own models (src/content/chapters/srgan/*.mdx).
// The numbers are printed from the cards at build time; this test fails when a retrain makes one of the
// sentences around them untrue, so someone rewrites the sentence.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chapterZoo, score } from '../../src/components/srgan/zoo';

const zoo = chapterZoo();
const sets = ['set5', 'set14'] as const;

describe('chapter 2 claims about our models', () => {
  it('"SRResNet keeps a higher PSNR than our SRGAN on both sets. Our content-loss model scores higher still, by a small margin"', () => {
    for (const set of sets) {
      const mse = score(zoo, 'srresnet', set, 'psnr')!;
      expect(mse, set).toBeGreaterThan(score(zoo, 'srgan', set, 'psnr')!);
      expect(mse, set).toBeGreaterThan(score(zoo, 'bicubic', set, 'psnr')!);
      const vgg = score(zoo, 'srresnet_vgg', set, 'psnr')!;
      expect(vgg, set).toBeGreaterThan(mse);
      expect(vgg - mse, set).toBeLessThan(0.5);
    }
  });

  it('"by NIQE our SRGAN is the most natural of the three on both sets ... its Set5 PSNR stays far above bicubic\'s"', () => {
    for (const set of sets) {
      for (const other of ['srresnet', 'srresnet_vgg']) expect(score(zoo, 'srgan', set, 'niqe')!, `${set} ${other}`).toBeLessThan(score(zoo, other, set, 'niqe')!);
    }
    expect(score(zoo, 'srgan', 'set5', 'psnr')!).toBeGreaterThan(score(zoo, 'bicubic', 'set5', 'psnr')! + 1);
  });

  it('"a faint regular texture (a grid index of … against … for SRResNet)": above SRResNet\'s, at most twice it', () => {
    const gan = score(zoo, 'srgan', 'set5', 'grid')!;
    const mse = score(zoo, 'srresnet', 'set5', 'grid')!;
    expect(gan).toBeGreaterThan(mse);
    expect(gan).toBeLessThanOrEqual(2 * mse);
  });

  it('"16 feature maps instead of 64" and the shipped discriminator is srgan_d for srgan', () => {
    const d = zoo.cards.srgan_d;
    expect(d.architecture.params?.num_feat).toBe(16);
    expect(d.generator).toBe('srgan');
    expect(zoo.cards.srgan.training?.init).toBe('srresnet');
    expect(zoo.cards.srresnet_vgg.training?.perceptual_network).toBe('random');
  });

  it('"use the shallowest layer, relu1_2 … add an L1 pixel loss … adversarial weight is 5×10^-3" (what the cards record)', () => {
    for (const id of ['srresnet_vgg', 'srgan']) {
      expect(zoo.cards[id].training?.content_loss?.layer, id).toBe('relu1_2');
      expect(zoo.cards[id].training?.losses?.l1, id).toBeGreaterThan(0);
    }
    expect(zoo.cards.srgan.training?.losses?.l1).toBe(zoo.cards.srresnet_vgg.training?.losses?.l1);
    expect(zoo.cards.srgan.training?.losses?.gan).toBe(5e-3);
  });

  it('"With the paper\'s 10^-3 … our SRGAN drew almost no texture in 650 steps": the run training/EXPERIMENTS.md reports', () => {
    const log = readFileSync('training/EXPERIMENTS.md', 'utf8');
    expect(log).toContain('| 650 (end, fp32) |');
    expect(log).toMatch(/GAN\s+10⁻³\)/);
    for (const lang of ['en', 'ja']) expect(readFileSync(`src/content/chapters/srgan/${lang}.mdx`, 'utf8'), lang).toContain('650');
  });

  it('the content-layer table is the measurement training/EXPERIMENTS.md reports (no transcription slip)', () => {
    const data = JSON.parse(readFileSync('public/data/srgan/content-layers.json', 'utf8')) as {
      start: { set5_psnr: number; grid: number[] };
      rows: { layer: string; step: number; set5_psnr: number; grid: number[] }[];
    };
    const readme = readFileSync('training/EXPERIMENTS.md', 'utf8');
    for (const r of [...data.rows, { layer: 'srresnet', ...data.start }]) {
      expect(readme, r.layer).toContain(`${r.set5_psnr.toFixed(2)} dB`);
      expect(readme, r.layer).toContain(`${r.grid[0].toFixed(1)} / ${r.grid[1].toFixed(1)}`);
    }
    // "The deeper the layer, the stronger the grid and the lower the PSNR": the reason the text gives for relu1_2.
    const grids = data.rows.map((r) => r.grid[0]);
    expect([...grids].sort((a, b) => b - a)).toEqual(grids);
    const psnrs = data.rows.map((r) => r.set5_psnr);
    expect([...psnrs].sort((a, b) => a - b)).toEqual(psnrs);
    expect(data.rows.at(-1)!.layer).toBe('relu1_2');
  });
});

