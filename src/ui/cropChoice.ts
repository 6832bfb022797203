// A figure's crop chosen on the reader's device (./cropBudget.ts), wired to the figure: the side the picture
// allows, the note under the pictures ([data-role="crop-note"]), the root's data-crop / data-crop-ms (tests),
// and a new state when a run's time asks for another side. Used by figures whose state has `img` and `crop`.
import { fill } from '../i18n/fill';
import { cropChooser, type CropLadder } from './cropBudget';
import type { FigureContext } from './figure';
import { OWN, type OwnPicture } from './images/ownPicture';

export function figureCrops<S extends { img: string; crop: number }>(o: {
  ctx: FigureContext<S>;
  own: OwnPicture;
  ladder: CropLadder;
  /** The note's sentences ({n}, {ms}, {budget}, {what}) and what was timed, in the page's language. */
  text: { chosen: string; smallest: string; what: string };
}) {
  const crops = cropChooser(o.ladder);
  /** The largest square the picture allows (the reader's may be small; the demo photos are not). */
  const pictureSide = (img: string): number => {
    const picture = img === OWN ? o.own.whole() : null;
    return picture ? Math.min(picture.width, picture.height) : Infinity;
  };
  return {
    ladder: o.ladder,
    /** The side to crop for this state. */
    side: (state: S): number => Math.min(state.crop, pictureSide(state.img)),
    needsProbe: (side: number): boolean => crops.needsProbe(side),
    /** After a warm run of `ms` (the runtime's own time) at `side`: say the crop, and ask for another side where the time says so. */
    after(side: number, ms: number, probe: boolean): void {
      const { ctx } = o;
      const { side: next, report } = crops.next(side, ms, pictureSide(ctx.state.img), probe);
      ctx.root.dataset.crop = String(side);
      ctx.root.dataset.cropMs = String(report.values.ms);
      ctx.el('crop-note').textContent = fill(report.overBudget ? o.text.smallest : o.text.chosen, { ...report.values, what: o.text.what });
      if (next !== side && next !== ctx.state.crop) ctx.set({ crop: next } as Partial<S>);
    },
  };
}
