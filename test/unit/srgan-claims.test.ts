// The chapter-2 prose states a few facts about the site's own models (src/content/chapters/srgan/*.mdx).
// The numbers are printed from the cards at build time; this test fails when a retrain makes one of the
// sentences around them untrue, so someone rewrites the sentence.
import { describe, expect, it } from 'vitest';
import { chapterZoo, score } from '../../src/components/srgan/zoo';

const zoo = chapterZoo();
const sets = ['set5', 'set14'] as const;

describe('chapter 2 claims about our models', () => {
  it('"our SRResNet, trained for squared error, has the highest PSNR" (table: bicubic and the three generators)', () => {
    for (const set of sets) {
      const mse = score(zoo, 'srresnet', set, 'psnr')!;
      for (const other of ['bicubic', 'srresnet_vgg', 'srgan']) expect(mse, `${set} ${other}`).toBeGreaterThan(score(zoo, other, set, 'psnr')!);
    }
  });

  it('while the checkerboard note holds: SRGAN has a lower NIQE than SRResNet and a Set5 PSNR below bicubic', () => {
    if (!zoo.checkerboard.has('srgan')) return; // the sentence is not rendered then (IfIssue)
    expect(score(zoo, 'srgan', 'set5', 'niqe')!).toBeLessThan(score(zoo, 'srresnet', 'set5', 'niqe')!);
    expect(score(zoo, 'srgan', 'set5', 'psnr')!).toBeLessThan(score(zoo, 'bicubic', 'set5', 'psnr')!);
  });

  it('while the checkerboard note holds: the content-loss model is below bicubic on Set5 PSNR', () => {
    if (!zoo.checkerboard.has('srresnet_vgg')) return;
    expect(score(zoo, 'srresnet_vgg', 'set5', 'psnr')!).toBeLessThan(score(zoo, 'bicubic', 'set5', 'psnr')!);
  });

  it('"16 feature maps instead of 64" and the shipped discriminator is srgan_d for srgan', () => {
    const d = zoo.cards.srgan_d;
    expect(d.architecture.params?.num_feat).toBe(16);
    expect(d.generator).toBe('srgan');
    expect(zoo.cards.srgan.training?.init).toBe('srresnet');
    expect(zoo.cards.srresnet_vgg.training?.perceptual_network).toBe('random');
  });

  it('"trained ... with this loss alone, on layer relu5_4" (the text names the layer the cards record)', () => {
    for (const id of ['srresnet_vgg', 'srgan']) expect(zoo.cards[id].training?.content_loss?.layer, id).toBe('relu5_4');
  });
});
