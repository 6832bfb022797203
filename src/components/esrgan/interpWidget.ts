// The live network-interpolation figure. On a small LR crop it runs rrdb_psnr and esrgan once each,
// then for every α the generator with weights (1 − α)·θ_PSNR + α·θ_GAN, blended on the backend by
// the shared runtime (model: { a, b, alpha }). Beside it, the two end outputs blended in pixel space
// with the same α, and a heat-map of where the two blends differ. One run at a time: a slider move
// or an animation frame that arrives while a run is in flight is not queued; the newest α is taken
// when the run ends (frames are dropped, never stacked). Nothing runs while the figure is off screen.
import type { RGBImage } from '../../sr/image';
import { blendImages, diffMap, heatRGBA, snapAlpha, sweepAlpha } from './compute';
import { esrganStrings, fill, type EsrganStrings } from '../../i18n/esrgan';
import { drawWhole, toImageData } from '../../ui/draw/canvasDraw';
import { cropImage } from '../../ui/images/crop';
import { demoImagePath, findDemoImage } from '../../ui/images/demoImages';
import { loadUrl } from '../../ui/images/imageLoad';
import { attachLoupes } from '../../ui/controls/loupes';
import { attachOwnPicture, OWN } from './ownPicture';
import { markerAt } from './pdChart';
import { LOUPE, readInterpState, SCALE, SWEEP_MS, writeInterpState, type InterpState } from './interpState';
import { copyImage, fitRendering, siteUrl, startRuntime, statusLine } from './shared';

type PanelId = 'rrdb_psnr' | 'interp' | 'blend' | 'esrgan';
const PANELS: PanelId[] = ['rrdb_psnr', 'interp', 'blend', 'esrgan'];

interface Shown {
  image: RGBImage;
  pixels: ImageData;
}

export async function mountInterp(root: HTMLElement): Promise<{ setVisible(v: boolean): void }> {
  const lang = root.dataset.lang === 'ja' ? 'ja' : 'en';
  const s: EsrganStrings = esrganStrings[lang];
  const q = <T extends Element>(sel: string): T => root.querySelector<T>(sel)!;
  const imageSelect = q<HTMLSelectElement>('[data-role="image"]');
  const alphaInput = q<HTMLInputElement>('[data-role="alpha"]');
  const alphaValue = q<HTMLOutputElement>('[data-role="alpha-value"]');
  const playButton = q<HTMLButtonElement>('[data-role="play"]');
  const playHint = q<HTMLElement>('[data-role="play-hint"]');
  const message = q<HTMLElement>('[data-role="status-message"]');
  const fpsText = q<HTMLElement>('[data-role="fps"]');
  const diffText = q<HTMLElement>('[data-role="diff-value"]');
  const loupe = q<HTMLElement>('[data-role="loupe"]');
  const inputCanvas = q<HTMLCanvasElement>('canvas[data-model="input"]');
  const diffCanvas = q<HTMLCanvasElement>('canvas[data-model="diff"]');
  const marker = root.querySelector<SVGCircleElement>('[data-role="pd-marker"]');
  const pdPoints = JSON.parse(root.querySelector('[data-role="pd-chart"] svg')?.getAttribute('data-points') ?? '[]') as Array<{ alpha: number; x: number; y: number }>;
  const panel = (id: PanelId) => {
    const el = q<HTMLElement>(`[data-panel="${id}"]`);
    return {
      canvas: el.querySelector<HTMLCanvasElement>('canvas')!,
      label: el.querySelector<HTMLElement>('[data-role="label"]')!,
      view: el.querySelector<HTMLElement>('[data-role="view"]')!,
      frame: el.querySelector<HTMLElement>('[data-role="loupe-frame"]')!,
      loupe: q<HTMLCanvasElement>(`canvas[data-loupe="${id}"]`),
    };
  };
  const panels = Object.fromEntries(PANELS.map((id) => [id, panel(id)])) as Record<PanelId, ReturnType<typeof panel>>;
  const cropSize = Number(root.dataset.cropSize) || 24;
  const cropAt = { x: Number(root.dataset.cropFx ?? 0.5), y: Number(root.dataset.cropFy ?? 0.5) };
  const state: InterpState = readInterpState(location.search, imageSelect.value);
  const reduced = matchMedia('(prefers-reduced-motion: reduce)');

  let visible = false;
  let backendMessage = '';
  const { say, fail } = statusLine(root, message);

  // ---- controls and URL ------------------------------------------------------------------------
  const alphaText = (a: number): string => a.toFixed(2);
  function syncControls(): void {
    imageSelect.value = state.image;
    alphaInput.value = String(state.alpha);
    alphaValue.textContent = alphaText(state.alpha);
    alphaInput.setAttribute('aria-valuetext', fill(s.alphaValueText, { a: alphaText(state.alpha) }));
  }
  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  function saveUrl(): void {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => {
      history.replaceState(history.state, '', `${location.pathname}${writeInterpState(location.search, state)}${location.hash}`);
    }, 250);
  }
  function moveMarker(alpha: number): void {
    if (!marker || pdPoints.length === 0) return;
    const m = markerAt(pdPoints, alpha);
    marker.setAttribute('cx', m.x.toFixed(1));
    marker.setAttribute('cy', m.y.toFixed(1));
  }

  syncControls();

  // ---- computing -------------------------------------------------------------------------------
  const started = await startRuntime(root, s, { say, fail }, [imageSelect, alphaInput, playButton]);
  if (!started) return { setVisible: () => undefined };
  const { client } = started;
  backendMessage = started.readyMessage;
  const stepText = started.stepText;

  let ends: { key: string; input: RGBImage; a: Shown; b: Shown } | null = null;
  let shownAlpha: number | null = null;
  let running = false;

  const own = attachOwnPicture({ root, lang, s, select: imageSelect, minSide: cropSize, say, onPicture: () => {
    state.image = OWN;
    void pump();
  } });
  /** What the pictures are computed from: the image id, or which of the reader's pictures. */
  const sourceKey = (): string => own.key(state.image);

  async function loadInput(id: string): Promise<RGBImage> {
    const mine = id === OWN ? own.centre(cropSize) : null;
    if (mine) return mine;
    const demo = findDemoImage(id) ?? findDemoImage('chelsea')!;
    const src = await loadUrl(siteUrl(root, demoImagePath(demo)));
    const size = Math.min(cropSize, src.width, src.height);
    const x = Math.round(cropAt.x * (src.width - size));
    const y = Math.round(cropAt.y * (src.height - size));
    return cropImage(src, { x, y, width: size, height: size });
  }

  async function run(model: string | { a: string; b: string; alpha: number }, input: RGBImage, channel: string): Promise<Shown> {
    const r = await client.upscale({
      channel,
      model,
      image: copyImage(input),
      onProgress: (p) => {
        if (p.phase === 'download' && !p.cached && p.total > 0)
          say(fill(s.downloading, { done: Math.round(p.done / 1024), total: Math.round(p.total / 1024) }));
      },
    });
    return { image: r.image, pixels: toImageData(r.image) };
  }

  function show(id: PanelId, out: Shown, alpha?: number): void {
    const p = panels[id];
    drawWhole(p.canvas, out.pixels);
    if (alpha !== undefined) p.canvas.dataset.alpha = alphaText(alpha);
    p.canvas.hidden = false;
    p.view.querySelector<HTMLImageElement>('img[data-role="static"]')?.setAttribute('hidden', '');
    p.canvas.setAttribute('aria-label', p.label.textContent ?? id);
  }

  const shown: Partial<Record<PanelId, Shown>> = {};

  async function pump(): Promise<void> {
    if (running || !visible) return;
    running = true;
    // Mark the figure busy only for slow runs outside the animation (it would flip on every frame).
    const slow = setTimeout(() => {
      if (!playing) root.setAttribute('aria-busy', 'true');
    }, 300);
    try {
      while (visible) {
        if (ends?.key !== sourceKey()) {
          const key = sourceKey();
          const input = await loadInput(state.image);
          say(stepText('rrdb_psnr', 1, 3));
          const a = await run('rrdb_psnr', input, 'esrgan-interp-a');
          say(stepText('esrgan', 2, 3));
          const b = await run('esrgan', input, 'esrgan-interp-b');
          if (!playing) say(stepText(`rrdb_psnr + esrgan, α = ${alphaText(state.alpha)}`, 3, 3));
          ends = { key, input, a, b };
          shownAlpha = null;
          drawWhole(inputCanvas, toImageData(input));
          inputCanvas.hidden = false;
          inputCanvas.parentElement?.querySelector('img')?.setAttribute('hidden', '');
          shown.rrdb_psnr = a;
          shown.esrgan = b;
          show('rrdb_psnr', a);
          show('esrgan', b);
          continue;
        }
        if (shownAlpha === state.alpha) break;
        const alpha = state.alpha;
        const started = performance.now();
        const w = await run({ a: 'rrdb_psnr', b: 'esrgan', alpha }, ends.input, 'esrgan-interp');
        if (ends.key !== sourceKey()) continue;
        const blend = blendImages(ends.a.image, ends.b.image, alpha);
        const px: Shown = { image: blend, pixels: toImageData(blend) };
        shown.interp = w;
        shown.blend = px;
        // The panel titles and the loupe captions below name the α that is on screen.
        for (const [id, text] of [['interp', s.panelWeights], ['blend', s.panelPixels]] as const) {
          const label = fill(text, { a: alphaText(alpha) });
          panels[id].label.textContent = label;
          const caption = root.querySelector<HTMLElement>(`[data-loupe-label="${id}"]`);
          if (caption) caption.textContent = label;
        }
        show('interp', w, alpha);
        show('blend', px, alpha);
        drawDiff(w.image, blend);
        shownAlpha = alpha;
        // While playing, the slider moves with the pictures: it shows the α on screen, not the one computing.
        if (playing) syncControls();
        moveMarker(alpha);
        frameDone(performance.now() - started);
        drawLoupes();
        fitRendering([inputCanvas, diffCanvas, ...PANELS.map((id) => panels[id].canvas)]);
        if (root.dataset.status !== 'ready') {
          root.dataset.status = 'ready';
          playButton.disabled = reduced.matches;
          say(backendMessage);
        } else if (message.textContent !== backendMessage) say(backendMessage);
      }
    } catch (err) {
      fail(err, root.dataset.status === 'ready' ? 'last' : 'static');
      if (root.dataset.status !== 'ready') {
        root.dataset.status = 'error';
      }
      stopPlaying();
    } finally {
      clearTimeout(slow);
      root.removeAttribute('aria-busy');
      running = false;
    }
  }

  function drawDiff(a: RGBImage, b: RGBImage): void {
    const d = diffMap(a, b);
    const rgba = heatRGBA(d.map, Math.max(d.max, 8 / 255));
    drawWhole(diffCanvas, new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, d.width, d.height));
    diffCanvas.hidden = false;
    diffCanvas.parentElement?.querySelector('img')?.setAttribute('hidden', '');
    diffCanvas.dataset.max = String(Math.round(d.max * 255));
    diffText.textContent = fill(s.diffValue, { d: Math.round(d.max * 255) });
  }

  // ---- loupes ----------------------------------------------------------------------------------
  const loupes = attachLoupes({
    strip: loupe,
    panels: PANELS.map((id) => ({ view: panels[id].view, frame: panels[id].frame, loupe: panels[id].loupe })),
    pixels: () => PANELS.map((id) => shown[id]?.pixels),
    fallbackSize: cropSize * SCALE,
    box: LOUPE,
    valueText: (v) => fill(s.loupeValueText, v),
    at: state.loupe,
    onMove: (p) => {
      state.loupe = p;
      saveUrl();
    },
  });
  const drawLoupes = (): void => loupes.draw();

  // ---- animation: one frame per requestAnimationFrame at most, none while a run is in flight ---
  let playing = false;
  let rafId = 0;
  let sweepStart = 0;
  let sweepFrom = 0;
  let frames = 0;
  let frameMs = 0;
  let fpsSince = 0;

  function frameDone(ms: number): void {
    if (!playing) return;
    frames++;
    frameMs += ms;
    const now = performance.now();
    root.dataset.frames = String(Number(root.dataset.frames ?? 0) + 1);
    if (now - fpsSince >= 1000) {
      const fps = (1000 * frames) / (now - fpsSince);
      const text = fill(s.frameRate, { fps: fps.toFixed(1), ms: Math.round(frameMs / Math.max(1, frames)) });
      if (fpsText.textContent !== text) fpsText.textContent = text;
      frames = 0;
      frameMs = 0;
      fpsSince = now;
    }
  }
  function tick(now: number): void {
    rafId = 0;
    if (!playing || !visible || reduced.matches) return;
    if (!running) {
      // Only when the previous frame is done: a new α is taken, older ones are simply skipped.
      state.alpha = Math.round(sweepAlpha(now - sweepStart, SWEEP_MS, sweepFrom) * 100) / 100;
      void pump();
    }
    rafId = requestAnimationFrame(tick);
  }
  function startLoop(): void {
    if (rafId || !playing) return;
    sweepStart = performance.now();
    sweepFrom = state.alpha;
    fpsSince = sweepStart;
    rafId = requestAnimationFrame(tick);
  }
  function stopPlaying(): void {
    playing = false;
    if (rafId) cancelAnimationFrame(rafId);
    rafId = 0;
    playButton.textContent = s.play;
    playButton.setAttribute('aria-pressed', 'false');
    state.alpha = snapAlpha(state.alpha);
    syncControls();
    saveUrl();
    void pump();
  }
  playButton.addEventListener('click', () => {
    if (playing) return stopPlaying();
    playing = true;
    playButton.textContent = s.pause;
    playButton.setAttribute('aria-pressed', 'true');
    startLoop();
  });
  const applyMotionPreference = (): void => {
    if (reduced.matches) {
      if (playing) stopPlaying();
      playButton.disabled = true;
      playHint.textContent = s.reducedMotionNote;
    } else {
      playButton.disabled = root.dataset.status !== 'ready';
      playHint.textContent = s.playHint;
    }
  };
  reduced.addEventListener('change', applyMotionPreference);
  applyMotionPreference();

  // ---- wiring ----------------------------------------------------------------------------------
  alphaInput.addEventListener('input', () => {
    if (playing) stopPlaying();
    state.alpha = snapAlpha(Number(alphaInput.value));
    syncControls();
    moveMarker(state.alpha);
    saveUrl();
    void pump();
  });
  imageSelect.addEventListener('change', () => {
    state.image = imageSelect.value;
    saveUrl();
    void pump();
  });
  new ResizeObserver(() => fitRendering([inputCanvas, diffCanvas, ...PANELS.map((id) => panels[id].canvas)])).observe(panels.interp.view);

  syncControls();
  moveMarker(state.alpha);
  return {
    setVisible(v: boolean): void {
      visible = v;
      if (v) {
        void pump();
        startLoop();
      } else if (rafId) {
        cancelAnimationFrame(rafId);
        rafId = 0;
      }
    },
  };
}
