// The playground, live (kit figure). Choosing a picture, a size limit, a network or a tile size only updates the
// plan (nothing heavy loads until the reader asks: the runtime starts on the first run or model file); "Upscale"
// runs the network through the page's runtime (tiled, cancellable); the result is drawn with the input over its
// left part (the wipe) and can be downloaded as PNG. The reader's files stay in the browser (./sources.ts).
import type { RGBImage } from '../../sr/image';
import { imresizeJs } from '../../sr/resizeCpu';
import { fill, playgroundStrings } from '../../i18n/playground';
import { bindSlider } from '../../ui/controls/slider';
import { drawWhole, toImageData } from '../../ui/draw/canvasDraw';
import type { Figure, FigureContext } from '../../ui/figure';
import { demoImages } from '../../ui/images/demoImages';
import { demoPhotoLoader } from '../../ui/images/imageLoad';
import { download, pngOf } from '../../ui/savePicture';
import { intField, numberField, oneOfField } from '../../ui/urlState';
import { fitSide, modelRef, PAIRS, planRun, SIDES, TILES, type TileChoice } from './compute';
import { readerSources, type Arch, type ModelFile } from './sources';

interface State {
  picture: string;
  side: number;
  model: string;
  tile: TileChoice;
  alpha: number;
  /** Bumped when the reader's picture or model file changes (same choice, new content); never in the URL. */
  rev: number;
}
type Ctx = FigureContext<State>;
const canvasOf = (ctx: Ctx, id: string) => ctx.root.querySelector<HTMLCanvasElement>(`[data-result="${id}"]`)!;

/** One run of the chosen network on the chosen picture, with progress, cancel and the drawing of the result. */
async function runOnce(ctx: Ctx, img: RGBImage, arch: Arch, model: { id: string | ReturnType<typeof modelRef>; label: string }, signal: AbortSignal): Promise<void> {
  const s = playgroundStrings[ctx.lang];
  const rt = await ctx.runtime();
  if (!rt) return;
  const t0 = performance.now();
  const secs = () => ((performance.now() - t0) / 1000).toFixed(1);
  const progress = ctx.el<HTMLProgressElement>('progress');
  const plan = planRun(arch.name, arch.params ?? {}, img.width, img.height, ctx.state.tile);
  const result = await rt.client.upscale({
    channel: 'playground',
    model: model.id,
    image: { ...img, data: img.data.slice() },
    tile: ctx.state.tile === 'auto' ? undefined : plan.tile,
    signal,
    onProgress: (p) => {
      if (p.phase !== 'tiles') return;
      [progress.max, progress.value] = [p.total, p.done];
      ctx.say(fill(s.progress, { done: p.done, total: p.total, s: secs() }));
    },
  });
  const [output, input] = [canvasOf(ctx, 'output'), canvasOf(ctx, 'input')];
  drawWhole(output, toImageData(result.image));
  drawWhole(input, toImageData(img));
  [output.hidden, input.hidden] = [false, false];
  [output.dataset.tiles, output.dataset.model] = [String(result.tiles), model.label];
  ctx.el<HTMLButtonElement>('download').disabled = false;
  ctx.say(fill(s.done, { backend: ctx.backendWord(result.backend), w: result.image.width, h: result.image.height, s: secs(), tiles: result.tiles }));
}

export const figure: Figure<State> = {
  url: {
    prefix: 'pg',
    schema: {
      // the reader's own picture cannot be shared: it is never written, and a URL cannot ask for it
      picture: { read: (raw) => (demoImages.some((d) => d.id === raw) ? raw! : 'chelsea'), write: (v) => (v === 'own' ? null : v) },
      side: intField(SIDES[0], SIDES[SIDES.length - 1], 256),
      model: { read: (raw) => (raw && /^[a-z0-9_]{1,40}$/.test(raw) ? raw : 'srcnn'), write: (v) => (v === 'file' ? null : v) },
      tile: oneOfField(TILES, 'auto'),
      alpha: numberField(0, 1, 1, 2),
      rev: { read: () => 0, write: () => null },
    },
  },
  kept: 'none',
  initial: () => ({ picture: 'chelsea', side: 256, model: 'srcnn', tile: 'auto', alpha: 1, rev: 0 }),
  setup(ctx) {
    const s = playgroundStrings[ctx.lang];
    const archs = JSON.parse(ctx.root.dataset.archs ?? '{}') as Record<string, Arch>;
    const [picture, side, model, tile] = ['picture', 'max-side', 'model', 'tile'].map((r) => ctx.el<HTMLSelectElement>(r));
    const photos = demoPhotoLoader(ctx.url);
    let own: RGBImage | null = null;
    let file: ModelFile | null = null;
    let running: AbortController | null = null;
    if (!archs[ctx.state.model]) ctx.set({ model: 'srcnn' });
    [picture.value, side.value, model.value, tile.value] = [ctx.state.picture, String(ctx.state.side), ctx.state.model, ctx.state.tile];
    const sources = readerSources(
      ctx,
      (img) => ((own = img), (picture.value = 'own'), ctx.set({ picture: 'own', rev: ctx.state.rev + 1 })),
      (m) => ((file = m), (model.value = 'file'), ctx.set({ model: 'file', rev: ctx.state.rev + 1 })),
    );
    picture.addEventListener('change', () => (picture.value === 'own' && !own ? (sources.choosePicture(), (picture.value = ctx.state.picture)) : ctx.set({ picture: picture.value })));
    model.addEventListener('change', () => (model.value === 'file' && !file ? (sources.chooseModel(), (model.value = ctx.state.model)) : ctx.set({ model: model.value })));
    side.addEventListener('change', () => ctx.set({ side: Number(side.value) }));
    tile.addEventListener('change', () => ctx.set({ tile: tile.value as TileChoice }));
    const input = canvasOf(ctx, 'input');
    bindSlider(ctx.el<HTMLInputElement>('wipe'), (v) => fill(s.wipeText, { v }), (v) => (input.style.clipPath = `inset(0 ${v}% 0 0)`)).set(50);
    input.style.clipPath = 'inset(0 50% 0 0)';
    const alpha = bindSlider(ctx.el<HTMLInputElement>('alpha'), (v) => fill(s.alphaText, { v: v.toFixed(2) }), (v) => ctx.set({ alpha: v }));
    alpha.set(ctx.state.alpha);

    /** The picture's size after the limit, without loading it (the demo manifest knows the photos' sizes). */
    const sizeOf = (st: State) => {
      const src = st.picture === 'own' && own ? own : demoImages.find((d) => d.id === st.picture) ?? demoImages[0];
      return fitSide(src.width, src.height, st.side);
    };
    const archOf = (st: State): Arch | null => (st.model === 'file' ? file?.arch ?? null : archs[st.model] ?? null);
    async function pictureOf(st: State): Promise<RGBImage> {
      const img = st.picture === 'own' && own ? own : await photos(st.picture === 'own' ? 'chelsea' : st.picture);
      const fit = fitSide(img.width, img.height, st.side);
      return fit.width === img.width ? img : imresizeJs(img, fit.width / img.width);
    }
    ctx.el('run').addEventListener('click', async () => {
      const arch = archOf(ctx.state);
      if (!arch) return void ctx.say(s.noModel);
      if (running) return;
      const [runButton, cancel] = [ctx.el<HTMLButtonElement>('run'), ctx.el<HTMLButtonElement>('cancel')];
      const ac = new AbortController();
      [runButton.disabled, cancel.disabled, running] = [true, false, ac];
      cancel.focus();
      const st = ctx.state;
      const chosen = st.model === 'file' ? { id: file!.id, label: file!.name } : { id: modelRef(st.model, st.alpha), label: PAIRS[st.model] && st.alpha < 1 ? `${st.model}-alpha${st.alpha}` : st.model };
      try {
        await runOnce(ctx, await pictureOf(st), arch, chosen, ac.signal);
      } catch (err) {
        if ((err as Error)?.name === 'AbortError') ctx.say(s.cancelled);
        else ctx.fail(err, 'last');
      } finally {
        if (running === ac) {
          running = null;
          [runButton.disabled, cancel.disabled] = [ctx.root.dataset.backend === 'none', true];
          if (document.activeElement === cancel) runButton.focus();
        }
      }
    });
    ctx.el('cancel').addEventListener('click', () => running?.abort());
    const output = canvasOf(ctx, 'output');
    ctx.el('download').addEventListener('click', async () => download(await pngOf(output), `super-resolution-${(output.dataset.model ?? 'result').replace(/[^\w.-]/g, '_')}.png`));

    return {
      async render(state) {
        for (const el of ctx.root.querySelectorAll<HTMLElement & { disabled: boolean }>('select, input, [data-role^="pick"]')) el.disabled = false;
        ctx.el<HTMLButtonElement>('run').disabled = !!running;
        const arch = archOf(state);
        const start = PAIRS[state.model];
        ctx.el('alpha-row').hidden = !start;
        if (start) ctx.el('alpha-row').querySelector('.ui-label')!.textContent = fill(s.alpha, { start, model: state.model });
        const img = sizeOf(state); // nothing is fetched before the reader runs something
        const plan = arch ? planRun(arch.name, arch.params ?? {}, img.width, img.height, state.tile) : null;
        ctx.el('plan').textContent = plan ? fill(s.plan, { w: img.width, h: img.height, ow: plan.outWidth, oh: plan.outHeight, tiles: plan.tiles, tile: plan.tile }) : s.noModel;
        if (!running && !ctx.root.dataset.backend) ctx.say(s.idle);
        return true;
      },
    };
  },
};
