// The playground, live (kit figure). Choosing a picture, a size limit, a network or a tile size only updates the
// plan (nothing heavy loads until the reader asks: the runtime starts on the first run or model file). "Upscale"
// first times this device on a small square (./run.ts; once per network), asks before a run estimated above
// CONFIRM_SECONDS, then runs tiled and cancellable; ./result.ts draws the result (wipe, loupes, download). The
// reader's files stay in the browser (./sources.ts).
import type { RGBImage } from '../../sr/image';
import { imresizeJs } from '../../sr/resizeCpu';
import { fill, playgroundStrings } from '../../i18n/playground';
import { bindSlider } from '../../ui/controls/slider';
import type { Figure } from '../../ui/figure';
import { demoImages } from '../../ui/images/demoImages';
import { demoPhotoLoader } from '../../ui/images/imageLoad';
import { intField, numberField, oneOfField } from '../../ui/urlState';
import { CONFIRM_SECONDS, estimateSeconds, fitSide, gflops, modelRef, PAIRS, planRun, probeSide, SIDES, TILES, type TileChoice } from './compute';
import { resultView } from './result';
import { duration, probe, runWhole, tileCount, type Chosen, type Rate } from './run';
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
    /** What the reader chose now, or null without a model. */
    function chosenNow(st: State): Chosen | null {
      const arch = archOf(st);
      if (!arch) return null;
      if (st.model === 'file') return { ref: file!.id, label: file!.name, arch };
      return { ref: modelRef(st.model, st.alpha), label: PAIRS[st.model] && st.alpha < 1 ? `${st.model}-alpha${st.alpha}` : st.model, arch };
    }
    /** The probe's rate per architecture and shape (what the cost depends on, not the weights), measured once. */
    const rates = new Map<string, Rate>();
    const rateKey = (c: Chosen) => JSON.stringify(c.arch);
    const confirmRow = ctx.el('confirm');
    const [runButton, cancel] = [ctx.el<HTMLButtonElement>('run'), ctx.el<HTMLButtonElement>('cancel')];
    const result = resultView(ctx);

    /** Measures (once), asks above the threshold unless `confirmed`, runs and draws; all for the state at the click. */
    async function start(confirmed: boolean): Promise<void> {
      const st = ctx.state;
      const chosen = chosenNow(st);
      if (!chosen) return void ctx.say(s.noModel);
      if (running) return;
      const ac = new AbortController();
      [runButton.disabled, cancel.disabled, running, confirmRow.hidden] = [true, false, ac, true];
      cancel.focus();
      try {
        const rt = await ctx.runtime();
        if (!rt) return;
        const img = await pictureOf(st);
        let rate = rates.get(rateKey(chosen));
        if (!rate) {
          ctx.say(fill(s.probing, { model: chosen.label, n: probeSide(chosen.arch.name, img.width, img.height) }));
          rate = await probe(rt.client, chosen, img, ac.signal);
          rates.set(rateKey(chosen), rate);
          showPlan(ctx.state); // the plan line now shows the estimate
        }
        const plan = planRun(chosen.arch.name, chosen.arch.params ?? {}, img.width, img.height, st.tile);
        const estimate = estimateSeconds(plan.macs, rate.macs, rate.ms);
        if (estimate > CONFIRM_SECONDS && !confirmed) {
          const question = fill(s.confirm, { t: duration(ctx.lang, estimate) });
          ctx.el('confirm-text').textContent = question;
          ctx.say(question); // the status line is the live region; the row's text labels its buttons
          [confirmRow.hidden, confirmRow.dataset.for] = [false, JSON.stringify(st)];
          return;
        }
        const run = await runWhole(rt.client, chosen, img, plan, st.tile === 'auto' ? undefined : plan.tile, estimate, { lang: ctx.lang, signal: ac.signal, progress: ctx.el('progress'), say: ctx.say });
        const speed = gflops(plan.wholeMacs, run.ms);
        result.show(img, run.image, { tiles: String(run.tiles), model: chosen.label, gflops: speed.toFixed(3) });
        const secs = (run.ms / 1000).toFixed(1);
        ctx.say(fill(s.done, { backend: ctx.backendWord(run.backend), w: run.image.width, h: run.image.height, s: secs, tiles: tileCount(ctx.lang, run.tiles), gflops: speed.toFixed(speed < 10 ? 2 : 1) }));
      } catch (err) {
        if ((err as Error)?.name === 'AbortError') ctx.say(s.cancelled);
        else ctx.fail(err, 'last');
      } finally {
        if (running === ac) {
          running = null;
          [runButton.disabled, cancel.disabled] = [ctx.root.dataset.backend === 'none', true];
          if (!confirmRow.hidden) ctx.el('confirm-run').focus();
          else if (document.activeElement === cancel) runButton.focus();
        }
      }
    }
    runButton.addEventListener('click', () => void start(false));
    // a yes counts only for the choices it was asked about (the row hides when they change; this also covers a
    // change made while the probe ran)
    ctx.el('confirm-run').addEventListener('click', () => void start(confirmRow.dataset.for === JSON.stringify(ctx.state)));
    ctx.el('confirm-cancel').addEventListener('click', () => {
      confirmRow.hidden = true;
      ctx.say(s.notRun);
      runButton.focus();
    });
    cancel.addEventListener('click', () => running?.abort());

    /** The plan line: sizes, tiles, multiply-accumulates, and the time once this device has been measured. */
    function showPlan(state: State): void {
      const arch = archOf(state);
      const start = PAIRS[state.model];
      ctx.el('alpha-row').hidden = !start;
      if (start) ctx.el('alpha-row').querySelector('.ui-label')!.textContent = fill(s.alpha, { start, model: state.model });
      const img = sizeOf(state); // nothing is fetched before the reader runs something
      const plan = arch ? planRun(arch.name, arch.params ?? {}, img.width, img.height, state.tile) : null;
      const chosen = chosenNow(state);
      const rate = chosen && rates.get(rateKey(chosen));
      const cost = !plan ? '' : rate ? fill(s.estimate, { t: duration(ctx.lang, estimateSeconds(plan.macs, rate.macs, rate.ms)) }) : s.estimateLater;
      const g = (n: number) => (n / 1e9).toFixed(n < 1e10 ? 2 : 0);
      ctx.el('plan').textContent = plan
        ? fill(s.plan, { w: img.width, h: img.height, ow: plan.outWidth, oh: plan.outHeight, tiles: tileCount(ctx.lang, plan.tiles, plan.tile), gmacs: g(plan.macs), overlap: plan.tiles > 1 ? fill(s.overlap, { whole: g(plan.wholeMacs) }) : '' }) + s.gap + cost
        : s.noModel;
    }

    return {
      async render(state) {
        for (const el of ctx.root.querySelectorAll<HTMLElement & { disabled: boolean }>('select, input, [data-role^="pick"]')) el.disabled = false;
        ctx.el<HTMLButtonElement>('run').disabled = !!running;
        showPlan(state);
        if (confirmRow.dataset.for !== JSON.stringify(state)) confirmRow.hidden = true; // another choice: a new estimate
        if (!running && !ctx.root.dataset.backend) ctx.say(s.idle);
        return true;
      },
    };
  },
};
