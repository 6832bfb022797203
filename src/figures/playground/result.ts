// The playground's result: the network's picture with the input (pixels repeated) over its left part, moved by
// the wipe slider; two synchronised loupes (input with pixels repeated, network) over it; the PNG download.
import type { RGBImage } from '../../sr/image';
import { fill, playgroundStrings } from '../../i18n/playground';
import { kitStrings } from '../../i18n/kit';
import { attachLoupes } from '../../ui/controls/loupes';
import { bindSlider } from '../../ui/controls/slider';
import { drawWhole, toImageData } from '../../ui/draw/canvasDraw';
import type { FigureContext } from '../../ui/figure';
import { download, pngOf } from '../../ui/savePicture';
import { LOUPE } from './compute';

export function resultView<S>(ctx: FigureContext<S>) {
  const s = playgroundStrings[ctx.lang];
  const canvas = (id: string) => ctx.root.querySelector<HTMLCanvasElement>(`[data-result="${id}"]`)!;
  const [output, input] = [canvas('output'), canvas('input')];
  bindSlider(ctx.el<HTMLInputElement>('wipe'), (v) => fill(s.wipeText, { v }), (v) => (input.style.clipPath = `inset(0 ${v}% 0 0)`)).set(50);
  input.style.clipPath = 'inset(0 50% 0 0)';
  const shown: { nearest?: ImageData; network?: ImageData } = {};
  const loupes = attachLoupes({
    strip: ctx.el('loupes'),
    panels: (['nearest', 'network'] as const).map((k) => ({
      view: ctx.el('stage'),
      frame: ctx.el('loupe-frame'),
      loupe: ctx.root.querySelector<HTMLCanvasElement>(`canvas[data-loupe="${k}"]`)!,
      scale: k === 'nearest' ? 4 : 1, // the input, four times smaller than the result: only the framed part is enlarged
    })),
    pixels: () => [shown.nearest, shown.network],
    fallbackSize: LOUPE,
    box: LOUPE,
    valueText: (v) => fill(kitStrings[ctx.lang].loupeValueText, v),
    at: { x: 0.5, y: 0.5 },
    onMove: () => undefined,
  });
  ctx.el('download').addEventListener('click', async () => download(await pngOf(output), `super-resolution-${(output.dataset.model ?? 'result').replace(/[^\w.-]/g, '_')}.png`));

  /** Draws a run's result; `facts` go on the output canvas as data attributes (tiles, model, gflops). */
  function show(picture: RGBImage, result: RGBImage, facts: Record<string, string>): void {
    [shown.nearest, shown.network] = [toImageData(picture), toImageData(result)];
    drawWhole(output, shown.network);
    drawWhole(input, shown.nearest);
    [output.hidden, input.hidden, ctx.el('loupes-row').hidden, ctx.el('loupe-frame').hidden] = [false, false, false, false];
    Object.assign(output.dataset, facts);
    ctx.el<HTMLButtonElement>('download').disabled = false;
    loupes.draw();
  }
  return { show };
}
