// The comparison figure's pure side: the columns it shows, the degraded input enlarged by repeating pixels (so
// every panel, and the loupes over it, have the same size), and each enlargement's Y-PSNR against the original
// (BT.601 luma, 4-pixel border, as training/srt/measure/evaluate.py and the chapter's table measure it).
import type { RGBImage } from '../../sr/image';
import { psnrY } from '../../sr/metrics';

export const SCALE = 4;
export const CROP = 128;
export const BORDER = 4;
/** Columns, left to right: the input, three enlargements, the original. */
export const COLUMNS = ['lr', 'bicubic', 'rrdb_psnr', 'realesrnet', 'hr'] as const;
export type Column = (typeof COLUMNS)[number];
export const MODELS = ['rrdb_psnr', 'realesrnet'] as const;

/** Y-PSNR of each enlargement against the original, rounded to 0.01 dB as the chapter prints them. */
export function scores(hr: RGBImage, outputs: Partial<Record<Column, RGBImage>>): Partial<Record<Column, number>> {
  const out: Partial<Record<Column, number>> = {};
  for (const [key, img] of Object.entries(outputs) as [Column, RGBImage][]) {
    if (key !== 'lr' && key !== 'hr') out[key] = Math.round(psnrY(img, hr, BORDER) * 100) / 100;
  }
  return out;
}
/** The loupes' side in output pixels. */
export const LOUPE = 24;
