// The play button of the network-interpolation figure: sweeps α 0 → 1 → 0 (sweepAlpha), one new α per animation
// frame at most and only when the previous picture is done (frames are dropped, never queued), nothing off screen
// or under reduced motion; counts the frames drawn (data-frames) and says the frame rate.
import { esrganStrings, fill, type EsrganStrings } from '../../i18n/esrgan';
import { SWEEP_MS, snapAlpha, sweepAlpha } from './compute';

export interface Player {
  readonly playing: boolean;
  /** A picture for a new α was drawn in `ms` (counted only while playing). */
  frameDone(ms: number): void;
  stop(): void;
  /** The figure came into view (resume a sweep) or left it (pause it). */
  visible(v: boolean): void;
  /** The first pictures are on screen: the button works from now on (unless the reader asked for reduced motion). */
  enable(): void;
}

export function attachPlayer(o: {
  root: HTMLElement;
  lang: 'en' | 'ja';
  button: HTMLButtonElement;
  hint: HTMLElement;
  fps: HTMLElement;
  alpha: () => number;
  /** A new α from the sweep; `busy()` says whether the previous one is still being computed. */
  setAlpha: (a: number, final: boolean) => void;
  busy: () => boolean;
}): Player {
  const s = esrganStrings[o.lang];
  const reduced = matchMedia('(prefers-reduced-motion: reduce)');
  let playing = false;
  let enabled = false;
  let onScreen = false;
  let rafId = 0;
  let sweepStart = 0;
  let sweepFrom = 0;
  const rate = frameRate(o.root, o.fps, s);

  function tick(now: number): void {
    rafId = 0;
    if (!playing || !onScreen || reduced.matches) return;
    if (!o.busy()) o.setAlpha(Math.round(sweepAlpha(now - sweepStart, SWEEP_MS, sweepFrom) * 100) / 100, false);
    rafId = requestAnimationFrame(tick);
  }
  function startLoop(): void {
    if (rafId || !playing || !onScreen) return;
    sweepStart = performance.now();
    sweepFrom = o.alpha();
    rate.restart(sweepStart);
    rafId = requestAnimationFrame(tick);
  }
  function stop(): void {
    if (!playing) return;
    playing = false;
    if (rafId) cancelAnimationFrame(rafId);
    rafId = 0;
    o.button.textContent = s.play;
    o.button.setAttribute('aria-pressed', 'false');
    o.setAlpha(snapAlpha(o.alpha()), true);
  }
  o.button.addEventListener('click', () => {
    if (playing) return stop();
    playing = true;
    o.button.textContent = s.pause;
    o.button.setAttribute('aria-pressed', 'true');
    startLoop();
  });
  const applyMotionPreference = (): void => {
    if (reduced.matches) stop();
    o.button.disabled = reduced.matches || !enabled;
    o.hint.textContent = reduced.matches ? s.reducedMotionNote : s.playHint;
  };
  reduced.addEventListener('change', applyMotionPreference);
  applyMotionPreference();

  return {
    get playing() {
      return playing;
    },
    frameDone: (ms) => playing && rate.frame(ms),
    stop,
    visible(v) {
      onScreen = v;
      if (v) startLoop();
      else if (rafId) {
        cancelAnimationFrame(rafId);
        rafId = 0;
      }
    },
    enable() {
      enabled = true;
      applyMotionPreference();
    },
  };
}

/** Counts the frames drawn (`data-frames` on the root) and says the frame rate and time per frame once a second. */
function frameRate(root: HTMLElement, out: HTMLElement, s: EsrganStrings) {
  let [frames, frameMs, since] = [0, 0, 0];
  return {
    restart: (now: number) => void (since = now),
    frame(ms: number) {
      frames++;
      frameMs += ms;
      root.dataset.frames = String(Number(root.dataset.frames ?? 0) + 1);
      const now = performance.now();
      if (now - since < 1000) return;
      const text = fill(s.frameRate, { fps: ((1000 * frames) / (now - since)).toFixed(1), ms: Math.round(frameMs / Math.max(1, frames)) });
      if (out.textContent !== text) out.textContent = text;
      [frames, frameMs, since] = [0, 0, now];
    },
  };
}
