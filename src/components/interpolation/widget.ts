// The live interpolation figure: wires the controls, the compute service and the drawings
// together. Resampling runs on the active TensorFlow.js backend (WebGPU first) inside a Web Worker
// (compute.ts); one method is requested at a time, so a newer request can supersede an older one.
// At ×4, SRCNN runs after the four methods have been drawn, in the same worker (weights loaded on
// first use); until it is done its panel shows the bicubic result, dimmed and labelled.
// Nothing is computed while the figure is off screen.
import type { RGBImage } from '../../sr/image';
import type { Method } from '../../sr/resample';
import { fill, interpolationStrings, type InterpolationStrings } from '../../i18n/interpolation';
import { classifyFailure, failureText, type Failure } from '../../i18n/failures';
import { setStatus, showDetail, showFailure } from '../../ui/failureStatus';
import { attachArrowKeys } from '../../ui/controls/arrowKeys';
import { backendOrder } from '../../ui/backendChoice';
import { drawRegion, drawWhole, toImageData } from '../../ui/draw/canvasDraw';
import { ComputeError, startCompute, type Compute } from './compute';
import type { ComputeProgress } from './computeProtocol';
import { cropImage } from '../../ui/images/crop';
import { demoImagePath, findDemoImage } from '../../ui/images/demoImages';
import { findElements, type WidgetElements } from './dom';
import { applyMove, cropRect, keepBoxInside, LOUPE_SIZE, loupeRect, type Rect } from '../../ui/geometry';
import { decodeBlob, loadUrl } from '../../ui/images/imageLoad';
import { imageLoadMessage } from '../../i18n/imageLoad';
import { formatA, kernelChartSvg } from './kernelChart';
import { chartSizeFor, lineChartSvg } from '../../ui/draw/lineChart';
import { methods, outputs as outputList, SRCNN_SCALE, srcnnOutput, type OutputId } from './methods';
import { isPatternId } from './patterns';
import { attachPointerDrag } from '../../ui/controls/pointerDrag';
import { sampleProfile } from './profile';
import { normalizeA, normalizeScale, type Point, type WidgetState } from './state';
import { readyText } from './statusText';
import { readState, writeState } from './urlState';
import { download, pngOf } from '../../ui/savePicture';
import { siteUrl } from '../../ui/siteUrl';

export interface WidgetHandle {
  setVisible(visible: boolean): void;
}

interface Output {
  image: RGBImage;
  pixels: ImageData;
}

/** Geometry of the outputs currently on screen. */
interface View {
  crop: Rect;
  outW: number;
  outH: number;
  scale: number;
}

/** What SRCNN's panel shows: nothing (not ×4), dimmed bicubic (pending or failed), or its result. */
type SrcnnPhase = 'off' | 'pending' | 'ready' | 'failed';

const yieldToBrowser = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

let computeStart: ReturnType<typeof startCompute> | null = null;

/** One compute worker and backend per page, shared by every figure on it. */
function sharedCompute(): ReturnType<typeof startCompute> {
  computeStart ??= startCompute(backendOrder(location.search));
  return computeStart;
}

function isKnownImage(id: string): boolean {
  return Boolean(findDemoImage(id)) || isPatternId(id);
}

export async function mountWidget(root: HTMLElement): Promise<WidgetHandle> {
  const lang = root.dataset.lang === 'ja' ? 'ja' : 'en';
  const s: InterpolationStrings = interpolationStrings[lang];
  const el = findElements(root);
  const state: WidgetState = readState(location.search, isKnownImage);

  let visible = false;
  let compute: Compute | null = null;
  let source: RGBImage | null = null;
  let ownImage: RGBImage | null = null;
  let view: View | null = null;
  const outputs = new Map<OutputId, Output>();

  // ---- messages -----------------------------------------------------------------------------
  let backendMessage = '';
  const say = (text: string): void => setStatus(el.message, text);
  /** A resampling or image-loading failure, in the page's language; the engine's message as details. */
  const computeFailed = (err: unknown): void =>
    void showFailure(el.message, lang, err, root.dataset.status === 'ready' ? 'last' : 'static', (text) => fill(s.statusComputeFailed, { reason: text }));

  // ---- controls reflect the state ------------------------------------------------------------
  function syncControls(): void {
    el.imageSelect.value = state.image;
    el.scaleInput.value = String(state.scale);
    const scaleText = fill(s.scaleValue, { s: state.scale });
    el.scaleValue.textContent = scaleText;
    el.scaleInput.setAttribute('aria-valuetext', scaleText);
    el.aInput.value = String(state.a);
    el.aValue.textContent = formatA(state.a);
    el.aInput.setAttribute('aria-valuetext', formatA(state.a));
    for (const p of el.panels) {
      const label = fill(s[outputList.find((m) => m.id === p.method)!.labelKey], { a: formatA(state.a) });
      p.label.textContent = label;
      p.loupeLabel.textContent = label;
    }
  }

  // ---- URL -----------------------------------------------------------------------------------
  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  function saveUrl(): void {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => {
      const search = writeState(location.search, state);
      history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    }, 250);
  }

  // ---- computing -----------------------------------------------------------------------------
  let generation = 0;
  let dirtyAll = true;
  let dirtyBicubic = false;
  let running = false;

  function request(kind: 'all' | 'bicubic'): void {
    if (kind === 'all') {
      dirtyAll = true;
      stopSrcnn(); // its input is about to change; the classic methods go first
      srcnnWanted = null;
    } else dirtyBicubic = true;
    generation++;
    void pump();
  }

  async function pump(): Promise<void> {
    const service = compute;
    if (running || !visible || !service || !source) return;
    running = true;
    // Dim the outputs only when a computation is slow (new shapes compile GPU shaders first), so
    // quick slider moves do not flicker.
    const slowTimer = setTimeout(() => root.setAttribute('data-slow', ''), 300);
    try {
      while ((dirtyAll || dirtyBicubic) && visible && source) {
        const myGeneration = generation;
        const all = dirtyAll || !view;
        dirtyAll = false;
        dirtyBicubic = false;
        const src = source;
        const crop = cropRect(src.width, src.height, state.scale, state.crop);
        const next: View = { crop, outW: crop.width * state.scale, outH: crop.height * state.scale, scale: state.scale };
        const input = cropImage(src, crop);
        const todo: Method[] = all ? methods.map((m) => m.id) : ['bicubic'];
        const results = new Map<Method, Output>();
        root.setAttribute('aria-busy', 'true');
        for (const method of todo) {
          const image = await service.resize(input, next.outW, next.outH, method, state.a);
          results.set(method, { image, pixels: toImageData(image) });
          if (generation !== myGeneration) break;
          await yieldToBrowser();
          if (generation !== myGeneration) break;
        }
        if (generation !== myGeneration) {
          // Superseded: redo what this pass was doing, together with whatever was asked since.
          if (all) dirtyAll = true;
          else dirtyBicubic = true;
          continue;
        }
        commit(next, src, results, all);
        if (all) scheduleSrcnn(input, next);
        else if (srcnnPhase !== 'ready') drawSrcnnPanel(next);
      }
    } catch (err) {
      computeFailed(err);
      if (root.dataset.status !== 'ready') root.dataset.status = 'error';
      running = false;
      clearTimeout(slowTimer);
      root.removeAttribute('data-slow');
      root.removeAttribute('aria-busy');
      return;
    }
    running = false;
    clearTimeout(slowTimer);
    root.removeAttribute('data-slow');
    root.removeAttribute('aria-busy');
  }

  function commit(next: View, src: RGBImage, results: Map<Method, Output>, all: boolean): void {
    const geometryChanged = !view || view.outW !== next.outW || view.outH !== next.outH || view.crop !== next.crop;
    view = next;
    for (const [method, out] of results) outputs.set(method, out);
    for (const p of el.panels) {
      const out = outputs.get(p.method);
      if (!out || p.method === 'srcnn' || (!all && p.method !== 'bicubic')) continue;
      drawWhole(p.canvas, out.pixels);
      p.canvas.setAttribute('aria-label', `${p.label.textContent}: ${fill(s.outputTitle, { w: next.outW, h: next.outH })}`);
      p.canvas.hidden = false;
      p.staticImg.hidden = true;
      if (geometryChanged) {
        p.view.style.aspectRatio = `${next.outW} / ${next.outH}`;
        p.overlay.setAttribute('viewBox', `0 0 ${next.outW} ${next.outH}`);
      }
    }
    if (all) drawSource(src, next.crop);
    el.inputTitle.textContent = fill(s.inputTitle, { w: next.crop.width, h: next.crop.height });
    drawOverlays();
    fitRendering();
    if (root.dataset.status !== 'ready') {
      root.dataset.status = 'ready';
      say(backendMessage);
    }
  }

  let drawnSource: RGBImage | null = null;
  function drawSource(src: RGBImage, crop: Rect): void {
    if (drawnSource !== src) {
      drawWhole(el.sourceCanvas, toImageData(src));
      el.sourceView.style.aspectRatio = `${src.width} / ${src.height}`;
      el.sourceCanvas.hidden = false;
      el.sourceStatic.hidden = true;
      drawnSource = src;
    }
    const st = el.cropHandle.style;
    st.left = `${(100 * crop.x) / src.width}%`;
    st.top = `${(100 * crop.y) / src.height}%`;
    st.width = `${(100 * crop.width) / src.width}%`;
    st.height = `${(100 * crop.height) / src.height}%`;
    const cx = Math.round(crop.x + crop.width / 2);
    const cy = Math.round(crop.y + crop.height / 2);
    el.cropHandle.setAttribute('aria-valuenow', String(Math.round(state.crop.x * 100)));
    el.cropHandle.setAttribute('aria-valuetext', fill(s.cropValueText, { x: cx, y: cy, w: src.width, h: src.height }));
  }

  // ---- overlays: loupe, profile line, plots (cheap; batched per animation frame) ------------
  let overlayQueued = false;
  function drawOverlays(): void {
    if (overlayQueued) return;
    overlayQueued = true;
    requestAnimationFrame(() => {
      overlayQueued = false;
      if (!view || !visible) return;
      const { outW, outH } = view;
      const lr = loupeRect(outW, outH, state.loupe);
      const [a, b] = state.line.map((p) => ({ x: p.x * outW, y: p.y * outH }));
      for (const p of el.panels) {
        p.loupeRect.setAttribute('x', String(lr.x));
        p.loupeRect.setAttribute('y', String(lr.y));
        p.loupeRect.setAttribute('width', String(lr.width));
        p.loupeRect.setAttribute('height', String(lr.height));
        p.profileLine.setAttribute('x1', String(a.x));
        p.profileLine.setAttribute('y1', String(a.y));
        p.profileLine.setAttribute('x2', String(b.x));
        p.profileLine.setAttribute('y2', String(b.y));
        state.line.forEach((pt, i) => {
          p.handles[i].style.left = `${pt.x * 100}%`;
          p.handles[i].style.top = `${pt.y * 100}%`;
          p.handles[i].setAttribute('aria-valuenow', String(Math.round(pt.x * 100)));
          p.handles[i].setAttribute(
            'aria-valuetext',
            fill(s.lineValueText, { x: Math.round(pt.x * outW), y: Math.round(pt.y * outH), w: outW, h: outH }),
          );
        });
        const out = shownFor(p.method);
        if (out) {
          drawRegion(p.loupeCanvas, out.pixels, lr);
          p.loupeCanvas.hidden = false;
          p.loupeStatic.hidden = true;
        }
      }
      el.loupe.setAttribute('aria-valuenow', String(Math.round(state.loupe.x * 100)));
      el.loupe.setAttribute(
        'aria-valuetext',
        fill(s.loupeValueText, { x: lr.x + lr.width / 2, y: lr.y + lr.height / 2, w: outW, h: outH }),
      );
      el.loupesTitle.textContent = fill(s.loupesTitle, { n: lr.width });
      drawProfile(a, b);
    });
  }

  function drawProfile(a: Point, b: Point): void {
    if (!view) return;
    let lo = 0;
    let hi = 1;
    let length = 0;
    const series = [...methods, ...(srcnnPhase === 'ready' ? [srcnnOutput] : [])].flatMap((m) => {
      const out = outputs.get(m.id);
      if (!out) return [];
      const samples = sampleProfile(out.image, a, b, 0.25, view!.scale);
      for (const q of samples) {
        lo = Math.min(lo, q.value);
        hi = Math.max(hi, q.value);
      }
      length = samples[samples.length - 1]?.t ?? 0;
      return [{ id: m.id, color: m.color, dash: m.dash, points: samples.map((q): [number, number] => [q.t, q.value]) }];
    });
    const pad = 0.05;
    el.profilePlot.innerHTML = lineChartSvg({
      title: s.profileTitle,
      xLabel: s.profileXAxis,
      yLabel: s.profileYAxis,
      xDomain: [0, Math.max(length, 1e-3)],
      yDomain: [lo - pad, hi + pad],
      refY: [0, 1],
      series,
      clipId: 'interp-profile-clip',
      ...chartSizeFor(el.profilePlot.clientWidth),
    });
  }

  function drawKernel(): void {
    el.kernelPlot.innerHTML = kernelChartSvg(s, state.a, chartSizeFor(el.kernelPlot.clientWidth));
  }

  // ---- SRCNN (×4 only; after the classic methods, never in their way) ------------------------
  let srcnnPhase: SrcnnPhase = el.srcnn.panel.panel.dataset.srcnnState === 'off' ? 'off' : 'pending';
  /** The crop SRCNN should enlarge next, and the view it belongs to. */
  let srcnnWanted: { input: RGBImage; view: View } | null = null;
  let srcnnRun: AbortController | null = null;
  let srcnnText = '';
  /** Why SRCNN did not run (shown while its phase is 'failed'). */
  let srcnnFailure: Failure | null = null;
  const weightsBase = siteUrl(root, 'weights/');

  const showStatus = (): void => {
    say(srcnnText ? `${backendMessage}${s.statusJoin}${srcnnText}` : backendMessage);
    if (srcnnPhase === 'failed' && srcnnFailure) {
      el.message.dataset.failure = srcnnFailure.kind;
      showDetail(el.message, lang, srcnnFailure.detail);
    }
  };

  /** The pixels a panel shows: SRCNN's own result, or the bicubic one while it is pending or failed. */
  function shownFor(id: OutputId): Output | undefined {
    if (id !== 'srcnn') return outputs.get(id);
    if (srcnnPhase === 'off') return undefined;
    return srcnnPhase === 'ready' ? outputs.get('srcnn') : outputs.get('bicubic');
  }

  function setSrcnnPhase(phase: SrcnnPhase): void {
    srcnnPhase = phase;
    const { panel, note, pendingLabel } = el.srcnn;
    panel.panel.dataset.srcnnState = phase;
    panel.loupeCell.dataset.srcnnState = phase;
    note.hidden = phase !== 'off';
    panel.view.hidden = phase === 'off';
    panel.loupeCell.hidden = phase === 'off';
    pendingLabel.textContent = phase === 'failed' ? s.srcnnFailedLabel : s.srcnnPendingLabel;
    if (phase === 'pending') panel.panel.setAttribute('aria-busy', 'true');
    else panel.panel.removeAttribute('aria-busy');
  }

  function drawSrcnnPanel(at: View): void {
    const p = el.srcnn.panel;
    const out = shownFor('srcnn');
    if (!out) return;
    drawWhole(p.canvas, out.pixels);
    const title = `${p.label.textContent}: ${fill(s.outputTitle, { w: at.outW, h: at.outH })}`;
    p.canvas.setAttribute('aria-label', srcnnPhase === 'ready' ? title : `${title}. ${el.srcnn.pendingLabel.textContent}`);
    p.canvas.hidden = false;
    p.staticImg.hidden = true;
    p.view.style.aspectRatio = `${at.outW} / ${at.outH}`;
    p.overlay.setAttribute('viewBox', `0 0 ${at.outW} ${at.outH}`);
    fitRendering();
  }

  function stopSrcnn(): void {
    srcnnRun?.abort();
    srcnnRun = null;
  }

  function scheduleSrcnn(input: RGBImage, at: View): void {
    stopSrcnn();
    outputs.delete('srcnn');
    if (at.scale !== SRCNN_SCALE) {
      srcnnWanted = null;
      srcnnText = '';
      setSrcnnPhase('off');
      showStatus();
      return;
    }
    srcnnWanted = { input, view: at };
    setSrcnnPhase('pending');
    drawSrcnnPanel(at);
    void pumpSrcnn();
  }

  function srcnnProgressText(p: ComputeProgress): string {
    if (p.stage === 'run') return fill(s.srcnnComputing, { done: p.done, total: p.total });
    if (p.cached || p.total <= 0) return s.srcnnLoading;
    return fill(s.srcnnDownloading, {
      p: Math.round((100 * p.loaded) / p.total),
      kb: Math.round(p.loaded / 1024),
      total: Math.round(p.total / 1024),
    });
  }

  async function pumpSrcnn(): Promise<void> {
    const service = compute;
    const job = srcnnWanted;
    if (!job || srcnnRun || !visible || !service) return;
    const run = new AbortController();
    srcnnRun = run;
    const started = performance.now();
    srcnnText = s.srcnnLoading;
    showStatus();
    try {
      const image = await service.srcnn(
        job.input,
        weightsBase,
        (p) => {
          if (run.signal.aborted) return;
          srcnnText = srcnnProgressText(p);
          showStatus();
        },
        run.signal,
      );
      if (run.signal.aborted) return;
      srcnnWanted = null;
      outputs.set('srcnn', { image, pixels: toImageData(image) });
      setSrcnnPhase('ready');
      drawSrcnnPanel(job.view);
      drawOverlays();
      srcnnText = fill(s.srcnnDone, { s: ((performance.now() - started) / 1000).toFixed(1) });
      showStatus();
    } catch (err) {
      if (run.signal.aborted || (err instanceof ComputeError && err.aborted)) return;
      srcnnWanted = null;
      setSrcnnPhase('failed');
      drawSrcnnPanel(job.view);
      srcnnFailure = classifyFailure(err);
      srcnnText = fill(s.srcnnFailed, { reason: failureText(lang, srcnnFailure) });
      showStatus();
    } finally {
      if (srcnnRun === run) srcnnRun = null;
    }
  }

  // ---- sources -------------------------------------------------------------------------------
  let sourceToken = 0;
  async function loadSource(id: string): Promise<void> {
    const token = ++sourceToken;
    let img: RGBImage;
    if (id === 'own' && ownImage) img = ownImage;
    else if (isPatternId(id)) {
      if (!compute) return; // patterns are drawn by the compute worker; loaded again once it runs
      img = await compute.pattern(id, 256);
    }
    else {
      const demo = findDemoImage(id) ?? findDemoImage('chelsea')!;
      img = await loadUrl(siteUrl(root, demoImagePath(demo)));
    }
    if (token !== sourceToken) return;
    source = img;
    request('all');
  }

  function ensureOwnOption(): void {
    if (el.imageSelect.querySelector('option[value="own"]')) return;
    const group = document.createElement('optgroup');
    group.label = s.groupOwn;
    const option = document.createElement('option');
    option.value = 'own';
    option.textContent = s.ownImageOption;
    group.append(option);
    el.imageSelect.append(group);
  }

  async function openOwn(blob: Blob, name: string): Promise<void> {
    try {
      const loaded = await decodeBlob(blob, name);
      ownImage = loaded.image;
      ensureOwnOption();
      state.image = 'own';
      state.crop = { x: 0.5, y: 0.5 };
      syncControls();
      saveUrl();
      say(
        loaded.downscaled
          ? fill(s.fileDownscaled, {
              w: loaded.originalWidth,
              h: loaded.originalHeight,
              w2: loaded.image.width,
              h2: loaded.image.height,
            })
          : fill(s.fileLoaded, { w: loaded.image.width, h: loaded.image.height }),
      );
      backendMessage = el.message.textContent ?? backendMessage;
      await loadSource('own');
    } catch (err) {
      say(imageLoadMessage(lang, err, name));
    }
  }

  // ---- wiring --------------------------------------------------------------------------------
  el.imageSelect.addEventListener('change', () => {
    state.image = el.imageSelect.value;
    saveUrl();
    void loadSource(state.image).catch(computeFailed);
  });
  for (const p of el.panels) {
    // the panel's picture as shown (the pre-computed one until the live canvas has drawn), named by method and scale
    p.panel.querySelector('[data-control="save"]')!.addEventListener('click', () => {
      const shown = p.canvas.hidden && p.staticImg instanceof HTMLImageElement ? p.staticImg : p.canvas;
      void pngOf(shown).then((png) => download(png, `${state.image}-${p.method}-x${state.scale}.png`), computeFailed);
    });
  }
  el.uploadButton.addEventListener('click', () => el.fileInput.click());
  el.fileInput.addEventListener('change', () => {
    const file = el.fileInput.files?.[0];
    if (file) void openOwn(file, file.name);
    el.fileInput.value = '';
  });
  root.addEventListener('dragover', (e) => {
    if (e.dataTransfer?.types.includes('Files')) {
      e.preventDefault();
      root.classList.add('interp-dropping');
    }
  });
  root.addEventListener('dragleave', (e) => {
    if (e.target === root) root.classList.remove('interp-dropping');
  });
  root.addEventListener('drop', (e) => {
    root.classList.remove('interp-dropping');
    const file = e.dataTransfer?.files[0];
    if (!file) return;
    e.preventDefault();
    void openOwn(file, file.name);
  });
  document.addEventListener('paste', (e) => {
    const target = e.target as HTMLElement | null;
    if (!visible || (target && (target.isContentEditable || /^(INPUT|TEXTAREA)$/.test(target.tagName)))) return;
    const file = [...(e.clipboardData?.files ?? [])].find((f) => f.type.startsWith('image/'));
    if (file) {
      e.preventDefault();
      void openOwn(file, file.name || 'clipboard');
    } else if (root.contains(document.activeElement)) {
      say(s.pasteNoImage);
    }
  });

  el.scaleInput.addEventListener('input', () => {
    state.scale = normalizeScale(Number(el.scaleInput.value));
    syncControls();
    saveUrl();
    request('all');
  });
  el.aInput.addEventListener('input', () => {
    state.a = normalizeA(Number(el.aInput.value));
    syncControls();
    drawKernel();
    saveUrl();
    request('bicubic');
  });

  // Crop position: drag on the source image or use the arrow keys on the crop frame.
  const moveCrop = (p: Point): void => {
    if (!source) return;
    const c = cropRect(source.width, source.height, state.scale, { x: 0.5, y: 0.5 });
    state.crop = keepBoxInside(p, c.width, c.height, source.width, source.height);
    if (view) drawSource(source, cropRect(source.width, source.height, state.scale, state.crop));
    saveUrl();
    request('all');
  };
  attachPointerDrag(el.sourceView, moveCrop);
  attachArrowKeys(el.cropHandle, (m) => {
    if (source) moveCrop(applyMove(state.crop, m, source.width, source.height));
  });

  // Loupe: drag on any output image (not on a line handle), or arrow keys on the loupe strip.
  const moveLoupe = (p: Point): void => {
    if (!view) return;
    state.loupe = keepBoxInside(p, LOUPE_SIZE, LOUPE_SIZE, view.outW, view.outH);
    saveUrl();
    drawOverlays();
  };
  for (const p of el.panels) {
    attachPointerDrag(p.view, moveLoupe, (e) => !(e.target as Element).closest('.interp-handle'));
  }
  attachArrowKeys(el.loupe, (m) => {
    if (view) moveLoupe(applyMove(state.loupe, m, view.outW, view.outH));
  });

  // Profile line end points: drag the round handles on any panel; arrow keys on the first panel's.
  for (const p of el.panels) {
    p.handles.forEach((handle, i) => {
      const moveEnd = (pt: Point): void => {
        state.line[i] = pt;
        saveUrl();
        drawOverlays();
      };
      attachPointerDrag(handle, () => undefined); // capture the pointer on the handle itself
      handle.addEventListener('pointermove', (e) => {
        if (handle.hasPointerCapture(e.pointerId)) {
          const box = p.view.getBoundingClientRect();
          moveEnd({
            x: Math.min(1, Math.max(0, (e.clientX - box.left) / box.width)),
            y: Math.min(1, Math.max(0, (e.clientY - box.top) / box.height)),
          });
        }
      });
      attachArrowKeys(handle, (m) => {
        if (view) moveEnd(applyMove(state.line[i], m, view.outW, view.outH));
      });
    });
  }

  // Show true pixels (pixelated) when a canvas is enlarged on screen; when it is shown smaller than
  // its pixel size, let the browser filter it, since dropping pixels would add moiré of its own.
  function fitRendering(): void {
    const canvases = [el.sourceCanvas, ...el.panels.map((p) => p.canvas)];
    for (const c of canvases) {
      if (c.hidden || c.clientWidth === 0) continue;
      c.style.imageRendering = c.clientWidth * devicePixelRatio >= c.width ? 'pixelated' : 'auto';
    }
  }

  // Charts are drawn at their container's width so their text keeps its size on phones.
  let resizeQueued = false;
  const resizeWatch = new ResizeObserver(() => {
    if (resizeQueued) return;
    resizeQueued = true;
    requestAnimationFrame(() => {
      resizeQueued = false;
      drawKernel();
      drawOverlays();
      fitRendering();
    });
  });
  resizeWatch.observe(el.kernelPlot);
  resizeWatch.observe(el.panels[0].view);

  // ---- start ---------------------------------------------------------------------------------
  syncControls();
  drawKernel();
  say(s.statusStarting);
  const sourceReady = loadSource(state.image).catch(computeFailed);
  try {
    const started = await sharedCompute();
    root.dataset.backend = started.report.name;
    root.dataset.compute = started.compute.where;
    backendMessage = readyText(s, lang, started.report);
    compute = started.compute;
    // Test hook (e2e): lose the worker's GPU device as a driver reset would; the next computation recovers.
    root.addEventListener('sr-test:lose-device', () => void started.compute.loseDevice().then((lost) => (root.dataset.deviceLost = String(lost))));
    if (isPatternId(state.image)) void loadSource(state.image);
  } catch (err) {
    root.dataset.status = 'error';
    root.dataset.backend = 'none';
    showFailure(el.message, lang, err, 'static');
    // Without a backend only the kernel plot (pure maths) stays live; the rest cannot act.
    for (const control of [el.imageSelect, el.uploadButton, el.scaleInput]) control.disabled = true;
    return { setVisible: () => undefined };
  }
  await sourceReady;
  void pump();

  return {
    setVisible(v: boolean): void {
      visible = v;
      if (v) {
        void pump();
        void pumpSrcnn();
        drawOverlays();
      } else stopSrcnn(); // resumed (from the start) when the figure is back on screen
    },
  };
}
