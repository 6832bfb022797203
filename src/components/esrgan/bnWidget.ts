// The live BatchNorm figure: on a small LR crop (or an altered copy of it: darker, flat, saturated),
// runs esrgan, esrgan_bn with its stored running statistics, and esrgan_bn normalising with the
// statistics of this input (the runtime's bnStats: 'input'), then draws heat-maps of
// |BN stored − esrgan| and |BN input − BN stored| and synchronised loupes. One run at a time; the
// newest choice is taken when a run ends. Nothing runs while the figure is off screen.
import type { RGBImage } from '../../sr/image';
import { busiestBox, diffMap, heatRGBA, inputVariant, inputVariants, type InputVariant } from './compute';
import { esrganStrings, fill, type EsrganStrings } from '../../i18n/esrgan';
import { drawWhole, toImageData } from '../../ui/draw/canvasDraw';
import { cropImage } from '../../ui/images/crop';
import { demoImagePath, demoImages, findDemoImage } from '../../ui/images/demoImages';
import { loadUrl } from '../../ui/images/imageLoad';
import { LOUPE, SCALE } from './interpState';
import { attachLoupes } from '../../ui/controls/loupes';
import { attachOwnPicture, OWN } from './ownPicture';
import { latestStateRunner } from '../../ui/latestState';
import { copyImage, fitRendering, siteUrl, startRuntime, statusLine } from './shared';

type PanelId = 'esrgan' | 'esrgan_bn' | 'esrgan_bn_input';
const PANELS: PanelId[] = ['esrgan', 'esrgan_bn', 'esrgan_bn_input'];

interface BnState {
  image: string;
  variant: InputVariant;
  /** Where the loupes look; null until the reader (or the URL) places them: then they follow the largest BN difference. */
  loupe: { x: number; y: number } | null;
}

export function readBnState(search: string, defaultImage: string): BnState {
  const q = new URLSearchParams(search);
  const img = q.get('bn.img');
  const v = q.get('bn.input') as InputVariant | null;
  const l = (q.get('bn.loupe') ?? '').split(',').map(Number);
  const unit = (n: number | undefined) => (typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 1 ? n : 0.5);
  return {
    image: img && demoImages.some((d) => d.id === img) ? img : defaultImage,
    variant: v && inputVariants.includes(v) ? v : 'original',
    loupe: l.length === 2 ? { x: unit(l[0]), y: unit(l[1]) } : null,
  };
}

export async function mountBn(root: HTMLElement): Promise<{ setVisible(v: boolean): void }> {
  const lang = root.dataset.lang === 'ja' ? 'ja' : 'en';
  const s: EsrganStrings = esrganStrings[lang];
  const q = <T extends Element>(sel: string): T => root.querySelector<T>(sel)!;
  const imageSelect = q<HTMLSelectElement>('[data-role="image"]');
  const variantSelect = q<HTMLSelectElement>('[data-role="variant"]');
  const message = q<HTMLElement>('[data-role="status-message"]');
  const numbers = q<HTMLElement>('[data-role="bn-numbers"]');
  const inputCanvas = q<HTMLCanvasElement>('canvas[data-model="input"]');
  const heatBn = q<HTMLCanvasElement>('canvas[data-model="heat-bn"]');
  const heatInput = q<HTMLCanvasElement>('canvas[data-model="heat-input"]');
  const panel = (id: PanelId) => {
    const el = q<HTMLElement>(`[data-panel="${id}"]`);
    return {
      canvas: el.querySelector<HTMLCanvasElement>('canvas')!,
      view: el.querySelector<HTMLElement>('[data-role="view"]')!,
      frame: el.querySelector<HTMLElement>('[data-role="loupe-frame"]')!,
      loupe: q<HTMLCanvasElement>(`canvas[data-loupe="${id}"]`),
    };
  };
  const panels = Object.fromEntries(PANELS.map((id) => [id, panel(id)])) as Record<PanelId, ReturnType<typeof panel>>;
  const cropSize = Number(root.dataset.cropSize) || 24;
  const cropAt = { x: Number(root.dataset.cropFx ?? 0.5), y: Number(root.dataset.cropFy ?? 0.5) };
  const state = readBnState(location.search, imageSelect.value);
  const { say, fail } = statusLine(root, message);
  imageSelect.value = state.image;
  variantSelect.value = state.variant;

  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  const saveUrl = (): void => {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => {
      const p = new URLSearchParams(location.search);
      if (state.image !== OWN) p.set('bn.img', state.image); // the reader's picture never enters the URL
      p.set('bn.input', state.variant);
      if (state.loupe) p.set('bn.loupe', `${state.loupe.x.toFixed(3)},${state.loupe.y.toFixed(3)}`);
      history.replaceState(history.state, '', `${location.pathname}?${p.toString()}${location.hash}`);
    }, 250);
  };

  const started = await startRuntime(root, s, { say, fail }, [imageSelect, variantSelect]);
  if (!started) return { setVisible: () => undefined };
  const { client, readyMessage: backendMessage, stepText } = started;

  const shown: Partial<Record<PanelId, ImageData>> = {};
  let source: { id: string; crop: RGBImage } | null = null;
  let visible = false;

  const loupes = attachLoupes({
    strip: q<HTMLElement>('[data-role="loupe"]'),
    panels: PANELS.map((id) => panels[id]),
    pixels: () => PANELS.map((id) => shown[id]),
    fallbackSize: cropSize * SCALE,
    box: LOUPE,
    valueText: (v) => fill(s.loupeValueText, v),
    at: state.loupe ?? { x: 0.5, y: 0.5 },
    onMove: (p) => {
      state.loupe = p;
      saveUrl();
    },
  });

  const own = attachOwnPicture({ root, lang, s, select: imageSelect, minSide: cropSize, say, onPicture: () => {
    state.image = OWN;
    void pump();
  } });

  async function crop(id: string): Promise<RGBImage> {
    const mine = id === OWN ? own.centre(cropSize) : null;
    if (mine) return mine;
    const demo = findDemoImage(id) ?? findDemoImage('chelsea')!;
    const src = await loadUrl(siteUrl(root, demoImagePath(demo)));
    const size = Math.min(cropSize, src.width, src.height);
    return cropImage(src, { x: Math.round(cropAt.x * (src.width - size)), y: Math.round(cropAt.y * (src.height - size)), width: size, height: size });
  }

  function heat(canvas: HTMLCanvasElement, a: RGBImage, b: RGBImage): number {
    const d = diffMap(a, b);
    if (canvas === heatBn && !state.loupe) loupes.moveTo(busiestBox(d.map, d.width, d.height, LOUPE));
    drawWhole(canvas, new ImageData(heatRGBA(d.map, Math.max(d.max, 8 / 255)) as Uint8ClampedArray<ArrayBuffer>, d.width, d.height));
    canvas.hidden = false;
    canvas.parentElement?.querySelector('img')?.setAttribute('hidden', '');
    canvas.dataset.mean = (d.mean * 255).toFixed(2);
    return d.mean * 255;
  }

  const pump = latestStateRunner({
    root,
    isVisible: () => visible,
    key: () => `${own.key(state.image)}|${state.variant}`,
    render: async (stale) => {
      const sourceId = own.key(state.image);
      if (source?.id !== sourceId) source = { id: sourceId, crop: await crop(state.image) };
      const input = inputVariant(source.crop, state.variant);
      const run = async (model: string, bnStats: 'stored' | 'input', channel: string, step: number) => {
        say(stepText(model, step, 3));
        return (await client.upscale({ channel, model, image: copyImage(input), bnStats })).image;
      };
      const plain = await run('esrgan', 'stored', 'esrgan-bn-a', 1);
      const stored = await run('esrgan_bn', 'stored', 'esrgan-bn-b', 2);
      const perInput = await run('esrgan_bn', 'input', 'esrgan-bn-c', 3);
      if (stale()) return false;
      drawWhole(inputCanvas, toImageData(input));
      inputCanvas.hidden = false;
      inputCanvas.parentElement?.querySelector('img')?.setAttribute('hidden', '');
      const outs: Record<PanelId, RGBImage> = { esrgan: plain, esrgan_bn: stored, esrgan_bn_input: perInput };
      for (const id of PANELS) {
        const px = toImageData(outs[id]);
        shown[id] = px;
        drawWhole(panels[id].canvas, px);
        panels[id].canvas.hidden = false;
        panels[id].canvas.dataset.input = state.variant;
        panels[id].view.querySelector('img')?.setAttribute('hidden', '');
      }
      const a = heat(heatBn, stored, plain);
      const b = heat(heatInput, perInput, stored);
      numbers.textContent = fill(s.bnNumbers, { a: a.toFixed(1), b: b.toFixed(1) });
      loupes.draw();
      fitRendering([inputCanvas, heatBn, heatInput, ...PANELS.map((id) => panels[id].canvas)]);
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
  variantSelect.addEventListener('change', () => {
    state.variant = variantSelect.value as InputVariant;
    saveUrl();
    void pump();
  });

  return {
    setVisible(v: boolean): void {
      visible = v;
      if (v) void pump();
    },
  };
}
