// How large a crop a live figure runs its networks on, chosen on the reader's device (no DOM): from the measured
// time of one warm run at the current side, the largest side on the figure's ladder whose predicted time keeps
// within the figure's budget. Bigger crops where the device is fast; the smallest side where it is slow; a crop
// that has become too slow (a frame over budget) is made smaller, never waited for.

/** The sides (input pixels, square crops) a figure may run on, smallest first, and the milliseconds one run may take. */
export interface CropLadder {
  sides: readonly number[];
  budgetMs: number;
}

/** A run over budget by more than this factor makes the crop smaller (below it, timing noise does not). */
export const OVER_BUDGET = 1.5;

/**
 * The time one run at side `to` would take, from `ms` measured at side `from`: proportional to the pixels. The
 * fixed cost of a run (dispatches, read-back) is scaled with them, so a prediction for a bigger crop errs slow.
 */
export function predictMs(ms: number, from: number, to: number): number {
  return ms * (to / from) ** 2;
}

/**
 * The side for the next run, after one warm run of `ms` milliseconds at side `current`. `limit` is the largest
 * side the picture allows (a reader's small picture) and any ceiling the figure set after making a crop smaller.
 * Over budget (by more than OVER_BUDGET): the largest smaller side predicted to fit, else the smallest. Within it:
 * the largest side (at least `current`) predicted to fit, so one measurement may jump several rungs.
 */
export function nextCropSide(ladder: CropLadder, current: number, ms: number, limit = Infinity): number {
  const smallest = ladder.sides[0];
  // a picture smaller than the smallest rung is refused before it gets here; the crop functions take what it has
  const sides = ladder.sides.filter((s) => s <= limit);
  const largest = sides.length > 0 ? sides[sides.length - 1] : smallest;
  if (!(ms > 0) || !Number.isFinite(ms)) return Math.min(current, largest);
  const fits = (s: number) => predictMs(ms, current, s) <= ladder.budgetMs;
  if (ms > ladder.budgetMs * OVER_BUDGET) return [...sides].reverse().find((s) => s < current && fits(s)) ?? smallest;
  return [...sides].reverse().find((s) => s >= current && fits(s)) ?? Math.min(current, largest);
}

/** What a figure says about the crop on screen: its side, the time measured there, and whether even the smallest is over budget. */
export function cropReport(ladder: CropLadder, side: number, ms: number) {
  return {
    overBudget: side === ladder.sides[0] && ms > ladder.budgetMs,
    values: { n: side, ms: Math.round(ms), budget: ladder.budgetMs },
  };
}

/** A figure's ladder: its smallest side (the crop of its static pictures), then the rungs above it. */
export function cropLadder(smallest: number, rungs: readonly number[], budgetMs: number): CropLadder {
  return { sides: [smallest, ...rungs.filter((s) => s > smallest)], budgetMs };
}

/** Slow runs in a row (over OVER_BUDGET) before a crop is made smaller: one pause (garbage collection, another
 * tab) does not shrink it for good. */
export const STRIKES = 2;

/**
 * A figure's crop over its life. A run at a side not timed before may carry one-off costs (weights, shader
 * compilation), so the figure times one more run there first (the probe: `needsProbe`); every warm run's time
 * then gives the next side: bigger at once where it is predicted to fit, smaller after STRIKES slow runs in a row
 * (after one, when it was the probe: a run made to measure), and then never bigger than that again (no back and forth).
 */
export function cropChooser(ladder: CropLadder) {
  let ceiling = Infinity;
  let strikes = 0;
  const timed = new Set<number>();
  return {
    ladder,
    needsProbe: (side: number): boolean => !timed.has(side),
    /** After a warm run of `ms` at `side` (`probe`: the run made to measure): the side for the next run (at most
     * `limit`, the picture's) and what to say of this one. */
    next(side: number, ms: number, limit = Infinity, probe = false) {
      timed.add(side);
      const cap = Math.min(ceiling, limit);
      let next = nextCropSide(ladder, side, ms, cap);
      const slow = ms > ladder.budgetMs * OVER_BUDGET;
      strikes = slow ? strikes + 1 : 0;
      if (slow && strikes < (probe ? 1 : STRIKES)) next = nextCropSide(ladder, side, Number.NaN, cap); // keep the side (within the cap)
      else if (slow && next < side) {
        ceiling = next;
        strikes = 0;
      }
      return { side: next, report: cropReport(ladder, side, ms) };
    },
  };
}
