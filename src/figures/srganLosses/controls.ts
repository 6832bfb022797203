// The "three losses" figure's controls: the picture, the reader's own picture (mode, part), the view and the wipe.
// Each change goes to `set`; `reflect` shows a state on the controls (also one read from the URL).
import type { PanelId } from '../../components/srgan/data';
import { HR_SIZE, LR_SIZE } from '../../components/srgan/pipeline';
import { fill, srganLossesStrings } from '../../i18n/srgan';
import { attachPointerDrag } from '../../ui/controls/pointerDrag';
import { bindSlider } from '../../ui/controls/slider';
import type { FigureContext } from '../../ui/figure';
import { isRegion } from '../../ui/images/crop';
import { attachOwnPicture, OWN, type OwnPicture } from '../../ui/images/ownPicture';
import type { LossesState, OwnMode, View } from './compute';

export function bindControls(ctx: FigureContext<LossesState>, set: (patch: Partial<LossesState>) => void): { own: OwnPicture; reflect(state: LossesState): void } {
  const { root, lang } = ctx;
  const s = srganLossesStrings[lang];
  const $ = <T extends Element = HTMLElement>(sel: string): T => root.querySelector<T>(sel)!;
  const image = $<HTMLSelectElement>('select[data-control="image"]');
  const view = $<HTMLSelectElement>('select[data-control="view"]');
  const wipeA = $<HTMLSelectElement>('select[data-control="wipe-a"]');
  const wipeB = $<HTMLSelectElement>('select[data-control="wipe-b"]');
  const region = $<HTMLSelectElement>('select[data-control="own-region"]');
  const ownMode = $('[data-role="own-mode"]');
  image.addEventListener('change', () => set({ img: image.value }));
  view.addEventListener('change', () => set({ view: view.value as View }));
  wipeA.addEventListener('change', () => set({ wa: wipeA.value as PanelId }));
  wipeB.addEventListener('change', () => set({ wb: wipeB.value as PanelId }));
  const wipe = bindSlider($<HTMLInputElement>('input[data-control="wipe"]'), (p) => fill(s.wipeValue, { p }), (p) => set({ wipe: p }));
  attachPointerDrag($('[data-role="wipe-stage"]'), (p) => set({ wipe: Math.round(p.x * 100) }));
  for (const r of root.querySelectorAll<HTMLInputElement>('input[data-control="own-mode"]')) {
    r.addEventListener('change', () => r.checked && set({ mode: r.value as OwnMode }));
  }
  region.addEventListener('change', () => isRegion(region.value) && set({ region: region.value }));
  const own = attachOwnPicture({
    root, lang, select: image, say: ctx.say,
    minSide: () => (ctx.state.mode === 'asis' ? LR_SIZE : HR_SIZE),
    tooSmall: (n) => fill(s.fileTooSmall, { n }),
    scaled: (w, h) => fill(s.fileScaled, { w, h }),
    onPicture: () => set({ img: OWN, own: ctx.state.own + 1 }),
  });
  return {
    own,
    reflect(state) {
      image.value = state.img;
      view.value = state.view;
      [wipeA.value, wipeB.value] = [state.wa, state.wb];
      wipe.set(state.wipe);
      ownMode.hidden = state.img !== OWN;
    },
  };
}
