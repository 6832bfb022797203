// Build-time readers for the chapter-3 data in public/data/esrgan (Node only, during `astro build`):
// figures.json (pre-computed pictures, training/srt/site/figures_esrgan.py) and the pipeline's
// perception-distortion.json. A file that is missing or malformed gives null, and the figures say so.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isActivations, type Activations } from './activations';
import { isPdData, type PdData } from './pdChart';
import { withBase, type Lang } from '../../i18n';
import { esrganStrings } from '../../i18n/esrgan';

export const DATA_DIR = 'data/esrgan';

export interface FiguresManifest {
  image: string;
  crop: { x: number; y: number; size: number; fx: number; fy: number };
  alphas: number[];
  variants: string[];
  files: {
    lr: string;
    weights: Record<string, string>;
    pixels: Record<string, string>;
    diff?: Record<string, string>;
    bn: Record<string, Record<string, string>>;
    disc_fake?: string;
  };
  /** Logits of both discriminators on the pre-computed real and generated patches. */
  disc?: { image: string; fake: string; logits: Record<string, { real: number[]; fake: number[] }> };
  /**
   * Generated pictures the live discriminator figure loads instead of running their generator: per source
   * (`esrgan_std`), the weights they were made with and one 256×256 PNG per demo photograph.
   */
  disc_precomputed?: Record<string, { weights_sha256: string; bytes: number; images: Record<string, string> }>;
}

function readJson(path: string): unknown {
  const file = join(process.cwd(), 'public', DATA_DIR, path);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

export function readFigures(): FiguresManifest | null {
  const m = readJson('figures.json') as FiguresManifest | null;
  return m?.files?.weights && m.crop ? m : null;
}

export function readPerceptionDistortion(): PdData | null {
  const d = readJson('perception-distortion.json');
  return isPdData(d) ? d : null;
}

export function readActivations(): Activations | null {
  const d = readJson('vgg-activations.json');
  return isActivations(d) ? d : null;
}

/** What every chapter-3 figure component starts with: its strings, the pipeline's manifest, and a shipped file's URL. */
export function chapterFigure(lang: Lang) {
  const figures = readFigures();
  const size = figures?.crop.size ?? 24;
  return {
    s: esrganStrings[lang],
    figures,
    asset: (path: string): string => withBase(path),
    /** The LR crop's side, and the root's data attributes that tell the live figure where the crop lies. */
    size,
    cropData: { 'crop-size': size, 'crop-fx': figures?.crop.fx ?? 0.5, 'crop-fy': figures?.crop.fy ?? 0.5, photo: figures?.image ?? 'chelsea' },
  };
}
