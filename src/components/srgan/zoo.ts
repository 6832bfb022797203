// Build-time access to the chapter's measured models (public/weights cards, public/data/results.json). Runs in
// Node during `astro build` only: every number the chapter prints about our models comes from here, so a
// retrain updates the page.
import { readZoo, type ModelCard, type SetScores } from '../models/zoo-data';

/** The generators this chapter compares, in reading order (bicubic is the baseline row). */
export const CHAPTER_MODELS = ['srresnet', 'srresnet_vgg', 'srgan'] as const;
export type ChapterModel = (typeof CHAPTER_MODELS)[number];

export interface ChapterZoo {
  cards: Record<string, ModelCard>;
  bicubic: { set5: SetScores; set14: SetScores } | null;
  /** The evaluation table (public/data/results.json) by model id. */
  results: Record<string, { set5?: SetScores; set14?: SetScores }>;
}

let cached: ChapterZoo | null = null;

export function chapterZoo(): ChapterZoo {
  if (cached) return cached;
  const zoo = readZoo();
  const all = [...zoo.generators, ...zoo.discriminators];
  const cards = Object.fromEntries(all.map((c) => [c.id, c]));
  cached = { cards, bicubic: zoo.bicubic, results: zoo.results };
  return cached;
}

export type Field = 'psnr' | 'ssim' | 'niqe' | 'grid';

/**
 * A measured score: the card's (what the browser runs), else the evaluation table's for a field the card
 * predates (the grid index of older exports; bicubic, which has no card); null when neither has it.
 */
export function score(zoo: ChapterZoo, model: string, set: 'set5' | 'set14', field: Field): number | null {
  const ok = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  const fromCard = model === 'bicubic' ? zoo.bicubic?.[set]?.[field] : zoo.cards[model]?.metrics?.[set]?.[field];
  if (ok(fromCard)) return fromCard;
  const fromTable = zoo.results[model]?.[set]?.[field];
  return ok(fromTable) ? fromTable : null;
}

/** Digits the chapter prints for each metric (as the models page does). */
export const DIGITS: Record<Field, number> = { psnr: 2, ssim: 4, niqe: 2, grid: 1 };

export function formatScore(v: number | null, field: Field): string {
  return v === null ? '—' : v.toFixed(DIGITS[field]);
}
