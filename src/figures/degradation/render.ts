// The degradation explorer, live (kit figure): the chosen photo's crop goes through the runtime's degradation
// twice, second order with the parameters shown and first order with the same first round; every stage, both
// results and the kernels are drawn. State in the URL: deg.img, deg.seed (a draw from the published
// distributions), deg.p (parameters the reader set, cleaned by compute.ts before use); the reader's own picture
// (./photoSeed.ts) never enters it.
import { blurKernel } from '../../sr/degrade/kernels';
import { sampleParams, type DegradeParams } from '../../sr/degrade/params';
import type { RGBImage } from '../../sr/image';
import { degradationStrings, fill } from '../../i18n/degradation';
import { realesrganStrings } from '../../i18n/realesrgan';
import { drawWhole, toImageData } from '../../ui/draw/canvasDraw';
import { drawHeatMap } from '../../ui/draw/heatMap';
import type { Figure, FigureContext } from '../../ui/figure';
import { demoImages } from '../../ui/images/demoImages';
import { jsonField } from '../../ui/urlState';
import { cleanParams, firstOrder, setParam } from './compute';
import { bindParamControls } from './controls';
import { bindPhotoSeed, photoSeedSchema, type PhotoSeedState } from './photoSeed';

const CROP = 128;

interface State extends PhotoSeedState {
  p: DegradeParams | null;
}

function draw(canvas: HTMLCanvasElement, img: RGBImage): void {
  drawWhole(canvas, toImageData(img));
  canvas.hidden = false;
  canvas.closest('li')!.hidden = false;
  const still = canvas.parentElement?.querySelector<HTMLImageElement>('img[data-static]');
  if (still) still.hidden = true;
}

function drawKernels(ctx: FigureContext<State>, p: DegradeParams): void {
  const s = degradationStrings[ctx.lang];
  ctx.el('kernels').hidden = false;
  for (const [name, spec] of [['kernel1', p.kernel1], ['kernel2', p.kernel2], ['sinc', p.sinc]] as const) {
    const canvas = ctx.root.querySelector<HTMLCanvasElement>(`[data-kernel="${name}"]`)!;
    const sum = ctx.root.querySelector<HTMLElement>(`[data-role="kernel-sum"][data-for="${name}"]`)!;
    if (!spec) {
      canvas.hidden = true;
      sum.textContent = s.kernelNone;
      delete canvas.dataset.values;
      continue;
    }
    const k = blurKernel(spec);
    drawHeatMap(canvas, k, 21, 21);
    const total = k.reduce((a, b) => a + b, 0);
    canvas.dataset.values = JSON.stringify(Array.from(k, (v) => Number(v.toPrecision(10))));
    canvas.dataset.sum = String(total);
    sum.textContent = fill(s.kernelSum, { sum: total.toFixed(4) });
  }
}

/** Stage names follow the order of the last two steps (JPEG before or after the resize and sinc). */
function nameStages(ctx: FigureContext<State>, p: DegradeParams): void {
  const r = realesrganStrings[ctx.lang];
  const names: Record<string, string> = p.sinc_first ? { final1: r.final1, final2: r.final2 } : { final1: r.final1Jpeg, final2: r.final2Sinc };
  for (const [stage, name] of Object.entries(names)) {
    const label = ctx.root.querySelector(`[data-role="stage-name"][data-for="${stage}"]`);
    if (label) label.textContent = name;
    ctx.root.querySelector(`[data-stage-canvas="${stage}"]`)?.setAttribute('aria-label', name);
  }
}

export const figure: Figure<State> = {
  url: {
    prefix: 'deg',
    schema: { ...photoSeedSchema, p: jsonField(cleanParams) },
  },
  initial: (root) => ({ img: root.dataset.photo ?? demoImages[0].id, own: 0, seed: null, p: null }),
  setup(ctx) {
    const s = degradationStrings[ctx.lang];
    const defaults = cleanParams(JSON.parse(ctx.root.dataset.defaultParams ?? '{}'))!;
    const paramsOf = (st: State) => st.p ?? (st.seed !== null ? sampleParams(st.seed) : defaults);
    const controls = bindParamControls(ctx.root, (path, v) => ctx.set({ p: setParam(paramsOf(ctx.state), path, v) }));
    const picture = bindPhotoSeed(ctx, CROP, (seed) => ctx.set({ seed, p: null }));

    return {
      async render(state, stale) {
        const rt = await ctx.runtime();
        if (!rt) return true;
        for (const el of ctx.root.querySelectorAll<HTMLInputElement>('input, select, button')) el.disabled = false;
        const params = paramsOf(state);
        controls.show(params);
        const crop = await picture.crop(state.img);
        const t0 = performance.now();
        const [second, first] = await Promise.all([
          rt.client.degrade({ channel: 'deg-second', image: crop, params }),
          rt.client.degrade({ channel: 'deg-first', image: crop, params: firstOrder(params) }),
        ]);
        if (stale()) return false;
        const canvas = (sel: string) => ctx.root.querySelector<HTMLCanvasElement>(sel)!;
        draw(canvas('[data-result="hr"]'), crop);
        draw(canvas('[data-result="second"]'), second.lr);
        draw(canvas('[data-result="first"]'), first.lr);
        draw(canvas('[data-stage-canvas="hr"]'), crop);
        for (const st of second.stages) {
          draw(canvas(`[data-stage-canvas="${st.name}"]`), st.image);
          const size = ctx.root.querySelector(`[data-role="stage-size"][data-for="${st.name}"]`);
          if (size) size.textContent = fill(realesrganStrings[ctx.lang].pixels, { w: st.image.width, h: st.image.height });
        }
        drawKernels(ctx, params);
        nameStages(ctx, params);
        ctx.say(fill(s.done, { ms: Math.round(performance.now() - t0), backend: ctx.backendWord(rt.backend) }));
        return true;
      },
    };
  },
};
