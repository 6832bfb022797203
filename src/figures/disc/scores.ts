// Draws one discriminator's scores in its panel ([data-disc]): the table of C, D and D_Ra per patch (with the
// numbers in data attributes, for tests), the two means, and two Observable Plot charts (the logits; D and D_Ra).
import type * as PlotModule from '@observablehq/plot';
import { fill, type EsrganStrings } from '../../i18n/esrgan';
import { fixed } from '../../components/models/format';
import { outputRows } from './compute';

export const REAL = '#0b57a4';
export const FAKE = '#c2410c';

export function drawTable(panel: HTMLElement, s: EsrganStrings, real: number[], fake: number[]): void {
  const { rows, meanReal, meanFake } = outputRows(real, fake);
  const table = panel.querySelector('table')!;
  table.querySelector('tbody')!.replaceChildren(
    ...rows.map((r) => {
      const tr = document.createElement('tr');
      Object.assign(tr.dataset, { kind: r.kind, index: String(r.index), c: String(r.c), d: String(r.d), dra: String(r.dra) });
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = `${r.kind === 'real' ? s.kindReal : s.kindFake} ${r.index + 1}`;
      const cells = [r.c, r.d, r.dra].map((v, j) => {
        const td = document.createElement('td');
        td.dataset.col = ['c', 'd', 'dra'][j];
        td.textContent = fixed(v, 2);
        return td;
      });
      tr.append(th, ...cells);
      return tr;
    }),
  );
  table.hidden = false;
  panel.querySelector('[data-role="means"]')!.textContent = fill(s.discMeans, { r: fixed(meanReal, 2), f: fixed(meanFake, 2) });
}

export function drawCharts(Plot: typeof PlotModule, panel: HTMLElement, s: EsrganStrings, real: number[], fake: number[]): void {
  const { rows, meanReal, meanFake } = outputRows(real, fake);
  const width = Math.max(240, Math.min(460, panel.clientWidth || 320));
  const kind = (k: 'real' | 'fake') => (k === 'real' ? s.kindReal : s.kindFake);
  const color = { domain: [s.kindReal, s.kindFake], range: [REAL, FAKE] };
  const frame = { width, marginLeft: 70, style: { fontSize: '11px' }, y: { label: null, domain: [s.kindReal, s.kindFake] }, color };
  const logits = Plot.plot({
    ...frame,
    height: 120,
    x: { label: s.colLogit, nice: true },
    marks: [
      Plot.ruleX([meanReal], { stroke: REAL, strokeWidth: 2 }),
      Plot.ruleX([meanFake], { stroke: FAKE, strokeWidth: 2, strokeDasharray: '5 3' }),
      Plot.dot(rows.map((r) => ({ kind: kind(r.kind), c: r.c })), { x: 'c', y: 'kind', fill: 'kind', r: 4.5 }),
    ],
  });
  logits.setAttribute('aria-label', s.plotLogits);
  panel.querySelector('[data-role="plot-logits"]')!.replaceChildren(logits);
  const probs = rows.flatMap((r) => [
    { kind: kind(r.kind), form: s.formStandard, v: r.d },
    { kind: kind(r.kind), form: s.formRelativistic, v: r.dra },
  ]);
  const outputs = Plot.plot({
    ...frame,
    height: 170,
    x: { label: null, domain: [0, 1] },
    fy: { label: null, domain: [s.formStandard, s.formRelativistic] },
    marks: [Plot.ruleX([0.5], { stroke: '#bbb' }), Plot.dot(probs, { x: 'v', y: 'kind', fy: 'form', fill: 'kind', r: 4.5 }), Plot.frame({ stroke: '#ddd' })],
  });
  outputs.setAttribute('aria-label', s.plotOutputs);
  panel.querySelector('[data-role="plot-outputs"]')!.replaceChildren(outputs);
}
