// Chapter 1's figure (src/figures/resample/compute.ts): the `interp.*` URL fields (a hostile query can only select
// a legal state, and the defaults are the view the static pictures show), the view and the keys that decide what
// is computed again, the SRCNN progress sentence and the profile chart.
import { describe, expect, it } from 'vitest';
import { createImage } from '../../src/sr/image';
import { interpolationStrings } from '../../src/i18n/interpolation';
import { readState, writeState } from '../../src/ui/urlState';
import {
  bicubicKey,
  defaultResampleState,
  inputKey,
  normalizeA,
  profileChart,
  resampleSchema,
  srcnnProgressText,
  viewOf,
  type ResampleState,
} from '../../src/figures/resample/compute';

const read = (search: string): ResampleState => readState(search, 'interp', resampleSchema);

describe('chapter 1 URL state', () => {
  it('defaults to the cat’s eye at ×4, a = −0.5, the loupe on the catchlight', () => {
    expect(defaultResampleState).toEqual({
      img: 'chelsea',
      scale: 4,
      a: -0.5,
      cx: 0.3,
      cy: 0.4,
      lx: 0.4,
      ly: 0.2,
      line: [
        { x: 0.2, y: 0.55 },
        { x: 0.8, y: 0.55 },
      ],
      own: 0,
    });
  });

  it('reads what a shared link says, and clamps or ignores what no control can set', () => {
    const s = read('?interp.img=siemens&interp.scale=99&interp.a=-0.33&interp.cx=2&interp.cy=-1&interp.line=0.1,0.2,0.9,1.5');
    expect(s.img).toBe('siemens');
    expect(s.scale).toBe(8);
    expect(s.a).toBeCloseTo(-0.35, 10);
    expect([s.cx, s.cy]).toEqual([1, 0]);
    expect(s.line).toEqual([
      { x: 0.1, y: 0.2 },
      { x: 0.9, y: 1 },
    ]);
    // the reader's own picture cannot come from a URL; a broken line or number falls back to the default
    const hostile = read('?interp.img=own&interp.a=NaN&interp.line=1,2,3&interp.scale=%3Cscript%3E&interp.own=5');
    expect(hostile.img).toBe('chelsea');
    expect(hostile.a).toBe(-0.5);
    expect(hostile.line).toEqual(defaultResampleState.line);
    expect(hostile.scale).toBe(4);
    expect(hostile.own).toBe(0);
    expect(read('?interp.img=%3Cimg%20src%3Dx%3E').img).toBe('chelsea');
  });

  it('writes every field but the reader’s picture, at three decimals, keeping other parameters', () => {
    const state: ResampleState = { ...defaultResampleState, img: 'own', a: -0.75, cx: 1 / 3, own: 2 };
    const search = new URLSearchParams(writeState('?backend=cpu', 'interp', resampleSchema, state));
    expect(search.get('backend')).toBe('cpu');
    expect(search.has('interp.img')).toBe(false);
    expect(search.has('interp.own')).toBe(false);
    expect(search.get('interp.a')).toBe('-0.75');
    expect(search.get('interp.cx')).toBe('0.333');
    expect(search.get('interp.line')).toBe('0.2,0.55,0.8,0.55');
  });

  it('rounds a to the slider’s 0.05 steps inside [−1, 0]', () => {
    expect(normalizeA(-0.52)).toBeCloseTo(-0.5, 10);
    expect(normalizeA(-3)).toBe(-1);
    expect(Object.is(normalizeA(-0.01), 0)).toBe(true);
  });
});

describe('chapter 1 view and keys', () => {
  it('crops 64 × 64 source pixels at ×4 (256-pixel outputs) around the centre, inside the picture', () => {
    const v = viewOf(451, 300, { scale: 4, cx: 0.3, cy: 0.4 });
    expect(v).toEqual({ crop: { x: 103, y: 88, width: 64, height: 64 }, outW: 256, outH: 256, scale: 4 });
    expect(viewOf(451, 300, { scale: 3, cx: 1, cy: 1 }).crop).toEqual({ x: 451 - 85, y: 300 - 85, width: 85, height: 85 });
  });

  it('recomputes the four methods only for another crop rectangle or scale, bicubic alone for another a', () => {
    const v = viewOf(451, 300, { scale: 4, cx: 0.3, cy: 0.4 });
    const same = viewOf(451, 300, { scale: 4, cx: 0.3002, cy: 0.4 }); // a tenth of a pixel: the same rectangle
    expect(inputKey('chelsea', same)).toBe(inputKey('chelsea', v));
    expect(inputKey('chelsea', viewOf(451, 300, { scale: 4, cx: 0.31, cy: 0.4 }))).not.toBe(inputKey('chelsea', v));
    expect(inputKey('own-2', v)).not.toBe(inputKey('own-1', v));
    expect(bicubicKey('chelsea', v, -0.5)).not.toBe(bicubicKey('chelsea', v, -0.75));
    expect(bicubicKey('chelsea', v, -0.5).startsWith(inputKey('chelsea', v))).toBe(true);
  });
});

describe('chapter 1 SRCNN status and profile', () => {
  const s = interpolationStrings.en;
  it('says how far SRCNN got', () => {
    expect(srcnnProgressText(s, { phase: 'download', done: 5120, total: 20480 })).toBe('SRCNN: downloading its weights, 25 % (5 of 20 kB)…');
    expect(srcnnProgressText(s, { phase: 'download', done: 0, total: 0, cached: true })).toBe(s.srcnnLoading);
    expect(srcnnProgressText(s, { phase: 'tiles', done: 3, total: 16 })).toBe('SRCNN: computing, tile 3 of 16…');
  });

  it('samples each output along the line in input pixels; overshoot widens the y range', () => {
    const v = viewOf(8, 8, { scale: 2, cx: 0.5, cy: 0.5 }); // 8 × 8 crop, 16 × 16 outputs
    const grey = createImage(16, 16, new Float32Array(16 * 16 * 3).fill(0.5));
    const ramp = createImage(16, 16, Float32Array.from({ length: 16 * 16 * 3 }, (_, i) => (Math.floor(i / 3) % 16) / 10 - 0.2));
    const line: ResampleState['line'] = [
      { x: 0, y: 0.5 },
      { x: 1, y: 0.5 },
    ];
    const chart = profileChart(new Map([['nearest', grey], ['bicubic', ramp], ['srcnn', grey]]), line, v, false);
    expect(chart.series.map((q) => q.id)).toEqual(['nearest', 'bicubic']); // SRCNN only when it is ready
    expect(chart.xDomain[1]).toBeCloseTo(8, 10); // 16 output pixels at ×2
    expect(chart.series[0].points.every(([, y]) => Math.abs(y - 0.5) < 1e-6)).toBe(true);
    expect(chart.yDomain[0]).toBeCloseTo(-0.25, 5); // ramp from −0.2: the padding is 0.05
    expect(chart.yDomain[1]).toBeCloseTo(1.35, 5); // up to 1.3
    expect(profileChart(new Map([['srcnn', grey]]), line, v, true).series.map((q) => q.id)).toEqual(['srcnn']);
  });
});
