// Synchronised loupes over several output panels: a frame on each panel, an enlarged copy of the
// framed pixels per panel, moved by dragging on any panel or with the arrow keys on the loupe strip
// (role="slider"). Redraws are batched per animation frame.
import { fill, type EsrganStrings } from '../../i18n/esrgan';
import { attachArrowKeys } from '../interpolation/arrowKeys';
import { drawRegion } from '../interpolation/canvasDraw';
import { applyMove, keepBoxInside, loupeRect } from '../interpolation/geometry';
import { attachPointerDrag } from '../interpolation/pointerDrag';
import { LOUPE } from './interpState';

export interface LoupePanel {
  view: HTMLElement;
  frame: HTMLElement;
  loupe: HTMLCanvasElement;
}

export function attachLoupes(opts: {
  strip: HTMLElement;
  panels: LoupePanel[];
  /** Pixels each panel shows now (same order as panels), or undefined before the first run. */
  pixels: () => Array<ImageData | undefined>;
  /** Output side in pixels before anything has run. */
  fallbackSize: number;
  s: EsrganStrings;
  at: { x: number; y: number };
  onMove: (p: { x: number; y: number }) => void;
}): { draw(): void; moveTo(p: { x: number; y: number }): void } {
  let at = opts.at;
  let queued = false;
  const size = (): number => opts.pixels().find(Boolean)?.width ?? opts.fallbackSize;
  function draw(): void {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      const w = size();
      const r = loupeRect(w, w, at, LOUPE);
      const px = opts.pixels();
      opts.panels.forEach((p, i) => {
        const st = p.frame.style;
        st.left = `${(100 * r.x) / w}%`;
        st.top = `${(100 * r.y) / w}%`;
        st.width = `${(100 * r.width) / w}%`;
        st.height = `${(100 * r.height) / w}%`;
        const img = px[i];
        if (img) {
          drawRegion(p.loupe, img, r);
          p.loupe.hidden = false;
          p.loupe.parentElement!.style.backgroundImage = 'none';
        }
      });
      opts.strip.setAttribute('aria-valuenow', String(Math.round(at.x * 100)));
      opts.strip.setAttribute('aria-valuetext', fill(opts.s.loupeValueText, { x: r.x + r.width / 2, y: r.y + r.height / 2, w, h: w }));
    });
  }
  const move = (p: { x: number; y: number }): void => {
    const w = size();
    at = keepBoxInside(p, LOUPE, LOUPE, w, w);
    opts.onMove(at);
    draw();
  };
  for (const p of opts.panels) attachPointerDrag(p.view, move);
  attachArrowKeys(opts.strip, (m) => move(applyMove(at, m, size(), size())));
  /** Place the loupes for the reader (a computed default): not reported through onMove. */
  const moveTo = (p: { x: number; y: number }): void => {
    const w = size();
    at = keepBoxInside(p, LOUPE, LOUPE, w, w);
    draw();
  };
  return { draw, moveTo };
}
