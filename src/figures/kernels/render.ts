// The kernel figure, live (kit figure): a family picked in the gallery, its parameters from the controls; the
// kernel, its spectrum and a blurred step edge are computed here (no network runs). State in the URL: kern.k.
import { blurKernel } from '../../sr/degrade/kernels';
import { sampleParams, type KernelSpec } from '../../sr/degrade/params';
import { kernelsStrings, fill } from '../../i18n/kernels';
import { realesrganStrings } from '../../i18n/realesrgan';
import { drawGrey, drawHeatMap } from '../../ui/draw/heatMap';
import { lineChartSvg } from '../../ui/draw/lineChart';
import type { Figure } from '../../ui/figure';
import { jsonField } from '../../ui/urlState';
import { cleanKernel, setParam } from '../degradation/compute';
import { bindParamControls } from '../degradation/controls';
import { GRID, kernelSpectrum, overshootPercent, stepChart, stepProfile } from './compute';

interface State {
  k: KernelSpec | null;
}
const around = sampleParams(0); // the other parameters of the set the controls edit; only kernel1 is shown

export const figure: Figure<State> = {
  url: { prefix: 'kern', schema: { k: jsonField((v) => cleanKernel(v, 1)) } },
  initial: () => ({ k: null }),
  setup(ctx) {
    const t = kernelsStrings[ctx.lang];
    const r = realesrganStrings[ctx.lang];
    const fallback = cleanKernel(JSON.parse(ctx.root.dataset.defaultSpec ?? '{}'), 1)!;
    const specOf = (st: State) => st.k ?? fallback;
    const edit = (path: string, v: number | string) => ctx.set({ k: setParam({ ...around, kernel1: specOf(ctx.state) }, path, v).kernel1 });
    const controls = bindParamControls(ctx.root, edit);
    const picks = ctx.all<HTMLButtonElement>('pick');
    for (const b of picks) b.addEventListener('click', () => edit('kernel1.kind', b.dataset.kind!));
    const canvas = (id: string) => ctx.root.querySelector<HTMLCanvasElement>(`[data-result="${id}"]`)!;
    const hideStatic = (id: string) => ctx.root.querySelector(`img[data-static="${id}"]`)?.setAttribute('hidden', '');

    return {
      async render(state) {
        for (const el of ctx.root.querySelectorAll<HTMLInputElement>('input, select, button')) el.disabled = false;
        const spec = specOf(state);
        const k = blurKernel(spec);
        controls.show({ ...around, kernel1: spec });
        for (const b of picks) b.setAttribute('aria-pressed', String(b.dataset.kind === spec.kind));
        drawHeatMap(canvas('kernel'), k, 21, 21);
        drawGrey(canvas('spectrum'), kernelSpectrum(k), GRID, GRID);
        canvas('kernel').setAttribute('aria-label', fill(r.kernelAlt, { name: r[spec.kind] }));
        canvas('spectrum').setAttribute('aria-label', fill(r.spectrumAlt, { name: r[spec.kind] }));
        hideStatic('kernel');
        hideStatic('spectrum');
        ctx.el('kernel-name').textContent = r[spec.kind];
        const profile = stepProfile(k);
        // our own SVG string: numbers and our labels, escaped by lineChartSvg; nothing from the URL is in it
        ctx.el('chart').innerHTML = lineChartSvg(stepChart(profile, { title: t.stepTitle, x: t.stepX, y: t.stepY }, `krn-clip-${ctx.lang}`));
        const over = overshootPercent(profile);
        const note = ctx.el('overshoot');
        note.dataset.value = String(over);
        note.textContent = fill(t.overshoot, { v: over });
        ctx.say(t.done);
        return true;
      },
    };
  },
};
