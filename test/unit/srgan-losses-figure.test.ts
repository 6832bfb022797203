// Chapter 2's "three losses" figure, its arithmetic (src/figures/srganLosses/compute.ts).
import { describe, expect, it } from 'vitest';
import { radialSpectrum } from '../../src/sr/spectrum';
import { createImage } from '../../src/sr/image';
import { readState, writeState } from '../../src/ui/urlState';
import { chartSpectra, computedLabel, defaultLossesState as d, loupeFraction, loupePixels, lossesSchema, metricLine, picturesKey } from '../../src/figures/srganLosses/compute';
import { srganLossesStrings } from '../../src/i18n/srgan';

const s = srganLossesStrings.en;

describe('the URL (srgan.*)', () => {
  it('reads what it wrote; the reader’s picture, its mode and part never enter it', () => {
    const state = { ...d, view: 'wipe' as const, wipe: 48, lx: 67, ly: 61, wa: 'bicubic' as const };
    const search = writeState('?other=1', 'srgan', lossesSchema, state);
    expect(search).toContain('srgan.lx=67');
    expect(search).toContain('srgan.wipe=48');
    expect(search).toContain('other=1');
    expect(readState(search, 'srgan', lossesSchema)).toEqual(state);
    const own = writeState('', 'srgan', lossesSchema, { ...d, img: 'own', mode: 'asis', region: 'tl', own: 3 });
    expect(own).not.toMatch(/srgan\.(img|mode|region|own)=/);
  });

  it('without parameters: chelsea side by side, the wipe srresnet | srgan at 50 %, the loupe at (56, 60)', () => {
    expect(d).toEqual({ img: 'chelsea', view: 'side', wa: 'srresnet', wb: 'srgan', wipe: 50, lx: 56, ly: 60, mode: 'down', region: 'c', own: 0 });
  });

  it('a hostile or out-of-range value selects a legal state', () => {
    const r = readState('?srgan.img=own&srgan.view=%3Cscript%3E&srgan.wa=x&srgan.wipe=250&srgan.lx=-9&srgan.ly=1e9&srgan.mode=asis', 'srgan', lossesSchema);
    expect(r).toEqual({ ...d, wipe: 100, lx: 12, ly: 116 });
  });
});

describe('what a state computes', () => {
  it('the label the e2e suite reads, and a key that only another picture changes', () => {
    expect(computedLabel(d)).toBe('chelsea');
    expect(computedLabel({ ...d, img: 'own' })).toBe('own:down');
    expect(computedLabel({ ...d, img: 'own', mode: 'asis', region: 'tl' })).toBe('own:asis:tl');
    expect(picturesKey({ ...d, lx: 20, wipe: 3, view: 'wipe' })).toBe(picturesKey(d));
    expect(picturesKey({ ...d, img: 'own', own: 2 })).not.toBe(picturesKey({ ...d, img: 'own', own: 1 }));
    // the mode and part of the reader's picture do not touch a demo crop
    expect(picturesKey({ ...d, mode: 'asis' })).toBe(picturesKey(d));
  });

  it('the loupe: output pixels to fractions and back, kept where the 24-pixel loupe fits', () => {
    expect(loupeFraction({ lx: 64, ly: 32 })).toEqual({ x: 0.5, y: 0.25 });
    expect(loupePixels({ x: 0.4, y: 0.45 })).toEqual({ lx: 51, ly: 58 });
    expect(loupePixels({ x: 0, y: 1 })).toEqual({ lx: 12, ly: 116 });
    expect(loupePixels(loupeFraction({ lx: 67, ly: 61 }))).toEqual({ lx: 67, ly: 61 });
  });
});

describe('what a panel prints', () => {
  const spectrum = radialSpectrum(createImage(8, 8), 4);
  it('PSNR to 2 and SSIM to 4 decimals, the full values in data attributes; no truth, not computed, the truth itself', () => {
    const m = metricLine('srgan', { psnr: 27.123456, ssim: 0.812345678, spectrum }, s);
    expect(m.text).toBe('PSNR 27.12 dB · SSIM 0.8123');
    expect([m.psnr, m.ssim]).toEqual(['27.123456', '0.812345678']);
    expect(metricLine('srgan', { psnr: null, ssim: null, spectrum }, s).text).toBe(s.noTruth);
    expect(metricLine('srgan', undefined, s).text).toBe(s.pending);
    expect(metricLine('hr', { psnr: null, ssim: null, spectrum }, s).text).toBe('');
  });

  it('the chart draws every measured panel, the first only when it is a ground truth', () => {
    const n = { psnr: null, ssim: null, spectrum };
    expect(Object.keys(chartSpectra({ hr: n, bicubic: n, srgan: n }, true))).toEqual(['hr', 'bicubic', 'srgan']);
    expect(Object.keys(chartSpectra({ hr: n, bicubic: n }, false))).toEqual(['bicubic']);
  });
});
