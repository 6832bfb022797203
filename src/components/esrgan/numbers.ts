// Build-time access to single numbers of the zoo for the chapter prose (see Num.astro).
import { readZoo, type Zoo } from '../models/zoo-data';

let zoo: Zoo | null = null;
const getZoo = (): Zoo => (zoo ??= readZoo());

/** A number from a card (or the bicubic baseline), or null when it is not in this build. */
export function cardNumber(id: string, metric: string): number | null {
  const z = getZoo();
  const [set, key] = metric.split('.') as ['set5' | 'set14', 'psnr' | 'ssim' | 'niqe'];
  if (id === 'bicubic') return key ? (z.bicubic?.[set]?.[key] ?? null) : null;
  const card = [...z.generators, ...z.discriminators].find((c) => c.id === id);
  if (!card) return null;
  if (key) return card.metrics?.[set]?.[key] ?? null;
  if (metric === 'parameters') return card.parameters;
  if (metric.startsWith('params:')) return tensorParameters(card as { tensors?: Record<string, number[]> }, metric.slice(7));
  if (metric === 'kb') return Math.round(card.weights.bytes / 1024);
  const t = card.training as Record<string, unknown> | undefined;
  const v = t?.[metric];
  return typeof v === 'number' ? v : null;
}

export function formatNumber(v: number | null, metric: string, lang: 'en' | 'ja'): string {
  if (v === null) return '—';
  if (metric.endsWith('.ssim')) return v.toFixed(4);
  if (metric.includes('.')) return v.toFixed(2);
  if (metric === 'gpu_minutes') return v.toFixed(1);
  return new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US').format(v);
}

/** Number of weights in the tensors whose names start with `prefix` (from the card's tensor shapes). */
export function tensorParameters(card: { tensors?: Record<string, number[]> }, prefix: string): number | null {
  if (!card.tensors) return null;
  let n = 0;
  for (const [name, shape] of Object.entries(card.tensors)) {
    if (name.startsWith(prefix) && !name.includes('running_') && !name.endsWith('num_batches_tracked')) n += shape.reduce((a, b) => a * b, 1);
  }
  return n;
}
