// "Why MSE blurs", live (kit figure): eight HR candidates that all reduce to one LR patch of a texture, and the
// pixel-wise mean of the ones the reader ticks, with each one's PSNR against that mean and every picture's
// sharpness. Plain arithmetic on 32×32 patches (under a millisecond), so it runs in the page and starts no
// runtime: the root says data-backend="js". State in the URL: mean.tex, mean.seed, mean.on.
import { fill, srganMeanStrings } from '../../i18n/srgan';
import type { RGBImage } from '../../sr/image';
import { drawWhole, toImageData } from '../../ui/draw/canvasDraw';
import type { Figure } from '../../ui/figure';
import { demoPhotoLoader } from '../../ui/images/imageLoad';
import { CANDIDATES, defaultMeanState, formatPsnr, makeCandidates, meanImage, meanNumbers, meanSchema, SEED_MAX, selectedIndices, type MeanSetup, type MeanState, type Texture } from './compute';

const f2 = (v: number) => v.toFixed(2);
const sharpOf = (img: RGBImage): number => meanNumbers(img, [img]).sharpMean;

export const figure: Figure<MeanState> = {
  url: { prefix: 'mean', schema: meanSchema },
  initial: () => ({ ...defaultMeanState }),
  setup(ctx) {
    const s = srganMeanStrings[ctx.lang];
    const root = ctx.root;
    const $ = <T extends Element = HTMLElement>(sel: string): T => root.querySelector<T>(sel)!;
    const texture = demoPhotoLoader(ctx.url);
    let setup: { key: string; value: MeanSetup } | null = null;
    const textureSelect = $<HTMLSelectElement>('select[data-control="texture"]');
    const boxes = [...root.querySelectorAll<HTMLInputElement>('input[data-control="cand"]')];
    textureSelect.disabled = false;
    textureSelect.addEventListener('change', () => ctx.set({ tex: textureSelect.value as Texture }));
    $('button[data-control="redraw"]').addEventListener('click', () => ctx.set({ seed: (ctx.state.seed % SEED_MAX) + 1 }));
    for (const b of boxes) {
      b.addEventListener('change', () => {
        const bit = 1 << Number(b.value);
        const on = b.checked ? ctx.state.on | bit : ctx.state.on & ~bit;
        if (on !== 0) return ctx.set({ on });
        b.checked = true; // the mean of nothing is undefined: keep this one and say why
        ctx.say(s.needOne);
      });
    }
    const show = (name: string, img: RGBImage) => {
      const c = $<HTMLCanvasElement>(`canvas[data-patch="${name}"]`);
      drawWhole(c, toImageData(img));
      c.hidden = false;
      const still = c.parentElement?.querySelector<HTMLImageElement>('img.sg-static');
      if (still) still.hidden = true;
    };

    /** Under each candidate: its PSNR against the mean and its sharpness when ticked, its sharpness alone when not. */
    function candidateNotes(candidates: RGBImage[], sel: number[], n: ReturnType<typeof meanNumbers>): void {
      for (let i = 0; i < CANDIDATES; i++) {
        const el = $(`[data-role="cand-psnr"][data-cand="${i}"]`);
        const k = sel.indexOf(i);
        el.textContent = k < 0 ? fill(s.sharpness, { v: f2(sharpOf(candidates[i])) }) : `${fill(s.psnrOfMean, { v: formatPsnr(n.meanVs[k]) })} · ${fill(s.sharpness, { v: f2(n.sharpCandidates[k]) })}`;
        if (k < 0) delete el.dataset.psnr;
        else el.dataset.psnr = String(n.meanVs[k]);
      }
    }

    return {
      async render(state) {
        const key = `${state.tex}:${state.seed}`;
        if (setup?.key !== key) setup = { key, value: makeCandidates(await texture(state.tex), state.seed) };
        const { lr, candidates } = setup.value;
        const sel = selectedIndices(state.on);
        textureSelect.value = state.tex;
        $('[data-role="seed"]').textContent = fill(s.seedValue, { n: state.seed });
        show('lr', lr);
        candidates.forEach((c, i) => show(`cand-${i}`, c));
        for (const b of boxes) {
          b.checked = sel.includes(Number(b.value));
          $(`[data-cand="${b.value}"]`).dataset.on = String(b.checked);
        }
        const chosen = sel.map((i) => candidates[i]);
        const mean = meanImage(chosen);
        show('mean', mean);
        const title = fill(s.meanTitle, { n: sel.length });
        $('[data-role="mean-title"]').textContent = title;
        $('canvas[data-patch="mean"]').setAttribute('aria-label', title);
        const n = meanNumbers(mean, chosen);
        $('[data-role="mean-sharp"]').textContent = fill(s.sharpness, { v: f2(n.sharpMean) });
        candidateNotes(candidates, sel, n);
        const summaryMean = $('[data-role="summary-mean"]');
        summaryMean.textContent = fill(s.summaryMean, { v: formatPsnr(n.meanOverall), s: f2(n.sharpMean) });
        summaryMean.dataset.value = String(n.meanOverall);
        const summaryBest = $('[data-role="summary-best"]');
        const best = n.candidateOverall.length ? Math.max(...n.candidateOverall) : null;
        const avg = n.sharpCandidates.reduce((a, b) => a + b, 0) / n.sharpCandidates.length;
        summaryBest.textContent = best === null ? s.summaryOne : fill(s.summaryBest, { v: f2(best), s: f2(avg) });
        summaryBest.dataset.value = best === null ? '' : String(best);
        root.dataset.backend = 'js';
        ctx.say(s.statusReady);
        return true;
      },
    };
  },
};
