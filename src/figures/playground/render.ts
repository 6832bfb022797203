// The playground, live (kit figure). Choosing a picture, a size limit, a network or a tile size only updates the
// plan (nothing heavy loads until the reader asks: the runtime starts on the first run or model file). "Upscale"
// first times this device on a small square (./run.ts; once per network), asks before a run estimated above
// CONFIRM_SECONDS, then runs tiled and cancellable; ./result.ts draws the result (wipe, loupes, download). The
// reader's files stay in the browser (./sources.ts).
import type { RGBImage } from '../../sr/image';
import { fill, playgroundStrings } from '../../i18n/playground';
import { bindSlider } from '../../ui/controls/slider';
import type { Figure, FigureContext } from '../../ui/figure';
import { demoImages } from '../../ui/images/demoImages';
import { demoPhotoLoader } from '../../ui/images/imageLoad';
import { intField, numberField, oneOfField } from '../../ui/urlState';
import { CONFIRM_SECONDS, estimateSeconds, gflops, PAIRS, planRun, probeSide, SIDES, TILES, type TileChoice } from './compute';
import { resultView } from './result';
import { duration, probe, runWhole, tileCount, type Chosen, type Rate } from './run';
import { readerSources, type Arch } from './sources';
import { chosenNow, pictureOf, planText, rateKey, type Held, type State } from './choice';

/** For the state at the click: measures this device (once per architecture), asks before a run estimated above
 * CONFIRM_SECONDS unless `confirmed`, then runs tiled and draws the result. */
async function runChosen(
  ctx: FigureContext<State>,
  o: {
    st: State;
    chosen: Chosen;
    picture: () => Promise<RGBImage>;
    rates: Map<string, Rate>;
    confirmed: boolean;
    signal: AbortSignal;
    replan: () => void;
    result: ReturnType<typeof resultView>;
    confirmRow: HTMLElement;
  },
): Promise<void> {
  const { st, chosen } = o;
  const s = playgroundStrings[ctx.lang];
  const rt = await ctx.runtime();
  if (!rt) return;
  const img = await o.picture();
  let rate = o.rates.get(rateKey(chosen));
  if (!rate) {
    ctx.say(fill(s.probing, { model: chosen.label, n: probeSide(chosen.arch.name, img.width, img.height) }));
    rate = await probe(rt.client, chosen, img, o.signal);
    o.rates.set(rateKey(chosen), rate);
    o.replan(); // the plan line now shows the estimate
  }
  const plan = planRun(chosen.arch.name, chosen.arch.params ?? {}, img.width, img.height, st.tile);
  const estimate = estimateSeconds(plan.macs, rate.macs, rate.ms);
  if (estimate > CONFIRM_SECONDS && !o.confirmed) {
    const question = fill(s.confirm, { t: duration(ctx.lang, estimate) });
    ctx.el('confirm-text').textContent = question;
    ctx.say(question); // the status line is the live region; the row's text labels its buttons
    [o.confirmRow.hidden, o.confirmRow.dataset.for] = [false, JSON.stringify(st)];
    return;
  }
  const run = await runWhole(rt.client, chosen, img, plan, st.tile === 'auto' ? undefined : plan.tile, estimate, { lang: ctx.lang, signal: o.signal, progress: ctx.el('progress'), say: ctx.say });
  const speed = gflops(plan.wholeMacs, run.ms);
  o.result.show(img, run.image, { tiles: String(run.tiles), model: chosen.label, gflops: speed.toFixed(3) });
  const secs = (run.ms / 1000).toFixed(1);
  ctx.say(fill(s.done, { backend: ctx.backendWord(run.backend), w: run.image.width, h: run.image.height, s: secs, tiles: tileCount(ctx.lang, run.tiles), gflops: speed.toFixed(speed < 10 ? 2 : 1) }));
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
    const held: Held = { archs: JSON.parse(ctx.root.dataset.archs ?? '{}') as Record<string, Arch>, own: null, file: null };
    const [picture, side, model, tile] = ['picture', 'max-side', 'model', 'tile'].map((r) => ctx.el<HTMLSelectElement>(r));
    const photos = demoPhotoLoader(ctx.url);
    let running: AbortController | null = null;
    if (!held.archs[ctx.state.model]) ctx.set({ model: 'srcnn' });
    [picture.value, side.value, model.value, tile.value] = [ctx.state.picture, String(ctx.state.side), ctx.state.model, ctx.state.tile];
    const sources = readerSources(
      ctx,
      (img) => ((held.own = img), (picture.value = 'own'), ctx.set({ picture: 'own', rev: ctx.state.rev + 1 })),
      (m) => ((held.file = m), (model.value = 'file'), ctx.set({ model: 'file', rev: ctx.state.rev + 1 })),
    );
    picture.addEventListener('change', () => (picture.value === 'own' && !held.own ? (sources.choosePicture(), (picture.value = ctx.state.picture)) : ctx.set({ picture: picture.value })));
    model.addEventListener('change', () => (model.value === 'file' && !held.file ? (sources.chooseModel(), (model.value = ctx.state.model)) : ctx.set({ model: model.value })));
    side.addEventListener('change', () => ctx.set({ side: Number(side.value) }));
    tile.addEventListener('change', () => ctx.set({ tile: tile.value as TileChoice }));
    const alpha = bindSlider(ctx.el<HTMLInputElement>('alpha'), (v) => fill(s.alphaText, { v: v.toFixed(2) }), (v) => ctx.set({ alpha: v }));
    alpha.set(ctx.state.alpha);

    const rates = new Map<string, Rate>();
    const confirmRow = ctx.el('confirm');
    const [runButton, cancel] = [ctx.el<HTMLButtonElement>('run'), ctx.el<HTMLButtonElement>('cancel')];
    const result = resultView(ctx);

    /** Measures (once), asks above the threshold unless `confirmed`, runs and draws; all for the state at the click. */
    async function start(confirmed: boolean): Promise<void> {
      const st = ctx.state;
      const chosen = chosenNow(st, held);
      if (!chosen) return void ctx.say(s.noModel);
      if (running) return;
      const ac = new AbortController();
      [runButton.disabled, cancel.disabled, running, confirmRow.hidden] = [true, false, ac, true];
      cancel.focus();
      try {
        await runChosen(ctx, { st, chosen, picture: () => pictureOf(st, held, photos), rates, confirmed, signal: ac.signal, replan: () => showPlan(ctx.state), result, confirmRow });
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

    /** The plan line, and the α row where the model is one end of a pair. */
    function showPlan(state: State): void {
      const start = PAIRS[state.model];
      ctx.el('alpha-row').hidden = !start;
      if (start) ctx.el('alpha-row').querySelector('.ui-label')!.textContent = fill(s.alpha, { start, model: state.model });
      ctx.el('plan').textContent = planText(ctx.lang, state, held, rates);
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
