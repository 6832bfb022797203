// Pure image steps shared by the chapter-2 widgets and their build-time pictures (no tfjs, no DOM):
// crop, MATLAB-style bicubic ×1/4 and ×4 (src/sr/contributions.ts weights, float64, separable), 8-bit
// rounding, and the numbers a panel shows. Everything the reader sees is an 8-bit picture, so every
// metric is computed on 8-bit values (as training/srt/evaluate.py does).
import { resampleWeights, type WeightMatrix } from '../../sr/contributions';
import { createImage, type RGBImage } from '../../sr/image';
import { psnrY, ssimY } from '../../sr/metrics';
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

/** Centre crop of at most `size` × `size`. */
export function centreCrop(img: RGBImage, size: number): RGBImage {
  const w = Math.min(size, img.width);
  const h = Math.min(size, img.height);
  return cropImage(img, Math.floor((img.width - w) / 2), Math.floor((img.height - h) / 2), w, h);
}

function applyRows(img: RGBImage, m: WeightMatrix): RGBImage {
  const out = createImage(img.width, m.rows);
  for (let o = 0; o < m.rows; o++) {
    for (let i = 0; i < m.cols; i++) {
      const wgt = m.data[o * m.cols + i];
      if (wgt === 0) continue;
      for (let x = 0; x < img.width * 3; x++) out.data[o * img.width * 3 + x] += wgt * img.data[i * img.width * 3 + x];
    }
  }
  return out;
}

function applyCols(img: RGBImage, m: WeightMatrix): RGBImage {
  const out = createImage(m.rows, img.height);
  for (let y = 0; y < img.height; y++) {
    for (let o = 0; o < m.rows; o++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let i = 0; i < m.cols; i++) {
        const wgt = m.data[o * m.cols + i];
        if (wgt === 0) continue;
        const p = (y * img.width + i) * 3;
        r += wgt * img.data[p];
        g += wgt * img.data[p + 1];
        b += wgt * img.data[p + 2];
      }
      const q = (y * m.rows + o) * 3;
      out.data[q] = r;
      out.data[q + 1] = g;
      out.data[q + 2] = b;
    }
  }
  return out;
}

/** MATLAB imresize(img, scale, 'bicubic') (Keys a = −0.5, antialiased when shrinking); sizes must divide. */
export function imresizeJs(img: RGBImage, scale: number): RGBImage {
  const w = Math.round(img.width * scale);
  const h = Math.round(img.height * scale);
  const mh = resampleWeights(img.height, h, 'bicubic', { scale });
  const mw = resampleWeights(img.width, w, 'bicubic', { scale });
  return applyCols(applyRows(img, mh), mw);
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
