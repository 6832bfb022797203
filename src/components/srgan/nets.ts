// "The two networks, inspectable" in the browser: feature maps of every tapped block, fetched once per
// image and weights from the runtime Worker (client.features, untiled: 32² LR for the generator, one
// 128² patch for srgan_d), and drawn for the block the reader focuses, hovers or clicks. See ./README.md.
import { fill, srganNetsStrings, srganRuntimeStrings } from '../../i18n/srgan';
import type { RGBImage } from '../../sr/image';
import { findCrop, manifest, NETWORKS } from './data';
import { cropImage, HR_SIZE, lowRes, quantize8 } from './pipeline';
import { draw, loadImage, runtime, siteAsset, urlParam, urlWriter, type Mounted } from './shared';
import { setStatus, showFailure } from '../../ui/failureStatus';

const PREFIX = 'nets.';
/** Channels shown per block. */
const KEEP = 4;

interface Layer {
  name: string;
  height: number;
  width: number;
  channels: number;
  kept: number;
  data: Float32Array;
}

export async function mountNets(root: HTMLElement): Promise<Mounted> {
  const lang = root.dataset.lang === 'ja' ? 'ja' : 'en';
  const s = srganNetsStrings[lang];
  const rs = srganRuntimeStrings[lang];
  const $ = <T extends Element>(sel: string): T => root.querySelector<T>(sel)!;
  const message = $<HTMLElement>('[data-role="status-message"]');
  const imageSelect = $<HTMLSelectElement>('select[data-control="image"]');
  const genSelect = $<HTMLSelectElement>('select[data-control="generator"]');
  const grid = $<HTMLElement>('[data-role="feature-grid"]');
  const title = $<HTMLElement>('[data-role="features-title"]');
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('button.sg-block')];
  const layersOf = (net: string) => buttons.filter((b) => b.dataset.net === net).map((b) => b.dataset.block!);
  const crops = manifest.crops.map((c) => c.image);
  const writeUrl = urlWriter(PREFIX);
  const pick = <T extends string>(v: string | null, all: readonly T[], d: T): T => (v && (all as readonly string[]).includes(v) ? (v as T) : d);
  const blockKeys = buttons.map((b) => `${b.dataset.net}:${b.dataset.block}`);
  const state = {
    image: pick(urlParam(PREFIX, 'img'), crops, crops[0]),
    gen: pick(urlParam(PREFIX, 'g'), NETWORKS, 'srresnet'),
    block: pick(urlParam(PREFIX, 'b'), blockKeys, 'g:conv_first'),
  };
  imageSelect.value = state.image;
  genSelect.value = state.gen;

  const cache = new Map<string, Promise<Map<string, Layer>>>();
  const photos = new Map<string, Promise<RGBImage>>();
  let visible = false;
  let pending = true;
  let token = 0;
  let backend = '';
  let failed = false;

  const backendLabel = (name: string) => (name === 'webgpu' ? rs.backendWebgpu : name === 'webgl' ? rs.backendWebgl : rs.backendCpu);

  async function hrCrop(image: string): Promise<RGBImage> {
    if (!photos.has(image)) photos.set(image, loadImage(siteAsset(root, `images/demo/${image}.png`)));
    const crop = findCrop(image)!;
    return quantize8(cropImage(await photos.get(image)!, crop.left, crop.top, HR_SIZE, HR_SIZE));
  }

  /** All tapped layers of one network for one image (and weights), computed once. */
  function features(net: 'g' | 'd', image: string, gen: string): Promise<Map<string, Layer>> {
    const key = net === 'g' ? `${image}:${gen}` : `${image}:srgan_d`;
    let hit = cache.get(key);
    if (!hit) {
      hit = (async () => {
        const rt = await runtime(root);
        const { report } = await rt.ready;
        backend = report.name;
        root.dataset.backend = report.name;
        const hr = await hrCrop(image);
        const input = net === 'g' ? lowRes(hr) : hr;
        const result = await rt.client.features({
          channel: `srgan-nets-${key}`,
          model: net === 'g' ? gen : 'srgan_d',
          image: { width: input.width, height: input.height, data: input.data.slice() },
          layers: layersOf(net),
          maxChannels: KEEP,
        });
        root.dataset.ms = String(Math.round(result.ms));
        return new Map(result.layers.map((l) => [l.name, l as Layer]));
      })();
      cache.set(key, hit);
      hit.catch(() => cache.delete(key));
    }
    return hit;
  }

  function drawLayer(label: string, layer: Layer) {
    title.textContent = fill(s.featuresTitle, { block: label, h: layer.height, w: layer.width, c: layer.channels, k: layer.kept });
    grid.replaceChildren();
    grid.dataset.source = 'live';
    grid.dataset.layer = layer.name;
    grid.dataset.shape = `${layer.height},${layer.width},${layer.channels}`;
    grid.dataset.kept = String(layer.kept);
    for (let ch = 0; ch < layer.kept; ch++) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let p = 0; p < layer.height * layer.width; p++) {
        const v = layer.data[p * layer.kept + ch];
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      const span = hi - lo || 1;
      const img: RGBImage = { width: layer.width, height: layer.height, data: new Float32Array(layer.width * layer.height * 3) };
      for (let p = 0; p < layer.height * layer.width; p++) {
        const g = (layer.data[p * layer.kept + ch] - lo) / span;
        img.data.set([g, g, g], p * 3);
      }
      const fig = document.createElement('figure');
      const canvas = document.createElement('canvas');
      canvas.dataset.channel = String(ch);
      canvas.setAttribute('role', 'img');
      const cap = fill(s.channel, { n: ch + 1 });
      canvas.setAttribute('aria-label', `${label}: ${cap}`);
      draw(canvas, img);
      const fc = document.createElement('figcaption');
      fc.textContent = cap;
      fig.append(canvas, fc);
      grid.append(fig);
    }
  }

  async function show() {
    if (!visible) {
      pending = true;
      return;
    }
    pending = false;
    const my = ++token;
    const [net, block] = state.block.split(':') as ['g' | 'd', string];
    for (const b of buttons) b.setAttribute('aria-pressed', String(`${b.dataset.net}:${b.dataset.block}` === state.block));
    const button = buttons.find((b) => `${b.dataset.net}:${b.dataset.block}` === state.block)!;
    const label = button.querySelector('.sg-block-name')?.textContent ?? block;
    if (failed) return;
    root.setAttribute('aria-busy', 'true');
    delete root.dataset.computed;
    title.textContent = s.featuresPending;
    try {
      const layers = await features(net, state.image, state.gen);
      if (my !== token) return;
      const layer = layers.get(block);
      if (!layer) throw new Error(`no feature map for ${block}`);
      drawLayer(label, layer);
      root.dataset.status = 'ready';
      root.dataset.computed = `${state.image}:${state.gen}:${state.block}`;
      setStatus(message, fill(s.statusReady, { backend: backendLabel(backend), ms: root.dataset.ms ?? '0' }));
    } catch (err) {
      if ((err as DOMException)?.name === 'AbortError' || my !== token) return;
      // Until a live map is drawn, the grid still holds the pre-computed picture: keep it, titled as such.
      const staticShown = grid.dataset.source === 'static';
      title.textContent = staticShown ? (grid.dataset.staticTitle ?? '') : s.featuresHint;
      if (!backend) {
        failed = true;
        root.dataset.status = 'error';
        root.dataset.backend = 'none';
      }
      showFailure(message, lang, err, staticShown ? 'static' : 'last');
    } finally {
      if (my === token) root.removeAttribute('aria-busy');
    }
  }

  let chosen = state.block; // the block the URL records: hovering shows another without choosing it
  const save = () => writeUrl({ img: state.image, g: state.gen, b: chosen });
  /** A click or keyboard focus chooses a block (and the shared URL records it); hovering only previews one. */
  const select = (key: string, choose: boolean) => {
    if (choose && key !== chosen) {
      chosen = key;
      save();
    }
    if (key === state.block) return; // already shown (a click after hover or focus runs nothing again)
    state.block = key;
    void show();
  };
  for (const b of buttons) {
    const key = `${b.dataset.net}:${b.dataset.block}`;
    b.addEventListener('focus', () => select(key, true));
    b.addEventListener('pointerenter', () => select(key, false));
    b.addEventListener('click', () => select(key, true));
  }
  imageSelect.addEventListener('change', () => {
    state.image = imageSelect.value;
    save();
    void show();
  });
  genSelect.addEventListener('change', () => {
    state.gen = pick(genSelect.value, NETWORKS, 'srresnet');
    save();
    void show();
  });

  return {
    setVisible(v: boolean) {
      visible = v;
      if (v && pending) void show();
    },
  };
}
