// "What the discriminator sees", live (kit figure). The 128×128 patches: the real HR crop, its LR version enlarged
// by bicubic and by the three generators (shared with the "three losses" figure through components/srgan/shared's
// `generate`, so each network runs once per crop and page), then srgan_d scores the ticked ones in one batch. The
// server HTML shows PyTorch's patches and scores (training/srt/site/figures_srgan.py) until then. Ticking a patch
// re-runs only the discriminator: the patches of the shown crop are kept. State in the URL: disc.img, disc.on.
import { fill, srganDiscStrings, srganLossesStrings, srganRuntimeStrings } from '../../i18n/srgan';
import type { RGBImage } from '../../sr/image';
import { imresizeJs } from '../../sr/resizeCpu';
import { findCrop, LABEL_KEY, NETWORKS, PANELS, type PanelId } from '../../components/srgan/data';
import { cropImage, HR_SIZE, lowRes, quantize8, SCALE } from '../../components/srgan/pipeline';
import { draw, generate } from '../../components/srgan/shared';
import type { Figure } from '../../ui/figure';
import { loadUrl } from '../../ui/images/imageLoad';
import { defaultSrganDiscState, isOn, patchBatch, scoreDisplay, srganDiscSchema, withPatch, type SrganDiscState } from './compute';

/** A patch's score line (C(x), D(x) and the verdict, or "not scored") and its bar. */
function drawScore(root: HTMLElement, s: (typeof srganDiscStrings)['en'], name: string, id: PanelId, logit: number | null, source: 'live' | 'precomputed') {
  const el = root.querySelector<HTMLElement>(`[data-role="score"][data-model="${id}"]`)!;
  const bar = root.querySelector<HTMLElement>(`[data-patch="${id}"] [data-role="bar"]`)!;
  const v = logit === null ? null : scoreDisplay(logit);
  const part = (role: string, text: string) => {
    const span = document.createElement('span');
    span.dataset.role = role;
    span.textContent = text;
    return span;
  };
  el.replaceChildren(
    ...(v
      ? [part('logit', fill(s.logit, { v: v.logit })), ' · ', part('prob', fill(s.prob, { v: v.prob })), ' ', part('source', `(${source === 'live' ? (v.real ? s.verdictReal : s.verdictFake) : s.precomputed})`)]
      : [s.notScored]),
  );
  el.dataset.logit = logit === null ? '' : String(logit);
  el.dataset.source = source;
  bar.querySelector<HTMLElement>('span')!.style.width = v ? v.width : '0%';
  bar.setAttribute('aria-label', v ? fill(s.barLabel, { name, v: v.prob }) : `${name}: ${s.notScored}`);
}

export const figure: Figure<SrganDiscState> = {
  url: { prefix: 'disc', schema: srganDiscSchema },
  initial: () => ({ ...defaultSrganDiscState }),
  setup(ctx) {
    const { root, lang } = ctx;
    const s = srganDiscStrings[lang];
    const ls = srganLossesStrings[lang];
    const rs = srganRuntimeStrings[lang];
    const $ = <T extends Element = HTMLElement>(sel: string): T => root.querySelector<T>(sel)!;
    const label = (id: PanelId) => (id === 'hr' ? s.real : ls[LABEL_KEY[id]]);
    const imageSelect = $<HTMLSelectElement>('select[data-control="image"]');
    const boxes = [...root.querySelectorAll<HTMLInputElement>('input[data-control="patch"]')];
    imageSelect.addEventListener('change', () => ctx.set({ img: imageSelect.value }));
    for (const b of boxes) b.addEventListener('change', () => ctx.set({ on: withPatch(ctx.state.on, b.value as PanelId, b.checked) }));
    /** The patches of the crop last shown (kept so that ticking a patch only re-scores). */
    let made: { image: string; patches: Partial<Record<PanelId, RGBImage>> } | null = null;

    const showScore = (id: PanelId, logit: number | null, source: 'live' | 'precomputed') => drawScore(root, s, label(id), id, logit, source);
    const paint = (id: PanelId, img: RGBImage) => {
      draw($<HTMLCanvasElement>(`canvas[data-model="${id}"]`), img);
      $<HTMLImageElement>(`[data-patch="${id}"] img.sg-static`).hidden = true;
    };

    return {
      async render(state, stale) {
        delete root.dataset.computed;
        imageSelect.value = state.img;
        for (const b of boxes) root.querySelector<HTMLElement>(`[data-patch="${b.value}"]`)!.dataset.on = String((b.checked = isOn(state.on, b.value as PanelId)));
        const crop = findCrop(state.img)!;
        if (made?.image !== crop.image) for (const id of PANELS) showScore(id, isOn(state.on, id) ? crop.logits[id] : null, 'precomputed');
        const rt = await ctx.runtime();
        if (!rt) return true; // no backend: the pre-computed patches and scores stay
        if (stale()) return false;
        if (made?.image !== crop.image) {
          made = null; // the canvases are repainted from here on: a stale stop leaves no crop to reuse
          const photo = await loadUrl(ctx.url(`images/demo/${crop.image}.png`));
          const hr = quantize8(cropImage(photo, crop.left, crop.top, HR_SIZE, HR_SIZE));
          const lr = lowRes(hr);
          const patches: Partial<Record<PanelId, RGBImage>> = { hr, bicubic: quantize8(imresizeJs(lr, SCALE)) };
          paint('hr', hr);
          paint('bicubic', patches.bicubic!);
          for (const id of NETWORKS) {
            if (stale()) return false;
            ctx.say(fill(rs.statusRunning, { model: ls[LABEL_KEY[id]], backend: ctx.backendWord(rt.backend) }));
            patches[id] = quantize8((await generate(rt, crop.image, id, lr)).image);
            paint(id, patches[id]!);
          }
          made = { image: crop.image, patches };
        }
        const { ids, batch } = patchBatch(state.on, made.patches, HR_SIZE);
        let ms = 0;
        if (ids.length) {
          ctx.say(fill(rs.statusRunning, { model: 'srgan_d', backend: ctx.backendWord(rt.backend) }));
          const result = await rt.client.discriminate({ model: 'srgan_d', patches: batch });
          if (stale()) return false;
          ids.forEach((id, k) => showScore(id, result.logits[k], 'live'));
          ms = result.ms;
        }
        for (const id of PANELS) if (!ids.includes(id)) showScore(id, null, 'live');
        root.dataset.computed = crop.image;
        ctx.say(fill(rs.statusReady, { backend: ctx.backendWord(rt.backend), ms: Math.round(ms) }));
        return true;
      },
    };
  },
};
