// "What the discriminator sees" in the browser: builds the 128×128 patches (the real HR crop, bicubic,
// and the three generators' outputs, shared with the "three losses" figure through shared.generate),
// scores the ones the reader ticks with srgan_d in the runtime Worker, and shows C(x) and σ(C(x)).
// See ./README.md.
import { fill, srganDiscStrings, srganLossesStrings, srganRuntimeStrings } from '../../i18n/srgan';
import type { RGBImage } from '../../sr/image';
import { findCrop, LABEL_KEY, manifest, NETWORKS, PANELS, sigmoid, staticPath, type PanelId } from './data';
import { cropImage, HR_SIZE, lowRes, quantize8, SCALE } from './pipeline';
import { imresizeJs } from '../../sr/resizeCpu';
import { draw, generate, loadImage, runtime, siteAsset, urlParam, urlWriter, type Mounted } from './shared';
import { setStatus, showFailure } from '../../ui/failureStatus';

const PREFIX = 'disc.';
const ALL = (1 << PANELS.length) - 1;

export async function mountDisc(root: HTMLElement): Promise<Mounted> {
  const lang = root.dataset.lang === 'ja' ? 'ja' : 'en';
  const s = srganDiscStrings[lang];
  const ls = srganLossesStrings[lang];
  const rs = srganRuntimeStrings[lang];
  const $ = <T extends Element>(sel: string): T => root.querySelector<T>(sel)!;
  const message = $<HTMLElement>('[data-role="status-message"]');
  const imageSelect = $<HTMLSelectElement>('select[data-control="image"]');
  const boxes = [...root.querySelectorAll<HTMLInputElement>('input[data-control="patch"]')];
  const label = (id: PanelId) => (id === 'hr' ? s.real : ls[LABEL_KEY[id]]);
  const crops = manifest.crops.map((c) => c.image);
  const writeUrl = urlWriter(PREFIX);
  const onRaw = Number(urlParam(PREFIX, 'on'));
  const state = {
    image: crops.includes(urlParam(PREFIX, 'img') ?? '') ? urlParam(PREFIX, 'img')! : crops[0],
    on: Number.isInteger(onRaw) && onRaw >= 1 && onRaw <= ALL ? onRaw : ALL,
  };
  const selected = (id: PanelId) => (state.on & (1 << PANELS.indexOf(id))) !== 0;
  const backendLabel = (name: string) => (name === 'webgpu' ? rs.backendWebgpu : name === 'webgl' ? rs.backendWebgl : rs.backendCpu);

  let patches: Partial<Record<PanelId, RGBImage>> = {};
  let visible = false;
  let pending = true;
  let generation = 0;
  /** Why no backend started (kept: later changes show the pre-computed scores without trying again). */
  let backendError: unknown = null;
  const say = (text: string) => setStatus(message, text);

  function showScore(id: PanelId, logit: number | null, source: 'live' | 'precomputed') {
    const el = $<HTMLElement>(`[data-role="score"][data-model="${id}"]`);
    const bar = $<HTMLElement>(`[data-patch="${id}"] [data-role="bar"]`);
    if (logit === null) {
      el.textContent = s.notScored;
      el.dataset.logit = '';
      bar.querySelector<HTMLElement>('span')!.style.width = '0%';
      bar.setAttribute('aria-label', `${label(id)}: ${s.notScored}`);
      return;
    }
    const d = sigmoid(logit);
    const verdict = d >= 0.5 ? s.verdictReal : s.verdictFake;
    el.innerHTML = '';
    const part = (role: string, text: string) => {
      const span = document.createElement('span');
      span.dataset.role = role;
      span.textContent = text;
      return span;
    };
    el.append(
      part('logit', fill(s.logit, { v: logit.toFixed(3).replace('-', '−') })),
      ' · ',
      part('prob', fill(s.prob, { v: d.toFixed(3) })),
      ' ',
      part('source', source === 'live' ? `(${verdict})` : `(${s.precomputed})`),
    );
    el.dataset.logit = String(logit);
    el.dataset.source = source;
    bar.querySelector<HTMLElement>('span')!.style.width = `${(100 * d).toFixed(1)}%`;
    bar.setAttribute('aria-label', fill(s.barLabel, { name: label(id), v: d.toFixed(3) }));
  }

  function syncBoxes() {
    for (const b of boxes) {
      const id = b.value as PanelId;
      b.checked = selected(id);
      $<HTMLElement>(`[data-patch="${id}"]`).dataset.on = String(b.checked);
    }
  }

  async function compute() {
    pending = false;
    const gen = ++generation;
    root.setAttribute('aria-busy', 'true');
    delete root.dataset.computed;
    syncBoxes();
    imageSelect.value = state.image;
    const crop = findCrop(state.image)!;
    // Pre-computed scores and pictures first (PyTorch, same weights).
    for (const id of PANELS) {
      const img = $<HTMLImageElement>(`[data-patch="${id}"] img.sg-static`);
      img.src = siteAsset(root, staticPath(crop.image, id));
      showScore(id, selected(id) ? crop.logits[id] : null, 'precomputed');
    }
    let photo: RGBImage;
    try {
      photo = await loadImage(siteAsset(root, `images/demo/${crop.image}.png`));
    } catch (err) {
      showFailure(message, lang, err, 'static');
      return;
    }
    if (gen !== generation) return;
    const hr = quantize8(cropImage(photo, crop.left, crop.top, HR_SIZE, HR_SIZE));
    const lr = lowRes(hr);
    patches = { hr, bicubic: quantize8(imresizeJs(lr, SCALE)) };
    const paint = (id: PanelId) => {
      const c = $<HTMLCanvasElement>(`canvas[data-model="${id}"]`);
      draw(c, patches[id]!);
      $<HTMLImageElement>(`[data-patch="${id}"] img.sg-static`).hidden = true;
    };
    paint('hr');
    paint('bicubic');

    let rt: Awaited<ReturnType<typeof runtime>>;
    try {
      if (backendError) throw backendError;
      say(rs.statusStarting);
      rt = await runtime(root);
      const { report } = await rt.ready;
      root.dataset.backend = report.name;
    } catch (err) {
      backendError = err;
      root.dataset.backend = 'none';
      root.dataset.status = 'error';
      root.removeAttribute('aria-busy');
      showFailure(message, lang, err, 'static');
      return;
    }
    const backend = backendLabel(root.dataset.backend!);
    let total = 0;
    try {
      for (const id of NETWORKS) {
        if (gen !== generation) return;
        say(fill(rs.statusRunning, { model: ls[LABEL_KEY[id]], backend }));
        const out = await generate(rt, crop.image, id, lr);
        if (gen !== generation) return;
        patches[id] = quantize8(out.image);
        paint(id);
      }
      if (!(await score(rt, gen, (ms) => (total = ms)))) return;
    } catch (err) {
      if ((err as DOMException)?.name === 'AbortError') return;
      showFailure(message, lang, err, 'last');
      root.removeAttribute('aria-busy');
      return;
    }
    root.dataset.status = 'ready';
    root.dataset.computed = crop.image;
    root.removeAttribute('aria-busy');
    say(fill(rs.statusReady, { backend, ms: Math.round(total) }));
  }

  /** Scores the selected patches in one batch; false when a newer request took over. */
  async function score(rt: Awaited<ReturnType<typeof runtime>>, gen: number, onMs: (ms: number) => void): Promise<boolean> {
    const ids = PANELS.filter((id) => selected(id) && patches[id]);
    for (const id of PANELS) if (!selected(id)) showScore(id, null, 'live');
    if (!ids.length) return true;
    const size = HR_SIZE * HR_SIZE * 3;
    const data = new Float32Array(ids.length * size);
    ids.forEach((id, k) => data.set(patches[id]!.data, k * size));
    say(fill(rs.statusRunning, { model: 'srgan_d', backend: backendLabel(root.dataset.backend ?? '') }));
    const result = await rt.client.discriminate({ model: 'srgan_d', patches: { count: ids.length, size: HR_SIZE, data } });
    if (gen !== generation) return false;
    ids.forEach((id, k) => showScore(id, result.logits[k], 'live'));
    onMs(result.ms);
    return true;
  }

  async function rescore() {
    // Ticking a patch only re-runs the discriminator (the patches are already there).
    if (root.dataset.status !== 'ready' || !patches.srgan) return void compute();
    const gen = ++generation;
    root.setAttribute('aria-busy', 'true');
    delete root.dataset.computed;
    try {
      const rt = await runtime(root);
      let ms = 0;
      if (!(await score(rt, gen, (v) => (ms = v)))) return;
      root.dataset.computed = state.image;
      say(fill(rs.statusReady, { backend: backendLabel(root.dataset.backend ?? ''), ms: Math.round(ms) }));
    } catch (err) {
      showFailure(message, lang, err, 'last');
    } finally {
      if (gen === generation) root.removeAttribute('aria-busy');
    }
  }

  const save = () => writeUrl({ img: state.image, on: state.on });
  imageSelect.addEventListener('change', () => {
    state.image = imageSelect.value;
    save();
    if (visible) void compute();
    else {
      pending = true;
      generation++;
    }
  });
  for (const b of boxes) {
    b.addEventListener('change', () => {
      const bit = 1 << PANELS.indexOf(b.value as PanelId);
      state.on = b.checked ? state.on | bit : state.on & ~bit;
      syncBoxes();
      save();
      if (!visible) {
        pending = true;
        generation++;
        return;
      }
      if (backendError) {
        const crop = findCrop(state.image)!;
        for (const id of PANELS) showScore(id, selected(id) ? crop.logits[id] : null, 'precomputed');
        return;
      }
      void rescore();
    });
  }

  return {
    setVisible(v: boolean) {
      visible = v;
      if (v && pending) void compute();
    },
  };
}
