// Synchronised loupes over several panels of the same size (several loupes may share one view and frame; a
// panel may hold its picture `scale` times smaller, shown with pixels repeated): a frame on each panel, an enlarged
// copy of the framed pixels per panel, moved by dragging on any panel or with the keys on the loupe strip (role="slider":
// arrows, Shift for bigger steps, Home/End/PageUp/PageDown for the edges). Redraws are batched per frame.
import { attachArrowKeys } from './arrowKeys';
import { drawRegion } from '../draw/canvasDraw';
import { applyMove, keepBoxInside, loupeRect } from '../geometry';
import { attachPointerDrag } from './pointerDrag';
import { perFrame } from '../draw/perFrame';

export interface LoupePanel {
  view: HTMLElement;
  frame: HTMLElement;
  loupe: HTMLCanvasElement;
  /** The panel's pixels are this many times smaller than the frame's picture (each repeated in the loupe); 1 if absent. */
  scale?: number;
}

export function attachLoupes(opts: {
  strip: HTMLElement;
  panels: LoupePanel[];
  /** Pixels each panel shows now (same order as panels), or undefined before the first run. */
  pixels: () => Array<ImageData | undefined>;
  /** Output side in pixels before anything has run (a square). */
  fallbackSize: number;
  /** The loupe's side in panel pixels. */
  box: number;
  /** The strip's aria-valuetext for a loupe centred at (x, y) of a w × h panel. */
  valueText: (v: { x: number; y: number; w: number; h: number }) => string;
  at: { x: number; y: number };
  onMove: (p: { x: number; y: number }) => void;
}): { draw(): void; moveTo(p: { x: number; y: number }): void } {
  let at = opts.at;
  const size = (): { w: number; h: number } => {
    const px = opts.pixels();
    const i = px.findIndex(Boolean);
    const k = opts.panels[i]?.scale ?? 1;
    return i >= 0 ? { w: px[i]!.width * k, h: px[i]!.height * k } : { w: opts.fallbackSize, h: opts.fallbackSize };
  };
  const draw = perFrame(() => {
    const { w, h } = size();
    const r = loupeRect(w, h, at, opts.box);
    const px = opts.pixels();
    opts.panels.forEach((p, i) => {
      const st = p.frame.style;
      st.left = `${(100 * r.x) / w}%`;
      st.top = `${(100 * r.y) / h}%`;
      st.width = `${(100 * r.width) / w}%`;
      st.height = `${(100 * r.height) / h}%`;
      const img = px[i];
      if (img) {
        drawRegion(p.loupe, img, r, p.scale);
        p.loupe.hidden = false;
        p.loupe.parentElement!.style.backgroundImage = 'none';
      } else {
        // before anything live is drawn the loupe shows the static picture: at the frame's place, not its centre
        const at = (v: number, span: number, side: number) => (side > span ? `${(100 * v) / (side - span)}%` : '50%');
        p.loupe.parentElement!.style.backgroundPosition = `${at(r.x, r.width, w)} ${at(r.y, r.height, h)}`;
      }
    });
    opts.strip.setAttribute('aria-valuenow', String(Math.round(at.x * 100)));
    opts.strip.setAttribute('aria-valuetext', opts.valueText({ x: r.x + r.width / 2, y: r.y + r.height / 2, w, h }));
  });
  const move = (p: { x: number; y: number }): void => {
    const { w, h } = size();
    at = keepBoxInside(p, opts.box, opts.box, w, h);
    opts.onMove(at);
    draw();
  };
  for (const view of new Set(opts.panels.map((p) => p.view))) attachPointerDrag(view, move); // panels may share a view
  attachArrowKeys(opts.strip, (m) => move(applyMove(at, m, size().w, size().h)));
  /** Place the loupes for the reader (a computed default): not reported through onMove. */
  const moveTo = (p: { x: number; y: number }): void => {
    const { w, h } = size();
    at = keepBoxInside(p, opts.box, opts.box, w, h);
    draw();
  };
  return { draw, moveTo };
}
