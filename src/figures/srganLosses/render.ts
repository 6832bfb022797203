// "Three losses, one network", live (kit figure). The HR crop (a demo crop, or the reader's picture reduced ×1/4
// first or taken as it is), bicubic, and the three generators run on the page's runtime (through
// components/srgan/shared's `generate`, so each network runs once per crop and page: the discriminator figure
// uses the same outputs); PSNR/SSIM and spectra are measured off the main thread. The pre-computed pictures stand in
// until the networks are done. Moving the loupe or the wipe redraws at once and never restarts a run.
import { fill, srganLossesStrings, srganRuntimeStrings } from '../../i18n/srgan';
import { findCrop, LABEL_KEY, NETWORKS, PANELS, staticPath, type PanelId } from '../../components/srgan/data';
import { measureOffThread } from '../../components/srgan/metricsClient';
import { cropImage, HR_SIZE, LR_SIZE, lowRes, quantize8, SCALE } from '../../components/srgan/pipeline';
import { generate } from '../../components/srgan/shared';
import type { RGBImage } from '../../sr/image';
import { imresizeJs } from '../../sr/resizeCpu';
import { attachLoupes, type LoupePanel } from '../../ui/controls/loupes';
import { attachPointerDrag } from '../../ui/controls/pointerDrag';
import { bindSlider } from '../../ui/controls/slider';
import { toImageData } from '../../ui/draw/canvasDraw';
import type { Figure, FigureContext } from '../../ui/figure';
import { isRegion } from '../../ui/images/crop';
import { loadUrl } from '../../ui/images/imageLoad';
import { attachOwnPicture, OWN, type OwnPicture } from '../../ui/images/ownPicture';
import { computedLabel, defaultLossesState, loupeFraction, loupePixels, LOUPE, lossesSchema, picturesKey, type LossesState, type OwnMode, type View } from './compute';
import { lossesPanels, type Pictures } from './panels';

/** The source pictures of a state: the HR crop (null for the reader's picture as it is), its LR input, and the pre-computed outputs. */
async function source(ctx: FigureContext<LossesState>, own: OwnPicture, state: LossesState): Promise<Pictures> {
  const key = picturesKey(state);
  const mine = state.img === OWN ? own.region(state.mode === 'asis' ? LR_SIZE : HR_SIZE, state.region) : null;
  if (mine && state.mode === 'asis') {
    const lr = quantize8(mine);
    return { key, truth: null, lr, images: { hr: lr, bicubic: quantize8(imresizeJs(lr, SCALE)) }, numbers: {} };
  }
  const crop = findCrop(state.img) ?? findCrop('chelsea')!;
  const hr = quantize8(mine ?? cropImage(await loadUrl(ctx.url(`images/demo/${crop.image}.png`)), crop.left, crop.top, HR_SIZE, HR_SIZE));
  const lr = lowRes(hr);
  const images: Pictures['images'] = { hr, bicubic: quantize8(imresizeJs(lr, SCALE)) };
  if (!mine) for (const id of NETWORKS) images[id] = await loadUrl(ctx.url(staticPath(crop.image, id)));
  return { key, truth: hr, lr, images, numbers: {} };
}

async function measure(p: Pictures, ids: readonly PanelId[]): Promise<void> {
  await Promise.all(ids.map(async (id) => (p.numbers[id] = await measureOffThread(p.images[id]!, id === 'hr' ? null : p.truth))));
}

export const figure: Figure<LossesState> = {
  url: { prefix: 'srgan', schema: lossesSchema },
  initial: () => ({ ...defaultLossesState }),
  setup(ctx) {
    const { root, lang } = ctx;
    const s = srganLossesStrings[lang];
    const rs = srganRuntimeStrings[lang];
    const $ = <T extends Element = HTMLElement>(sel: string): T => root.querySelector<T>(sel)!;
    const draw = lossesPanels(root, lang);
    /** The pictures drawn now; `live` is the key whose networks all ran here, `failed` one whose run failed (said once). */
    let shown: Pictures | null = null;
    let live = '';
    let failed = '';
    /** The shown pictures as canvas pixels, made once per picture (the loupes read them on every move). */
    let pixels: Partial<Record<PanelId, ImageData>> = {};
    /** A change the reader made: the controls and the wipe follow at once, the pictures when `render` gets to them. */
    const set = (patch: Partial<LossesState>) => {
      ctx.set(patch);
      reflect(ctx.state);
    };

    const imageSelect = $<HTMLSelectElement>('select[data-control="image"]');
    const viewSelect = $<HTMLSelectElement>('select[data-control="view"]');
    const wipeSelect = { a: $<HTMLSelectElement>('select[data-control="wipe-a"]'), b: $<HTMLSelectElement>('select[data-control="wipe-b"]') };
    const ownMode = $('[data-role="own-mode"]');
    imageSelect.addEventListener('change', () => set({ img: imageSelect.value }));
    viewSelect.addEventListener('change', () => set({ view: viewSelect.value as View }));
    wipeSelect.a.addEventListener('change', () => set({ wa: wipeSelect.a.value as PanelId }));
    wipeSelect.b.addEventListener('change', () => set({ wb: wipeSelect.b.value as PanelId }));
    const wipe = bindSlider($<HTMLInputElement>('input[data-control="wipe"]'), (p) => fill(s.wipeValue, { p }), (p) => set({ wipe: p }));
    attachPointerDrag($('[data-role="wipe-stage"]'), (p) => set({ wipe: Math.round(p.x * 100) }));
    for (const r of root.querySelectorAll<HTMLInputElement>('input[data-control="own-mode"]')) {
      r.addEventListener('change', () => r.checked && set({ mode: r.value as OwnMode }));
    }
    const regionSelect = $<HTMLSelectElement>('select[data-control="own-region"]');
    regionSelect.addEventListener('change', () => isRegion(regionSelect.value) && set({ region: regionSelect.value }));
    const own = attachOwnPicture({
      root, lang, select: imageSelect, say: ctx.say,
      minSide: () => (ctx.state.mode === 'asis' ? LR_SIZE : HR_SIZE),
      tooSmall: (n) => fill(s.fileTooSmall, { n }),
      scaled: (w, h) => fill(s.fileScaled, { w, h }),
      onPicture: () => set({ img: OWN, own: ctx.state.own + 1 }),
    });

    const loupePanels: LoupePanel[] = PANELS.map((id) => ({
      view: $(`[data-panel="${id}"] [data-role="view"]`),
      frame: $(`[data-panel="${id}"] [data-role="loupe-frame"]`),
      loupe: $<HTMLCanvasElement>(`canvas[data-loupe="${id}"]`),
    }));
    const loupes = attachLoupes({
      strip: ctx.el('loupe'),
      panels: loupePanels,
      pixels: () => PANELS.map((id) => pixels[id]),
      fallbackSize: HR_SIZE,
      box: LOUPE,
      valueText: (v) => fill(s.loupeValue, { x: Math.round(v.x), y: Math.round(v.y), w: v.w, h: v.h }),
      at: loupeFraction(ctx.state),
      onMove: (p) => ctx.set(loupePixels(p)),
    });
    let resized = 0;
    new ResizeObserver(() => {
      clearTimeout(resized);
      resized = window.setTimeout(() => shown && draw.spectra(shown), 150);
    }).observe($('[data-role="spectrum"]'));

    function reflect(state: LossesState) {
      imageSelect.value = state.img;
      viewSelect.value = state.view;
      [wipeSelect.a.value, wipeSelect.b.value] = [state.wa, state.wb];
      wipe.set(state.wipe);
      ownMode.hidden = state.img !== OWN;
      draw.wipe(shown, state);
    }

    /** One panel's pixels for its loupe; a panel smaller than the output (the reader's input as it is) is enlarged there. */
    function keep(id: PanelId, img: RGBImage) {
      pixels[id] = toImageData(img);
      loupePanels[PANELS.indexOf(id)].scale = HR_SIZE / img.width;
    }

    /** Shows a source's pictures: every panel, the loupes and the wipe. */
    function show(p: Pictures) {
      shown = p;
      live = '';
      pixels = {};
      for (const [id, img] of Object.entries(p.images) as [PanelId, RGBImage][]) keep(id, img);
      for (const id of NETWORKS) delete $(`canvas[data-model="${id}"]`).dataset.live;
      draw.all(p, ctx.state);
      loupes.draw();
    }

    return {
      async render(state) {
        reflect(state);
        const key = picturesKey(state);
        if (failed === key) return true; // said once; another picture tries again
        if (live === key && shown?.key === key) {
          root.dataset.computed = computedLabel(state); // the reader may have been to another picture and back
          return true; // only the loupe or the wipe moved: they drew themselves
        }
        // only another picture makes a run stale; moving the loupe or the wipe does not
        const stale = () => picturesKey(ctx.state) !== key;
        delete root.dataset.computed;
        if (shown?.key !== key) {
          const p = await source(ctx, own, state);
          await measure(p, Object.keys(p.images) as PanelId[]);
          if (stale()) return false;
          show(p);
        }
        const rt = await ctx.runtime();
        if (!rt || stale()) return !rt;
        const p = shown!;
        let ms = 0;
        for (const id of NETWORKS) {
          const model = s[LABEL_KEY[id]];
          ctx.say(fill(rs.statusRunning, { model, backend: ctx.backendWord(rt.backend) }));
          let img: RGBImage;
          try {
            const result = await generate(rt, state.img === OWN ? null : state.img, id, p.lr, (q) => {
              if (q.phase === 'download' && !stale()) ctx.say(fill(rs.statusLoading, { model, pct: q.total ? Math.round((100 * q.done) / q.total) : 0 }));
            });
            ms += result.ms;
            img = quantize8(result.image);
          } catch (err) {
            if (!stale()) failed = key;
            throw err;
          }
          const n = await measureOffThread(img, p.truth);
          if (stale()) return false;
          [p.images[id], p.numbers[id]] = [img, n];
          keep(id, img);
          $(`canvas[data-model="${id}"]`).dataset.live = 'true';
          draw.one(p, id, ctx.state);
          loupes.draw();
        }
        live = key;
        root.dataset.computed = computedLabel(state);
        ctx.say(fill(rs.statusReady, { backend: ctx.backendWord(rt.backend), ms: Math.round(ms) }));
        return true;
      },
    };
  },
};
