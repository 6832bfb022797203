// The BatchNorm figure, live (kit figure): on a small LR crop (or an altered copy of it: darker, flat, saturated)
// it runs esrgan, esrgan_bn with its stored running statistics, and esrgan_bn normalising with the statistics of
// this input (the runtime's bnStats: 'input'), then draws heat maps of |BN stored − esrgan| and
// |BN input − BN stored| and synchronised loupes. State in the URL: bn.img, bn.input, bn.lx / bn.ly (the loupe,
// absent until the reader moves it: until then it follows the largest BN difference). The reader's own picture
// never enters the URL. The crop's side is chosen on the reader's device from one timed run (the kit's cropBudget).
import type { RGBImage } from '../../sr/image';
import { esrganStrings, fill } from '../../i18n/esrgan';
import { attachLoupes } from '../../ui/controls/loupes';
import { figureCrops } from '../../ui/cropChoice';
import { drawWhole, fitRendering, toImageData } from '../../ui/draw/canvasDraw';
import type { Figure } from '../../ui/figure';
import { demoImages } from '../../ui/images/demoImages';
import { demoPhotoLoader } from '../../ui/images/imageLoad';
import { diffMap, heatRGBA } from '../../ui/draw/diffHeat';
import { figureCrop, ownPictureOf } from '../../ui/images/ownPicture';
import { bnLadder, bnSchema, busiestBox, drawnKey, inputVariant, LOUPE, SCALE, type BnState, type InputVariant } from './compute';

const PANELS = ['esrgan', 'esrgan_bn', 'esrgan_bn_input'] as const;
type PanelId = (typeof PANELS)[number];

export const figure: Figure<BnState> = {
  url: { prefix: 'bn', schema: bnSchema },
  initial: (root) => ({ img: root.dataset.photo ?? demoImages[0].id, input: 'original', lx: null, ly: null, own: 0, crop: Number(root.dataset.cropSize) || 24 }),
  setup(ctx) {
    const s = esrganStrings[ctx.lang];
    const root = ctx.root;
    const canvas = (model: string) => root.querySelector<HTMLCanvasElement>(`canvas[data-model="${model}"]`)!;
    const cropSize = Number(root.dataset.cropSize) || 24;
    /** The crop side of the pictures on screen. */
    let drawnSide = 0;
    const cropAt = { x: Number(root.dataset.cropFx ?? 0.5), y: Number(root.dataset.cropFy ?? 0.5) };
    const photo = demoPhotoLoader(ctx.url);
    const shown: Partial<Record<PanelId, ImageData>> = {};
    const imageSelect = ctx.el<HTMLSelectElement>('image');
    const variantSelect = ctx.el<HTMLSelectElement>('variant');
    imageSelect.value = ctx.state.img;
    variantSelect.value = ctx.state.input;
    imageSelect.addEventListener('change', () => ctx.set({ img: imageSelect.value }));
    variantSelect.addEventListener('change', () => ctx.set({ input: variantSelect.value as InputVariant }));
    const own = ownPictureOf(ctx, imageSelect, cropSize);
    const crops = figureCrops({ ctx, own, ladder: bnLadder(cropSize), text: { chosen: s.cropChosen, smallest: s.cropSmallest, what: s.cropWhatRun } });
    const loupes = attachLoupes({
      strip: ctx.el('loupe'),
      panels: PANELS.map((id) => {
        const panel = root.querySelector<HTMLElement>(`[data-panel="${id}"]`)!;
        return { canvas: canvas(id), view: panel.querySelector<HTMLElement>('[data-role="view"]')!, frame: panel.querySelector<HTMLElement>('[data-role="loupe-frame"]')!, loupe: root.querySelector<HTMLCanvasElement>(`canvas[data-loupe="${id}"]`)! };
      }),
      pixels: () => PANELS.map((id) => shown[id]),
      fallbackSize: cropSize * SCALE,
      box: LOUPE,
      valueText: (v) => fill(s.loupeValueText, v),
      at: { x: ctx.state.lx ?? 0.5, y: ctx.state.ly ?? 0.5 },
      onMove: (p) => ctx.set({ lx: p.x, ly: p.y }),
    });

    /** Draws |a − b| as a heat map; returns its mean in 8-bit steps. */
    function heat(target: HTMLCanvasElement, a: RGBImage, b: RGBImage, follow: boolean): number {
      const d = diffMap(a, b);
      if (follow) loupes.moveTo(busiestBox(d.map, d.width, d.height, LOUPE));
      show(target, new ImageData(heatRGBA(d.map, Math.max(d.max, 8 / 255)) as Uint8ClampedArray<ArrayBuffer>, d.width, d.height));
      target.dataset.mean = (d.mean * 255).toFixed(2);
      return d.mean * 255;
    }

    function show(target: HTMLCanvasElement, pixels: ImageData): void {
      drawWhole(target, pixels);
      target.hidden = false;
      target.parentElement?.querySelector('img[data-role="static"]')?.setAttribute('hidden', '');
    }


    return {
      async render(state) {
        const key = drawnKey(own.key(state.img), state.input);
        // only another picture, input or crop makes a run stale; moving the loupe does not
        const stale = () => drawnKey(own.key(ctx.state.img), ctx.state.input) !== key || ctx.state.crop !== state.crop;
        const rt = await ctx.runtime();
        if (!rt) return true;
        if (root.dataset.drawn === key && drawnSide === state.crop) return true; // only the loupe moved: it redraws itself
        const input = inputVariant(await figureCrop(own, state.img, photo, crops.side(state), cropAt), state.input);
        const side = Math.max(input.width, input.height);
        const backend = ctx.backendWord(rt.backend);
        const run = (model: string, bnStats: 'stored' | 'input', i: number) => {
          ctx.say(fill(s.runningStep, { model, backend, i, n: 3 }));
          return rt.client.upscale({ channel: `esrgan-bn-${i}`, model, image: { ...input, data: input.data.slice() }, bnStats });
        };
        const plain = await run('esrgan', 'stored', 1);
        let ms = plain.ms;
        const outs: Record<PanelId, RGBImage> = { esrgan: plain.image, esrgan_bn: (await run('esrgan_bn', 'stored', 2)).image, esrgan_bn_input: (await run('esrgan_bn', 'input', 3)).image };
        if (stale()) return false;
        ctx.el('input-title').textContent = fill(s.inputTitle, { w: input.width, h: input.height });
        show(canvas('input'), toImageData(input));
        for (const id of PANELS) {
          shown[id] = toImageData(outs[id]);
          show(canvas(id), shown[id]!);
          canvas(id).dataset.input = state.input;
        }
        // where the loupe is now: the reader may have placed or moved it while the networks ran
        const placed = ctx.state.lx !== null;
        const a = heat(canvas('heat-bn'), outs.esrgan_bn, outs.esrgan, !placed);
        const b = heat(canvas('heat-input'), outs.esrgan_bn_input, outs.esrgan_bn, false);
        ctx.el('bn-numbers').textContent = fill(s.bnNumbers, { a: a.toFixed(1), b: b.toFixed(1) });
        if (placed) loupes.moveTo({ x: ctx.state.lx!, y: ctx.state.ly ?? 0.5 });
        loupes.draw();
        fitRendering([canvas('input'), canvas('heat-bn'), canvas('heat-input'), ...PANELS.map(canvas)]);
        const probe = crops.needsProbe(side);
        if (probe) {
          // the first run on this crop may have downloaded, compiled and allocated: time esrgan once more, warm
          ctx.say(s.cropProbe);
          ms = (await rt.client.upscale({ channel: 'esrgan-bn-probe', model: 'esrgan', image: { ...input, data: input.data.slice() } })).ms;
          if (stale()) return false;
        }
        root.dataset.drawn = key;
        drawnSide = state.crop;
        ctx.say(ctx.readyText(rt.backend));
        crops.after(side, ms, probe);
        return true;
      },
    };
  },
};
