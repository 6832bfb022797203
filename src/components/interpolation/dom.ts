// Find the widget's elements (rendered by InterpolationFigure.astro) once, with their types.
import { outputs, type OutputId } from './methods';

export interface PanelElements {
  method: OutputId;
  /** The panel itself and its loupe cell. */
  panel: HTMLElement;
  loupeCell: HTMLElement;
  view: HTMLElement;
  /** The pre-computed picture (an <img>; for SRCNN a dimmed bicubic background). */
  staticImg: HTMLElement;
  canvas: HTMLCanvasElement;
  label: HTMLElement;
  loupeRect: SVGRectElement;
  profileLine: SVGLineElement;
  overlay: SVGSVGElement;
  handles: [HTMLElement, HTMLElement];
  loupeCanvas: HTMLCanvasElement;
  loupeStatic: HTMLElement;
  loupeLabel: HTMLElement;
}

export interface WidgetElements {
  root: HTMLElement;
  imageSelect: HTMLSelectElement;
  uploadButton: HTMLButtonElement;
  fileInput: HTMLInputElement;
  scaleInput: HTMLInputElement;
  scaleValue: HTMLOutputElement;
  aInput: HTMLInputElement;
  aValue: HTMLOutputElement;
  inputTitle: HTMLElement;
  sourceView: HTMLElement;
  sourceStatic: HTMLImageElement;
  sourceCanvas: HTMLCanvasElement;
  cropHandle: HTMLElement;
  loupe: HTMLElement;
  loupesTitle: HTMLElement;
  kernelPlot: HTMLElement;
  profilePlot: HTMLElement;
  message: HTMLElement;
  panels: PanelElements[];
  /** SRCNN's panel, its "trained for ×4 only" note and its "not computed yet" label. */
  srcnn: { panel: PanelElements; note: HTMLElement; pendingLabel: HTMLElement };
}

function need<T extends Element>(scope: ParentNode, selector: string): T {
  const el = scope.querySelector<T>(selector);
  if (!el) throw new Error(`interpolation widget: missing ${selector}`);
  return el;
}

export function findElements(root: HTMLElement): WidgetElements {
  const panels = outputs.map((m): PanelElements => {
    const panel = need<HTMLElement>(root, `[data-panel="${m.id}"]`);
    const loupe = need<HTMLElement>(root, `[data-loupe-cell="${m.id}"]`);
    return {
      method: m.id,
      panel,
      loupeCell: loupe,
      view: need(panel, '[data-role="output-view"]'),
      staticImg: need(panel, '.interp-static'),
      canvas: need(panel, `canvas[data-method="${m.id}"]`),
      label: need(panel, '[data-role="method-label"]'),
      loupeRect: need(panel, '[data-role="loupe-rect"]'),
      profileLine: need(panel, '[data-role="profile-line"]'),
      overlay: need(panel, 'svg.interp-overlay'),
      handles: [need(panel, '[data-role="line-start"]'), need(panel, '[data-role="line-end"]')],
      loupeCanvas: need(loupe, `canvas[data-loupe="${m.id}"]`),
      loupeStatic: need(loupe, '.interp-loupe-static'),
      loupeLabel: need(loupe, '[data-role="loupe-label"]'),
    };
  });
  return {
    root,
    imageSelect: need(root, 'select[data-control="image"]'),
    uploadButton: need(root, 'button[data-control="upload"]'),
    fileInput: need(root, 'input[data-control="file"]'),
    scaleInput: need(root, 'input[data-control="scale"]'),
    scaleValue: need(root, '[data-role="scale-value"]'),
    aInput: need(root, 'input[data-control="a"]'),
    aValue: need(root, '[data-role="a-value"]'),
    inputTitle: need(root, '[data-role="input-title"]'),
    sourceView: need(root, '[data-role="source-view"]'),
    sourceStatic: need(root, '[data-role="source-view"] img.interp-static'),
    sourceCanvas: need(root, 'canvas[data-role="source"]'),
    cropHandle: need(root, '[data-role="crop-handle"]'),
    loupe: need(root, '[data-role="loupe"]'),
    loupesTitle: need(root, '[data-role="loupes-title"]'),
    kernelPlot: need(root, '[data-role="kernel-plot"]'),
    profilePlot: need(root, '[data-role="profile-plot"]'),
    message: need(root, '[data-role="status-message"]'),
    panels,
    srcnn: {
      panel: panels.find((p) => p.method === 'srcnn')!,
      note: need(root, '[data-role="srcnn-note"]'),
      pendingLabel: need(root, '[data-role="srcnn-pending"]'),
    },
  };
}
