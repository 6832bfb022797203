// Chapter 1's image select lists the demo photographs and the procedural patterns under one value each
// (the same value is the URL's image key): a pattern that shared a photo's id made "Handwritten text
// (detail)" show the synthetic pattern. Figure 1 (the kernels) draws each method as the widget does.
import { describe, expect, it } from 'vitest';
import { demoImages } from '../../src/ui/images/demoImages';
import { isPatternId, patternIds } from '../../src/figures/resample/patterns';

describe('chapter 1 image sources', () => {
  it('every option value is unique: no pattern id equals a demo photograph id', () => {
    const values = [...demoImages.map((d) => d.id), ...patternIds, 'own'];
    expect(new Set(values).size).toBe(values.length);
    for (const d of demoImages) expect(isPatternId(d.id), d.id).toBe(false);
  });
});

describe('Figure 1 (kernels) and the widget', () => {
  it('draw each method in the same colour and dash', async () => {
    const { kernelSeries } = await import('../../src/components/site/kernel-figure-data');
    const { methods } = await import('../../src/figures/resample/methods');
    const figureId = { nearest: 'nearest', bilinear: 'bilinear', bicubic: 'bicubic-0.5', lanczos3: 'lanczos3' } as const;
    for (const m of methods) {
      const s = kernelSeries.find((k) => k.id === figureId[m.id])!;
      expect([s.color, s.dash], m.id).toEqual([m.color, m.dash]);
    }
    // the second bicubic keeps the hue and differs by its dash
    const other = kernelSeries.find((k) => k.id === 'bicubic-0.75')!;
    expect(other.color).toBe(methods.find((m) => m.id === 'bicubic')!.color);
    expect(new Set(kernelSeries.map((k) => `${k.color} ${k.dash}`)).size).toBe(kernelSeries.length);
  });
});
