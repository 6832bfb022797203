// The network-interpolation figure, live (kit figure). On a small LR crop it runs rrdb_psnr and esrgan once each,
// then for every α the generator with weights (1 − α)·θ_PSNR + α·θ_GAN, blended on the backend by the runtime
// (model: { a, b, alpha }). Beside it, the two end outputs blended in pixel space with the same α, a heat map of
// where the two blends differ, synchronised loupes and the α marked on the perception–distortion curve. The play
// button (./player.ts) sweeps α. State in the URL: esr.img, esr.alpha, esr.lx / esr.ly. The crop's side is chosen on
// the reader's device from the time of each frame (the kit's cropBudget): bigger where a frame is fast, smaller when
// frames fall behind, so the animation keeps its frame rate by its crop instead of stalling.
import type { RGBImage } from '../../sr/image';
import type { Progress, UpscaleResult } from '../../sr/runtime/client';
import { esrganStrings, fill } from '../../i18n/esrgan';
import { attachLoupes } from '../../ui/controls/loupes';
import { figureCrops } from '../../ui/cropChoice';
import { fitRendering } from '../../ui/draw/canvasDraw';
import type { Figure, FigureContext } from '../../ui/figure';
import { demoImages } from '../../ui/images/demoImages';
import { demoPhotoLoader } from '../../ui/images/imageLoad';
import { figureCrop, ownPictureOf } from '../../ui/images/ownPicture';
import { alphaText, blendImages, DEFAULT_ALPHA, interpLadder, interpSchema, LOUPE, SCALE, snapAlpha, type InterpState } from './compute';
import { interpPanels, PANELS } from './panels';
import { attachPlayer } from './player';

type Runtime = NonNullable<Awaited<ReturnType<FigureContext<InterpState>['runtime']>>>;
type Model = string | { a: string; b: string; alpha: number };

/** One generator run on the page's runtime (a copy of `input` travels); a first download of its weights is said. */
async function generate(ctx: FigureContext<InterpState>, rt: Runtime, model: Model, input: RGBImage, channel: string): Promise<UpscaleResult> {
  const s = esrganStrings[ctx.lang];
  const onProgress = (p: Progress) => {
    if (p.phase === 'download' && !p.cached && p.total > 0) ctx.say(fill(s.downloading, { done: Math.round(p.done / 1024), total: Math.round(p.total / 1024) }));
  };
  return rt.client.upscale({ channel, model, image: { ...input, data: input.data.slice() }, onProgress });
}

/** The two ends of the interpolation on `input`: rrdb_psnr, then esrgan, each step said. */
async function runEnds(ctx: FigureContext<InterpState>, rt: Runtime, input: RGBImage): Promise<{ a: RGBImage; b: RGBImage }> {
  const s = esrganStrings[ctx.lang];
  const backend = ctx.backendWord(rt.backend);
  ctx.say(fill(s.runningStep, { model: 'rrdb_psnr', backend, i: 1, n: 3 }));
  const a = (await generate(ctx, rt, 'rrdb_psnr', input, 'esrgan-interp-a')).image;
  ctx.say(fill(s.runningStep, { model: 'esrgan', backend, i: 2, n: 3 }));
  return { a, b: (await generate(ctx, rt, 'esrgan', input, 'esrgan-interp-b')).image };
}

/** Synchronised loupes over the four panels, moved by pointer or keys; the position is the state's `lx` / `ly`. */
function interpLoupes(ctx: FigureContext<InterpState>, view: ReturnType<typeof interpPanels>, cropSize: number) {
  const s = esrganStrings[ctx.lang];
  const inPanel = <T extends Element>(id: string, sel: string) => view.panel(id as (typeof PANELS)[number]).querySelector<T>(sel)!;
  return attachLoupes({
    strip: ctx.el('loupe'),
    panels: PANELS.map((id) => ({ view: inPanel<HTMLElement>(id, '[data-role="view"]'), frame: inPanel<HTMLElement>(id, '[data-role="loupe-frame"]'), loupe: ctx.root.querySelector<HTMLCanvasElement>(`canvas[data-loupe="${id}"]`)! })),
    pixels: () => PANELS.map((id) => view.shown[id]),
    fallbackSize: cropSize * SCALE,
    box: LOUPE,
    valueText: (v) => fill(s.loupeValueText, v),
    at: { x: ctx.state.lx, y: ctx.state.ly },
    onMove: (p) => ctx.set({ lx: p.x, ly: p.y }),
  });
}

export const figure: Figure<InterpState> = {
  url: { prefix: 'esr', schema: interpSchema },
  initial: (root) => ({ img: root.dataset.photo ?? demoImages[0].id, alpha: DEFAULT_ALPHA, lx: 0.5, ly: 0.5, own: 0, crop: Number(root.dataset.cropSize) || 24 }),
  setup(ctx) {
    const s = esrganStrings[ctx.lang];
    const root = ctx.root;
    const view = interpPanels(root, s);
    const { panel, showAlpha } = view;
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
      setAlpha: (alpha, final) => (ctx.set({ alpha }), final && showAlpha(alpha)),
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
    const own = ownPictureOf(ctx, imageSelect, cropSize);
    const crops = figureCrops({ ctx, own, ladder: interpLadder(cropSize), text: { chosen: s.cropChosen, smallest: s.cropSmallest, what: s.cropWhatFrame } });
    const loupes = interpLoupes(ctx, view, cropSize);

    new ResizeObserver(() => fitRendering(view.all())).observe(panel('interp'));
    // test hook (e2e): run on another crop, as a device whose speed changed would ask for
    root.addEventListener('sr-test:crop', (e) => {
      const side = Number((e as CustomEvent<unknown>).detail);
      if (crops.ladder.sides.includes(side)) ctx.set({ crop: side });
    });

    return {
      visible: (v) => player.visible(v),
      quiet: () => player.playing,
      async render(state) {
        const rt = await ctx.runtime();
        if (!rt) return true;
        const key = `${own.key(state.img)}|${state.crop}`;
        if (root.dataset.drawn === `${key}|${alphaText(state.alpha)}`) return true; // only the loupe moved
        const current = () => `${own.key(ctx.state.img)}|${ctx.state.crop}`;
        computing = true;
        try {
          if (ends?.key !== key) {
            const input = await figureCrop(own, state.img, photo, crops.side(state), cropAt);
            const { a, b } = await runEnds(ctx, rt, input);
            if (current() !== key) return false;
            ends = { key, input, a, b };
            view.retitleInput(input);
            view.showEnds(input, a, b);
            if (!player.playing) ctx.say(fill(s.runningStep, { model: `rrdb_psnr + esrgan, α = ${alphaText(state.alpha)}`, backend: ctx.backendWord(rt.backend), i: 3, n: 3 }));
          }
          const alpha = state.alpha;
          const t0 = performance.now();
          const frame = await generate(ctx, rt, { a: 'rrdb_psnr', b: 'esrgan', alpha }, ends.input, 'esrgan-interp');
          const w = frame.image;
          const frameMs = performance.now() - t0;
          let ms = frame.ms;
          if (current() !== key) return false;
          const blend = blendImages(ends.a, ends.b, alpha);
          view.showBlends(w, blend, alpha);
          // While playing, the slider moves with the pictures: it shows the α on screen, not the one computing.
          if (player.playing) showAlpha(alpha);
          player.frameDone(frameMs);
          loupes.draw();
          fitRendering(view.all());
          const side = Math.max(ends.input.width, ends.input.height);
          const probe = crops.needsProbe(side);
          if (probe) {
            // the first frame on this crop may have compiled and allocated: time a frame at a neighbouring α
            if (!player.playing) ctx.say(s.cropProbe);
            ms = (await generate(ctx, rt, { a: 'rrdb_psnr', b: 'esrgan', alpha: alpha > 0.5 ? alpha - 0.05 : alpha + 0.05 }, ends.input, 'esrgan-interp-probe')).ms;
            if (current() !== key) return false;
          }
          root.dataset.drawn = `${key}|${alphaText(alpha)}`;
          player.enable();
          ctx.say(ctx.readyText(rt.backend));
          crops.after(side, ms, probe);
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
