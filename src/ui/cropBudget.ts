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

/** What a figure says about its crop: the side, the run it was chosen from, and whether even the smallest is over budget. */
export function cropReport(ladder: CropLadder, side: number, measured: { side: number; ms: number }) {
  return {
    overBudget: side === ladder.sides[0] && predictMs(measured.ms, measured.side, side) > ladder.budgetMs,
    values: { n: side, m: measured.side, ms: Math.round(measured.ms), budget: ladder.budgetMs },
  };
}

/** A figure's ladder: its smallest side (the crop of its static pictures), then the rungs above it. */
export function cropLadder(smallest: number, rungs: readonly number[], budgetMs: number): CropLadder {
  return { sides: [smallest, ...rungs.filter((s) => s > smallest)], budgetMs };
}

/**
 * A figure's crop over its life. A run at a side not timed before may carry one-off costs (weights, shader
 * compilation), so the figure times one more run there first (the probe: `needsProbe`); every warm run's time
 * then gives the next side. A crop made smaller for being slow caps the sides after it (no back and forth).
 */
export function cropChooser(ladder: CropLadder) {
  let ceiling = Infinity;
  const timed = new Set<number>();
  return {
    ladder,
    needsProbe: (side: number): boolean => !timed.has(side),
    /** After a warm run of `ms` at `side`: the side for the next run (at most `limit`, the picture's) and what to say. */
    next(side: number, ms: number, limit = Infinity) {
      timed.add(side);
      const next = nextCropSide(ladder, side, ms, Math.min(ceiling, limit));
      if (next < side && ms > ladder.budgetMs * OVER_BUDGET) ceiling = next;
      return { side: next, report: cropReport(ladder, next, { side, ms }) };
    },
  };
}
