/** The kit's crop choice (src/ui/cropBudget.ts): how large a crop a live figure runs on, from one measured run. */
import { describe, expect, it } from 'vitest';
import { cropChooser, cropLadder, nextCropSide, OVER_BUDGET, predictMs, STRIKES, type CropLadder } from '../../src/ui/cropBudget';

const ladder: CropLadder = { sides: [24, 32, 48, 64, 96, 128], budgetMs: 100 };

describe('predictMs', () => {
  it('scales with the pixels', () => {
    expect(predictMs(10, 24, 48)).toBe(40);
    expect(predictMs(40, 48, 24)).toBe(10);
  });
});

describe('nextCropSide', () => {
  it('grows straight to the largest side predicted to fit', () => {
    // 8 ms at 24²: 48² → 32 ms, 64² → 56.9 ms, 96² → 128 ms (over)
    expect(nextCropSide(ladder, 24, 8)).toBe(64);
    // 1 ms at 24²: even 128² (28.4 ms) fits
    expect(nextCropSide(ladder, 24, 1)).toBe(128);
  });

  it('keeps the smallest side on a slow device (SwiftShader: seconds per run)', () => {
    expect(nextCropSide(ladder, 24, 1400)).toBe(24);
    expect(nextCropSide(ladder, 24, 100)).toBe(24); // exactly the budget: nothing bigger fits
  });

  it('keeps the side when over budget by less than OVER_BUDGET (timing noise)', () => {
    expect(nextCropSide(ladder, 64, 100 * OVER_BUDGET)).toBe(64);
    expect(nextCropSide(ladder, 64, 120)).toBe(64);
  });

  it('makes the crop smaller when a run is well over budget, to the largest side predicted to fit', () => {
    // 200 ms at 64²: 48² → 112.5 (over), 32² → 50 ms
    expect(nextCropSide(ladder, 64, 200)).toBe(32);
    expect(nextCropSide(ladder, 128, 5000)).toBe(24);
  });

  it('never goes past the picture or a ceiling', () => {
    expect(nextCropSide(ladder, 24, 1, 70)).toBe(64);
    expect(nextCropSide(ladder, 96, 10, 48)).toBe(48); // the limit fell below the current side
    expect(nextCropSide(ladder, 24, 1, 20)).toBe(24); // below every rung: the smallest (the crop takes what the picture has)
  });

  it('ignores a time that is not a measurement', () => {
    for (const ms of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) expect(nextCropSide(ladder, 48, ms)).toBe(48);
  });
});

describe('cropChooser', () => {
  it('asks for a probe once per side, grows from a warm run, shrinks after STRIKES slow runs in a row and then stays capped', () => {
    expect(STRIKES).toBe(2);
    const c = cropChooser(ladder);
    expect(c.needsProbe(24)).toBe(true);
    expect(c.next(24, 8).side).toBe(64);
    expect(c.needsProbe(24)).toBe(false);
    expect(c.needsProbe(64)).toBe(true);
    // at 64² one slow frame (a pause) keeps the side; a fast one in between resets the count
    expect(c.next(64, 400).side).toBe(64);
    expect(c.next(64, 60).side).toBe(64);
    expect(c.next(64, 400).side).toBe(64);
    // a second slow frame in a row: 400 ms → 32² (100 ms predicted), and capped there
    expect(c.next(64, 400).side).toBe(32);
    expect(c.next(32, 2).side).toBe(32);
    expect(c.next(32, 1000).side).toBe(32);
    expect(c.next(32, 1000).side).toBe(24);
  });

  it('a slow probe (the run made to measure) shrinks at once', () => {
    const c = cropChooser(ladder);
    expect(c.next(32, 4000, Infinity, true).side).toBe(24);
    expect(c.next(24, 1).side).toBe(24); // capped
  });

  it('follows a smaller picture without capping the crop for later pictures', () => {
    const c = cropChooser(ladder);
    expect(c.next(24, 1, 40).side).toBe(32); // the reader's 40-pixel picture: 32² at most
    expect(c.next(32, 1).side).toBe(128); // a demo photo again: as big as the time allows
  });

  it('reports the crop on screen, and the smallest side as over budget only when it is', () => {
    const c = cropChooser(ladder);
    const slow = c.next(24, 1400.4);
    expect(slow.side).toBe(24);
    expect(slow.report).toEqual({ overBudget: true, values: { n: 24, ms: 1400, budget: 100 } });
    expect(c.next(24, 60).report).toEqual({ overBudget: false, values: { n: 24, ms: 60, budget: 100 } });
  });
});

describe('cropLadder', () => {
  it('starts at the static pictures\' side', () => {
    expect(cropLadder(24, [32, 48], 100).sides).toEqual([24, 32, 48]);
    expect(cropLadder(40, [32, 48], 100).sides).toEqual([40, 48]);
  });
});
