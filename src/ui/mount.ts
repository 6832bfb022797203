// The kit's side of a figure once it is in view: builds the FigureContext (ui/figure.ts), reads the URL
// state, runs the latest-state loop while the figure is visible, writes the URL (debounced) after changes.
import type { BackendAttempt, BackendName } from '../sr/backend';
import type { Lang } from '../i18n';
import { failureStrings } from '../i18n/failures';
import { sharedRuntime } from '../sr/runtime/client';
import { fill, kitStrings } from '../i18n/kit';
import { backendOrder } from './backendChoice';
import { setStatus, showFailure } from './failureStatus';
import type { Figure, FigureContext } from './figure';
import { latestStateRunner } from './latestState';
import { readPresent, writeState } from './urlState';
import { siteUrl } from './siteUrl';

const langOf = (root: HTMLElement) => (root.dataset.lang === 'ja' ? 'ja' : 'en');
const statusOf = (root: HTMLElement) => root.querySelector<HTMLElement>('[data-role="status-message"]');

/** The figure could not even start (its code failed to load): say so, keep the static pictures. */
export function failBeforeStart(root: HTMLElement, err: unknown): void {
  root.dataset.status = 'error';
  root.dataset.backend = 'none';
  const line = statusOf(root);
  if (line) showFailure(line, langOf(root), err, 'static');
}

/** Writes the figure's state into the URL, 250 ms after the last change. */
function urlWriter<S>(figure: Figure<S>, state: () => S): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    const u = figure.url;
    if (!u) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const search = writeState(location.search, u.prefix, u.schema, state());
      history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    }, 250);
  };
}

/** Starts the page's runtime for a figure; without a backend the figure keeps its static pictures, says why, and its controls are disabled. */
async function startRuntime<S>(root: HTMLElement, ctx: FigureContext<S>, kept: 'static' | 'none', onDead: () => void) {
  const { client, ready } = sharedRuntime({ weightsBase: siteUrl(root, 'weights/'), order: backendOrder(location.search) });
  try {
    ctx.say(kitStrings[ctx.lang].statusStarting);
    const { report } = await ready;
    root.dataset.backend = report.name;
    // test hook (e2e): lose the runtime's GPU device as a driver reset would; the next run must recover
    root.addEventListener('sr-test:lose-device', () => void client.loseDevice().then((lost) => (root.dataset.deviceLost = String(lost))));
    return { client, backend: report.name, report };
  } catch (err) {
    onDead();
    root.dataset.status = 'error';
    root.dataset.backend = 'none';
    ctx.fail(err, kept);
    // the PNG buttons stay (they save the pictures computed in advance), and controls marked data-offline (pure maths)
    for (const c of root.querySelectorAll<HTMLInputElement>('input:not([data-offline]), select, button:not([data-save]):not([data-offline])')) c.disabled = true;
    return null;
  }
}

const backendName = (lang: Lang, b: BackendName) => {
  const k = kitStrings[lang];
  return b === 'webgpu' ? k.backendWebgpu : b === 'webgl' ? k.backendWebgl : k.backendCpu;
};

/** "Live on WebGPU." or, when the backend tried first did not start, "Live on WebGL; WebGPU was not available (why)." */
export function readyText(lang: Lang, backend: BackendName, fallback?: BackendAttempt): string {
  const k = kitStrings[lang];
  if (!fallback || fallback.name === backend) return fill(k.statusReady, { backend: backendName(lang, backend) });
  const why = failureStrings[lang].reasons[fallback.reason ?? 'failed'];
  return fill(k.statusFallback, { backend: backendName(lang, backend), tried: backendName(lang, fallback.name), why });
}

export async function mountFigure<S>(root: HTMLElement, figure: Figure<S>): Promise<{ setVisible(v: boolean): void }> {
  const lang = langOf(root);
  const line = statusOf(root);
  let state: S = figure.initial(root);
  if (figure.url) state = { ...state, ...readPresent(location.search, figure.url.prefix, figure.url.schema) };
  let visible = false;
  /** No backend started: the static pictures stay, the failure is said once, nothing renders again. */
  let dead = false;
  const DEAD = new Error('no backend');
  let runtime: ReturnType<FigureContext<S>['runtime']> | null = null;
  /** The backend tried first, when it did not start (the ready sentence says so). */
  let fallback: BackendAttempt | undefined;
  const backendWord = (b: BackendName) => backendName(lang, b);
  const saveUrl = urlWriter(figure, () => state);
  /** Set once setup has returned; a `set` during setup only records the state. */
  let pump: () => Promise<void> = async () => undefined;
  /** True while an animation drives the state (the view's `quiet`): its frames are not written into the URL. */
  let quiet = (): boolean => false;
  const ctx: FigureContext<S> = {
    root,
    lang,
    url: (path) => siteUrl(root, path),
    el: <T extends Element>(role: string) => {
      const found = root.querySelector<T>(`[data-role="${role}"]`);
      if (!found) throw new Error(`figure markup lacks [data-role="${role}"]`);
      return found;
    },
    all: <T extends Element>(role: string) => [...root.querySelectorAll<T>(`[data-role="${role}"]`)],
    get state() {
      return state;
    },
    set(patch) {
      state = { ...state, ...patch };
      if (!quiet()) saveUrl();
      void pump();
    },
    // the same sentence again (an animation's frames) is not re-announced
    say: (text) => line && (line.textContent !== text || line.dataset.failure) && setStatus(line, text),
    fail: (err, kept) => line && void showFailure(line, lang, err, kept),
    readyText: (b) => readyText(lang, b, fallback),
    backendWord,
    runtime() {
      runtime ??= startRuntime(root, ctx, figure.kept ?? 'static', () => (dead = true)).then((rt) => {
        fallback = rt?.report.attempts.find((a) => !a.ok);
        return rt && { client: rt.client, backend: rt.backend };
      });
      return runtime;
    },
  };
  const view = await figure.setup(ctx);
  quiet = () => view.quiet?.() ?? false;
  pump = latestStateRunner({
    root,
    isVisible: () => visible && !dead,
    key: () => JSON.stringify(state),
    render: async (stale) => {
      const drawn = await view.render(state, stale);
      if (dead) throw DEAD;
      return drawn;
    },
    onShown: () => undefined,
    quiet: () => view.quiet?.() ?? false,
    onError: (err) => {
      if (err !== DEAD) ctx.fail(err, root.dataset.status === 'ready' ? 'last' : 'static');
    },
  });
  return {
    setVisible(v) {
      visible = v;
      view.visible?.(v);
      if (v) void pump();
    },
  };
}
