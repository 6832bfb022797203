// Signed values as a diverging heat map: white at zero, orange towards the largest positive magnitude, blue
// towards the largest negative one (the colours of training/srt/site/figures_realesrgan.py's kernel pictures).
const POSITIVE = [0.85, 0.33, 0.1];
const NEGATIVE = [0.13, 0.4, 0.75];

/** RGBA bytes of `values` (row-major), each scaled by the largest magnitude. */
export function divergingRGBA(values: ArrayLike<number>): Uint8ClampedArray {
  let peak = 0;
  for (let i = 0; i < values.length; i++) peak = Math.max(peak, Math.abs(values[i]));
  const out = new Uint8ClampedArray(values.length * 4);
  for (let i = 0; i < values.length; i++) {
    const v = peak > 0 ? values[i] / peak : 0;
    const pos = Math.max(0, v);
    const neg = Math.max(0, -v);
    for (let c = 0; c < 3; c++) out[i * 4 + c] = Math.round(255 * (1 - pos * (1 - POSITIVE[c]) - neg * (1 - NEGATIVE[c])));
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** Draws `values` (w × h) on `canvas` at one canvas pixel per value. */
export function drawHeatMap(canvas: HTMLCanvasElement, values: ArrayLike<number>, w: number, h: number): void {
  canvas.width = w;
  canvas.height = h;
  canvas.getContext('2d')!.putImageData(new ImageData(divergingRGBA(values) as Uint8ClampedArray<ArrayBuffer>, w, h), 0, 0);
  canvas.hidden = false;
}

/** Draws values in [0, 1] (clipped) as grey levels, w × h, one canvas pixel per value. */
export function drawGrey(canvas: HTMLCanvasElement, values: ArrayLike<number>, w: number, h: number): void {
  const rgba = new Uint8ClampedArray(w * h * 4);
  for (let i = 0; i < w * h; i++) {
    rgba.fill(Math.round(255 * Math.min(1, Math.max(0, values[i]))), i * 4, i * 4 + 3);
    rgba[i * 4 + 3] = 255;
  }
  canvas.width = w;
  canvas.height = h;
  canvas.getContext('2d')!.putImageData(new ImageData(rgba, w, h), 0, 0);
  canvas.hidden = false;
}
