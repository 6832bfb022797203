// The explorer's parameter controls ([data-param], rendered from CONTROL_GROUPS by DegradationFigure.astro):
// each reports its new value; `show` moves every control to a parameter set (value, bounds, whether it applies).
import type { DegradeParams } from '../../sr/degrade/params';
import { bindSlider } from '../../ui/controls/slider';
import { CONTROL_GROUPS, formatValue, getParam, type Control } from './compute';

export function bindParamControls(root: HTMLElement, onChange: (path: string, value: number | string) => void) {
  const bound: { control: Control; el: HTMLInputElement | HTMLSelectElement; set(p: DegradeParams): void }[] = [];
  for (const control of CONTROL_GROUPS.flatMap((g) => g.controls)) {
    const el = root.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-param="${control.path}"]`);
    if (!el) continue;
    if (control.kind === 'range') {
      const slider = bindSlider(el as HTMLInputElement, (v) => formatValue(control.path, v), (v) => onChange(control.path, v));
      bound.push({ control, el, set: (p) => slider.set(Number(getParam(p, control.path)), control.range(p)) });
    } else {
      el.addEventListener('change', () => onChange(control.path, el.value));
      bound.push({ control, el, set: (p) => void (el.value = String(getParam(p, control.path))) });
    }
  }
  return {
    show(p: DegradeParams): void {
      for (const b of bound) {
        const shown = b.control.shown(p);
        b.el.closest<HTMLElement>('.ui-field')!.hidden = !shown;
        if (shown && document.activeElement !== b.el) b.set(p);
      }
    },
  };
}
