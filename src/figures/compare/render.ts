// The comparison, live (kit figure): the chosen photo's crop is degraded (the published distributions drawn with
// the seed, or the pipeline's own parameters before any seed), enlarged by bicubic interpolation on the CPU and by
// rrdb_psnr and realesrnet on the page's backend, scored against the original and shown with synchronised loupes.
// State in the URL: cmp.img, cmp.seed, cmp.lx / cmp.ly (the loupe); the reader's own picture (../degradation/
// photoSeed.ts) never enters it.
import { sampleParams } from '../../sr/degrade/params';
import type { RGBImage } from '../../sr/image';
import { imresizeJs } from '../../sr/resizeCpu';
import { degradationStrings, fill } from '../../i18n/degradation';
import { kitStrings } from '../../i18n/kit';
import { realesrganStrings } from '../../i18n/realesrgan';
import { attachLoupes } from '../../ui/controls/loupes';
import { drawWhole, toImageData } from '../../ui/draw/canvasDraw';
import type { Figure } from '../../ui/figure';
import { nearestUp } from '../../ui/images/crop';
import { demoImages } from '../../ui/images/demoImages';
import { numberField } from '../../ui/urlState';
import { cleanParams } from '../degradation/compute';
import { bindPhotoSeed, photoSeedSchema, type PhotoSeedState } from '../degradation/photoSeed';
import { COLUMNS, CROP, LOUPE, MODELS, SCALE, scores, type Column } from './compute';

interface State extends PhotoSeedState {
  lx: number;
  ly: number;
}
const minus = (v: number) => v.toFixed(2).replace('-', '\u2212');

export const figure: Figure<State> = {
  url: {
    prefix: 'cmp',
    schema: { ...photoSeedSchema, lx: numberField(0, 1, 0.5), ly: numberField(0, 1, 0.5) },
  },
  initial: (root) => ({ img: root.dataset.photo ?? demoImages[0].id, own: 0, seed: null, lx: 0.5, ly: 0.5 }),
  setup(ctx) {
    const s = degradationStrings[ctx.lang];
    const r = realesrganStrings[ctx.lang];
    const defaults = cleanParams(JSON.parse(ctx.root.dataset.defaultParams ?? '{}'))!;
    const canvas = (c: Column) => ctx.root.querySelector<HTMLCanvasElement>(`canvas[data-column="${c}"]`)!;
    const shown: Partial<Record<Column, ImageData>> = {};
    const picture = bindPhotoSeed(ctx, CROP, (seed) => ctx.set({ seed }));
    const loupes = attachLoupes({
      strip: ctx.el('loupes'),
      panels: COLUMNS.map((c) => {
        const panel = ctx.root.querySelector<HTMLElement>(`[data-panel="${c}"]`)!;
        return { view: panel.querySelector<HTMLElement>('[data-role="view"]')!, frame: panel.querySelector<HTMLElement>('[data-role="loupe-frame"]')!, loupe: ctx.root.querySelector<HTMLCanvasElement>(`canvas[data-loupe="${c}"]`)! };
      }),
      pixels: () => COLUMNS.map((c) => shown[c]),
      fallbackSize: CROP,
      box: LOUPE,
      valueText: (v) => fill(kitStrings[ctx.lang].loupeValueText, v),
      at: { x: ctx.state.lx, y: ctx.state.ly },
      onMove: (p) => ctx.set({ lx: p.x, ly: p.y }),
    });

    return {
      async render(state) {
        // only another picture or seed makes a run stale; moving the loupe does not
        const key = `${picture.own.key(state.img)}/${state.seed}`;
        const stale = () => `${picture.own.key(ctx.state.img)}/${ctx.state.seed}` !== key;
        const rt = await ctx.runtime();
        if (!rt) return true;
        for (const el of ctx.root.querySelectorAll<HTMLInputElement>('input, select, button')) el.disabled = false;
        if (ctx.root.dataset.drawn === key) return true; // only the loupe moved: it redraws itself
        const hr = await picture.crop(state.img);
        const params = state.seed === null ? defaults : sampleParams(state.seed);
        const { lr } = await rt.client.degrade({ channel: 'cmp-degrade', image: hr, params });
        if (stale()) return false;
        const out: Partial<Record<Column, RGBImage>> = { lr: nearestUp(lr, SCALE), bicubic: imresizeJs(lr, SCALE), hr };
        const t0 = performance.now();
        for (const model of MODELS) {
          ctx.say(fill(s.compareRunning, { model, backend: ctx.backendWord(rt.backend) }));
          out[model] = (await rt.client.upscale({ channel: `cmp-${model}`, model, image: { ...lr, data: lr.data.slice() } })).image;
          if (stale()) return false;
        }
        const psnr = scores(hr, out);
        for (const c of COLUMNS) {
          shown[c] = toImageData(out[c]!);
          drawWhole(canvas(c), shown[c]!);
          canvas(c).hidden = false;
          canvas(c).parentElement!.querySelector<HTMLImageElement>('img[data-static]')?.setAttribute('hidden', '');
          const note = ctx.root.querySelector<HTMLElement>(`[data-role="psnr"][data-for="${c}"]`)!;
          note.textContent = psnr[c] !== undefined ? fill(r.psnr, { v: minus(psnr[c]!) }) : '';
          if (psnr[c] !== undefined) note.dataset.psnr = String(psnr[c]);
        }
        ctx.root.dataset.drawn = key;
        loupes.moveTo({ x: state.lx, y: state.ly });
        ctx.say(fill(s.compareDone, { backend: ctx.backendWord(rt.backend), ms: Math.round(performance.now() - t0) }));
        return true;
      },
    };
  },
};
