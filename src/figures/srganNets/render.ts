// "The two networks, inspectable", live (kit figure). The diagrams are built at build time from the cards; here the
// runtime Worker computes every tapped block of one network for one crop in one call (client.features, untiled:
// the generator on the 32² LR crop, srgan_d on the 128² HR patch), cached per crop and weights, and the block the
// reader focuses, clicks (chosen: written into the URL) or hovers (a preview: not) is drawn as its first channels.
// Until a live map is drawn, and for good when none can be, the grid keeps the pipeline's maps of the default view.
import { fill, srganNetsStrings } from '../../i18n/srgan';
import type { RGBImage } from '../../sr/image';
import { findCrop } from '../../components/srgan/data';
import { cropImage, HR_SIZE, lowRes, quantize8 } from '../../components/srgan/pipeline';
import { draw } from '../../components/srgan/shared';
import type { Figure } from '../../ui/figure';
import { loadUrl } from '../../ui/images/imageLoad';
import type { RuntimeClient } from '../../sr/runtime/client';
import type { FeatureMap } from '../../sr/runtime/session';
import { channelPictures, defaultNetsState, featureRun, KEEP, netsSchema, shownBlock, type NetsState } from './compute';

/** A block's first channels as pictures in the grid, titled with the block and its activation's shape. */
function drawLayer(grid: HTMLElement, title: HTMLElement, s: (typeof srganNetsStrings)['en'], label: string, layer: FeatureMap) {
  title.textContent = fill(s.featuresTitle, { block: label, h: layer.height, w: layer.width, c: layer.channels, k: layer.kept });
  Object.assign(grid.dataset, { source: 'live', layer: layer.name, shape: `${layer.height},${layer.width},${layer.channels}`, kept: String(layer.kept) });
  grid.replaceChildren(
    ...channelPictures(layer).map((img, ch) => {
      const fig = document.createElement('figure');
      const canvas = document.createElement('canvas');
      const cap = fill(s.channel, { n: ch + 1 });
      canvas.dataset.channel = String(ch);
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', `${label}: ${cap}`);
      draw(canvas, img);
      fig.append(canvas, Object.assign(document.createElement('figcaption'), { textContent: cap }));
      return fig;
    }),
  );
}

export const figure: Figure<NetsState> = {
  url: { prefix: 'nets', schema: netsSchema },
  initial: () => ({ ...defaultNetsState }),
  setup(ctx) {
    const { root } = ctx;
    const s = srganNetsStrings[ctx.lang];
    const grid = ctx.el('feature-grid');
    const title = ctx.el('features-title');
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('button.sg-block')];
    const keyOf = (b: HTMLElement) => `${b.dataset.net}:${b.dataset.block}`;
    const known = buttons.map(keyOf);
    const taps = (net: string) => buttons.filter((b) => b.dataset.net === net).map((b) => b.dataset.block!);
    for (const [role, key] of [['image', 'img'], ['generator', 'g']] as const) {
      const select = root.querySelector<HTMLSelectElement>(`select[data-control="${role}"]`)!;
      select.value = ctx.state[key];
      select.addEventListener('change', () => ctx.set({ [key]: select.value } as Partial<NetsState>));
    }
    for (const b of buttons) {
      // focus or click chooses a block (the URL records it); hovering only previews one
      const choose = () => ctx.set({ b: keyOf(b), peek: null }); // the same state again renders nothing (the kit compares)
      b.addEventListener('focus', choose);
      b.addEventListener('click', choose);
      b.addEventListener('pointerenter', () => ctx.set({ peek: keyOf(b) }));
    }
    const photos = new Map<string, Promise<RGBImage>>();
    const cache = new Map<string, Promise<{ layers: Map<string, FeatureMap>; ms: number }>>();

    /** All tapped layers of one network for one crop (and weights), computed once. */
    function features(client: RuntimeClient, net: 'g' | 'd', model: string, image: string) {
      const key = `${image}:${model}`;
      let hit = cache.get(key);
      if (!hit) {
        hit = (async () => {
          if (!photos.has(image)) photos.set(image, loadUrl(ctx.url(`images/demo/${image}.png`)));
          const crop = findCrop(image)!;
          const hr = quantize8(cropImage(await photos.get(image)!, crop.left, crop.top, HR_SIZE, HR_SIZE));
          const input = net === 'g' ? lowRes(hr) : hr;
          const result = await client.features({ channel: `srgan-nets-${key}`, model, image: { width: input.width, height: input.height, data: input.data.slice() }, layers: taps(net), maxChannels: KEEP });
          return { layers: new Map(result.layers.map((l) => [l.name, l])), ms: result.ms };
        })();
        cache.set(key, hit);
        hit.catch(() => cache.delete(key));
      }
      return hit;
    }

    /** Until a live map is drawn the grid holds the pre-computed picture: keep it, titled as such. */
    const restoreTitle = () => (title.textContent = grid.dataset.source === 'static' ? (grid.dataset.staticTitle ?? '') : s.featuresHint);

    return {
      async render(state, stale) {
        const block = shownBlock(state, known);
        for (const b of buttons) b.setAttribute('aria-pressed', String(keyOf(b) === block));
        delete root.dataset.computed;
        const rt = await ctx.runtime();
        if (!rt) {
          restoreTitle(); // no backend: the static maps stay, titled as such
          return true;
        }
        title.textContent = s.featuresPending;
        const { net, tap, model } = featureRun(block, state.g);
        let result: Awaited<ReturnType<typeof features>>;
        try {
          result = await features(rt.client, net, model, state.img);
        } catch (err) {
          restoreTitle();
          throw err;
        }
        if (stale()) return false;
        const layer = result.layers.get(tap);
        if (!layer) throw new Error(`no feature map for ${tap}`);
        drawLayer(grid, title, s, buttons.find((b) => keyOf(b) === block)?.querySelector('.sg-block-name')?.textContent ?? tap, layer);
        root.dataset.computed = `${state.img}:${state.g}:${block}`;
        ctx.say(fill(s.statusReady, { backend: ctx.backendWord(rt.backend), ms: String(Math.round(result.ms)) }));
        return true;
      },
    };
  },
};
