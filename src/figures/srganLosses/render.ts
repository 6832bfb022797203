// "Three losses, one network", live (kit figure). The HR crop (a demo crop, or the reader's picture reduced ×1/4
// first or taken as it is), bicubic, and the three generators run on the page's runtime (through
// components/srgan/shared's `generate`, so each network runs once per crop and page: the discriminator figure
// uses the same outputs); PSNR/SSIM and spectra are measured off the main thread. The pre-computed pictures stand in
// until the networks are done. Moving the loupe or the wipe redraws at once and never restarts a run.
import { fill, srganLossesStrings, srganRuntimeStrings } from '../../i18n/srgan';
import { findCrop, LABEL_KEY, NETWORKS, PANELS, staticPath, type PanelId } from '../../components/srgan/data';
import { measureOffThread } from '../../components/srgan/metricsClient';
import { cropImage, HR_SIZE, LR_SIZE, lowRes, quantize8, SCALE, type PanelNumbers } from '../../components/srgan/pipeline';
import { generate } from '../../components/srgan/shared';
import type { RGBImage } from '../../sr/image';
import { imresizeJs } from '../../sr/resizeCpu';
import { attachLoupes, type LoupePanel } from '../../ui/controls/loupes';
import { toImageData } from '../../ui/draw/canvasDraw';
import { whenResized } from '../../ui/draw/whenResized';
import type { Figure, FigureContext } from '../../ui/figure';
import { loadUrl } from '../../ui/images/imageLoad';
import { OWN, type OwnPicture } from '../../ui/images/ownPicture';
import { computedLabel, defaultLossesState, loupeFraction, loupePixels, LOUPE, lossesSchema, picturesKey, type LossesState } from './compute';
import { bindControls } from './controls';
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

/** PSNR / SSIM against the truth and the spectrum of every picture a source starts with (off the main thread). */
async function measure(p: Pictures): Promise<void> {
  await Promise.all((Object.keys(p.images) as PanelId[]).map(async (id) => (p.numbers[id] = await measureOffThread(p.images[id]!, id === 'hr' ? null : p.truth))));
}

type Runtime = NonNullable<Awaited<ReturnType<FigureContext<LossesState>['runtime']>>>;

/**
 * The three generators on `p.lr`, one after another, each output measured and handed to `done` as it lands.
 * Returns their total milliseconds, or null when the state moved on to another picture. A failure is thrown.
 */
async function runNetworks(ctx: FigureContext<LossesState>, rt: Runtime, p: Pictures, cacheKey: string | null, stale: () => boolean, done: (id: PanelId, img: RGBImage, n: PanelNumbers) => void): Promise<number | null> {
  const s = srganLossesStrings[ctx.lang];
  const rs = srganRuntimeStrings[ctx.lang];
  let ms = 0;
  for (const id of NETWORKS) {
    const model = s[LABEL_KEY[id]];
    ctx.say(fill(rs.statusRunning, { model, backend: ctx.backendWord(rt.backend) }));
    const result = await generate(rt, cacheKey, id, p.lr, (q) => {
      if (q.phase === 'download' && !stale()) ctx.say(fill(rs.statusLoading, { model, pct: q.total ? Math.round((100 * q.done) / q.total) : 0 }));
    });
    ms += result.ms;
    const img = quantize8(result.image);
    const n = await measureOffThread(img, p.truth);
    if (stale()) return null;
    done(id, img, n);
  }
  return ms;
}

/** Synchronised loupes over every panel (pointer or keys); their place is the state's `lx` / `ly`, in output pixels. */
function lossesLoupes(ctx: FigureContext<LossesState>, pixels: () => (ImageData | undefined)[]) {
  const s = srganLossesStrings[ctx.lang];
  const $ = <T extends Element = HTMLElement>(sel: string): T => ctx.root.querySelector<T>(sel)!;
  const loupePanels: LoupePanel[] = PANELS.map((id) => ({
    view: $(`[data-panel="${id}"] [data-role="view"]`),
    frame: $(`[data-panel="${id}"] [data-role="loupe-frame"]`),
    loupe: $<HTMLCanvasElement>(`canvas[data-loupe="${id}"]`),
  }));
  const loupes = attachLoupes({
    strip: ctx.el('loupe'),
    panels: loupePanels,
    pixels,
    fallbackSize: HR_SIZE,
    box: LOUPE,
    valueText: (v) => fill(s.loupeValue, { x: Math.round(v.x), y: Math.round(v.y), w: v.w, h: v.h }),
    at: loupeFraction(ctx.state),
    onMove: (p) => ctx.set(loupePixels(p)),
  });
  return { loupes, loupePanels };
}

export const figure: Figure<LossesState> = {
  url: { prefix: 'srgan', schema: lossesSchema },
  initial: () => ({ ...defaultLossesState }),
  setup(ctx) {
    const { root, lang } = ctx;
    const $ = <T extends Element = HTMLElement>(sel: string): T => root.querySelector<T>(sel)!;
    const draw = lossesPanels(root, lang);
    /** The pictures drawn now; `live` is the key whose networks all ran here, `failed` one whose run failed (said once). */
    let shown: Pictures | null = null;
    let [live, failed] = ['', ''];
    /** The shown pictures as canvas pixels, made once per picture (the loupes read them on every move). */
    let pixels: Partial<Record<PanelId, ImageData>> = {};
    /** A change the reader made: the controls and the wipe follow at once, the pictures when `render` gets to them. */
    const set = (patch: Partial<LossesState>) => (ctx.set(patch), reflect(ctx.state));
    const controls = bindControls(ctx, set);
    const reflect = (state: LossesState) => {
      controls.reflect(state);
      draw.wipe(shown, state);
    };

    const { loupes, loupePanels } = lossesLoupes(ctx, () => PANELS.map((id) => pixels[id]));
    whenResized($('[data-role="spectrum"]'), () => shown && draw.spectra(shown));

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
          const p = await source(ctx, controls.own, state);
          await measure(p);
          if (stale()) return false;
          show(p);
        }
        const rt = await ctx.runtime();
        if (!rt || stale()) return !rt;
        const p = shown!;
        let ms: number | null;
        try {
          ms = await runNetworks(ctx, rt, p, state.img === OWN ? null : state.img, stale, (id, img, n) => {
            [p.images[id], p.numbers[id]] = [img, n];
            keep(id, img);
            $(`canvas[data-model="${id}"]`).dataset.live = 'true';
            draw.one(p, id, ctx.state);
            loupes.draw();
          });
        } catch (err) {
          if (!stale()) failed = key;
          throw err;
        }
        if (ms === null) return false;
        live = key;
        root.dataset.computed = computedLabel(state);
        ctx.say(fill(srganRuntimeStrings[lang].statusReady, { backend: ctx.backendWord(rt.backend), ms: Math.round(ms) }));
        return true;
      },
    };
  },
};
