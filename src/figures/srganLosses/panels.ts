// What the "three losses" figure draws from the pictures it holds: each panel (canvas, metric line), the first
// panel's name (ground truth, or the reader's input as it is), the wipe and the spectrum chart. No state of its
// own: render.ts keeps the pictures, the controls' handlers and the runs call these.
import { PANELS, type PanelId } from '../../components/srgan/data';
import { HR_SIZE, SCALE, type PanelNumbers } from '../../components/srgan/pipeline';
import { draw } from '../../components/srgan/shared';
import { spectrumSvg } from '../../components/srgan/spectrumChart';
import { srganLossesStrings } from '../../i18n/srgan';
import type { Lang } from '../../i18n';
import type { RGBImage } from '../../sr/image';
import { imresizeJs } from '../../sr/resizeCpu';
import { chartSizeFor } from '../../ui/draw/lineChart';
import { chartSpectra, metricLine, type LossesState } from './compute';

/** The pictures of one source (8-bit) and their numbers; `truth` is null for the reader's picture as it is. */
export interface Pictures {
  key: string;
  truth: RGBImage | null;
  lr: RGBImage;
  images: Partial<Record<PanelId, RGBImage>>;
  numbers: Partial<Record<PanelId, PanelNumbers>>;
}

export function lossesPanels(root: HTMLElement, lang: Lang) {
  const s = srganLossesStrings[lang];
  const $ = <T extends Element = HTMLElement>(sel: string): T => root.querySelector<T>(sel)!;
  const chart = $('[data-role="spectrum"]');
  const wipeBox = $('[data-role="wipe"]');
  const wipeCanvas = { a: $<HTMLCanvasElement>('canvas[data-wipe="a"]'), b: $<HTMLCanvasElement>('canvas[data-wipe="b"]') };
  /** What each wipe canvas holds: a loupe or wipe move redraws neither. */
  const inWipe: Record<'a' | 'b', RGBImage | undefined> = { a: undefined, b: undefined };

  function panel(p: Pictures, id: PanelId): void {
    const canvas = $<HTMLCanvasElement>(`canvas[data-model="${id}"]`);
    const img = p.images[id];
    if (img) draw(canvas, img);
    canvas.classList.toggle('sg-pending', !img);
    $(`[data-panel="${id}"] img.sg-static`).hidden = true;
    canvas.hidden = false;
    const m = metricLine(id, p.numbers[id], s);
    const line = $(`[data-role="metrics"][data-model="${id}"]`);
    line.textContent = m.text;
    line.dataset.psnr = m.psnr;
    line.dataset.ssim = m.ssim;
  }

  /** The first panel is the ground truth, or the reader's small input as it is: its title, loupe caption and choices say which. */
  function firstName(p: Pictures): void {
    const name = p.truth ? s.modelTruth : s.modelInput;
    for (const el of root.querySelectorAll('[data-panel="hr"] .sg-title span, [data-loupe-cell="hr"] .sg-loupe-label, option[value="hr"]')) el.textContent = name;
  }

  /** The view and the wipe's place (no pixels): immediate on every control. */
  function wipePlace(state: LossesState): void {
    root.dataset.view = state.view;
    wipeBox.hidden = state.view !== 'wipe';
    wipeCanvas.b.style.clipPath = `inset(0 0 0 ${state.wipe}%)`;
    $('[data-role="wipe-line"]').style.left = `${state.wipe}%`;
  }

  function wipe(p: Pictures | null, state: LossesState): void {
    wipePlace(state);
    if (state.view !== 'wipe' || !p) return;
    for (const side of ['a', 'b'] as const) {
      const img = p.images[side === 'a' ? state.wa : state.wb];
      if (!img || img === inWipe[side]) continue;
      draw(wipeCanvas[side], img.width === HR_SIZE ? img : imresizeJs(img, SCALE));
      inWipe[side] = img;
    }
  }

  function spectra(p: Pictures): void {
    const shown = chartSpectra(p.numbers, p.truth !== null);
    chart.dataset.spectra = JSON.stringify(Object.fromEntries(Object.entries(shown).map(([k, v]) => [k, v.power])));
    chart.innerHTML = spectrumSvg(s, shown, `${lang}-srgan-spectrum`, chartSizeFor(chart.clientWidth));
  }

  return {
    /** One panel and what shows it too (the wipe, the chart). */
    one(p: Pictures, id: PanelId, state: LossesState): void {
      panel(p, id);
      if (state.view === 'wipe' && (state.wa === id || state.wb === id)) wipe(p, state);
      spectra(p);
    },
    all(p: Pictures, state: LossesState): void {
      firstName(p);
      for (const id of PANELS) panel(p, id);
      wipe(p, state);
      spectra(p);
    },
    wipe,
    spectra,
  };
}
