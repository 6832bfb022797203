// Where two pictures differ, as a heat map (no DOM): the per-pixel largest channel difference with its mean and
// maximum, and its colours. Used by the BatchNorm and network-interpolation figures (src/figures/bn, interp).
import type { RGBImage } from '../../sr/image';


/** Per-pixel largest absolute channel difference (values in [0, 1] units), and its mean and max. */
export function diffMap(a: RGBImage, b: RGBImage): { width: number; height: number; map: Float32Array; mean: number; max: number } {
  if (a.width !== b.width || a.height !== b.height) throw new Error('diffMap: sizes differ');
  const n = a.width * a.height;
  const map = new Float32Array(n);
  let sum = 0;
  let max = 0;
  for (let p = 0; p < n; p++) {
    let d = 0;
    for (let c = 0; c < 3; c++) {
      const x = Math.min(1, Math.max(0, a.data[p * 3 + c]));
      const y = Math.min(1, Math.max(0, b.data[p * 3 + c]));
      d = Math.max(d, Math.abs(x - y));
      sum += Math.abs(x - y);
    }
    map[p] = d;
    max = Math.max(max, d);
  }
  return { width: a.width, height: a.height, map, mean: sum / (3 * n), max };
}

/**
 * Heat-map colours (RGBA bytes) of a difference map, scaled so that `scale` (in [0, 1] units) is the
 * brightest: black, through dark red and orange, to pale yellow.
 */
export function heatRGBA(map: Float32Array, scale: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(map.length * 4);
  const s = scale > 0 ? scale : 1;
  for (let i = 0; i < map.length; i++) {
    const t = Math.min(1, map[i] / s);
    out[i * 4] = 255 * Math.min(1, 2 * t);
    out[i * 4 + 1] = 255 * Math.max(0, Math.min(1, 2 * t - 0.6));
    out[i * 4 + 2] = 255 * Math.max(0, 3 * t - 2);
    out[i * 4 + 3] = 255;
  }
  return out;
}
