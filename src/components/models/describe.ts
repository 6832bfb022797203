// Card fields turned into readable phrases for the models page.
import type { Lang } from '../../i18n';
import { learningRate } from './format';
import { ms } from './models-strings';
import type { ModelCard } from './zoo-data';

/** "standard" / "relativistic" GAN loss in words; other values pass through. */
export function ganName(gan: string | null | undefined, lang: Lang): string {
  if (gan === 'standard') return ms(lang, 'ganStandard');
  if (gan === 'relativistic') return ms(lang, 'ganRelativistic');
  return gan ?? '—';
}

export interface LossTerm {
  key: string;
  label: string;
  weight: number;
}

/** Each loss term of a card with its weight, in words (unknown keys are shown as they are). */
export function lossTerms(card: ModelCard, lang: Lang): LossTerm[] {
  const t = card.training;
  return Object.entries(t?.losses ?? {}).map(([key, weight]) => {
    let label = key;
    if (key === 'mse') label = ms(lang, 'lossMse');
    else if (key === 'l1') label = ms(lang, 'lossL1');
    else if (key === 'vgg')
      label = ms(lang, 'lossVgg', {
        layer: t?.content_loss?.layer ?? '?',
        distance: (t?.content_loss?.distance ?? '?').toUpperCase(),
      });
    else if (key === 'gan') label = ms(lang, 'lossGan', { gan: ganName(t?.gan, lang) });
    return { key, label, weight };
  });
}

/** "rrdbnet (3 blocks, 64 features)"-style short architecture label. */
export function architectureLabel(card: ModelCard): string {
  const p = card.architecture.params ?? {};
  const parts = Object.entries(p).map(([k, v]) => `${k}=${v}`);
  return parts.length ? `${card.architecture.name} (${parts.join(', ')})` : card.architecture.name;
}

/** Learning rate with the schedule, e.g. "3×10⁻⁴". */
export function lrLabel(card: ModelCard): string {
  return card.training?.lr ? learningRate(card.training.lr) : '—';
}
