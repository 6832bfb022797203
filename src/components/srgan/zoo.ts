// Build-time access to the chapter's measured models (public/weights cards, training/results). Runs in
// Node during `astro build` only: every number the chapter prints about our models comes from here, so a
// retrain updates the page.
import { readZoo, type ModelCard, type SetScores } from '../models/zoo-data';
import { activeIssues } from '../models/known-issues';

/** The generators this chapter compares, in reading order (bicubic is the baseline row). */
export const CHAPTER_MODELS = ['srresnet', 'srresnet_vgg', 'srgan'] as const;
export type ChapterModel = (typeof CHAPTER_MODELS)[number];

export interface ChapterZoo {
  cards: Record<string, ModelCard>;
  bicubic: { set5: SetScores; set14: SetScores } | null;
  /** Models whose "checkerboard" note (models/known-issues.ts) still applies to the shipped weights. */
  checkerboard: Set<string>;
}

let cached: ChapterZoo | null = null;

export function chapterZoo(): ChapterZoo {
  if (cached) return cached;
  const zoo = readZoo();
  const all = [...zoo.generators, ...zoo.discriminators];
  const cards = Object.fromEntries(all.map((c) => [c.id, c]));
  const checkerboard = new Set(activeIssues(zoo.generators).filter((i) => i.kind === 'checkerboard').map((i) => i.id));
  cached = { cards, bicubic: zoo.bicubic, checkerboard };
  return cached;
}

export type Field = 'psnr' | 'ssim' | 'niqe';

/** A measured score, or null when the card (or results.json for bicubic) is missing. */
export function score(zoo: ChapterZoo, model: string, set: 'set5' | 'set14', field: Field): number | null {
  const scores = model === 'bicubic' ? zoo.bicubic?.[set] : zoo.cards[model]?.metrics?.[set];
  const v = scores?.[field];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Digits the chapter prints for each metric (as the models page does). */
export const DIGITS: Record<Field, number> = { psnr: 2, ssim: 4, niqe: 2 };

export function formatScore(v: number | null, field: Field): string {
  return v === null ? '—' : v.toFixed(DIGITS[field]);
}
