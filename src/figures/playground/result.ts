// The playground's result: the network's picture with the input (pixels repeated) over its left part, moved by
// the wipe slider; two synchronised loupes (input, network) over it; the PNG download of the network's picture.
import type { RGBImage } from '../../sr/image';
import { fill, playgroundStrings } from '../../i18n/playground';
import { kitStrings } from '../../i18n/kit';
import { attachLoupes } from '../../ui/controls/loupes';
import { bindSlider } from '../../ui/controls/slider';
import { drawWhole, toImageData } from '../../ui/draw/canvasDraw';
import type { FigureContext } from '../../ui/figure';
import { nearestUp } from '../../ui/images/crop';
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
    panels: ['nearest', 'network'].map((k) => ({ view: ctx.el('stage'), frame: ctx.el('loupe-frame'), loupe: ctx.root.querySelector<HTMLCanvasElement>(`canvas[data-loupe="${k}"]`)! })),
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
    drawWhole(output, toImageData(result));
    drawWhole(input, toImageData(picture));
    [shown.nearest, shown.network] = [toImageData(nearestUp(picture, 4)), toImageData(result)];
    [output.hidden, input.hidden, ctx.el('loupes-row').hidden, ctx.el('loupe-frame').hidden] = [false, false, false, false];
    Object.assign(output.dataset, facts);
    ctx.el<HTMLButtonElement>('download').disabled = false;
    loupes.draw();
  }
  return { show };
}
