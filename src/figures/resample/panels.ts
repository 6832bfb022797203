// Chapter 1's figure on screen: its elements (found once), the output panels, the source with its crop frame, the
// overlays (loupe frame, profile line and handles, loupe canvases) and the two charts. Drawing only: what to draw is
// decided in render.ts.
import type { RGBImage } from '../../sr/image';
import { fill, type InterpolationStrings } from '../../i18n/interpolation';
import { drawRegion, drawWhole, fitRendering, toImageData } from '../../ui/draw/canvasDraw';
import { chartSizeFor, lineChartSvg } from '../../ui/draw/lineChart';
import { loupeRect, type Rect } from '../../ui/geometry';
import { profileChart, type ResampleState, type View } from './compute';
import { formatA, kernelChartSvg } from './kernelChart';
import { outputs as outputList, type OutputId } from './methods';

export interface Panel {
  id: OutputId;
  root: HTMLElement;
  loupeCell: HTMLElement;
  view: HTMLElement;
  /** The pre-computed picture (for SRCNN a dimmed bicubic background). */
  staticImg: HTMLElement;
  canvas: HTMLCanvasElement;
  label: HTMLElement;
  overlay: SVGSVGElement;
  loupeRect: SVGRectElement;
  profileLine: SVGLineElement;
  handles: [HTMLElement, HTMLElement];
  loupeCanvas: HTMLCanvasElement;
  loupeStatic: HTMLElement;
  loupeLabel: HTMLElement;
}

/** An output as shown: its floats (for the profile) and its canvas pixels (made once, read by every loupe move). */
export interface Output {
  image: RGBImage;
  pixels: ImageData;
}

export const output = (image: RGBImage): Output => ({ image, pixels: toImageData(image) });

const need = <T extends Element>(scope: ParentNode, selector: string): T => {
  const el = scope.querySelector<T>(selector);
  if (!el) throw new Error(`chapter 1 figure: missing ${selector}`);
  return el;
};

function findPanel(root: HTMLElement, id: OutputId): Panel {
  const panel = need<HTMLElement>(root, `[data-panel="${id}"]`);
  const cell = need<HTMLElement>(root, `[data-loupe-cell="${id}"]`);
  return {
    id,
    root: panel,
    loupeCell: cell,
    view: need(panel, '[data-role="output-view"]'),
    staticImg: need(panel, '.interp-static'),
    canvas: need(panel, `canvas[data-method="${id}"]`),
    label: need(panel, '[data-role="method-label"]'),
    overlay: need(panel, 'svg.interp-overlay'),
    loupeRect: need(panel, '[data-role="loupe-rect"]'),
    profileLine: need(panel, '[data-role="profile-line"]'),
    handles: [need(panel, '[data-role="line-start"]'), need(panel, '[data-role="line-end"]')],
    loupeCanvas: need(cell, `canvas[data-loupe="${id}"]`),
    loupeStatic: need(cell, '.interp-loupe-static'),
    loupeLabel: need(cell, '[data-role="loupe-label"]'),
  };
}

export function resamplePanels(root: HTMLElement, s: InterpolationStrings) {
  const panels = outputList.map((m) => findPanel(root, m.id));
  const el = {
    sourceView: need<HTMLElement>(root, '[data-role="source-view"]'),
    sourceStatic: need<HTMLElement>(root, '[data-role="source-view"] img.interp-static'),
    sourceCanvas: need<HTMLCanvasElement>(root, 'canvas[data-role="source"]'),
    cropHandle: need<HTMLElement>(root, '[data-role="crop-handle"]'),
    inputTitle: need<HTMLElement>(root, '[data-role="input-title"]'),
    loupe: need<HTMLElement>(root, '[data-role="loupe"]'),
    loupesTitle: need<HTMLElement>(root, '[data-role="loupes-title"]'),
    kernelPlot: need<HTMLElement>(root, '[data-role="kernel-plot"]'),
    profilePlot: need<HTMLElement>(root, '[data-role="profile-plot"]'),
  };
  const fit = () => fitRendering([el.sourceCanvas, ...panels.map((p) => p.canvas)]);
  let drawnSource: RGBImage | null = null;

  return {
    panels,
    el,
    fit,
    /** The method names (bicubic's carries `a`) on the panels and loupes. */
    labels(a: number) {
      for (const p of panels) {
        const text = fill(s[outputList.find((m) => m.id === p.id)!.labelKey], { a: formatA(a) });
        [p.label.textContent, p.loupeLabel.textContent] = [text, text];
      }
    },
    /** One output panel's canvas in place of its static picture; `note` is appended to its name (SRCNN pending). */
    panel(p: Panel, out: Output, v: View, note = '') {
      drawWhole(p.canvas, out.pixels);
      const title = `${p.label.textContent}: ${fill(s.outputTitle, { w: v.outW, h: v.outH })}`;
      p.canvas.setAttribute('aria-label', note ? `${title}. ${note}` : title);
      [p.canvas.hidden, p.staticImg.hidden] = [false, true];
      p.view.style.aspectRatio = `${v.outW} / ${v.outH}`;
      p.overlay.setAttribute('viewBox', `0 0 ${v.outW} ${v.outH}`);
    },
    /** The source picture (drawn again only when it changes) and the crop frame on it. */
    source(src: RGBImage, crop: Rect, centre: { x: number; y: number }) {
      if (drawnSource !== src) {
        drawWhole(el.sourceCanvas, toImageData(src));
        el.sourceView.style.aspectRatio = `${src.width} / ${src.height}`;
        [el.sourceCanvas.hidden, el.sourceStatic.hidden] = [false, true];
        drawnSource = src;
      }
      const pct = (v: number, of: number) => `${(100 * v) / of}%`;
      Object.assign(el.cropHandle.style, { left: pct(crop.x, src.width), top: pct(crop.y, src.height), width: pct(crop.width, src.width), height: pct(crop.height, src.height) });
      el.cropHandle.setAttribute('aria-valuenow', String(Math.round(centre.x * 100)));
      const [cx, cy] = [Math.round(crop.x + crop.width / 2), Math.round(crop.y + crop.height / 2)];
      el.cropHandle.setAttribute('aria-valuetext', fill(s.cropValueText, { x: cx, y: cy, w: src.width, h: src.height }));
      el.inputTitle.textContent = fill(s.inputTitle, { w: crop.width, h: crop.height });
    },
    /** Loupe frames, profile lines and handles on every panel, the loupe canvases (`shown` gives a panel's pixels), the profile chart. */
    overlays: (state: ResampleState, v: View, shown: (id: OutputId) => Output | undefined, withSrcnn: boolean) =>
      drawOverlays({ panels, el, s }, state, v, shown, withSrcnn),
    /** Calls `redraw` on the next frame after the charts' or the panels' width changes (charts are drawn at their width). */
    resized(redraw: () => void) {
      const watch = new ResizeObserver(() => requestAnimationFrame(redraw));
      for (const box of [el.kernelPlot, panels[0].view]) watch.observe(box);
    },
    kernel(a: number) {
      el.kernelPlot.innerHTML = kernelChartSvg(s, a, chartSizeFor(el.kernelPlot.clientWidth));
    },
  };
}

type Elements = ReturnType<typeof resamplePanels>['el'];

/** What `overlays` draws; loupe and line positions are fractions of the output, drawn in its pixels. */
function drawOverlays(
  f: { panels: Panel[]; el: Elements; s: InterpolationStrings },
  state: ResampleState,
  v: View,
  shown: (id: OutputId) => Output | undefined,
  withSrcnn: boolean,
) {
  const { panels, el, s } = f;
  const lr = loupeRect(v.outW, v.outH, { x: state.lx, y: state.ly });
  const ends = state.line.map((p) => ({ x: p.x * v.outW, y: p.y * v.outH }));
  for (const p of panels) {
    for (const [k, val] of Object.entries({ x: lr.x, y: lr.y, width: lr.width, height: lr.height })) p.loupeRect.setAttribute(k, String(val));
    for (const [k, val] of Object.entries({ x1: ends[0].x, y1: ends[0].y, x2: ends[1].x, y2: ends[1].y })) p.profileLine.setAttribute(k, String(val));
    state.line.forEach((pt, i) => {
      Object.assign(p.handles[i].style, { left: `${pt.x * 100}%`, top: `${pt.y * 100}%` });
      p.handles[i].setAttribute('aria-valuenow', String(Math.round(pt.x * 100)));
      p.handles[i].setAttribute('aria-valuetext', fill(s.lineValueText, { x: Math.round(ends[i].x), y: Math.round(ends[i].y), w: v.outW, h: v.outH }));
    });
    const out = shown(p.id);
    if (!out) continue;
    drawRegion(p.loupeCanvas, out.pixels, lr);
    [p.loupeCanvas.hidden, p.loupeStatic.hidden] = [false, true];
  }
  el.loupe.setAttribute('aria-valuenow', String(Math.round(state.lx * 100)));
  el.loupe.setAttribute('aria-valuetext', fill(s.loupeValueText, { x: lr.x + lr.width / 2, y: lr.y + lr.height / 2, w: v.outW, h: v.outH }));
  el.loupesTitle.textContent = fill(s.loupesTitle, { n: lr.width });
  const images = new Map(panels.flatMap((p) => (shown(p.id) ? [[p.id, shown(p.id)!.image] as const] : [])));
  const chart = profileChart(images, state.line, v, withSrcnn);
  el.profilePlot.innerHTML = lineChartSvg({
    title: s.profileTitle,
    xLabel: s.profileXAxis,
    yLabel: s.profileYAxis,
    refY: [0, 1],
    clipId: 'interp-profile-clip',
    ...chart,
    ...chartSizeFor(el.profilePlot.clientWidth),
  });
}

export type ResamplePanels = ReturnType<typeof resamplePanels>;
