// Pure image steps shared by the chapter-2 widgets and their build-time pictures (no tfjs, no DOM):
// crop, the LR input (MATLAB bicubic ×1/4, src/sr/resizeCpu.ts), 8-bit rounding, and the numbers a panel
// shows. Everything the reader sees is an 8-bit picture, so every metric is computed on 8-bit values (as
// training/srt/measure/evaluate.py does).
import { createImage, type RGBImage } from '../../sr/image';
import { psnrY, ssimY } from '../../sr/metrics';
import { imresizeJs } from '../../sr/resizeCpu';
import { radialSpectrum, type RadialSpectrum } from '../../sr/spectrum';

export const SCALE = 4;
/** HR crop side (the LR input is HR / SCALE = 32 px: a few seconds per network on SwiftShader). */
export const HR_SIZE = 128;
export const LR_SIZE = HR_SIZE / SCALE;
/** PSNR / SSIM border, as the papers and results.md (the scale factor). */
export const BORDER = SCALE;
export const SPECTRUM_BINS = 32;

export function cropImage(img: RGBImage, left: number, top: number, w: number, h: number): RGBImage {
  const out = createImage(w, h);
  for (let y = 0; y < h; y++) {
    const src = ((top + y) * img.width + left) * 3;
    out.data.set(img.data.subarray(src, src + w * 3), y * w * 3);
  }
  return out;
}

/** Rounds to 8-bit levels exactly as toRGBA does (clamped, halves up), so canvases hold these values. */
export function quantize8(img: RGBImage): RGBImage {
  const out = createImage(img.width, img.height);
  for (let i = 0; i < img.data.length; i++) {
    const v = img.data[i];
    out.data[i] = (v > 0 ? Math.min(255, Math.floor(v * 255 + 0.5)) : 0) / 255;
  }
  return out;
}

/** The LR input the networks get: MATLAB bicubic ×1/4 of the HR crop, rounded to 8 bits. */
export function lowRes(hr: RGBImage): RGBImage {
  return quantize8(imresizeJs(hr, 1 / SCALE));
}

export interface PanelNumbers {
  /** null when there is no ground truth (the reader's image enlarged as it is). */
  psnr: number | null;
  ssim: number | null;
  spectrum: RadialSpectrum;
}

/** PSNR/SSIM (Y, border 4) against `truth` and the radial spectrum of an 8-bit output. */
export function panelNumbers(output: RGBImage, truth: RGBImage | null): PanelNumbers {
  const ok = truth && truth.width === output.width && truth.height === output.height;
  return {
    psnr: ok ? psnrY(output, truth, BORDER) : null,
    ssim: ok ? ssimY(output, truth, BORDER) : null,
    spectrum: radialSpectrum(output, SPECTRUM_BINS),
  };
}
