// The live discriminator figure. Real patches: the four 128×128 quarters of a 256×256 photograph.
// Generated patches: the same photograph reduced ×4 (MATLAB-style bicubic, on the CPU) and enlarged
// again by the reader's choice (bicubic, or an RRDB generator in the shared runtime), then quartered.
// One choice, esrgan_std (DISC_PRECOMPUTED), is not run here: its output on the same LR was computed by
// the training pipeline and is loaded as an 8-bit PNG (data-precomputed), which keeps the page within its
// download budget; the figure says so, and both discriminators still score it live.
// Both discriminators score all eight patches (client.discriminate → raw logits C(x)); the figure
// shows C, the standard D = σ(C) and the relativistic D_Ra = σ(C − mean C of the other set), as a
// table and as Observable Plot charts. Nothing runs while the figure is off screen.
import type { RGBImage } from '../../sr/image';
import { discriminatorOutputs, quadrantBatch } from './compute';
import { resizeImage } from '../../sr/resizeCpu';
import { esrganStrings, fill, type EsrganStrings } from '../../i18n/esrgan';
import { drawWhole, toImageData } from '../../ui/draw/canvasDraw';
import { demoImagePath, findDemoImage } from '../../ui/images/demoImages';
import { loadUrl } from '../../ui/images/imageLoad';
import { fixed } from '../models/format';
import { DISC_PRECOMPUTED, DISCRIMINATORS, readDiscState, writeDiscState, type DiscFake } from './discState';
import { latestStateRunner } from '../../ui/latestState';
import { copyImage, siteUrl, startRuntime, statusLine } from './shared';

const PATCH = 128;
const REAL = '#0b57a4';
const FAKE = '#c2410c';

export async function mountDisc(root: HTMLElement): Promise<{ setVisible(v: boolean): void }> {
  const lang = root.dataset.lang === 'ja' ? 'ja' : 'en';
  const s: EsrganStrings = esrganStrings[lang];
  const q = <T extends Element>(sel: string): T => root.querySelector<T>(sel)!;
  const imageSelect = q<HTMLSelectElement>('[data-role="image"]');
  const fakeSelect = q<HTMLSelectElement>('[data-role="fake"]');
  const message = q<HTMLElement>('[data-role="status-message"]');
  const fakeTitle = q<HTMLElement>('[data-role="fake-title"]');
  const realCanvas = q<HTMLCanvasElement>('canvas[data-model="real"]');
  const fakeCanvas = q<HTMLCanvasElement>('canvas[data-model="fake"]');
  const state = readDiscState(location.search);
  const { say, fail } = statusLine(root, message);
  const sourceName = (f: DiscFake): string =>
    f === 'bicubic' ? s.fakeBicubic : DISC_PRECOMPUTED.includes(f) ? fill(s.fakePrecomputed, { id: f }) : f;
  /** Site-relative paths of the pre-computed pictures, by source and photograph (built from figures.json). */
  const precomputed = JSON.parse(root.dataset.precomputed || '{}') as Record<string, Record<string, string>>;
  imageSelect.value = state.image;
  fakeSelect.value = state.fake;
  fakeTitle.textContent = fill(s.fakeTitle, { source: sourceName(state.fake) });

  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  const saveUrl = (): void => {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => history.replaceState(history.state, '', `${location.pathname}${writeDiscState(location.search, state)}${location.hash}`), 250);
  };

  const started = await startRuntime(root, s, { say, fail }, [imageSelect, fakeSelect]);
  if (!started) return { setVisible: () => undefined };
  const { client, readyMessage: backendMessage } = started;
  const Plot = await import('@observablehq/plot');

  let visible = false;
  let last: { real: RGBImage; fake: RGBImage; logits: Record<string, { real: number[]; fake: number[] }> } | null = null;

  // Decoded photographs, kept so that changing the source does not fetch and decode the photograph again.
  const photos = new Map<string, Promise<RGBImage>>();
  function photo(id: string): Promise<RGBImage> {
    const demo = findDemoImage(id) ?? findDemoImage('chelsea')!;
    let p = photos.get(demo.id);
    if (!p) {
      p = loadUrl(siteUrl(root, demoImagePath(demo))).then((img) =>
        // The demo photographs are 256×256; anything else is brought to that size.
        img.width === 2 * PATCH && img.height === 2 * PATCH ? img : resizeImage(img, 2 * PATCH, 2 * PATCH),
      );
      p.catch(() => photos.delete(demo.id)); // a failed load is tried again next time
      photos.set(demo.id, p);
    }
    return p;
  }

  async function generated(real: RGBImage, fake: DiscFake, image: string): Promise<RGBImage> {
    if (DISC_PRECOMPUTED.includes(fake)) {
      // Made by the pipeline from exactly the LR below (training/srt/figures_esrgan.py: disc_photo, disc_lr).
      const path = precomputed[fake]?.[image];
      if (!path) throw new Error(fill(s.discPrecomputedMissing, { id: fake }));
      return loadUrl(siteUrl(root, path));
    }
    const lr = resizeImage(real, real.width / 4, real.height / 4, 'bicubic');
    if (fake === 'bicubic') {
      await yieldToBrowser();
      return resizeImage(lr, real.width, real.height, 'bicubic');
    }
    const r = await client.upscale({ channel: 'esrgan-disc', model: fake, image: copyImage(lr) });
    return r.image;
  }

  async function logits(model: string, img: RGBImage): Promise<number[]> {
    const batch = quadrantBatch(img, PATCH);
    const r = await client.discriminate({ model, patches: batch });
    return Array.from(r.logits);
  }


  const yieldToBrowser = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

  /** Tables first, then one chart per task, so no single task grows long. */
  async function render(): Promise<void> {
    if (!last) return;
    for (const d of DISCRIMINATORS) {
      const panel = q<HTMLElement>(`[data-disc="${d}"]`);
      const { real, fake } = last.logits[d];
      const out = discriminatorOutputs(real, fake);
      const table = panel.querySelector('table')!;
      const body = table.querySelector('tbody')!;
      body.replaceChildren(
        ...(['real', 'fake'] as const).flatMap((kind) =>
          (kind === 'real' ? real : fake).map((c, i) => {
            const dStd = kind === 'real' ? out.standardReal[i] : out.standardFake[i];
            const dRa = kind === 'real' ? out.relativisticReal[i] : out.relativisticFake[i];
            const tr = document.createElement('tr');
            Object.assign(tr.dataset, { kind, index: String(i), c: String(c), d: String(dStd), dra: String(dRa) });
            const th = document.createElement('th');
            th.scope = 'row';
            th.textContent = `${kind === 'real' ? s.kindReal : s.kindFake} ${i + 1}`;
            const cells = [c, dStd, dRa].map((v, j) => {
              const td = document.createElement('td');
              td.dataset.col = ['c', 'd', 'dra'][j];
              td.textContent = fixed(v, 2);
              return td;
            });
            tr.append(th, ...cells);
            return tr;
          }),
        ),
      );
      table.hidden = false;
      panel.querySelector('[data-role="means"]')!.textContent = fill(s.discMeans, { r: fixed(out.meanReal, 2), f: fixed(out.meanFake, 2) });
    }
    for (const d of DISCRIMINATORS) {
      await yieldToBrowser();
      if (!last) return;
      const panel = q<HTMLElement>(`[data-disc="${d}"]`);
      const { real, fake } = last.logits[d];
      const out = discriminatorOutputs(real, fake);
      const width = Math.max(240, Math.min(460, panel.clientWidth || 320));
      const kindLabel = (k: 'real' | 'fake') => (k === 'real' ? s.kindReal : s.kindFake);
      const points = (['real', 'fake'] as const).flatMap((k) => (k === 'real' ? real : fake).map((c) => ({ kind: kindLabel(k), c })));
      const color = { domain: [s.kindReal, s.kindFake], range: [REAL, FAKE] };
      const logitPlot = Plot.plot({
        width,
        height: 120,
        marginLeft: 70,
        style: { fontSize: '11px' },
        x: { label: s.colLogit, nice: true },
        y: { label: null, domain: [s.kindReal, s.kindFake] },
        color,
        marks: [
          Plot.ruleX([out.meanReal], { stroke: REAL, strokeWidth: 2 }),
          Plot.ruleX([out.meanFake], { stroke: FAKE, strokeWidth: 2, strokeDasharray: '5 3' }),
          Plot.dot(points, { x: 'c', y: 'kind', fill: 'kind', r: 4.5 }),
        ],
      });
      logitPlot.setAttribute('aria-label', s.plotLogits);
      panel.querySelector('[data-role="plot-logits"]')!.replaceChildren(logitPlot);
      await yieldToBrowser();
      const probs = (['real', 'fake'] as const).flatMap((k) =>
        (k === 'real' ? real : fake).flatMap((_, i) => [
          { kind: kindLabel(k), form: s.formStandard, v: k === 'real' ? out.standardReal[i] : out.standardFake[i] },
          { kind: kindLabel(k), form: s.formRelativistic, v: k === 'real' ? out.relativisticReal[i] : out.relativisticFake[i] },
        ]),
      );
      const outPlot = Plot.plot({
        width,
        height: 170,
        marginLeft: 70,
        style: { fontSize: '11px' },
        x: { label: null, domain: [0, 1] },
        y: { label: null, domain: [s.kindReal, s.kindFake] },
        fy: { label: null, domain: [s.formStandard, s.formRelativistic] },
        color,
        marks: [Plot.ruleX([0.5], { stroke: '#bbb' }), Plot.dot(probs, { x: 'v', y: 'kind', fy: 'form', fill: 'kind', r: 4.5 }), Plot.frame({ stroke: '#ddd' })],
      });
      outPlot.setAttribute('aria-label', s.plotOutputs);
      panel.querySelector('[data-role="plot-outputs"]')!.replaceChildren(outPlot);
    }
  }

  const pump = latestStateRunner({
    root,
    isVisible: () => visible,
    key: () => `${state.image}|${state.fake}`,
    render: async (stale) => {
      say(s.discComputing);
      const real = await photo(state.image);
      await yieldToBrowser();
      const fake = await generated(real, state.fake, state.image);
      await yieldToBrowser();
      const scores: Record<string, { real: number[]; fake: number[] }> = {};
      for (const d of DISCRIMINATORS) scores[d] = { real: await logits(d, real), fake: await logits(d, fake) };
      if (stale()) return false;
      last = { real, fake, logits: scores };
      drawWhole(realCanvas, toImageData(real));
      drawWhole(fakeCanvas, toImageData(fake));
      for (const c of [realCanvas, fakeCanvas]) {
        c.hidden = false;
        c.parentElement?.querySelector('img')?.setAttribute('hidden', '');
      }
      fakeTitle.textContent = fill(s.fakeTitle, { source: sourceName(state.fake) });
      await render();
      return true;
    },
    onShown: () => say(backendMessage),
    onError: (err) => fail(err, root.dataset.status === 'ready' ? 'last' : 'static'),
  });

  imageSelect.addEventListener('change', () => {
    state.image = imageSelect.value;
    saveUrl();
    void pump();
  });
  fakeSelect.addEventListener('change', () => {
    state.fake = fakeSelect.value as DiscFake;
    saveUrl();
    void pump();
  });
  // Charts are redrawn at their container's width (only when that width changes).
  let drawnWidth = 0;
  let resizeQueued = false;
  new ResizeObserver(() => {
    if (resizeQueued) return;
    resizeQueued = true;
    requestAnimationFrame(() => {
      resizeQueued = false;
      const w = root.clientWidth;
      if (visible && Math.abs(w - drawnWidth) > 8) {
        drawnWidth = w;
        void render();
      }
    });
  }).observe(root);

  return {
    setVisible(v: boolean): void {
      visible = v;
      if (v) void pump();
    },
  };
}
