// Chapter 1's controls: the picture (demo photo, pattern, or the reader's own), the scale and bicubic `a` sliders,
// the crop frame on the source, the loupe and the profile line's two handles (pointer and arrow keys), and each
// panel's PNG button. A move of the loupe or the line is drawn at once (`overlays`), not after a running computation.
import type { RGBImage } from '../../sr/image';
import type { Lang } from '../../i18n';
import { fill, type InterpolationStrings } from '../../i18n/interpolation';
import { attachArrowKeys } from '../../ui/controls/arrowKeys';
import { attachPointerDrag, fractionOf } from '../../ui/controls/pointerDrag';
import { bindSlider } from '../../ui/controls/slider';
import { applyMove, cropSize, keepBoxInside, LOUPE_SIZE } from '../../ui/geometry';
import { attachOwnPicture } from '../../ui/images/ownPicture';
import type { Point } from '../../ui/point';
import { download, pngOf } from '../../ui/savePicture';
import { normalizeA, normalizeScale, OWN_IMAGE, viewOf, type ResampleState, type View } from './compute';
import { formatA } from './kernelChart';
import type { ResamplePanels } from './panels';

interface Options {
  root: HTMLElement;
  lang: Lang;
  s: InterpolationStrings;
  state: () => ResampleState;
  set: (patch: Partial<ResampleState>) => void;
  panels: ResamplePanels;
  /** The source picture and the view on screen, once there are. */
  source: () => RGBImage | null;
  view: () => View | null;
  /** Redraws the overlays now (loupe, line). */
  overlays: () => void;
  say: (text: string) => void;
  loaded: (text: string) => void;
  fail: (err: unknown) => void;
}

export function bindControls(o: Options) {
  const { root, s, panels } = o;
  const $ = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  const select = $<HTMLSelectElement>('select[data-control="image"]');
  select.disabled = false;
  select.addEventListener('change', () => o.set({ img: select.value }));
  const own = attachOwnPicture({
    root,
    lang: o.lang,
    select,
    minSide: 1,
    tooSmall: () => '',
    say: o.say,
    loaded: (p) => {
      const text = p.downscaled ? fill(s.fileDownscaled, { w: p.w0, h: p.h0, w2: p.w, h2: p.h }) : fill(s.fileLoaded, { w: p.w, h: p.h });
      o.loaded(text);
      return text;
    },
    onPicture: () => o.set({ img: OWN_IMAGE, own: o.state().own + 1, cx: 0.5, cy: 0.5 }),
  });
  const [scaleInput, aInput] = [$<HTMLInputElement>('input[data-control="scale"]'), $<HTMLInputElement>('input[data-control="a"]')];
  [scaleInput.disabled, aInput.disabled] = [false, false];
  const scale = bindSlider(scaleInput, (v) => fill(s.scaleValue, { s: v }), (v) => o.set({ scale: normalizeScale(v) }));
  // the kernel plot is pure maths: `a` works with no backend too (data-offline)
  const a = bindSlider(aInput, formatA, (v) => {
    o.set({ a: normalizeA(v) });
    panels.kernel(normalizeA(v));
    panels.labels(normalizeA(v));
  });

  bindPositions(o);

  // each panel's picture as shown (the pre-computed one until the live canvas has drawn), named by image, method and scale
  for (const p of panels.panels) {
    $<HTMLElement>(`[data-panel="${p.id}"] [data-control="save"]`).addEventListener('click', () => {
      const shown = p.canvas.hidden && p.staticImg instanceof HTMLImageElement ? p.staticImg : p.canvas;
      const st = o.state();
      void pngOf(shown).then((png) => download(png, `${st.img}-${p.id}-x${st.scale}.png`), o.fail);
    });
  }

  return {
    own,
    /** The controls follow the state (URL, or a change made elsewhere). */
    reflect(state: ResampleState) {
      select.value = state.img;
      scale.set(state.scale);
      a.set(state.a);
      panels.labels(state.a);
    },
  };
}

/** The crop frame, the loupe and the profile line's two ends: pointer drags and arrow keys. */
function bindPositions(o: Options) {
  const { panels } = o;
  // the crop frame: drag on the source picture, or the arrow keys on the frame
  const moveCrop = (p: Point) => {
    const src = o.source();
    if (!src) return;
    const c = cropSize(src.width, src.height, o.state().scale);
    const at = keepBoxInside(p, c.width, c.height, src.width, src.height);
    o.set({ cx: at.x, cy: at.y });
    o.panels.source(src, viewOf(src.width, src.height, o.state()).crop, at); // the frame follows at once, the pictures when computed
  };
  attachPointerDrag(panels.el.sourceView, moveCrop);
  attachArrowKeys(panels.el.cropHandle, (m) => {
    const src = o.source();
    if (src) moveCrop(applyMove({ x: o.state().cx, y: o.state().cy }, m, src.width, src.height));
  });

  // the loupe: drag on any output picture (not on a line handle), or the arrow keys on the loupe strip
  const moveLoupe = (p: Point) => {
    const v = o.view();
    if (!v) return;
    const at = keepBoxInside(p, LOUPE_SIZE, LOUPE_SIZE, v.outW, v.outH);
    o.set({ lx: at.x, ly: at.y });
    o.overlays();
  };
  for (const p of panels.panels) attachPointerDrag(p.view, moveLoupe, (e) => !(e.target as Element).closest('.interp-handle'));
  attachArrowKeys(panels.el.loupe, (m) => {
    const v = o.view();
    if (v) moveLoupe(applyMove({ x: o.state().lx, y: o.state().ly }, m, v.outW, v.outH));
  });

  // the profile line's ends: drag the handles on any panel; arrow keys on the first panel's
  const moveEnd = (i: 0 | 1, pt: Point) => {
    const line: [Point, Point] = [...o.state().line];
    line[i] = pt;
    o.set({ line });
    o.overlays();
  };
  for (const p of panels.panels) {
    p.handles.forEach((handle, i) => {
      attachPointerDrag(handle, () => undefined); // captures the pointer on the handle itself
      handle.addEventListener('pointermove', (e) => handle.hasPointerCapture(e.pointerId) && moveEnd(i as 0 | 1, fractionOf(p.view, e.clientX, e.clientY)));
      attachArrowKeys(handle, (m) => {
        const v = o.view();
        if (v) moveEnd(i as 0 | 1, applyMove(o.state().line[i], m, v.outW, v.outH));
      });
    });
  }
}
