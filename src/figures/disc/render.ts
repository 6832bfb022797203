// The discriminator figure, live (kit figure). Real patches: the four 128×128 quarters of a 256×256 photograph.
// Generated patches: the same photograph reduced ×4 (MATLAB-style bicubic, on the CPU) and enlarged again by the
// reader's choice (bicubic, or an RRDB generator on the page's runtime), then quartered. One choice, esrgan_std
// (DISC_PRECOMPUTED), is not run here: its output on the same LR was computed by the training pipeline and is
// loaded as an 8-bit PNG (the root's data-precomputed), which keeps the page within its download budget; the figure
// says so, and both discriminators still score it live (client.discriminate → raw logits C). State in the URL:
// disc.img, disc.fake.
import type { RGBImage } from '../../sr/image';
import type { RuntimeClient } from '../../sr/runtime/client';
import { resizeImage } from '../../sr/resizeCpu';
import { esrganStrings, fill } from '../../i18n/esrgan';
import { drawWhole, toImageData } from '../../ui/draw/canvasDraw';
import type { Figure, FigureContext } from '../../ui/figure';
import { demoPhotoLoader, loadUrl } from '../../ui/images/imageLoad';
import { DISC_PRECOMPUTED, DISCRIMINATORS, discSchema, PATCH, quadrantBatch, type DiscFake, type DiscState } from './compute';
import { drawCharts, drawTable } from './scores';

const yieldToBrowser = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** The generated picture the discriminators compare with `real`: pre-computed by the pipeline, bicubic, or a generator's. */
async function generated(ctx: FigureContext<DiscState>, precomputed: Record<string, Record<string, string>>, real: RGBImage, state: DiscState, client: RuntimeClient): Promise<RGBImage> {
  const s = esrganStrings[ctx.lang];
  if (DISC_PRECOMPUTED.includes(state.fake)) {
    // Made by the pipeline from exactly the LR below (training/srt/site/figures_esrgan.py: disc_photo, disc_lr).
    const path = precomputed[state.fake]?.[state.img];
    if (!path) throw new Error(fill(s.discPrecomputedMissing, { id: state.fake }));
    return loadUrl(ctx.url(path));
  }
  const lr = resizeImage(real, real.width / 4, real.height / 4, 'bicubic');
  if (state.fake === 'bicubic') {
    await yieldToBrowser();
    return resizeImage(lr, real.width, real.height, 'bicubic');
  }
  return (await client.upscale({ channel: 'esrgan-disc', model: state.fake, image: lr })).image;
}

export const figure: Figure<DiscState> = {
  url: { prefix: 'disc', schema: discSchema },
  initial: () => ({ img: 'chelsea', fake: 'esrgan' }),
  async setup(ctx) {
    const s = esrganStrings[ctx.lang];
    const root = ctx.root;
    const canvas = (model: string) => root.querySelector<HTMLCanvasElement>(`canvas[data-model="${model}"]`)!;
    const panel = (d: string) => root.querySelector<HTMLElement>(`[data-disc="${d}"]`)!;
    const sourceName = (f: DiscFake): string => (f === 'bicubic' ? s.fakeBicubic : DISC_PRECOMPUTED.includes(f) ? fill(s.fakePrecomputed, { id: f }) : f);
    /** Site-relative paths of the pre-computed pictures, by source and photograph (built from figures.json). */
    const precomputed = JSON.parse(root.dataset.precomputed || '{}') as Record<string, Record<string, string>>;
    const load = demoPhotoLoader(ctx.url);
    // The demo photographs are 256×256; anything else is brought to that size.
    const photo = async (id: string) => {
      const img = await load(id);
      return img.width === 2 * PATCH && img.height === 2 * PATCH ? img : resizeImage(img, 2 * PATCH, 2 * PATCH);
    };
    for (const [role, key] of [['image', 'img'], ['fake', 'fake']] as const) {
      const select = ctx.el<HTMLSelectElement>(role);
      select.value = ctx.state[key];
      select.addEventListener('change', () => ctx.set({ [key]: select.value } as Partial<DiscState>));
    }
    let last: Record<string, { real: number[]; fake: number[] }> | null = null;
    let Plot: typeof import('@observablehq/plot') | null = null;

    /** Tables first, then one panel's charts per task, so no single task grows long. */
    async function drawScores(): Promise<void> {
      if (!last || !Plot) return;
      for (const d of DISCRIMINATORS) drawTable(panel(d), s, last[d].real, last[d].fake);
      for (const d of DISCRIMINATORS) {
        await yieldToBrowser();
        drawCharts(Plot, panel(d), s, last[d].real, last[d].fake);
      }
    }
    // Charts are redrawn at their container's width (only when that width changes).
    let drawnWidth = 0;
    new ResizeObserver(() =>
      requestAnimationFrame(() => {
        if (!last || Math.abs(root.clientWidth - drawnWidth) <= 8) return;
        drawnWidth = root.clientWidth;
        void drawScores();
      }),
    ).observe(root);

    return {
      async render(state, stale) {
        const rt = await ctx.runtime();
        if (!rt) return true;
        Plot ??= await import('@observablehq/plot');
        ctx.say(s.discComputing);
        const real = await photo(state.img);
        await yieldToBrowser();
        const fake = await generated(ctx, precomputed, real, state, rt.client);
        await yieldToBrowser();
        const scores: Record<string, { real: number[]; fake: number[] }> = {};
        const logits = async (model: string, img: RGBImage) => Array.from((await rt.client.discriminate({ model, patches: quadrantBatch(img, PATCH) })).logits);
        for (const d of DISCRIMINATORS) scores[d] = { real: await logits(d, real), fake: await logits(d, fake) };
        if (stale()) return false;
        last = scores;
        for (const [model, img] of [['real', real], ['fake', fake]] as const) {
          drawWhole(canvas(model), toImageData(img));
          canvas(model).hidden = false;
          canvas(model).parentElement?.querySelector('img')?.setAttribute('hidden', '');
        }
        ctx.el('fake-title').textContent = fill(s.fakeTitle, { source: sourceName(state.fake) });
        drawnWidth = root.clientWidth;
        await drawScores();
        root.dataset.drawn = `${state.img}|${state.fake}`;
        ctx.say(ctx.readyText(rt.backend));
        return true;
      },
    };
  },
};
