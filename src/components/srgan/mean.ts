// "Why MSE blurs" in the browser: texture loading, candidate selection, drawing and numbers. All of it
// is plain arithmetic on 32×32 patches (well under a millisecond), so it runs in the page; there is no
// TensorFlow.js backend and the root says data-backend="js". See ./README.md.
import { fill, srganMeanStrings } from '../../i18n/srgan';
import type { RGBImage } from '../../sr/image';
import { CANDIDATES, formatPsnr, makeCandidates, meanImage, meanNumbers, type MeanSetup } from './meanPatch';
import { MEAN_PREFIX, readMeanState, selectedIndices, SEED_MAX, type MeanState, type Texture } from './meanState';
import { draw, loadImage, siteAsset, urlParam, urlWriter, type Mounted } from './shared';
import { setStatus, showFailure } from '../../ui/failureStatus';

export async function mountMean(root: HTMLElement): Promise<Mounted> {
  const s = srganMeanStrings[root.dataset.lang === 'ja' ? 'ja' : 'en'];
  const $ = <T extends Element>(sel: string): T => root.querySelector<T>(sel)!;
  const message = $<HTMLElement>('[data-role="status-message"]');
  const textureSelect = $<HTMLSelectElement>('select[data-control="texture"]');
  const redraw = $<HTMLButtonElement>('button[data-control="redraw"]');
  const seedOut = $<HTMLOutputElement>('[data-role="seed"]');
  const boxes = [...root.querySelectorAll<HTMLInputElement>('input[data-control="cand"]')];
  const state: MeanState = readMeanState((k) => urlParam(MEAN_PREFIX, k));
  const writeUrl = urlWriter(MEAN_PREFIX);
  const textures = new Map<Texture, RGBImage>();
  let setup: MeanSetup | null = null;
  let setupKey = '';
  let visible = false;
  let dirty = true;
  let busy = false;
  /** Whether a live result has replaced the build-time pictures yet (what a failure leaves on screen). */
  let drawnLive = false;

  const canvas = (name: string) => $<HTMLCanvasElement>(`canvas[data-patch="${name}"]`);
  const show = (name: string, img: RGBImage) => {
    const c = canvas(name);
    draw(c, img);
    const still = c.parentElement?.querySelector<HTMLImageElement>('img.sg-static');
    if (still) still.hidden = true;
  };
  const f2 = (v: number) => v.toFixed(2);

  async function update() {
    if (!visible) {
      dirty = true;
      return;
    }
    if (busy) {
      dirty = true;
      return;
    }
    busy = true;
    dirty = false;
    try {
      if (!textures.has(state.texture)) textures.set(state.texture, await loadImage(siteAsset(root, `images/demo/${state.texture}.png`)));
      const key = `${state.texture}:${state.seed}`;
      if (key !== setupKey) {
        setup = makeCandidates(textures.get(state.texture)!, state.seed);
        setupKey = key;
      }
      const { lr, candidates } = setup!;
      const sel = selectedIndices(state.on);
      textureSelect.value = state.texture;
      seedOut.textContent = fill(s.seedValue, { n: state.seed });
      show('lr', lr);
      candidates.forEach((c, i) => show(`cand-${i}`, c));
      for (const b of boxes) {
        const i = Number(b.value);
        b.checked = sel.includes(i);
        $<HTMLElement>(`[data-cand="${i}"]`).dataset.on = String(b.checked);
      }
      const chosen = sel.map((i) => candidates[i]);
      const mean = meanImage(chosen);
      show('mean', mean);
      const title = fill(s.meanTitle, { n: sel.length });
      $<HTMLElement>('[data-role="mean-title"]').textContent = title;
      canvas('mean').setAttribute('aria-label', title);
      const n = meanNumbers(mean, chosen);
      $<HTMLElement>('[data-role="mean-sharp"]').textContent = fill(s.sharpness, { v: f2(n.sharpMean) });
      for (let i = 0; i < CANDIDATES; i++) {
        const el = $<HTMLElement>(`[data-role="cand-psnr"][data-cand="${i}"]`);
        const k = sel.indexOf(i);
        if (k < 0) {
          el.textContent = fill(s.sharpness, { v: f2(sharpOf(candidates[i])) });
          delete el.dataset.psnr;
        } else {
          el.textContent = `${fill(s.psnrOfMean, { v: formatPsnr(n.meanVs[k]) })} · ${fill(s.sharpness, { v: f2(n.sharpCandidates[k]) })}`;
          el.dataset.psnr = String(n.meanVs[k]);
        }
      }
      const summaryMean = $<HTMLElement>('[data-role="summary-mean"]');
      summaryMean.textContent = fill(s.summaryMean, { v: formatPsnr(n.meanOverall), s: f2(n.sharpMean) });
      summaryMean.dataset.value = String(n.meanOverall);
      const summaryBest = $<HTMLElement>('[data-role="summary-best"]');
      if (n.candidateOverall.length) {
        const best = Math.max(...n.candidateOverall);
        const avg = n.sharpCandidates.reduce((a, b) => a + b, 0) / n.sharpCandidates.length;
        summaryBest.textContent = fill(s.summaryBest, { v: f2(best), s: f2(avg) });
        summaryBest.dataset.value = String(best);
      } else {
        summaryBest.textContent = s.summaryOne;
        summaryBest.dataset.value = '';
      }
      root.dataset.backend = 'js';
      root.dataset.status = 'ready';
      drawnLive = true;
      setStatus(message, s.statusReady);
    } catch (err) {
      root.dataset.status = 'error';
      root.dataset.backend = 'none';
      // Before the first live drawing the build-time pictures are still on screen.
      showFailure(message, root.dataset.lang === 'ja' ? 'ja' : 'en', err, drawnLive ? 'last' : 'static');
    } finally {
      busy = false;
    }
    if (dirty) void update();
  }

  function sharpOf(img: RGBImage): number {
    return meanNumbers(img, [img]).sharpMean;
  }

  const save = () => writeUrl({ tex: state.texture, seed: state.seed, on: state.on });
  textureSelect.addEventListener('change', () => {
    state.texture = textureSelect.value as Texture;
    save();
    void update();
  });
  redraw.addEventListener('click', () => {
    state.seed = (state.seed % SEED_MAX) + 1;
    save();
    void update();
  });
  for (const b of boxes) {
    b.addEventListener('change', () => {
      const bit = 1 << Number(b.value);
      const next = b.checked ? state.on | bit : state.on & ~bit;
      if (next === 0) {
        // The mean of nothing is undefined: keep this one and say why.
        b.checked = true;
        setStatus(message, s.needOne);
        return;
      }
      state.on = next;
      save();
      void update();
    });
  }

  return {
    setVisible(v: boolean) {
      visible = v;
      if (v && dirty) void update();
    },
  };
}
