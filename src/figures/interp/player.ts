// The play button of the network-interpolation figure: sweeps α 0 → 1 → 0 (sweepAlpha), one new α per animation
// frame at most and only when the previous picture is done (frames are dropped, never queued), nothing off screen
// or under reduced motion; counts the frames drawn (data-frames) and says the frame rate.
import { esrganStrings, fill } from '../../i18n/esrgan';
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
  let frames = 0;
  let frameMs = 0;
  let fpsSince = 0;

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
    fpsSince = sweepStart;
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
    frameDone(ms) {
      if (!playing) return;
      frames++;
      frameMs += ms;
      o.root.dataset.frames = String(Number(o.root.dataset.frames ?? 0) + 1);
      const now = performance.now();
      if (now - fpsSince < 1000) return;
      const text = fill(s.frameRate, { fps: ((1000 * frames) / (now - fpsSince)).toFixed(1), ms: Math.round(frameMs / Math.max(1, frames)) });
      if (o.fps.textContent !== text) o.fps.textContent = text;
      frames = 0;
      frameMs = 0;
      fpsSince = now;
    },
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
