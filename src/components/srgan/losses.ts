// "Three losses, one network" in the browser: state, events, the network runs (shared generator runtime,
// a Web Worker), drawing, numbers. Loaded by losses.client.ts on first view. See ./README.md.
import { fill, srganLossesStrings, srganRuntimeStrings } from '../../i18n/srgan';
import type { RGBImage } from '../../sr/image';
import { decodeBlob } from '../../ui/images/imageLoad';
import { imageLoadMessage } from '../../i18n/imageLoad';
import { findCrop, LABEL_KEY, manifest, NETWORKS, PANELS, staticPath, type PanelId } from './data';
import { clampLoupe, LOUPE, readLossesState, URL_PREFIX, type LossesState } from './lossesState';
import { cropImage, HR_SIZE, isRegion, regionCrop, type Region, LR_SIZE, lowRes, quantize8, SCALE, type PanelNumbers } from './pipeline';
import { imresizeJs } from '../../sr/resizeCpu';
import { measureOffThread } from './metricsClient';
import { draw, generate, loadImage, runtime, siteAsset, urlParam, urlWriter, yieldToPage, type Mounted } from './shared';
import { setStatus as setStatusLine, showFailure } from '../../ui/failureStatus';
import { spectrumSvg } from './spectrumChart';
import { attachArrowKeys } from '../../ui/controls/arrowKeys';
import { attachPointerDrag } from '../../ui/controls/pointerDrag';
import { chartSizeFor } from '../../ui/draw/lineChart';

type Mode = 'down' | 'asis';

export async function mountLosses(root: HTMLElement): Promise<Mounted> {
  const lang = root.dataset.lang === 'ja' ? 'ja' : 'en';
  const s = srganLossesStrings[lang];
  const rs = srganRuntimeStrings[lang];
  const $ = <T extends Element>(sel: string): T => root.querySelector<T>(sel)!;
  const message = $<HTMLElement>('[data-role="status-message"]');
  const imageSelect = $<HTMLSelectElement>('select[data-control="image"]');
  const ownOption = $<HTMLOptionElement>('[data-role="own-option"]');
  const uploadButton = $<HTMLButtonElement>('button[data-control="upload"]');
  const fileInput = $<HTMLInputElement>('input[data-control="file"]');
  const ownModeBox = $<HTMLElement>('[data-role="own-mode"]');
  const ownModeRadios = [...root.querySelectorAll<HTMLInputElement>('input[data-control="own-mode"]')];
  const regionSelect = $<HTMLSelectElement>('select[data-control="own-region"]');
  const viewSelect = $<HTMLSelectElement>('select[data-control="view"]');
  const wipeBox = $<HTMLElement>('[data-role="wipe"]');
  const wipeA = $<HTMLSelectElement>('select[data-control="wipe-a"]');
  const wipeB = $<HTMLSelectElement>('select[data-control="wipe-b"]');
  const wipeInput = $<HTMLInputElement>('input[data-control="wipe"]');
  const wipeStage = $<HTMLElement>('[data-role="wipe-stage"]');
  const wipeCanvasA = $<HTMLCanvasElement>('canvas[data-wipe="a"]');
  const wipeCanvasB = $<HTMLCanvasElement>('canvas[data-wipe="b"]');
  const wipeLine = $<HTMLElement>('[data-role="wipe-line"]');
  const loupeHandle = $<HTMLElement>('[data-role="loupe"]');
  const chartBox = $<HTMLElement>('[data-role="spectrum"]');
  const panel = (id: PanelId) => ({
    canvas: $<HTMLCanvasElement>(`canvas[data-model="${id}"]`),
    img: $<HTMLImageElement>(`[data-panel="${id}"] img.sg-static`),
    metrics: $<HTMLElement>(`[data-role="metrics"][data-model="${id}"]`),
    title: $<HTMLElement>(`[data-panel="${id}"] .sg-title span`),
    loupe: $<HTMLCanvasElement>(`canvas[data-loupe="${id}"]`),
    loupeStatic: $<HTMLElement>(`[data-loupe-cell="${id}"] .sg-loupe-static`),
  });
  const panels = Object.fromEntries(PANELS.map((id) => [id, panel(id)])) as Record<PanelId, ReturnType<typeof panel>>;

  const crops = manifest.crops.map((c) => c.image);
  const state: LossesState = readLossesState((k) => urlParam(URL_PREFIX, k), crops);
  const writeUrl = urlWriter(URL_PREFIX);
  let own: RGBImage | null = null;
  let mode: Mode = 'down';
  let region: Region = 'c';
  let imageKey = state.image;

  // Current pictures (8-bit) and their numbers; `live` marks the ones computed in this browser.
  let images: Partial<Record<PanelId, RGBImage>> = {};
  let numbers: Partial<Record<PanelId, PanelNumbers>> = {};
  let truth: RGBImage | null = null;
  let visible = false;
  let dirty = false;
  let needsCompute = true;
  let generation = 0;
  let backendName = '';
  /** Why no backend started (kept, so a later run says the same without trying again). */
  let backendError: unknown = null;

  const setStatus = (text: string) => setStatusLine(message, text);
  const backendLabel = (name: string) => (name === 'webgpu' ? rs.backendWebgpu : name === 'webgl' ? rs.backendWebgl : rs.backendCpu);

  // ---- drawing ----------------------------------------------------------------------------------
  function loupeRegion(img: RGBImage): { x: number; y: number; w: number } {
    const k = img.width / HR_SIZE;
    const w = Math.max(1, Math.round(LOUPE * k));
    return { x: Math.round((state.loupe.x - LOUPE / 2) * k), y: Math.round((state.loupe.y - LOUPE / 2) * k), w };
  }

  function drawLoupes() {
    for (const id of PANELS) {
      const img = images[id];
      const p = panels[id];
      if (!img) continue;
      const r = loupeRegion(img);
      const sub = cropImage(img, Math.max(0, Math.min(img.width - r.w, r.x)), Math.max(0, Math.min(img.height - r.w, r.y)), r.w, r.w);
      draw(p.loupe, sub);
      p.loupeStatic.hidden = true;
    }
    const pct = (v: number) => `${(100 * v) / HR_SIZE}%`;
    for (const el of root.querySelectorAll<HTMLElement>('[data-role="loupe-rect"], [data-role="loupe"]')) {
      el.style.left = pct(state.loupe.x - LOUPE / 2);
      el.style.top = pct(state.loupe.y - LOUPE / 2);
    }
    loupeHandle.setAttribute('aria-valuenow', String(state.loupe.x));
    loupeHandle.setAttribute('aria-valuetext', fill(s.loupeValue, { x: state.loupe.x, y: state.loupe.y, w: HR_SIZE, h: HR_SIZE }));
  }

  function drawWipe() {
    root.dataset.view = state.view;
    wipeBox.hidden = state.view !== 'wipe';
    wipeInput.value = String(state.wipe);
    wipeInput.setAttribute('aria-valuetext', fill(s.wipeValue, { p: state.wipe }));
    wipeA.value = state.wipeA;
    wipeB.value = state.wipeB;
    viewSelect.value = state.view;
    wipeCanvasB.style.clipPath = `inset(0 0 0 ${state.wipe}%)`;
    wipeLine.style.left = `${state.wipe}%`;
    if (state.view !== 'wipe') return;
    const a = images[state.wipeA];
    const b = images[state.wipeB];
    if (a) draw(wipeCanvasA, a.width === HR_SIZE ? a : imresizeJs(a, SCALE));
    if (b) draw(wipeCanvasB, b.width === HR_SIZE ? b : imresizeJs(b, SCALE));
  }

  function drawChart() {
    const spectra = Object.fromEntries(
      PANELS.filter((id) => numbers[id] && !(id === 'hr' && !truth)).map((id) => [id, numbers[id]!.spectrum]),
    );
    chartBox.dataset.spectra = JSON.stringify(Object.fromEntries(Object.entries(spectra).map(([k, v]) => [k, v.power])));
    chartBox.innerHTML = spectrumSvg(s, spectra, `${root.dataset.lang}-srgan-spectrum`, chartSizeFor(chartBox.clientWidth));
  }

  function drawMetrics(id: PanelId) {
    const n = numbers[id];
    const m = panels[id].metrics;
    if (id === 'hr') {
      m.textContent = '';
      return;
    }
    if (!n) {
      m.textContent = s.pending;
      m.dataset.psnr = '';
      m.dataset.ssim = '';
    } else if (n.psnr === null || n.ssim === null) {
      m.textContent = s.noTruth;
      m.dataset.psnr = '';
      m.dataset.ssim = '';
    } else {
      m.textContent = fill(s.metrics, { p: n.psnr.toFixed(2), s: n.ssim.toFixed(4) });
      m.dataset.psnr = String(n.psnr);
      m.dataset.ssim = String(n.ssim);
    }
  }

  function drawPanel(id: PanelId) {
    const img = images[id];
    const p = panels[id];
    if (img) {
      draw(p.canvas, img);
      p.img.hidden = true;
      p.canvas.classList.remove('sg-pending');
    } else {
      p.canvas.classList.add('sg-pending');
    }
    drawMetrics(id);
  }

  /**
   * Redraws everything, one panel per task (rule 8: a busy machine must not turn one redraw into a long
   * task). `only` limits it to one panel plus what depends on it (loupes, wipe, chart). Renders are
   * idempotent, so one that overlaps another does no harm.
   */
  async function render(only?: PanelId) {
    if (!visible) {
      dirty = true;
      return;
    }
    dirty = false;
    // the first panel is the ground truth, or the reader's own small input ("as it is"): its title, loupe caption
    // and comparison choices say which
    const hrName = truth ? s.modelTruth : s.modelInput;
    panels.hr.title.textContent = hrName;
    for (const el of root.querySelectorAll<HTMLElement>('[data-loupe-cell="hr"] .sg-loupe-label, option[value="hr"]')) el.textContent = hrName;
    for (const id of only ? [only] : PANELS) {
      drawPanel(id);
      await yieldToPage();
    }
    drawLoupes();
    await yieldToPage();
    drawWipe();
    await yieldToPage();
    drawChart();
  }

  // ---- computing ----------------------------------------------------------------------------------
  async function sourceImages(): Promise<{ hr: RGBImage | null; lr: RGBImage; staticOut: Partial<Record<PanelId, RGBImage>> }> {
    if (imageKey === 'own' && own) {
      if (mode === 'asis') return { hr: null, lr: quantize8(regionCrop(own, LR_SIZE, region)), staticOut: {} };
      const hr = quantize8(regionCrop(own, HR_SIZE, region));
      return { hr, lr: lowRes(hr), staticOut: {} };
    }
    const crop = findCrop(imageKey)!;
    const photo = await loadImage(siteAsset(root, `images/demo/${crop.image}.png`));
    const hr = quantize8(cropImage(photo, crop.left, crop.top, HR_SIZE, HR_SIZE));
    // The pre-computed outputs stand in until (or unless) the networks run here.
    const staticOut: Partial<Record<PanelId, RGBImage>> = {};
    for (const id of NETWORKS) staticOut[id] = await loadImage(siteAsset(root, staticPath(crop.image, id)));
    return { hr, lr: lowRes(hr), staticOut };
  }

  async function measure(id: PanelId, gen: number) {
    if (gen !== generation || !images[id]) return;
    const n = await measureOffThread(images[id]!, id === 'hr' ? null : truth);
    if (gen === generation) numbers[id] = n;
  }

  async function compute() {
    needsCompute = false;
    const gen = ++generation;
    root.setAttribute('aria-busy', 'true');
    delete root.dataset.computed;
    const key = imageKey === 'own' ? `own:${mode}${region === 'c' ? '' : `:${region}`}` : imageKey;
    let src: Awaited<ReturnType<typeof sourceImages>>;
    try {
      src = await sourceImages();
    } catch (err) {
      showFailure(message, lang, err, 'last');
      root.removeAttribute('aria-busy');
      return;
    }
    if (gen !== generation) return;
    truth = src.hr;
    images = { hr: src.hr ?? src.lr, bicubic: quantize8(imresizeJs(src.lr, SCALE)), ...src.staticOut };
    numbers = {};
    await Promise.all(PANELS.map((id) => measure(id, gen)));
    if (gen !== generation) return;
    void render();

    let rt: Awaited<ReturnType<typeof runtime>>;
    let report: { name: string };
    try {
      if (backendError) throw backendError;
      setStatus(rs.statusStarting);
      rt = await runtime(root);
      report = (await rt.ready).report;
      backendName = report.name;
      root.dataset.backend = report.name;
    } catch (err) {
      backendError = err;
      root.dataset.backend = 'none';
      root.dataset.status = 'error';
      root.removeAttribute('aria-busy');
      showFailure(message, lang, err, 'static');
      return;
    }
    let total = 0;
    for (const id of NETWORKS) {
      if (gen !== generation) return;
      const name = s[LABEL_KEY[id]];
      setStatus(fill(rs.statusRunning, { model: name, backend: backendLabel(backendName) }));
      try {
        const result = await generate(rt, imageKey === 'own' ? null : imageKey, id, src.lr, (p) => {
          if (p.phase === 'download' && gen === generation) setStatus(fill(rs.statusLoading, { model: name, pct: p.total ? Math.round((100 * p.done) / p.total) : 0 }));
        });
        total += result.ms;
        if (gen !== generation) return;
        images[id] = quantize8(result.image);
        panels[id].canvas.dataset.live = 'true';
        await measure(id, gen);
        void render(id);
      } catch (err) {
        if ((err as DOMException)?.name === 'AbortError') return;
        showFailure(message, lang, err, 'last');
        root.removeAttribute('aria-busy');
        return;
      }
    }
    if (gen !== generation) return;
    root.dataset.status = 'ready';
    root.dataset.computed = key;
    root.removeAttribute('aria-busy');
    setStatus(fill(rs.statusReady, { backend: backendLabel(backendName), ms: Math.round(total) }));
  }

  function requestCompute() {
    if (visible) void compute();
    else {
      needsCompute = true;
      generation++;
    }
  }

  function saveUrl() {
    writeUrl({
      img: imageKey === 'own' ? null : imageKey,
      view: state.view,
      wa: state.wipeA,
      wb: state.wipeB,
      wipe: state.wipe,
      lx: state.loupe.x,
      ly: state.loupe.y,
    });
  }

  // ---- events -------------------------------------------------------------------------------------
  imageSelect.value = state.image;
  imageSelect.addEventListener('change', () => {
    imageKey = imageSelect.value;
    ownModeBox.hidden = imageKey !== 'own';
    if (imageKey !== 'own') {
      state.image = imageKey;
      for (const id of PANELS) panels[id].img.src = siteAsset(root, staticPath(imageKey, id));
    }
    saveUrl();
    requestCompute();
  });
  viewSelect.addEventListener('change', () => {
    state.view = viewSelect.value === 'wipe' ? 'wipe' : 'side';
    saveUrl();
    if (visible) drawWipe();
    else dirty = true;
  });
  const onWipePick = () => {
    state.wipeA = wipeA.value as PanelId;
    state.wipeB = wipeB.value as PanelId;
    saveUrl();
    if (visible) drawWipe();
    else dirty = true;
  };
  wipeA.addEventListener('change', onWipePick);
  wipeB.addEventListener('change', onWipePick);
  wipeInput.addEventListener('input', () => {
    state.wipe = Number(wipeInput.value);
    saveUrl();
    if (visible) drawWipe();
    else dirty = true;
  });
  attachPointerDrag(wipeStage, (p) => {
    state.wipe = Math.round(p.x * 100);
    saveUrl();
    drawWipe();
  });
  const moveLoupe = (x: number, y: number) => {
    state.loupe = { x: clampLoupe(x), y: clampLoupe(y) };
    saveUrl();
    if (visible) drawLoupes();
    else dirty = true;
  };
  attachArrowKeys(loupeHandle, (m) => {
    if ('to' in m) {
      const lo = LOUPE / 2;
      const hi = HR_SIZE - LOUPE / 2;
      if (m.to === 'left') moveLoupe(lo, state.loupe.y);
      else if (m.to === 'right') moveLoupe(hi, state.loupe.y);
      else if (m.to === 'top') moveLoupe(state.loupe.x, lo);
      else moveLoupe(state.loupe.x, hi);
    } else moveLoupe(state.loupe.x + m.dx, state.loupe.y + m.dy);
  });
  for (const view of root.querySelectorAll<HTMLElement>('[data-role="panels"] [data-role="view"]')) {
    attachPointerDrag(view, (p) => moveLoupe(p.x * HR_SIZE, p.y * HR_SIZE));
  }
  regionSelect.addEventListener('change', () => {
    region = isRegion(regionSelect.value) ? regionSelect.value : 'c';
    requestCompute();
  });
  for (const r of ownModeRadios) {
    r.addEventListener('change', () => {
      if (!r.checked) return;
      mode = r.value === 'asis' ? 'asis' : 'down';
      requestCompute();
    });
  }
  async function takeFile(file: File | null | undefined) {
    if (!file) return;
    try {
      const loaded = await decodeBlob(file, file.name);
      const need = mode === 'asis' ? LR_SIZE : HR_SIZE;
      if (loaded.image.width < need || loaded.image.height < need) {
        setStatus(fill(s.fileTooSmall, { n: need }));
        return;
      }
      own = loaded.image;
      ownOption.disabled = false;
      imageKey = 'own';
      imageSelect.value = 'own';
      ownModeBox.hidden = false;
      for (const id of PANELS) panels[id].img.hidden = true;
      if (loaded.downscaled) setStatus(fill(s.fileScaled, { w: own.width, h: own.height }));
      saveUrl();
      requestCompute();
    } catch (err) {
      setStatus(imageLoadMessage(lang, err, file.name));
    }
  }
  uploadButton.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    void takeFile(fileInput.files?.[0]);
    fileInput.value = '';
  });
  root.addEventListener('dragover', (e) => {
    e.preventDefault();
    root.classList.add('sg-dropping');
  });
  root.addEventListener('dragleave', () => root.classList.remove('sg-dropping'));
  root.addEventListener('drop', (e) => {
    e.preventDefault();
    root.classList.remove('sg-dropping');
    void takeFile(e.dataTransfer?.files?.[0]);
  });
  root.addEventListener('paste', (e) => {
    const item = [...(e.clipboardData?.items ?? [])].find((i) => i.kind === 'file');
    if (item) void takeFile(item.getAsFile());
  });
  let resizeTimer = 0;
  new ResizeObserver(() => {
    clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(() => {
      if (visible && Object.keys(numbers).length) drawChart();
    }, 150);
  }).observe(chartBox);

  return {
    setVisible(v: boolean) {
      visible = v;
      if (!v) return;
      if (needsCompute) void compute();
      else if (dirty) void render();
    },
  };
}
