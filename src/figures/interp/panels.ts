// What the network-interpolation figure draws into its markup: the pictures (panels with their α and accessible
// name), the heat map of weights-vs-pixels and its maximum, and α itself (slider, number, the marker on the
// perception–distortion curve).
import type { RGBImage } from '../../sr/image';
import { fill, type EsrganStrings } from '../../i18n/esrgan';
import { drawWhole, toImageData } from '../../ui/draw/canvasDraw';
import { diffMap, heatRGBA } from '../../ui/draw/diffHeat';
import { markerAt } from '../../components/esrgan/pdChart';
import { alphaText } from './compute';

export const PANELS = ['rrdb_psnr', 'interp', 'blend', 'esrgan'] as const;
export type PanelId = (typeof PANELS)[number];

export function interpPanels(root: HTMLElement, s: EsrganStrings) {
  const canvas = (model: string) => root.querySelector<HTMLCanvasElement>(`canvas[data-model="${model}"]`)!;
  const panel = (id: PanelId) => root.querySelector<HTMLElement>(`[data-panel="${id}"]`)!;
  const shown: Partial<Record<PanelId, ImageData>> = {};
  const slider = root.querySelector<HTMLInputElement>('[data-role="alpha"]')!;
  const marker = root.querySelector<SVGCircleElement>('[data-role="pd-marker"]');
  const pdPoints = JSON.parse(root.querySelector('[data-role="pd-chart"] svg')?.getAttribute('data-points') ?? '[]') as Array<{ alpha: number; x: number; y: number }>;

  function show(target: HTMLCanvasElement, pixels: ImageData): void {
    drawWhole(target, pixels);
    target.hidden = false;
    target.parentElement?.querySelector('img[data-role="static"]')?.setAttribute('hidden', '');
  }
  return {
    canvas,
    panel,
    /** The pixels each loupe panel shows now. */
    shown,
    all: () => [canvas('input'), canvas('diff'), ...PANELS.map(canvas)],
    show,
    showPanel(id: PanelId, pixels: ImageData, alpha?: number): void {
      shown[id] = pixels;
      show(canvas(id), pixels);
      if (alpha !== undefined) canvas(id).dataset.alpha = alphaText(alpha);
      canvas(id).setAttribute('aria-label', panel(id).querySelector('[data-role="label"]')?.textContent ?? id);
    },
    /** The heat map of |weights − pixels| and its maximum in 8-bit steps. */
    showDiff(a: RGBImage, b: RGBImage): void {
      const d = diffMap(a, b);
      show(canvas('diff'), new ImageData(heatRGBA(d.map, Math.max(d.max, 8 / 255)) as Uint8ClampedArray<ArrayBuffer>, d.width, d.height));
      canvas('diff').dataset.max = String(Math.round(d.max * 255));
      root.querySelector('[data-role="diff-value"]')!.textContent = fill(s.diffValue, { d: Math.round(d.max * 255) });
    },
    /** The input panel's title names the crop's size. */
    retitleInput(input: RGBImage): void {
      root.querySelector('[data-role="input-title"]')!.textContent = fill(s.inputTitle, { w: input.width, h: input.height });
    },
    /** The input and the two ends of the interpolation. */
    showEnds(input: RGBImage, a: RGBImage, b: RGBImage): void {
      show(canvas('input'), toImageData(input));
      this.showPanel('rrdb_psnr', toImageData(a));
      this.showPanel('esrgan', toImageData(b));
    },
    /** The weight-space and pixel-space blends at `alpha`, retitled, and where they differ. */
    showBlends(weights: RGBImage, pixels: RGBImage, alpha: number): void {
      this.retitle(alpha);
      this.showPanel('interp', toImageData(weights), alpha);
      this.showPanel('blend', toImageData(pixels), alpha);
      this.showDiff(weights, pixels);
    },
    /** The titles and loupe captions of the two blends name the α on screen. */
    retitle(alpha: number): void {
      for (const [id, text] of [['interp', s.panelWeights], ['blend', s.panelPixels]] as const) {
        const label = fill(text, { a: alphaText(alpha) });
        panel(id).querySelector('[data-role="label"]')!.textContent = label;
        root.querySelector(`[data-loupe-label="${id}"]`)!.textContent = label;
      }
    },
    /** The slider, its number and the curve's marker show `alpha`. */
    showAlpha(alpha: number): void {
      slider.value = String(alpha);
      root.querySelector('[data-role="alpha-value"]')!.textContent = alphaText(alpha);
      slider.setAttribute('aria-valuetext', fill(s.alphaValueText, { a: alphaText(alpha) }));
      if (!marker || pdPoints.length === 0) return;
      const m = markerAt(pdPoints, alpha);
      marker.setAttribute('cx', m.x.toFixed(1));
      marker.setAttribute('cy', m.y.toFixed(1));
    },
  };
}
