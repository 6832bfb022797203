// Chapter 1's image select lists the demo photographs and the procedural patterns under one value each
// (the same value is the URL's image key): a pattern that shared a photo's id made "Handwritten text
// (detail)" show the synthetic pattern.
import { describe, expect, it } from 'vitest';
import { demoImages } from '../../src/components/interpolation/demoImages';
import { isPatternId, patternIds } from '../../src/components/interpolation/patterns';

describe('chapter 1 image sources', () => {
  it('every option value is unique: no pattern id equals a demo photograph id', () => {
    const values = [...demoImages.map((d) => d.id), ...patternIds, 'own'];
    expect(new Set(values).size).toBe(values.length);
    for (const d of demoImages) expect(isPatternId(d.id), d.id).toBe(false);
  });
});
