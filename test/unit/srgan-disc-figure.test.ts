// Chapter 2's discriminator figure, its arithmetic (src/figures/srganDisc/compute.ts).
import { describe, expect, it } from 'vitest';
import { PANELS } from '../../src/components/srgan/data';
import { createImage } from '../../src/sr/image';
import { readState, writeState } from '../../src/ui/urlState';
import { ALL_PATCHES, isOn, patchBatch, scoreDisplay, srganDiscSchema, withPatch } from '../../src/figures/srganDisc/compute';

describe('which patches are scored (disc.on)', () => {
  it('one bit per panel, all five by default; ticking and unticking toggles only that bit', () => {
    expect(ALL_PATCHES).toBe(31);
    for (const id of PANELS) expect(isOn(ALL_PATCHES, id), id).toBe(true);
    const noSrgan = withPatch(ALL_PATCHES, 'srgan', false);
    expect(noSrgan).toBe(15); // the URL value the e2e suite waits for
    expect(PANELS.filter((id) => isOn(noSrgan, id))).toEqual(['hr', 'bicubic', 'srresnet', 'srresnet_vgg']);
    expect(withPatch(noSrgan, 'srgan', true)).toBe(31);
    expect(withPatch(noSrgan, 'hr', true)).toBe(15);
  });

  it('reads and writes the URL: a hostile or out-of-range value falls back to the default', () => {
    expect(readState('?disc.on=5&disc.img=chelsea', 'disc', srganDiscSchema)).toEqual({ on: 5, img: 'chelsea' });
    for (const bad of ['0', '32', '-1', '1e3', '<b>', '3.5']) expect(readState(`?disc.on=${encodeURIComponent(bad)}`, 'disc', srganDiscSchema).on, bad).toBe(31);
    expect(readState('?disc.img=../../etc', 'disc', srganDiscSchema).img).toBe('chelsea');
    expect(writeState('?x=1', 'disc', srganDiscSchema, { img: 'chelsea', on: 15 })).toContain('disc.on=15');
  });
});

describe('the batch srgan_d scores', () => {
  const patch = (v: number) => {
    const img = createImage(4, 4);
    img.data.fill(v);
    return img;
  };
  it('holds the ticked patches that exist, in panel order, one after another', () => {
    const patches = { hr: patch(0.1), bicubic: patch(0.2), srgan: patch(0.5) };
    const { ids, batch } = patchBatch(withPatch(ALL_PATCHES, 'bicubic', false), patches, 4);
    expect(ids).toEqual(['hr', 'srgan']);
    expect(batch.count).toBe(2);
    expect(batch.data).toHaveLength(2 * 4 * 4 * 3);
    expect(batch.data[0]).toBeCloseTo(0.1);
    expect(batch.data[4 * 4 * 3]).toBeCloseTo(0.5);
  });
  it('refuses a patch of the wrong size', () => {
    expect(() => patchBatch(ALL_PATCHES, { hr: createImage(3, 4) }, 4)).toThrow(/hr is 3×4/);
  });
  it('is empty when nothing is ticked', () => {
    expect(patchBatch(0, { hr: patch(0) }, 4).batch.count).toBe(0);
  });
});

describe('what a score prints', () => {
  it('C with a true minus, D = σ(C) to three decimals, the verdict at 0.5 and the bar width', () => {
    expect(scoreDisplay(0)).toEqual({ logit: '0.000', prob: '0.500', real: true, width: '50.0%' });
    const v = scoreDisplay(-2.1972);
    expect(v.logit).toBe('−2.197');
    expect(v.prob).toBe('0.100');
    expect(v.real).toBe(false);
    expect(v.width).toBe('10.0%');
  });
});
