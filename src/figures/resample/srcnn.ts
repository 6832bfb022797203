// SRCNN's panel (Dong et al. 2014; the site's `public/weights/srcnn`, trained for ×4 only). It runs on the page's
// runtime after the four methods are drawn, in the background: the figure's render never waits for it, a newer crop
// cancels it, and it stops off screen (started again when the figure comes back). Until it is done, or when it
// fails, the panel shows the bicubic picture dimmed and labelled; the status line says how far it got, in the
// page's language.
import type { RGBImage } from '../../sr/image';
import type { Progress, RuntimeClient } from '../../sr/runtime/client';
import { classifyFailure, failureText, type Failure } from '../../i18n/failures';
import { fill, type InterpolationStrings } from '../../i18n/interpolation';
import type { Lang } from '../../i18n';
import { srcnnProgressText, type View } from './compute';

/** off: not ×4 (a note instead); pending: dimmed bicubic while it loads or runs; ready; failed: dimmed bicubic. */
export type SrcnnPhase = 'off' | 'pending' | 'ready' | 'failed';

/** 64-px tiles keep each GPU submission short, so a cancel takes effect soon. */
const TILE = 64;

export interface SrcnnJob {
  /** The input key (compute.ts `inputKey`) the job belongs to. */
  key: string;
  input: RGBImage;
  view: View;
}

/** SRCNN ×4 of `input` on the page's runtime (a copy travels; the weights load on first use). */
async function runSrcnn(client: RuntimeClient, input: RGBImage, signal: AbortSignal, onProgress: (p: Progress) => void): Promise<RGBImage> {
  const image = { width: input.width, height: input.height, data: input.data.slice() };
  return (await client.upscale({ channel: 'chapter1-srcnn', model: 'srcnn', image, tile: TILE, signal, onProgress })).image;
}

export function srcnnPanel(o: {
  root: HTMLElement;
  lang: Lang;
  s: InterpolationStrings;
  client: RuntimeClient;
  /** The phase changed; `view` is the geometry its picture belongs to. */
  onPhase: (phase: SrcnnPhase, view: View | null) => void;
  /** A finished result (before the phase turns 'ready'). */
  onResult: (image: RGBImage, view: View) => void;
  /** The SRCNN sentence of the status line ('' for none), and why it failed. */
  onText: (text: string, failure: Failure | null) => void;
}) {
  const show = phaseView(o.root, o.s);
  let phase: SrcnnPhase = o.root.querySelector<HTMLElement>('[data-panel="srcnn"]')!.dataset.srcnnState === 'off' ? 'off' : 'pending';
  /** The job wanted now (null at other scales), the key it finished for, and the run in flight. */
  let wanted: SrcnnJob | null = null;
  let done = '';
  let run: AbortController | null = null;
  let visible = true;

  function setPhase(next: SrcnnPhase, view: View | null) {
    phase = next;
    show(next);
    o.onPhase(next, view);
  }

  async function start() {
    const job = wanted;
    if (!job || run || !visible || done === job.key) return;
    const mine = new AbortController();
    run = mine;
    const t0 = performance.now();
    o.onText(o.s.srcnnLoading, null);
    try {
      const image = await runSrcnn(o.client, job.input, mine.signal, (p) => mine.signal.aborted || o.onText(srcnnProgressText(o.s, p), null));
      if (mine.signal.aborted) return;
      done = job.key;
      o.onResult(image, job.view);
      setPhase('ready', job.view);
      o.onText(fill(o.s.srcnnDone, { s: ((performance.now() - t0) / 1000).toFixed(1) }), null);
    } catch (err) {
      if (mine.signal.aborted || (err as Error)?.name === 'AbortError') return;
      done = job.key; // said once; another crop tries again
      setPhase('failed', job.view);
      const failure = classifyFailure(err);
      o.onText(fill(o.s.srcnnFailed, { reason: failureText(o.lang, failure) }), failure);
    } finally {
      if (run === mine) run = null;
    }
  }

  const stop = () => {
    run?.abort();
    run = null;
  };

  return {
    get phase() {
      return phase;
    },
    /** SRCNN for this input (null: not ×4). A job already done or running for the same key is kept. */
    want(job: SrcnnJob | null) {
      if (job ? job.key === wanted?.key || job.key === done : !wanted && phase === 'off') return;
      stop();
      wanted = job;
      done = '';
      o.onText('', null);
      setPhase(job ? 'pending' : 'off', job?.view ?? null);
      void start();
    },
    /** Stops a run in flight (a new input is coming); what already finished is kept, and `want` starts it again. */
    cancel: () => void (run && (stop(), (wanted = null))),
    visible(v: boolean) {
      visible = v;
      if (v) void start();
      else stop(); // started again, from the beginning, when the figure is back on screen
    },
  };
}

export type SrcnnPanel = ReturnType<typeof srcnnPanel>;

/** Shows a phase: the panel and loupe hooks, the ×4 note or the picture, the label under it, `aria-busy` while pending. */
function phaseView(root: HTMLElement, s: InterpolationStrings) {
  const panel = root.querySelector<HTMLElement>('[data-panel="srcnn"]')!;
  const cell = root.querySelector<HTMLElement>('[data-loupe-cell="srcnn"]')!;
  const note = root.querySelector<HTMLElement>('[data-role="srcnn-note"]')!;
  const label = root.querySelector<HTMLElement>('[data-role="srcnn-pending"]')!;
  const view = panel.querySelector<HTMLElement>('[data-role="output-view"]')!;
  return (phase: SrcnnPhase) => {
    for (const el of [panel, cell]) el.dataset.srcnnState = phase;
    [note.hidden, view.hidden, cell.hidden] = [phase !== 'off', phase === 'off', phase === 'off'];
    label.textContent = phase === 'failed' ? s.srcnnFailedLabel : s.srcnnPendingLabel;
    if (phase === 'pending') panel.setAttribute('aria-busy', 'true');
    else panel.removeAttribute('aria-busy');
  };
}
