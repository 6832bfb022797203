// The network-interpolation figure, live (kit figure). On a small LR crop it runs rrdb_psnr and esrgan once each,
// then for every α the generator with weights (1 − α)·θ_PSNR + α·θ_GAN, blended on the backend by the runtime
// (model: { a, b, alpha }). Beside it, the two end outputs blended in pixel space with the same α, a heat map of
// where the two blends differ, synchronised loupes and the α marked on the perception–distortion curve. The play
// button (./player.ts) sweeps α. State in the URL: esr.img, esr.alpha, esr.lx / esr.ly.
import type { RGBImage } from '../../sr/image';
import { esrganStrings, fill } from '../../i18n/esrgan';
import { attachLoupes } from '../../ui/controls/loupes';
import { fitRendering, toImageData } from '../../ui/draw/canvasDraw';
import type { Figure } from '../../ui/figure';
import { demoImages } from '../../ui/images/demoImages';
import { demoPhotoLoader } from '../../ui/images/imageLoad';
import { attachOwnPicture, figureCrop, OWN } from '../../ui/images/ownPicture';
import { alphaText, blendImages, DEFAULT_ALPHA, interpSchema, LOUPE, SCALE, snapAlpha, type InterpState } from './compute';
import { interpPanels, PANELS } from './panels';
import { attachPlayer } from './player';


export const figure: Figure<InterpState> = {
  url: { prefix: 'esr', schema: interpSchema },
  initial: (root) => ({ img: root.dataset.photo ?? demoImages[0].id, alpha: DEFAULT_ALPHA, lx: 0.5, ly: 0.5, own: 0 }),
  setup(ctx) {
    const s = esrganStrings[ctx.lang];
    const root = ctx.root;
    const view = interpPanels(root, s);
    const { canvas, panel, showAlpha } = view;
    const cropSize = Number(root.dataset.cropSize) || 24;
    const cropAt = { x: Number(root.dataset.cropFx ?? 0.5), y: Number(root.dataset.cropFy ?? 0.5) };
    const photo = demoPhotoLoader(ctx.url);
    const imageSelect = ctx.el<HTMLSelectElement>('image');
    const slider = ctx.el<HTMLInputElement>('alpha');
    let ends: { key: string; input: RGBImage; a: RGBImage; b: RGBImage } | null = null;
    let computing = false;

    const player = attachPlayer({
      root,
      lang: ctx.lang,
      button: ctx.el<HTMLButtonElement>('play'),
      hint: ctx.el('play-hint'),
      fps: ctx.el('fps'),
      alpha: () => ctx.state.alpha,
      setAlpha: (alpha, final) => {
        ctx.set({ alpha });
        if (final) showAlpha(alpha);
      },
      busy: () => computing,
    });
    imageSelect.value = ctx.state.img;
    imageSelect.addEventListener('change', () => ctx.set({ img: imageSelect.value }));
    slider.addEventListener('input', () => {
      const alpha = snapAlpha(Number(slider.value)); // read before stop() shows the sweep's last α
      player.stop();
      showAlpha(alpha);
      ctx.set({ alpha });
    });
    showAlpha(ctx.state.alpha);
    const own = attachOwnPicture({ root, lang: ctx.lang, select: imageSelect, minSide: cropSize, tooSmall: (n) => fill(s.ownTooSmall, { n }), say: ctx.say, onPicture: () => ctx.set({ img: OWN, own: ctx.state.own + 1 }) });
    const loupes = attachLoupes({
      strip: ctx.el('loupe'),
      panels: PANELS.map((id) => ({ view: panel(id).querySelector<HTMLElement>('[data-role="view"]')!, frame: panel(id).querySelector<HTMLElement>('[data-role="loupe-frame"]')!, loupe: root.querySelector<HTMLCanvasElement>(`canvas[data-loupe="${id}"]`)! })),
      pixels: () => PANELS.map((id) => view.shown[id]),
      fallbackSize: cropSize * SCALE,
      box: LOUPE,
      valueText: (v) => fill(s.loupeValueText, v),
      at: { x: ctx.state.lx, y: ctx.state.ly },
      onMove: (p) => ctx.set({ lx: p.x, ly: p.y }),
    });
    new ResizeObserver(() => fitRendering(view.all())).observe(panel('interp'));

    return {
      visible: (v) => player.visible(v),
      quiet: () => player.playing,
      async render(state) {
        const rt = await ctx.runtime();
        if (!rt) return true;
        const key = own.key(state.img);
        if (root.dataset.drawn === `${key}|${alphaText(state.alpha)}`) return true; // only the loupe moved
        const backend = ctx.backendWord(rt.backend);
        const run = async (model: string | { a: string; b: string; alpha: number }, input: RGBImage, channel: string) =>
          (await rt.client.upscale({
            channel,
            model,
            image: { ...input, data: input.data.slice() },
            onProgress: (p) => {
              if (p.phase === 'download' && !p.cached && p.total > 0) ctx.say(fill(s.downloading, { done: Math.round(p.done / 1024), total: Math.round(p.total / 1024) }));
            },
          })).image;
        computing = true;
        try {
          if (ends?.key !== key) {
            const input = await figureCrop(own, state.img, photo, cropSize, cropAt);
            ctx.say(fill(s.runningStep, { model: 'rrdb_psnr', backend, i: 1, n: 3 }));
            const a = await run('rrdb_psnr', input, 'esrgan-interp-a');
            ctx.say(fill(s.runningStep, { model: 'esrgan', backend, i: 2, n: 3 }));
            const b = await run('esrgan', input, 'esrgan-interp-b');
            if (own.key(ctx.state.img) !== key) return false;
            ends = { key, input, a, b };
            view.show(canvas('input'), toImageData(input));
            view.showPanel('rrdb_psnr', toImageData(a));
            view.showPanel('esrgan', toImageData(b));
            if (!player.playing) ctx.say(fill(s.runningStep, { model: `rrdb_psnr + esrgan, α = ${alphaText(state.alpha)}`, backend, i: 3, n: 3 }));
          }
          const alpha = state.alpha;
          const t0 = performance.now();
          const w = await run({ a: 'rrdb_psnr', b: 'esrgan', alpha }, ends.input, 'esrgan-interp');
          if (own.key(ctx.state.img) !== key) return false;
          const blend = blendImages(ends.a, ends.b, alpha);
          view.retitle(alpha);
          view.showPanel('interp', toImageData(w), alpha);
          view.showPanel('blend', toImageData(blend), alpha);
          view.showDiff(w, blend);
          // While playing, the slider moves with the pictures: it shows the α on screen, not the one computing.
          if (player.playing) showAlpha(alpha);
          player.frameDone(performance.now() - t0);
          loupes.draw();
          fitRendering(view.all());
          root.dataset.drawn = `${key}|${alphaText(alpha)}`;
          player.enable();
          ctx.say(ctx.readyText(rt.backend));
          return true;
        } catch (err) {
          player.stop();
          throw err;
        } finally {
          computing = false;
        }
      },
    };
  },
};
